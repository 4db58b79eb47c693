import type { Finding, Report } from '../engine/report.js';

/** Puts a finding's keys in the documented order, so the output reads as `interface.md` shows it. */
function orderedFinding(finding: Finding): Finding {
  const { ruleId, ruleName, level, message, remediation, location, renderedLocation, object, fingerprint, suppressed } = finding;
  return {
    ruleId,
    ruleName,
    level,
    message,
    remediation,
    ...(location ? { location } : {}),
    ...(renderedLocation ? { renderedLocation } : {}),
    ...(object ? { object } : {}),
    fingerprint,
    suppressed,
  };
}

/** The JSON report (`schemas/report.schema.json`): deterministic, two-space indented, newline-terminated. */
export function formatJson(report: Report): string {
  return `${JSON.stringify({ ...report, findings: report.findings.map(orderedFinding) }, null, 2)}\n`;
}
