/**
 * A cluster that cannot be reached as asked: exit 2, with what to do. The cluster audit is a
 * bundle of its own, with its own copy of this class: an error is one by its name, whichever copy
 * made it.
 */
export class ClusterUsageError extends Error {
  override name = 'ClusterUsageError';

  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'ClusterUsageError';
  }
}
