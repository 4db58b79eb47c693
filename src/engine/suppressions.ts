import path from 'node:path';
import { minimatch } from 'minimatch';
import { buildFinding, findingsByFile } from './findings.js';
import { LineIndex } from '../loaders/line-index.js';
import type { Finding } from './report.js';
import type { RuleMetadata } from '../rules/catalogue.js';
import type { Level, SourcePosition } from '../model/resource.js';

/**
 * Suppressions, and the engine's own rules about them: STS901 (no reason), STS902 (expired
 * config entry) and STS903 (matched nothing, with `--report-unused-suppressions`).
 */

/** The object annotation that silences rules for that object (or its pods). */
export const suppressionAnnotation = 'sts-audit.io/ignore';
/** The word that starts an inline suppression comment. */
const inlineMarker = 'sts-audit-ignore';

/** The rules a suppression silences and why; `reason` is empty when none was given. */
export interface SuppressionText {
  rules: string[];
  reason: string;
}

/** Reads `STS001,STS003 -- reason` (the `--` may be left out). */
export function parseSuppression(text: string): SuppressionText | undefined {
  const match = /^\s*((?:STS\d{3}(?:\s*,\s*|\s+|$))+)(?:--)?\s*(.*?)\s*$/.exec(text);
  if (!match) return undefined;
  return { rules: (match[1] as string).split(/[\s,]+/).filter(Boolean), reason: match[2] as string };
}

/** One entry of the config file's `ignore:` list. */
export interface IgnoreEntry {
  rule?: string | string[];
  path?: string;
  namespace?: string;
  kind?: string;
  name?: string;
  reason: string;
  /** `YYYY-MM-DD`: the last day the entry suppresses. */
  expires?: string;
}

/** How suppressions and baselines apply to a scan. */
export interface SuppressionSettings {
  /** Honour annotations and comments written in the scanned files (`--no-inline-suppressions` says no). */
  inline?: boolean;
  /** Report suppressions that matched nothing (STS903). */
  reportUnused?: boolean;
  /** Today, `YYYY-MM-DD` in UTC: config entries stop suppressing after their `expires` day. */
  today?: string;
  /** The config file's `ignore:` list, with where each entry is written. */
  config?: {
    entries: readonly IgnoreEntry[];
    /** The config file, relative to the scan root. */
    file: string;
    /** The config file's folder, relative to the scan root: `path` globs are relative to it. */
    folder: string;
    locate(path: readonly (string | number)[]): SourcePosition;
  };
  /** Fingerprints of a previous report: their findings are not new. */
  baseline?: { file: string; fingerprints: ReadonlySet<string> };
}

/** The engine rules' metadata, and which of them run at which level. */
export interface MetaRules {
  catalogue: ReadonlyMap<string, RuleMetadata>;
  enabled(id: string): boolean;
  levels: ReadonlyMap<string, Level>;
}

/** A finding of one of the engine's own rules, at a place in a file. */
function metaFinding(meta: MetaRules, id: string, messageId: string, data: Record<string, string>, file: string, position: SourcePosition, identity: string[]): Finding[] {
  if (!meta.enabled(id)) return [];
  const metadata = meta.catalogue.get(id);
  if (!metadata) throw new Error(`rule ${id} has no metadata in rules/`);
  const configuredLevel = meta.levels.get(id);
  return [buildFinding({ metadata, messageId, data, ...(configuredLevel ? { configuredLevel } : {}), location: { path: file, position }, identity: [file, ...identity] })];
}

/** Marks the findings a suppression covers, unless an earlier one already did. */
export function suppress(findings: readonly Finding[], covers: (finding: Finding) => boolean, suppression: Finding['suppressed']): boolean {
  let used = false;
  for (const finding of findings) {
    if (finding.suppressed !== null || !covers(finding)) continue;
    finding.suppressed = suppression;
    used = true;
  }
  return used;
}

/** The reason to record, saying so when none was given. */
export const reasonOf = (reason: string): string => (reason === '' ? '(no reason given)' : reason);

/** A comment that carries a suppression, and the line it silences. */
interface InlineSuppression extends SuppressionText {
  /** 1-based line of the comment. */
  line: number;
  /** The line whose findings it silences: its own when it trails code, else the next. */
  target: number;
  column: number;
  length: number;
}

const commentStart = /(?:#|\/\/|\/\*|<!--|--|;|\*)\s*sts-audit-ignore\b/g;

function inlineSuppressions(text: string): InlineSuppression[] {
  const found: InlineSuppression[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((lineText, index) => {
    commentStart.lastIndex = 0;
    const match = commentStart.exec(lineText);
    if (!match) return;
    const after = lineText.slice(match.index + match[0].length).replace(/\s*(?:\*\/|-->)\s*$/, '');
    const parsed = parseSuppression(after);
    if (!parsed) return;
    const alone = lineText.slice(0, match.index).trim() === '';
    found.push({ ...parsed, line: index + 1, target: alone ? index + 2 : index + 1, column: match.index + 1, length: lineText.length - match.index });
  });
  return found;
}

/**
 * Applies `sts-audit-ignore` comments: on the finding's line, or alone on the line above. Returns
 * the engine's findings about the comments.
 */
export function applyInlineSuppressions(findings: readonly Finding[], sources: ReadonlyArray<{ path: string; text: string }>, settings: SuppressionSettings, meta: MetaRules): Finding[] {
  if (settings.inline === false) return [];
  const byFile = findingsByFile(findings);
  const metaFindings: Finding[] = [];
  for (const source of sources) {
    if (!source.text.includes(inlineMarker)) continue;
    const inFile = byFile.get(source.path) ?? [];
    const lines = new LineIndex(source.text);
    for (const comment of inlineSuppressions(source.text)) {
      const used = suppress(
        inFile,
        (finding) => finding.location!.startLine === comment.target && comment.rules.includes(finding.ruleId),
        { kind: 'inline', reason: reasonOf(comment.reason) },
      );
      const position: SourcePosition = {
        startLine: comment.line,
        startColumn: comment.column,
        endLine: comment.line,
        endColumn: comment.column + comment.length,
        lineText: lines.lineText(comment.line),
      };
      const data = { rules: comment.rules.join(',') };
      const identity = ['comment', comment.rules.join(','), String(comment.target - comment.line)];
      if (comment.reason === '') metaFindings.push(...metaFinding(meta, 'STS901', 'comment', data, source.path, position, identity));
      if (!used && settings.reportUnused) metaFindings.push(...metaFinding(meta, 'STS903', 'comment', data, source.path, position, identity));
    }
  }
  return metaFindings;
}

function describeEntry(entry: IgnoreEntry): string {
  const parts = [
    entry.rule === undefined ? '' : [entry.rule].flat().join(','),
    entry.kind ?? '',
    entry.namespace === undefined ? '' : `namespace ${entry.namespace}`,
    entry.name === undefined ? '' : `name ${entry.name}`,
    entry.path === undefined ? '' : `path ${entry.path}`,
  ].filter(Boolean);
  return parts.join(' ');
}

/** Applies the config file's `ignore:` entries. Returns the engine's findings about them. */
export function applyConfigSuppressions(findings: readonly Finding[], settings: SuppressionSettings, meta: MetaRules): Finding[] {
  const config = settings.config;
  if (!config) return [];
  const today = settings.today ?? new Date().toISOString().slice(0, 10);
  const metaFindings: Finding[] = [];
  config.entries.forEach((entry, index) => {
    const data = { selector: describeEntry(entry), reason: entry.reason, expires: entry.expires ?? '' };
    const identity = ['config', data.selector];
    if (entry.expires !== undefined && entry.expires < today) {
      metaFindings.push(...metaFinding(meta, 'STS902', 'expired', data, config.file, config.locate(['ignore', index, 'expires']), identity));
      return;
    }
    const rules = entry.rule === undefined ? undefined : [entry.rule].flat();
    const covers = (finding: Finding): boolean => {
      if (rules && !rules.includes(finding.ruleId)) return false;
      if (entry.kind !== undefined && finding.object?.kind !== entry.kind) return false;
      if (entry.namespace !== undefined && finding.object?.namespace !== entry.namespace) return false;
      if (entry.name !== undefined && finding.object?.name !== entry.name) return false;
      if (entry.path !== undefined) {
        if (!finding.location) return false;
        const relative = path.posix.relative(config.folder, finding.location.path);
        if (relative.startsWith('../') || !minimatch(relative, entry.path, { dot: true })) return false;
      }
      return true;
    };
    const suppression = { kind: 'config' as const, reason: entry.reason, ...(entry.expires ? { expires: entry.expires } : {}) };
    if (!suppress(findings, covers, suppression) && settings.reportUnused) {
      metaFindings.push(...metaFinding(meta, 'STS903', 'config', data, config.file, config.locate(['ignore', index]), identity));
    }
  });
  return metaFindings;
}

/** How the findings compare with a baseline. */
export interface BaselineCounts {
  new: number;
  baselined: number;
  fixed: number;
}

/** Marks the findings a baseline already holds; counts new, baselined and fixed ones. */
export function applyBaseline(findings: readonly Finding[], baseline: NonNullable<SuppressionSettings['baseline']>): BaselineCounts {
  const seen = new Set<string>();
  let baselined = 0;
  let fresh = 0;
  for (const finding of findings) {
    seen.add(finding.fingerprint);
    if (finding.suppressed !== null) continue;
    if (baseline.fingerprints.has(finding.fingerprint)) {
      finding.suppressed = { kind: 'baseline', reason: `in the baseline ${baseline.file}` };
      baselined++;
    } else {
      fresh++;
    }
  }
  let fixed = 0;
  for (const known of baseline.fingerprints) if (!seen.has(known)) fixed++;
  return { new: fresh, baselined, fixed };
}
