/**
 * Property-based tests: random, realistic and mutated manifests and code through the real scan
 * entry points (`scanTexts`, as `scanFiles` calls it, and `scan` on a folder as the command line
 * does), checked for properties that hold for every input:
 *
 * - nothing throws, and no rule fails on an object ("could not check" errors);
 * - every finding's range lies inside its file, and its snippet is the text of its start line;
 * - the same input gives byte-identical JSON, SARIF, text and Markdown reports, whatever the order
 *   of the files;
 * - every input file is accounted for in `report.inputs`;
 * - the report validates against schemas/report.schema.json.
 *
 * The seed is fixed (FUZZ_SEED, default 42) and the run count small (FUZZ_RUNS, default 100) for
 * `npm test`; `npm run fuzz` runs many more. fast-check prints the seed and path of a failure.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scan, scanTexts, type ScanSettings } from '../src/engine/scan.js';
import type { Report } from '../src/engine/report.js';
import { formatJson } from '../src/formats/json.js';
import { formatSarif } from '../src/formats/sarif.js';
import { formatText } from '../src/formats/text.js';
import { formatMarkdown } from '../src/formats/markdown.js';
import { ruleCatalogue } from '../src/rules/catalogue.js';
import { maskCredentials } from '../src/model/credentials.js';
import { assertValidReport, makeTree } from './helpers.js';
import { anyFile, nameFiles, scanSettings, type GeneratedSettings } from './support/arbitraries.js';

const seed = Number(process.env.FUZZ_SEED ?? 42);
const runs = Number(process.env.FUZZ_RUNS ?? 100);
fc.configureGlobal({ seed, numRuns: runs, endOnFailure: false });
/** The folder scans write files: fewer runs, as each writes a tree. */
const diskRuns = Math.max(1, Math.round(runs / 4));
const timeout = Math.max(60_000, runs * 200);

const rules = [...ruleCatalogue().values()];

/** Every line of a text, as the scanner counts them: LF, CRLF and a lone CR each end a line. */
const linesOf = (text: string): string[] => text.split(/\r\n|\r|\n/);

/** Ways to count a file's lines: as written, and without a byte-order mark (manifests drop it). */
function lineTables(text: string): string[][] {
  return text.charCodeAt(0) === 0xfeff ? [linesOf(text), linesOf(text.slice(1))] : [linesOf(text)];
}

/** Why a finding's location does not fit its file in any of its line tables; undefined when it fits. */
function locationProblem(finding: Report['findings'][number], files: Record<string, string>): string | undefined {
  const l = finding.location;
  if (!l) return undefined;
  const text = files[l.path];
  if (text === undefined) return `${finding.ruleId}: path ${JSON.stringify(l.path)} is not an input`;
  const problems: string[] = [];
  for (const lines of lineTables(text)) {
    const startText = lines[l.startLine - 1];
    const endText = lines[l.endLine - 1];
    if (!(l.startLine >= 1 && l.startLine <= l.endLine && l.endLine <= lines.length) || startText === undefined || endText === undefined) {
      problems.push(`lines ${l.startLine}-${l.endLine} outside 1-${lines.length}`);
      continue;
    }
    if (l.startColumn < 1 || l.startColumn > startText.length + 1) {
      problems.push(`start column ${l.startColumn} outside line ${l.startLine} of length ${startText.length}`);
      continue;
    }
    if (l.endColumn < 1 || l.endColumn > endText.length + 1) {
      problems.push(`end column ${l.endColumn} outside line ${l.endLine} of length ${endText.length}`);
      continue;
    }
    if (l.startLine === l.endLine && l.endColumn < l.startColumn) {
      problems.push(`end column ${l.endColumn} before start column ${l.startColumn}`);
      continue;
    }
    const from = (l.snippetColumn ?? 1) - 1;
    // Snippets mask credentials with as many `*`s, so columns still hold.
    if (maskCredentials(startText).slice(from, from + l.snippet.length) !== l.snippet) {
      problems.push(`snippet ${JSON.stringify(l.snippet)} is not line ${l.startLine} ${JSON.stringify(startText)} at column ${from + 1}`);
      continue;
    }
    return undefined;
  }
  return `${finding.ruleId} ${l.path}:${l.startLine}:${l.startColumn}-${l.endLine}:${l.endColumn}: ${problems.join('; ')}`;
}

function settingsOf(generated: GeneratedSettings): ScanSettings {
  return generated as ScanSettings;
}

/** Every output format, as the command line writes them. */
function outputs(report: Report): Record<string, string> {
  return {
    json: formatJson(report),
    sarif: formatSarif(report, rules).text,
    text: formatText(report, { color: false }),
    markdown: formatMarkdown(report),
  };
}

/** The properties every report must have, whatever the input. */
function checkReport(report: Report, files: Record<string, string>): void {
  const json = formatJson(report);
  assertValidReport(JSON.parse(json));
  const names = new Set(Object.keys(files));
  expect(report.findings.map((finding) => locationProblem(finding, files)).filter(Boolean)).toEqual([]);
  for (const entry of [...report.inputs.skipped, ...report.inputs.errors]) expect(names.has(entry.path), `${entry.path} is not an input`).toBe(true);
  // A rule that throws is caught and reported as an error: still a bug.
  expect(report.inputs.errors.filter((error) => /could not check/.test(error.message))).toEqual([]);
  for (const error of report.inputs.errors) {
    if (error.line === undefined) continue;
    const text = files[error.path]!;
    const count = Math.max(...lineTables(text).map((lines) => lines.length));
    expect(error.line, `${error.path}: error line ${error.line} of ${count}: ${error.message}`).toBeLessThanOrEqual(count);
  }
  expect(report.summary.complete).toBe(report.inputs.errors.length === 0 && !(report.inputs.files === 0 && report.inputs.skipped.length > 0));
}

const filesArbitrary = (mutationWeight: number) =>
  fc.array(anyFile(mutationWeight), { minLength: 1, maxLength: 6 }).map(nameFiles);

/** In memory: the loader and every rule, as test/helpers.ts `scanFiles` runs them. */
function propertyInMemory(files: Record<string, string>, generated: GeneratedSettings, order: number[]): void {
  const settings = settingsOf(generated);
  const sources = Object.entries(files).map(([file, text]) => ({ path: file, text }));
  const first = scanTexts(sources, settings);
  checkReport(first, files);
  // Every source is counted once: as a file scanned (or that could not be parsed), or as skipped.
  expect(first.inputs.files + first.inputs.skipped.length).toBe(sources.length);
  const again = outputs(scanTexts(sources, settings));
  expect(again).toEqual(outputs(first));
  // The same files in another order: the same report.
  const shuffled = order.map((index) => sources[index % sources.length]!).filter((source, index, all) => all.indexOf(source) === index);
  const rest = sources.filter((source) => !shuffled.includes(source));
  expect(formatJson(scanTexts([...shuffled, ...rest], settings))).toEqual(again.json);
}

describe(`property: scanning never fails and reports consistently (seed ${seed}, ${runs} runs)`, () => {
  it(
    'realistic manifests and code in many YAML and JSON styles',
    () => {
      fc.assert(fc.property(filesArbitrary(0), scanSettings, fc.array(fc.nat(), { maxLength: 6 }), (...args) => propertyInMemory(...args)));
    },
    timeout,
  );

  it(
    'mutated manifests and code (mostly invalid YAML)',
    () => {
      fc.assert(fc.property(filesArbitrary(6), scanSettings, fc.array(fc.nat(), { maxLength: 6 }), (...args) => propertyInMemory(...args)));
    },
    timeout,
  );

  it(
    'files on disk, through discovery and reading, including binary and invalid UTF-8 bytes',
    async () => {
      const tree = makeTree({});
      let run = 0;
      const bytesArbitrary = fc.tuple(filesArbitrary(3), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(0x00, 0xff, 0xc3, 0x80, 0xed)), { maxLength: 2 }));
      try {
        await fc.assert(
          fc.asyncProperty(bytesArbitrary, scanSettings, async ([files, corruptions], generated) => {
            const root = path.join(tree, String(run++));
            mkdirSync(root);
            const written: Record<string, Buffer> = {};
            for (const [file, text] of Object.entries(files)) written[file] = Buffer.from(text, 'utf8');
            const names = Object.keys(written);
            for (const [which, at, byte] of corruptions) {
              const file = names[which % names.length]!;
              const bytes = written[file]!;
              const offset = at % (bytes.length + 1);
              written[file] = Buffer.concat([bytes.subarray(0, offset), Buffer.from([byte]), bytes.subarray(offset)]);
            }
            for (const [file, bytes] of Object.entries(written)) {
              mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
              writeFileSync(path.join(root, file), bytes);
            }
            // Locations are checked against the text as the scanner decodes it.
            const decoded = Object.fromEntries(Object.entries(written).map(([file, bytes]) => [file, bytes.toString('utf8')]));
            const settings = settingsOf(generated);
            const first = await scan({ ...settings, targets: ['.'], root });
            checkReport(first, decoded);
            // Every file written is counted as scanned, skipped with a reason, or reported as an error.
            const unread = new Set([...first.inputs.skipped, ...first.inputs.errors].map((entry) => entry.path));
            expect(first.inputs.files).toBeLessThanOrEqual(names.length);
            expect(first.inputs.files + unread.size).toBeGreaterThanOrEqual(names.length);
            const second = await scan({ ...settings, targets: ['.'], root });
            expect(outputs(second)).toEqual(outputs(first));
            rmSync(root, { recursive: true, force: true });
          }),
          { numRuns: diskRuns },
        );
      } finally {
        rmSync(tree, { recursive: true, force: true });
      }
    },
    timeout,
  );
});
