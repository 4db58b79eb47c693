import path from 'node:path';
import { minimatch } from 'minimatch';
import { findingsByFile, objectPlace, toFinding, type Place } from './findings.js';
import { LineIndex } from '../loaders/line-index.js';
import { own, recordAt } from '../values.js';
import { podOf } from '../model/workload.js';
import type { EngineRuleId, RulePlan } from './rule-plan.js';
import type { Finding } from './report.js';
import type { MessageIds } from '../rules/message-ids.generated.js';
import type { Resource, SourcePosition } from '../model/resource.js';

/**
 * Suppressions, and the engine's own rules about them: STS901 (no reason), STS902 (expired
 * config entry) and STS903 (matched nothing, with `--report-unused-suppressions`).
 */

/** The object annotation that silences rules for that object (or its pods). */
const suppressionAnnotation = 'sts-audit.io/ignore';
/** The word that starts an inline suppression comment. */
const inlineMarker = 'sts-audit-ignore';

/** The rules a suppression silences and why; `reason` is empty when none was given. */
interface SuppressionText {
  rules: string[];
  reason: string;
}

/** Reads `STS001,STS003 -- reason` (the `--` may be left out). */
function parseSuppression(text: string): SuppressionText | undefined {
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

/**
 * A finding of one of the engine's own rules (STS901–STS903) at a place; none when the rule does
 * not run. Their metadata is bound when the run is planned, which fails when it is missing.
 */
function engineFinding<Id extends EngineRuleId>(plan: RulePlan, id: Id, problem: { messageId: MessageIds[Id]; data: Record<string, string> }, place: Place): Finding[] {
  const rule = plan.engineRules.get(id);
  return rule ? [toFinding(rule, problem, place)] : [];
}

/** The place of an engine finding in a file: a config entry or a comment. */
function filePlace(file: string, position: SourcePosition, identity: string[]): Place {
  return { data: {}, location: { path: file, position }, identity: [file, ...identity] };
}

/** Marks the findings a suppression covers, unless an earlier one already did. */
function suppress(findings: readonly Finding[], covers: (finding: Finding) => boolean, suppression: Finding['suppressed']): boolean {
  let used = false;
  for (const finding of findings) {
    if (finding.suppressed !== null || !covers(finding)) continue;
    finding.suppressed = suppression;
    used = true;
  }
  return used;
}

/** The reason to record, saying so when none was given. */
const reasonOf = (reason: string): string => (reason === '' ? '(no reason given)' : reason);

/**
 * Applies an object's `sts-audit.io/ignore` annotations (on the object and on its pod template)
 * to the object's findings, and returns the engine's findings about them.
 */
export function applyAnnotationSuppressions(resource: Resource, findings: readonly Finding[], settings: SuppressionSettings, plan: RulePlan): Finding[] {
  const engineFindings: Finding[] = [];
  if (settings.inline === false) return engineFindings;
  // The object's own metadata, then its pod template's: no path is made for an object without the annotation, most of them.
  for (let step = 0; step < 2; step++) {
    const template = step === 1;
    const pod = template ? podOf(resource) : undefined;
    if (template && (!pod || resource.identity.kind === 'Pod')) continue;
    const value = own(recordAt(pod ? pod.templateMetadata : resource.data.metadata, 'annotations'), suppressionAnnotation);
    const parsed = typeof value === 'string' ? parseSuppression(value) : undefined;
    if (!parsed) continue;
    const used = suppress(findings, (finding) => parsed.rules.includes(finding.ruleId), { kind: 'annotation', reason: reasonOf(parsed.reason) });
    const place = pod ? pod.templateMetadataPath : ['metadata'];
    const problem = { path: [...place, 'annotations', suppressionAnnotation], target: 'key' as const, messageId: 'annotation' as const, data: { rules: parsed.rules.join(',') } };
    if (parsed.reason === '') engineFindings.push(...engineFinding(plan, 'STS901', problem, objectPlace(resource, problem)));
    if (!used && settings.reportUnused) engineFindings.push(...engineFinding(plan, 'STS903', problem, objectPlace(resource, problem)));
  }
  return engineFindings;
}

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
export function applyInlineSuppressions(findings: readonly Finding[], sources: ReadonlyArray<{ path: string; text: string }>, settings: SuppressionSettings, plan: RulePlan): Finding[] {
  if (settings.inline === false) return [];
  const byFile = findingsByFile(findings);
  const engineFindings: Finding[] = [];
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
      const place = filePlace(source.path, position, identity);
      if (comment.reason === '') engineFindings.push(...engineFinding(plan, 'STS901', { messageId: 'comment', data }, place));
      if (!used && settings.reportUnused) engineFindings.push(...engineFinding(plan, 'STS903', { messageId: 'comment', data }, place));
    }
  }
  return engineFindings;
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
export function applyConfigSuppressions(findings: readonly Finding[], settings: SuppressionSettings, plan: RulePlan): Finding[] {
  const config = settings.config;
  if (!config) return [];
  const today = settings.today ?? new Date().toISOString().slice(0, 10);
  const engineFindings: Finding[] = [];
  config.entries.forEach((entry, index) => {
    const data = { selector: describeEntry(entry), reason: entry.reason, expires: entry.expires ?? '' };
    const identity = ['config', data.selector];
    if (entry.expires !== undefined && entry.expires < today) {
      engineFindings.push(...engineFinding(plan, 'STS902', { messageId: 'expired', data }, filePlace(config.file, config.locate(['ignore', index, 'expires']), identity)));
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
      engineFindings.push(...engineFinding(plan, 'STS903', { messageId: 'config', data }, filePlace(config.file, config.locate(['ignore', index]), identity)));
    }
  });
  return engineFindings;
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
