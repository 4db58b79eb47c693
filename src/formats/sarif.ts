import { builtin } from '../builtins.js';
import { toolHomepage } from '../package-files.js';
import type * as Sarif from 'sarif';
import { fingerprintKey } from '../engine/fingerprint.js';
import type { Finding, Report } from '../engine/report.js';
import type { RuleMetadata } from '../rules/catalogue.js';

/** Options of {@link formatSarif}. */
export interface SarifOptions {
  /** `automationDetails.id`: tells apart analyses of the same repository (`--category`). */
  category?: string;
  /** GitHub's limits, unless told otherwise. */
  limits?: typeof githubLimits;
}

/** The SARIF text, and what had to be left out to stay within GitHub's limits. */
export interface SarifOutput {
  text: string;
  warnings: string[];
}

/** GitHub code scanning refuses runs over these (docs: "SARIF support for code scanning", upload limits). */
export const githubLimits = { resultsPerRun: 25_000, gzippedBytes: 10 * 1024 * 1024 };

const rulesDocs = `${toolHomepage}/blob/main/docs/rules.md`;

/** A repository-relative POSIX path as a URI reference: each segment percent-encoded. */
export function pathToUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

const severityRank = { error: 0, warning: 1, note: 2, none: 3 } as const;

/** Errors first, then warnings, then notes; path order kept within each (a stable sort). */
function mostSevereFirst(results: readonly Sarif.Result[]): Sarif.Result[] {
  return [...results].sort((a, b) => severityRank[a.level ?? 'warning'] - severityRank[b.level ?? 'warning']);
}

function ruleDescriptor(rule: RuleMetadata): Sarif.ReportingDescriptor {
  const tags = [...rule.tags];
  if (rule.cwe) tags.push(`external/cwe/${rule.cwe.toLowerCase()}`);
  return {
    id: rule.id,
    // SARIF's friendly names are Pascal-case by convention (Multitool SARIF2012); the JSON report keeps the kebab-case name.
    name: rule.name.replace(/(?:^|-)([a-z0-9])/g, (_, letter: string) => letter.toUpperCase()),
    shortDescription: { text: rule.shortDescription.trim() },
    fullDescription: { text: rule.fullDescription.trim() },
    help: { text: `${rule.fullDescription.trim()}\n\nHow to fix: ${rule.remediation.trim()}`, markdown: rule.help.trim() },
    helpUri: `${rulesDocs}#${rule.id.toLowerCase()}`,
    defaultConfiguration: { level: rule.level },
    properties: { tags, precision: rule.precision, 'security-severity': rule.securitySeverity },
  };
}

function result(finding: Finding, ruleIndex: number, sameLine: number): Sarif.Result {
  const extra = sameLine > 0 ? ` (${sameLine} more on this line)` : '';
  const sarifResult: Sarif.Result = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: finding.level,
    message: { text: `${finding.message}${extra}` },
    locations: [],
    partialFingerprints: { [fingerprintKey]: finding.fingerprint },
  };
  const location: Sarif.Location = {};
  // A live object has no file: its location is in its YAML, at the path --dump-objects writes it to.
  const located = finding.location ?? finding.renderedLocation;
  if (located) {
    const { path, startLine, startColumn, endLine, endColumn, snippet, snippetColumn, lineHash } = located;
    const offset = (snippetColumn ?? 1) - 1;
    const regionText = startLine === endLine ? snippet.slice(startColumn - 1 - offset, endColumn - 1 - offset) : '';
    location.physicalLocation = {
      artifactLocation: { uri: pathToUri(path), uriBaseId: '%SRCROOT%' },
      region: { startLine, startColumn, endLine, endColumn, ...(regionText ? { snippet: { text: regionText } } : {}) },
      // The whole start line, so that a reader without the repository sees the finding in place.
      ...(snippetColumn === undefined ? { contextRegion: { startLine, endLine: startLine, snippet: { text: snippet } } } : {}),
    };
    if (lineHash) sarifResult.partialFingerprints!.primaryLocationLineHash = lineHash;
  }
  if (finding.object) {
    const { kind, namespace, name, cluster } = finding.object;
    location.logicalLocations = [{ name, kind: 'object', fullyQualifiedName: `${cluster}/${kind}/${namespace ?? ''}/${name}` }];
  }
  sarifResult.locations = [location];
  return sarifResult;
}

/** A notification about an input, located at its file, and at its line and column when known. */
function inputNotification(level: Sarif.Notification.level, item: { path: string; line?: number; column?: number }, text: string): Sarif.Notification {
  const region = item.line ? { region: { startLine: item.line, ...(item.column ? { startColumn: item.column } : {}) } } : {};
  return { level, message: { text }, locations: [{ physicalLocation: { artifactLocation: { uri: pathToUri(item.path), uriBaseId: '%SRCROOT%' }, ...region } }] };
}

/**
 * The report as SARIF 2.1.0 for GitHub code scanning and dashboards: one run, every rule with its
 * help, one result per rule and line, suppressed findings left out. Over GitHub's limits, results
 * are cut (errors first kept) and the cut is said in `warnings` and in the run.
 */
export function formatSarif(report: Report, rules: readonly RuleMetadata[], options: SarifOptions = {}): SarifOutput {
  const limits = options.limits ?? githubLimits;
  const warnings: string[] = [];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const byLine = new Map<string, { finding: Finding; count: number }>();
  for (const finding of report.findings) {
    if (finding.suppressed !== null) continue;
    const located = finding.location ?? finding.renderedLocation;
    const key = located ? `${finding.ruleId}\u0000${located.path}\u0000${located.startLine}` : `${finding.ruleId}\u0000${finding.fingerprint}`;
    const entry = byLine.get(key);
    if (entry) entry.count++;
    else byLine.set(key, { finding, count: 0 });
  }
  let results = [...byLine.values()].map(({ finding, count }) => result(finding, ruleIndex.get(finding.ruleId) ?? -1, count));
  if (results.length > limits.resultsPerRun) {
    results = mostSevereFirst(results).slice(0, limits.resultsPerRun);
    warnings.push(`SARIF cut to ${limits.resultsPerRun} results, GitHub's limit per run; the JSON report has all ${byLine.size}`);
  }
  const notifications: Sarif.Notification[] = [
    ...report.inputs.errors.map((error) => inputNotification('error', error, `${error.path}: ${error.message}`)),
    // Notes: an input analysed only in part is no failure of the run.
    ...(report.inputs.unanalysed ?? []).map((item) => inputNotification('note', item, `${item.path}: recognised but not analysed, or only in part (${item.kind}): ${item.reason}`)),
    ...warnings.map((text): Sarif.Notification => ({ level: 'warning', message: { text } })),
  ];
  const run: Sarif.Run = {
    tool: {
      driver: {
        name: report.tool.name,
        semanticVersion: report.tool.version,
        version: report.tool.version,
        informationUri: toolHomepage,
        rules: rules.map(ruleDescriptor),
      },
    },
    ...(options.category ? { automationDetails: { id: `${options.category}/` } } : {}),
    originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The root the scan ran in: paths are relative to it.' } } },
    invocations: [{ executionSuccessful: report.summary.complete, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
    columnKind: 'utf16CodeUnits',
    results,
    properties: {
      profiles: report.profiles,
      inputs: {
        files: report.inputs.files,
        documents: report.inputs.documents,
        objects: report.inputs.objects,
        ...(report.inputs.testCode ? { testCode: report.inputs.testCode } : {}),
        ...(report.inputs.unanalysed ? { unanalysed: report.inputs.unanalysed } : {}),
      },
      ...(report.inventory ? { inventory: report.inventory } : {}),
    },
  };
  const log: Sarif.Log = { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] };
  let text = `${JSON.stringify(log, null, 2)}\n`;
  const { gzipSync } = builtin('node:zlib');
  if (gzipSync(text).length > limits.gzippedBytes) {
    // Results are what grows; drop the least severe until the file fits.
    run.results = mostSevereFirst(run.results!);
    while (run.results.length > 0 && gzipSync(text).length > limits.gzippedBytes) {
      run.results = run.results!.slice(0, Math.floor(run.results!.length * 0.9));
      text = `${JSON.stringify(log, null, 2)}\n`;
    }
    warnings.push(`SARIF cut to ${run.results.length} results to stay under GitHub's ${limits.gzippedBytes}-byte gzipped limit`);
    run.invocations![0]!.toolExecutionNotifications = [...notifications, { level: 'warning', message: { text: warnings.at(-1)! } }];
    text = `${JSON.stringify(log, null, 2)}\n`;
  }
  return { text, warnings };
}
