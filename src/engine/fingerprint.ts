import { createHash } from 'node:crypto';

/**
 * A line-independent fingerprint: a hash of what identifies the problem (rule, file or object,
 * offending field and text), so it survives edits elsewhere in the file.
 */
export function fingerprint(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}
