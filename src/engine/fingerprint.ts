import { sha256Hex } from './sha256.js';

/** The key of the fingerprint in SARIF's `partialFingerprints`, beside GitHub's line hash; baselines read it back. */
export const fingerprintKey = 'stsAuditFingerprint/v1';

/**
 * A line-independent fingerprint: a hash of what identifies the problem (rule, file or object,
 * offending field and text), so it survives edits elsewhere in the file.
 */
export function fingerprint(parts: readonly string[]): string {
  return sha256Hex(parts.join('\u0000')).slice(0, 32);
}
