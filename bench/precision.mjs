// npm run precision: runs the scanner over the public corpora of ../shared/corpus (real files from
// repositories nobody here wrote) and holds its findings against each corpus's EXPECTED.md:
// - realworld: every FLAG line must be found, no error or warning may fall elsewhere, and no
//   finding at any level may fall on a NO line (audiences, token paths, comments, prefixed keys);
// - irsa-sources: no file sets the global endpoint, so no error or warning at all, and none of the
//   audience-only mentions of its section 5 may be reported at any level.
// Prints findings by rule and level, precision and recall; exits 1 when an expectation fails.
// A clone without ../shared skips each corpus with the reason; CORPORA=folder reads them elsewhere.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpora = process.env.CORPORA ?? path.resolve(root, '..', 'shared', 'corpus');
const cli = path.join(root, 'dist', 'sts-audit.mjs');

/** The report of a scan of a whole corpus, as a user would run it. */
function scanCorpus(folder) {
  const result = spawnSync(process.execPath, [cli, 'scan', '.', '--format', 'json', '--quiet', '--fail-on', 'none'], { cwd: folder, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0 && result.status !== 3) throw new Error(`sts-audit exited ${result.status} in ${folder}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

const place = (file, line) => `${file}:${line}`;
const where = (finding) => place(finding.location.path, finding.location.startLine);

/** realworld/EXPECTED.md: `### path` headings, then bullets `- L8 NO: …`, `- L32, L40: NO …` or `- FLAG at L40, 49, …:`. */
function realworldExpectations(text) {
  const tags = { FLAG: new Set(), NO: new Set() };
  let file;
  for (const line of text.split('\n')) {
    const heading = /^### (\S+)/.exec(line);
    if (heading) file = heading[1];
    const bullet = /^- (?:(FLAG) at )?(L\d[^:]*):\s*(.*)$/.exec(line);
    if (!file || !bullet) continue;
    const tag = bullet[1] ?? /\b(FLAG|NO|INFO|SKIP)\b/.exec(`${bullet[2]} ${bullet[3]}`)?.[1];
    if (tag !== 'FLAG' && tag !== 'NO') continue;
    for (const number of bullet[2].matchAll(/\d+/g)) tags[tag].add(place(file, number[0]));
  }
  return tags;
}

/** irsa-sources/EXPECTED.md section 5: `| dir/file:61, :101; other.yaml:31 | kind |` rows of audience-only lines. */
function audienceLines(text) {
  const section = text.slice(text.indexOf('## 5.'));
  const lines = new Set();
  for (const row of section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| file') && !line.startsWith('|---'))) {
    let folder = '';
    for (const part of row.split('|')[1].split(';')) {
      const match = /^\s*([^:\s]+):(.*)$/.exec(part);
      if (!match) continue;
      const file = match[1].includes('/') ? match[1] : path.posix.join(folder, match[1]);
      folder = path.posix.dirname(file);
      for (const number of match[2].matchAll(/(?:^|[\s,:])(\d+)/g)) lines.add(place(file, number[1]));
    }
  }
  return lines;
}

function byRule(findings) {
  const counts = new Map();
  for (const finding of findings) {
    const key = `${finding.ruleId} ${finding.level}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => `    ${key}: ${count}`);
}

const serious = (finding) => finding.level === 'error' || finding.level === 'warning';
const failures = [];

function check(name, measure) {
  const folder = path.join(corpora, name);
  const expected = path.join(folder, 'EXPECTED.md');
  if (!existsSync(expected)) {
    console.log(`${name}: skipped, ${expected} is not here (the corpora sit beside the project's own checkout, not in a clone)`);
    return;
  }
  const report = scanCorpus(folder);
  const findings = report.findings.filter((finding) => finding.location && finding.suppressed === null);
  console.log(`${name}: ${report.inputs.files} files, ${report.inputs.objects} objects, ${findings.length} findings, ${report.inputs.errors.length} input errors`);
  console.log(byRule(findings).join('\n') || '    (none)');
  for (const line of measure(readFileSync(expected, 'utf8'), findings)) console.log(`  ${line}`);
}

check('realworld', (text, findings) => {
  const { FLAG, NO } = realworldExpectations(text);
  const flagged = findings.filter(serious);
  const truePositives = flagged.filter((finding) => FLAG.has(where(finding)));
  const falsePositives = flagged.filter((finding) => !FLAG.has(where(finding)));
  const found = new Set(truePositives.map(where));
  const missed = [...FLAG].filter((line) => !found.has(line));
  const onNoLines = findings.filter((finding) => NO.has(where(finding)));
  for (const finding of falsePositives) failures.push(`realworld: false ${finding.level} ${finding.ruleId} at ${where(finding)}`);
  for (const line of missed) failures.push(`realworld: FLAG line ${line} not found`);
  for (const finding of onNoLines) failures.push(`realworld: ${finding.ruleId} ${finding.level} on the NO line ${where(finding)}`);
  return [
    `FLAG lines: ${FLAG.size} expected, ${found.size} found (recall ${(found.size / FLAG.size).toFixed(2)})`,
    `errors and warnings: ${flagged.length}, on FLAG lines ${truePositives.length} (precision ${flagged.length ? (truePositives.length / flagged.length).toFixed(2) : '1.00'}), false ${falsePositives.length}`,
    `NO lines (audiences, token paths, comments, prefixed keys, other settings): ${NO.size}, reported at any level: ${onNoLines.length}`,
  ];
});

check('irsa-sources', (text, findings) => {
  const audiences = audienceLines(text);
  const flagged = findings.filter(serious);
  const onAudiences = findings.filter((finding) => audiences.has(where(finding)));
  for (const finding of flagged) failures.push(`irsa-sources: false ${finding.level} ${finding.ruleId} at ${where(finding)} (the corpus sets no global endpoint)`);
  for (const finding of onAudiences) failures.push(`irsa-sources: ${finding.ruleId} ${finding.level} on the audience line ${where(finding)}`);
  return [
    `errors and warnings: ${flagged.length} (the corpus sets no global endpoint, no "false" and no legacy: every one would be false)`,
    `audience-only lines (section 5): ${audiences.size}, reported at any level: ${onAudiences.length}`,
  ];
});

if (failures.length > 0) {
  console.log(`\n${failures.length} expectation(s) failed:\n${failures.map((line) => `  ${line}`).join('\n')}`);
  process.exitCode = 1;
} else {
  console.log('\nevery expectation held');
}
