import type { InventoryEntry } from './inventory.js';
import type { ClusterProfile, Level, ObjectIdentity, Range } from '../model/resource.js';
import type { InputError, SkippedInput } from '../model/inputs.js';
import type { Inputs } from '../model/source.js';

export type { InputError, Level, SkippedInput };

/** Where a finding is in a file. */
export interface FindingLocation extends Range {
  /** Relative to the scan root, POSIX separators. */
  path: string;
  /** The text of the finding's first line, for display; of a long line, only a part around the finding. */
  snippet: string;
  /** Where a part of a long line starts: the 1-based column of the snippet's first character. */
  snippetColumn?: number;
  /** GitHub code scanning's `primaryLocationLineHash` of the start line, when asked for. */
  lineHash?: string;
}

/** Why a finding does not count. */
export interface Suppression {
  kind: 'annotation' | 'inline' | 'config' | 'baseline';
  reason: string;
  /** The last day a config entry suppresses. */
  expires?: string;
}

/** One problem found. */
export interface Finding {
  ruleId: string;
  ruleName: string;
  level: Level;
  message: string;
  remediation: string;
  location?: FindingLocation;
  /**
   * Of a live object, which has no file: where the finding is in the object as YAML, the text
   * `--dump-objects` writes at this path and SARIF points into.
   */
  renderedLocation?: FindingLocation;
  object?: ObjectIdentity & { cluster: string };
  /** Stable across unrelated edits: rule, object or path, offending field and text; no line numbers. */
  fingerprint: string;
  suppressed: Suppression | null;
}

/** A profile as the report shows it. */
export type ReportProfile = Omit<ClusterProfile, 'assumptions'> & { assumptions: string[] };


/** The whole result of a scan (`interface.md`, JSON report). */
export interface Report {
  schemaVersion: '1';
  tool: { name: 'sts-audit'; version: string };
  profiles: ReportProfile[];
  findings: Finding[];
  inputs: Inputs;
  /** With `--inventory`: every IRSA ServiceAccount modeled. */
  inventory?: InventoryEntry[];
  summary: {
    error: number;
    warning: number;
    note: number;
    suppressed: number;
    complete: boolean;
    /** With `--baseline`: findings not in it, findings in it, and its findings no longer found. */
    baseline?: { new: number; baselined: number; fixed: number };
  };
}

/** The `--fail-on` threshold. */
export type FailOn = Level | 'none';

const rank: Record<Level, number> = { note: 1, warning: 2, error: 3 };

/** The exit code of a finished scan (`interface.md`): 1 for findings at the threshold, else 3 if incomplete, else 0. */
export function exitCode(report: Report, failOn: FailOn): 0 | 1 | 3 {
  if (failOn !== 'none') {
    const threshold = rank[failOn];
    if (report.findings.some((finding) => finding.suppressed === null && rank[finding.level] >= threshold)) return 1;
  }
  return report.summary.complete ? 0 : 3;
}

/** Why a scan that skipped every input is incomplete. */
export const nothingScanned = 'every input was skipped, nothing was scanned';

/** Why a report is incomplete, for a one-line message; undefined when it is complete. */
export function incompleteReason(report: Report): string | undefined {
  if (report.summary.complete) return undefined;
  const errors = report.inputs.errors.length;
  return errors > 0 ? `${errors} input(s) could not be read or parsed` : nothingScanned;
}

/** `4 eksctl, 9 manifest`: the IRSA ServiceAccounts modeled per input kind; undefined when there are none. */
export function serviceAccountCounts(report: Report): string | undefined {
  const counts = Object.entries(report.inputs.serviceAccounts ?? {});
  return counts.length === 0 ? undefined : counts.map(([kind, count]) => `${count} ${kind}`).join(', ');
}

/** Where an input error or an unanalysed input is: its path, and its line and column when known. */
export function inputPlace(item: { path: string; line?: number; column?: number }): string {
  return `${item.path}${item.line === undefined ? '' : `:${item.line}${item.column === undefined ? '' : `:${item.column}`}`}`;
}
