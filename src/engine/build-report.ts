import { toolVersion } from '../package-files.js';
import { compareText } from '../compare.js';
import type { ClusterProfile } from '../model/resource.js';
import type { Finding, Report } from './report.js';
import type { BaselineCounts } from './suppressions.js';

const byPath = <T extends { path: string }>(a: T, b: T): number => compareText(a.path, b.path);

/** Orders findings by file, line, column and rule; findings about cluster objects by cluster and object. */
function compareFindings(a: Finding, b: Finding): number {
  const left = a.location;
  const right = b.location;
  const objectKey = (finding: Finding): string =>
    finding.object ? `${finding.object.cluster}\u0000${finding.object.namespace ?? ''}\u0000${finding.object.kind}\u0000${finding.object.name}` : '';
  return (
    compareText(left?.path ?? '', right?.path ?? '') ||
    compareText(left ? '' : objectKey(a), right ? '' : objectKey(b)) ||
    (left?.startLine ?? 0) - (right?.startLine ?? 0) ||
    (left?.startColumn ?? 0) - (right?.startColumn ?? 0) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message) ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

/** Puts a scan's or an audit's parts together into one deterministic report. */
export function buildReport(profiles: ClusterProfile[], findings: Finding[], inputs: Report['inputs'], baseline?: BaselineCounts): Report {
  findings.sort(compareFindings);
  const summary: Report['summary'] = { error: 0, warning: 0, note: 0, suppressed: 0, complete: inputs.errors.length === 0, ...(baseline ? { baseline } : {}) };
  for (const finding of findings) {
    if (finding.suppressed) summary.suppressed++;
    else summary[finding.level]++;
  }
  return {
    schemaVersion: '1',
    tool: { name: 'sts-audit', version: toolVersion },
    profiles,
    findings,
    inputs: {
      ...inputs,
      skipped: [...inputs.skipped].sort(byPath),
      errors: [...inputs.errors].sort(byPath),
      ...(inputs.testCode ? { testCode: [...inputs.testCode].sort(compareText) } : {}),
    },
    summary,
  };
}
