import pc from 'picocolors';
import { describeProfile } from '../profiles/describe-profile.js';
import { inputPlace, nothingScanned, serviceAccountCounts, type Finding, type FindingLocation, type Level, type Report } from '../engine/report.js';

/** Options of {@link formatText}. */
export interface TextOptions {
  color: boolean;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Tabs would misalign the caret line under the snippet. */
const untab = (text: string): string => text.replace(/\t/g, ' ');

/**
 * The human report, in the style of ESLint's: findings grouped by file, each with its position,
 * level, message, rule id, the offending line with a caret under the range, and the fix; then the
 * totals, the clusters assumed, and what was not scanned.
 */
export function formatText(report: Report, options: TextOptions): string {
  const c = pc.createColors(options.color);
  const levelColor: Record<Level, (text: string) => string> = { error: c.red, warning: c.yellow, note: c.cyan };
  const lines: string[] = [];
  const shown = report.findings.filter((finding) => finding.suppressed === null);

  const groups = new Map<string, Finding[]>();
  for (const finding of shown) {
    const key = finding.location?.path ?? `cluster ${finding.object?.cluster ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(finding);
    else groups.set(key, [finding]);
  }
  for (const [heading, findings] of groups) {
    lines.push(c.underline(heading));
    for (const finding of findings) {
      const where = finding.location ? `${finding.location.startLine}:${finding.location.startColumn}` : finding.object ? `${finding.object.kind} ${finding.object.namespace ?? ''}/${finding.object.name}` : '';
      lines.push(`  ${c.dim(where.padEnd(7))} ${levelColor[finding.level](finding.level.padEnd(7))}  ${finding.message}  ${c.dim(finding.ruleId)}`);
      // A live object's line is the one in its YAML, as --dump-objects writes it.
      const shownAt = finding.location ?? finding.renderedLocation;
      if (shownAt) lines.push(...snippet(shownAt, c.dim, levelColor[finding.level]));
      lines.push(`  ${' '.repeat(7)}  ${c.green('fix:')} ${finding.remediation}`);
    }
    lines.push('');
  }

  const { error, warning, note, suppressed } = report.summary;
  const total = error + warning + note;
  const counts = `${plural(total, 'problem')} (${plural(error, 'error')}, ${plural(warning, 'warning')}, ${plural(note, 'note')})`;
  const suppressedText = suppressed > 0 ? `, ${suppressed} suppressed` : '';
  if (total === 0) lines.push(c.green(`✔ no problems${suppressedText}`));
  else lines.push(c.bold((error > 0 ? c.red : c.yellow)(`✖ ${counts}${suppressedText}`)));
  const { files, documents, objects, skipped, errors } = report.inputs;
  lines.push(c.dim(`  scanned ${plural(files, 'file')}, ${plural(documents, 'document')}, ${plural(objects, 'object')}`));
  const modeled = serviceAccountCounts(report);
  if (modeled !== undefined) lines.push(c.dim(`  IRSA ServiceAccounts modeled: ${modeled}`));
  const baseline = report.summary.baseline;
  if (baseline) lines.push(`  against the baseline: ${baseline.new} new, ${baseline.baselined} baselined, ${baseline.fixed} fixed`);

  if (report.profiles.length > 0) {
    lines.push('', 'Clusters:');
    for (const profile of report.profiles) {
      lines.push(`  ${describeProfile(profile)} ${c.dim(`(source: ${profile.source})`)}`);
      for (const assumption of profile.assumptions) lines.push(`    ${c.dim(`assumed: ${assumption}`)}`);
    }
  }
  const inventory = report.inventory ?? [];
  if (inventory.length > 0) {
    lines.push('', `IRSA ServiceAccounts modeled (${inventory.length}):`);
    for (const entry of inventory) {
      const account = `${entry.namespace ? `${entry.namespace}/` : ''}${entry.name}`;
      const endpoint = entry.endpoint ? `${JSON.stringify(entry.endpoint.value)} at ${entry.endpoint.path}:${entry.endpoint.line}:${entry.endpoint.column}` : 'not set';
      lines.push(`  ${entry.path}:${entry.line}:${entry.column}  ${account}  ${c.dim(`${entry.input}${entry.builtBy ? `: ${entry.builtBy}` : ''}; role ${entry.roleArn}; sts-regional-endpoints ${endpoint}; cluster ${entry.profile.name}`)}`);
      for (const assumption of entry.assumptions ?? []) lines.push(`    ${c.dim(`assumed: ${assumption}`)}`);
    }
  }
  const testCode = report.inputs.testCode ?? [];
  if (testCode.length > 0) {
    lines.push('', `Read as test code, findings at note (config testCode: code reports them like other code): ${plural(testCode.length, 'file')}`);
    for (const file of testCode) lines.push(`  ${file}`);
  }
  if (skipped.length > 0) {
    lines.push('', `Skipped ${plural(skipped.length, 'input')}:`);
    for (const item of skipped) lines.push(`  ${item.path}  ${c.dim(item.reason)}`);
  }
  const unanalysed = report.inputs.unanalysed ?? [];
  if (unanalysed.length > 0) {
    lines.push('', `Recognised but not analysed, or only in part: ${plural(unanalysed.length, 'input')}:`);
    for (const item of unanalysed) lines.push(`  ${inputPlace(item)}  ${c.dim(`${item.kind}: ${item.reason}`)}`);
  }
  if (errors.length > 0) {
    lines.push('', c.red(`Could not scan ${plural(errors.length, 'input')}:`));
    for (const item of errors) lines.push(`  ${inputPlace(item)}  ${item.message}`);
    lines.push(c.red('Incomplete scan: the inputs above were not checked.'));
  } else if (!report.summary.complete) {
    lines.push(c.red(`Incomplete scan: ${nothingScanned}.`));
  }
  return `${lines.join('\n')}\n`;
}

function snippet(location: FindingLocation, dim: (text: string) => string, mark: (text: string) => string): string[] {
  const gutter = String(location.startLine);
  const offset = (location.snippetColumn ?? 1) - 1;
  const lead = location.snippetColumn !== undefined && offset > 0 ? '…' : '';
  const text = `${lead}${untab(location.snippet)}${location.snippetColumn !== undefined ? '…' : ''}`;
  const caretStart = location.startColumn - 1 - offset + lead.length;
  const lineEnd = lead.length + location.snippet.length;
  const width =
    location.endLine === location.startLine
      ? Math.min(location.endColumn - location.startColumn, lineEnd - caretStart)
      : lineEnd - caretStart;
  return [
    `  ${' '.repeat(7)}  ${dim(`${gutter} |`)} ${text}`,
    `  ${' '.repeat(7)}  ${dim(`${' '.repeat(gutter.length)} |`)} ${' '.repeat(caretStart)}${mark('^'.repeat(Math.max(1, width)))}`,
  ];
}
