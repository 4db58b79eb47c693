import { toolVersion } from '../package-files.js';
import { compareText } from '../compare.js';
import type { ClusterProfile } from '../model/resource.js';
import type { Finding, Report } from './report.js';
import type { BaselineCounts } from './suppressions.js';

const byPath = <T extends { path: string }>(a: T, b: T): number => compareText(a.path, b.path);

/**
 * Orders findings by file, line, column and rule; findings about cluster objects by cluster and
 * object, then by line and column in the object's YAML.
 */
function compareFindings(a: Finding, b: Finding): number {
  const left = a.location;
  const right = b.location;
  const objectKey = (finding: Finding): string =>
    finding.object ? `${finding.object.cluster}\u0000${finding.object.namespace ?? ''}\u0000${finding.object.kind}\u0000${finding.object.name}` : '';
  const leftAt = left ?? a.renderedLocation;
  const rightAt = right ?? b.renderedLocation;
  return (
    compareText(left?.path ?? '', right?.path ?? '') ||
    compareText(left ? '' : objectKey(a), right ? '' : objectKey(b)) ||
    (leftAt?.startLine ?? 0) - (rightAt?.startLine ?? 0) ||
    (leftAt?.startColumn ?? 0) - (rightAt?.startColumn ?? 0) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message) ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

/** Puts a scan's or an audit's parts together into one deterministic report. */
export function buildReport(profiles: ClusterProfile[], findings: Finding[], inputs: Report['inputs'], baseline?: BaselineCounts): Report {
  findings.sort(compareFindings);
  // A scan that read nothing but passed over something is no more clean than one that failed to read.
  const complete = inputs.errors.length === 0 && !(inputs.files === 0 && inputs.skipped.length > 0);
  const summary: Report['summary'] = { error: 0, warning: 0, note: 0, suppressed: 0, complete, ...(baseline ? { baseline } : {}) };
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
      ...(inputs.unanalysed ? { unanalysed: [...inputs.unanalysed].sort((a, b) => byPath(a, b) || (a.line ?? 0) - (b.line ?? 0) || compareText(a.reason, b.reason)) } : {}),
      ...(inputs.testCode ? { testCode: [...inputs.testCode].sort(compareText) } : {}),
    },
    summary,
  };
}
