/** A cluster that cannot be reached as asked: exit 2, with what to do. */
export class ClusterUsageError extends Error {}
