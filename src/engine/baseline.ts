import { readFileSync } from 'node:fs';
import { fingerprintKey } from './fingerprint.js';
import { isRecord } from '../values.js';

/** A baseline that cannot be used: exit 2, nothing scanned. */
export class BaselineError extends Error {}

/**
 * The fingerprints of a previous report: a JSON report's `findings[].fingerprint`, or a SARIF
 * log's `partialFingerprints["stsAuditFingerprint/v1"]`.
 */
export function readBaseline(file: string): Set<string> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? `not JSON (${error.message})` : `cannot read it: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
    throw new BaselineError(`baseline ${file}: ${reason}`);
  }
  const fingerprints = new Set<string>();
  if (isRecord(value) && Array.isArray(value.findings)) {
    for (const finding of value.findings) if (isRecord(finding) && typeof finding.fingerprint === 'string') fingerprints.add(finding.fingerprint);
    return fingerprints;
  }
  if (isRecord(value) && Array.isArray(value.runs)) {
    for (const run of value.runs) {
      for (const result of isRecord(run) && Array.isArray(run.results) ? run.results : []) {
        const fingerprint = isRecord(result) && isRecord(result.partialFingerprints) ? result.partialFingerprints[fingerprintKey] : undefined;
        if (typeof fingerprint === 'string') fingerprints.add(fingerprint);
      }
    }
    return fingerprints;
  }
  throw new BaselineError(`baseline ${file}: neither an sts-audit JSON report (findings) nor a SARIF log (runs)`);
}
