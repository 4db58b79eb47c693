import { describeProfile } from '../profiles/describe-profile.js';
import { toolHomepage } from '../package-files.js';
import { fenceLanguage } from '../code/languages.js';
import { inputPlace, nothingScanned, serviceAccountCounts, type Finding, type Report } from '../engine/report.js';
import type { InventoryEntry } from '../engine/inventory.js';

/** Options of {@link formatMarkdown}. */
export interface MarkdownOptions {
  /** Largest output in bytes; GitHub takes at most 1 MiB per job summary step. */
  maxBytes?: number;
}

export const jobSummaryLimit = 1024 * 1024;
const rulesDocs = `${toolHomepage}/blob/main/docs/rules.md`;

/** Text that stays text inside a table cell or HTML: no pipes, line breaks or tags. */
function cell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A code span that survives backticks inside the text. */
function code(text: string): string {
  const fence = '`'.repeat((text.match(/`+/g) ?? ['']).reduce((longest, run) => Math.max(longest, run.length), 0) + 1);
  return `${fence}${fence.length > 1 ? ' ' : ''}${text.replace(/\|/g, '\\|')}${fence.length > 1 ? ' ' : ''}${fence}`;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
const icons = { error: '🔴', warning: '🟠', note: '🔵' } as const;

function where(finding: Finding): string {
  if (finding.location) return code(`${finding.location.path}:${finding.location.startLine}:${finding.location.startColumn}`);
  return finding.object ? `cluster ${cell(finding.object.cluster)}` : '';
}

function objectName(finding: Finding): string {
  if (!finding.object) return '';
  const { kind, namespace, name } = finding.object;
  return cell(`${kind} ${namespace ? `${namespace}/` : ''}${name}`);
}

function detail(finding: Finding): string {
  const lines = [`#### ${icons[finding.level]} [${finding.ruleId}](${rulesDocs}#${finding.ruleId.toLowerCase()}) ${finding.ruleName} at ${where(finding)}`, '', cell(finding.message), ''];
  // A live object's snippet is the line of its YAML, as --dump-objects writes it.
  const shownAt = finding.location ?? finding.renderedLocation;
  if (shownAt) lines.push(`\`\`\`${fenceLanguage(shownAt.path) ?? ''}`, shownAt.snippet.replace(/```/g, '`​``'), '```', '');
  lines.push(`**Fix:** ${cell(finding.remediation)}`, '');
  return lines.join('\n');
}

/** With `--inventory`: the IRSA ServiceAccounts modeled, folded away, as many as `budget` bytes hold. */
function inventoryBlock(entries: readonly InventoryEntry[], budget: number, maxBytes: number): string[] {
  if (entries.length === 0) return [];
  const rows: string[] = [];
  let left = budget;
  for (const entry of entries) {
    const account = `${entry.namespace ? `${entry.namespace}/` : ''}${entry.name}`;
    const endpoint = entry.endpoint ? `${code(JSON.stringify(entry.endpoint.value))} at ${code(`${entry.endpoint.path}:${entry.endpoint.line}:${entry.endpoint.column}`)}` : 'not set';
    const row = `| ${code(`${entry.path}:${entry.line}:${entry.column}`)} | ${cell(account)} | ${entry.input}${entry.builtBy ? `: ${cell(entry.builtBy)}` : ''} | ${code(entry.roleArn)} | ${endpoint} | ${cell(entry.profile.name)} |`;
    left -= Buffer.byteLength(row) + 1;
    if (left < 0) break;
    rows.push(row);
  }
  const cut = rows.length < entries.length ? [`> [!NOTE]`, `> ${entries.length - rows.length} more are not shown, to stay under the ${maxBytes}-byte summary limit; the JSON report has them all.`, ''] : [];
  return [
    `<details><summary>IRSA ServiceAccounts modeled (${entries.length})</summary>`,
    '',
    '| role written at | ServiceAccount | input | role | sts-regional-endpoints | cluster |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    ...cut,
    '</details>',
    '',
  ];
}

/**
 * The report as Markdown for pull-request comments and job summaries: the verdict, counts by
 * level, a table of findings linking each rule's docs, details folded away, the clusters, and
 * what was skipped or could not be read. Cut with a note to stay under `maxBytes`.
 */
export function formatMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const maxBytes = options.maxBytes ?? jobSummaryLimit;
  const shown = report.findings.filter((finding) => finding.suppressed === null);
  const { error, warning, note, suppressed, complete } = report.summary;
  const head: string[] = [];
  const verdict = shown.length === 0 ? (complete ? '✅ No findings' : '⚠️ No findings, but the scan is incomplete') : `${error > 0 ? '❌' : '⚠️'} ${plural(shown.length, 'finding')}`;
  head.push(`## sts-audit: ${verdict}`, '');
  if (!complete) {
    const why =
      report.inputs.errors.length > 0
        ? `${plural(report.inputs.errors.length, 'input')} could not be read or parsed, so their findings are missing`
        : nothingScanned;
    head.push(`> [!WARNING]`, `> Incomplete scan: ${why}. This is not a clean result.`, '');
  }
  head.push(
    '| 🔴 errors | 🟠 warnings | 🔵 notes | suppressed | files | objects |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${error} | ${warning} | ${note} | ${suppressed} | ${report.inputs.files} | ${report.inputs.objects} |`,
    '',
  );
  const modeled = serviceAccountCounts(report);
  if (modeled !== undefined) head.push(`IRSA ServiceAccounts modeled: ${modeled}.`, '');
  const baseline = report.summary.baseline;
  if (baseline) head.push(`Against the baseline: **${baseline.new} new**, ${baseline.baselined} baselined, ${baseline.fixed} fixed.`, '');
  const tail: string[] = [];
  if (report.inputs.errors.length > 0) {
    tail.push('### Could not be scanned', '', '| input | problem |', '| --- | --- |');
    for (const item of report.inputs.errors) tail.push(`| ${code(inputPlace(item))} | ${cell(item.message)} |`);
    tail.push('');
  }
  if (report.profiles.length > 0) {
    tail.push('<details><summary>Clusters</summary>', '');
    for (const profile of report.profiles) {
      tail.push(`- ${cell(describeProfile(profile))}, from ${profile.source}${profile.assumptions.map((assumption) => `; assumed: ${cell(assumption)}`).join('')}`);
    }
    tail.push('', '</details>', '');
  }
  const testCode = report.inputs.testCode ?? [];
  if (testCode.length > 0) {
    tail.push(`<details><summary>Read as test code, findings at note (${testCode.length})</summary>`, '');
    for (const file of testCode) tail.push(`- ${code(file)}`);
    tail.push('', '</details>', '');
  }
  const unanalysed = report.inputs.unanalysed ?? [];
  if (unanalysed.length > 0) {
    tail.push(`<details><summary>Recognised but not analysed, or only in part (${unanalysed.length})</summary>`, '', '| input | kind | reason |', '| --- | --- | --- |');
    for (const item of unanalysed) tail.push(`| ${code(inputPlace(item))} | ${item.kind} | ${cell(item.reason)} |`);
    tail.push('', '</details>', '');
  }
  if (report.inputs.skipped.length > 0) {
    tail.push(`<details><summary>Skipped (${report.inputs.skipped.length})</summary>`, '', '| input | reason |', '| --- | --- |');
    for (const item of report.inputs.skipped) tail.push(`| ${code(item.path)} | ${cell(item.reason)} |`);
    tail.push('', '</details>', '');
  }

  const bytes = (lines: readonly string[]): number => Buffer.byteLength(lines.join('\n')) + 1;
  // What a cut adds, at the most; reserved so that the note always fits.
  const cutNoteReserve = 400;
  let budget = maxBytes - bytes(head) - bytes(tail) - cutNoteReserve;
  const table: string[] = [];
  const details: string[] = [];
  let listed = 0;
  if (shown.length > 0) {
    table.push('| | rule | where | object | message |', '| --- | --- | --- | --- | --- |');
    budget -= bytes(table) + bytes(['<details><summary>Details</summary>', '', '</details>']);
    for (const finding of shown) {
      const row = `| ${icons[finding.level]} | [${finding.ruleId}](${rulesDocs}#${finding.ruleId.toLowerCase()}) | ${where(finding)} | ${objectName(finding)} | ${cell(finding.message)} |`;
      const cost = Buffer.byteLength(row) + 1 + Buffer.byteLength(detail(finding)) + 1;
      if (cost > budget) break;
      budget -= cost;
      table.push(row);
      details.push(detail(finding));
      listed++;
    }
    table.push('');
    if (listed < shown.length) {
      table.push(`> [!NOTE]`, `> ${shown.length - listed} more findings are not shown, to stay under the ${maxBytes}-byte summary limit; the JSON and SARIF reports have them all.`, '');
    }
  }
  const body = details.length > 0 ? ['<details><summary>Details</summary>', '', ...details, '</details>', ''] : [];
  return `${[...head, ...table, ...body, ...inventoryBlock(report.inventory ?? [], budget, maxBytes), ...tail].join('\n').trimEnd()}\n`;
}
