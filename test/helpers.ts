import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import type * as Sarif from 'sarif';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanTexts, type ScanSettings } from '../src/engine/scan.js';
import { schemaValidator } from '../src/schema-validation.js';
import type { Report } from '../src/engine/report.js';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const cliPath = path.join(repoRoot, 'dist', 'sts-audit.mjs');
export const sharedFolder = path.resolve(repoRoot, '..', 'shared');

/**
 * A corpus of public files in `../shared/corpus`, beside the repository where the team keeps it and
 * absent from a user's clone. Tests over it are extras: where it is absent they are skipped, and
 * their name says why.
 */
export function sharedCorpus(name: string): { folder: string; present: boolean; title: (what: string) => string } {
  const folder = path.join(sharedFolder, 'corpus', name);
  const present = existsSync(folder);
  return {
    folder,
    present,
    title: (what) => (present ? what : `${what} (skipped: the optional corpus ../shared/corpus/${name} is not beside this clone)`),
  };
}

/** Validates a JSON report against the schema the package ships; throws with the problems. */
const validateReport = schemaValidator('report.schema.json');
export function assertValidReport(report: unknown): void {
  const problems = validateReport(report);
  if (problems.length > 0) throw new Error(`report does not match schemas/report.schema.json:\n${problems.join('\n')}`);
}

/** Scans in-memory files and checks the report against the schema. */
export function scanFiles(files: Record<string, string>, settings: ScanSettings = {}): Report {
  const report = scanTexts(
    Object.entries(files).map(([file, text]) => ({ path: file, text })),
    settings,
  );
  assertValidReport(JSON.parse(JSON.stringify(report)));
  return report;
}

/** `STS001 sa.yaml:8:47-54`: a finding's rule and exact range, for table-driven assertions. */
export function where(report: Report, ruleId?: string): string[] {
  return report.findings
    .filter((finding) => ruleId === undefined || finding.ruleId === ruleId)
    .map((finding) => {
      const l = finding.location;
      if (!l) return `${finding.ruleId} ${finding.object?.kind}/${finding.object?.name}`;
      const end = l.endLine === l.startLine ? `${l.endColumn}` : `${l.endLine}:${l.endColumn}`;
      return `${finding.ruleId} ${l.path}:${l.startLine}:${l.startColumn}-${end}`;
    });
}

/** Writes a tree of files into a fresh temporary folder and returns its path. */
export function makeTree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'sts-audit-'));
  for (const [file, text] of Object.entries(files)) {
    const absolute = path.join(root, file);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
  }
  return root;
}

/** Runs the built command line as a user would. */
export function runCli(args: string[], options: { cwd: string; input?: string; env?: Record<string, string> }) {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Joins lines into a YAML text with a final newline. */
export const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`;

/** What Microsoft's SARIF Multitool says of a SARIF file, by level: `CODE: message` lines. */
export interface MultitoolVerdict {
  errors: string[];
  warnings: string[];
  notes: string[];
}

const requireFromTests = createRequire(import.meta.url);

/**
 * Validates SARIF with Microsoft's SARIF Multitool against the OASIS schema and GitHub's
 * ingestion rules (`--rule-kind "Sarif;Gh"`).
 */
export function multitool(sarifText: string): MultitoolVerdict {
  const folder = mkdtempSync(path.join(tmpdir(), 'sts-audit-sarif-'));
  const file = path.join(folder, 'report.sarif');
  writeFileSync(file, sarifText);
  const binary = requireFromTests('@microsoft/sarif-multitool') as string;
  const run = spawnSync(binary, ['validate', '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning;Note', file], { encoding: 'utf8' });
  if (run.status !== 0 || !run.stdout.includes('Analysis completed successfully')) {
    throw new Error(`SARIF Multitool failed (${run.status}): ${run.stdout}${run.stderr}`);
  }
  const verdict: MultitoolVerdict = { errors: [], warnings: [], notes: [] };
  for (const match of run.stdout.matchAll(/: (error|warning|note) ([A-Z]+[0-9]+: .*)$/gm)) {
    verdict[`${match[1] as 'error' | 'warning' | 'note'}s`].push(match[2] as string);
  }
  return verdict;
}

const { default: AjvDraft04 } = requireFromTests('ajv-draft-04') as typeof import('ajv-draft-04');
const { default: addFormats } = requireFromTests('ajv-formats') as typeof import('ajv-formats');

/** The OASIS schema, carried in the repository (see test/data/sarif/NOTICE.md). */
const oasisSchemaFile = path.join(repoRoot, 'test', 'data', 'sarif', 'sarif-schema-2.1.0.json');
const ajv = new AjvDraft04({ allErrors: true, strict: false });
addFormats(ajv);
const validateOasis = ajv.compile(JSON.parse(readFileSync(oasisSchemaFile, 'utf8')));

/**
 * Both validators, with the Multitool's notes that we accept on purpose:
 * - SARIF2002: messages are plain text, not message ids with arguments; each finding's message is
 *   complete by itself, which is what dashboards that do not read `messageStrings` show.
 * - SARIF2003: no versionControlProvenance; the scanner does not read the repository's VCS state
 *   (the upload action adds commit and ref).
 * - SARIF2006: the rules' help URIs are not reachable from the test machine, which has no network.
 * - SARIF2011: a long line's result has no context region; its snippet is cut around the finding.
 * The Multitool reports no warning or error at all.
 */
export function assertValidSarif(text: string): Sarif.Log {
  const log = JSON.parse(text) as Sarif.Log;
  expect(validateOasis(log) ? [] : validateOasis.errors).toEqual([]);
  const verdict = multitool(text);
  expect(verdict.errors).toEqual([]);
  expect(verdict.warnings).toEqual([]);
  expect(verdict.notes.filter((note) => !/^SARIF(2002|2003|2006|2011):/.test(note))).toEqual([]);
  return log;
}

