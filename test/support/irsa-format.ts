import { expect } from 'vitest';
import { expectedDefinitions, scanCorpusWithInventory } from './irsa-expected.js';

/**
 * Asserts that every definition EXPECTED.md lists for a format, but those another input reads
 * (`elsewhere`, by row), is in the corpus inventory at its file and line, read as `input`; and
 * that no finding of that input is an endpoint use on an audience-only line (section 5).
 */
export async function expectFormatInInventory(folder: string, format: string, input: string, elsewhere: readonly number[] = []): Promise<void> {
  const rows = expectedDefinitions(folder).filter((row) => row.format === format && !elsewhere.includes(row.row));
  expect(rows.length).toBeGreaterThan(0);
  const report = await scanCorpusWithInventory(folder);
  const listed = new Set(report.inventory!.filter((entry) => entry.input === input).map((entry) => `${entry.path}:${entry.line}`));
  expect(rows.filter((row) => !listed.has(row.where)).map((row) => `row ${row.row}: ${row.where}`)).toEqual([]);
  const files = new Set(rows.map((row) => row.path));
  const onAudience = report.findings.filter((finding) => finding.location && files.has(finding.location.path) && /sts\.amazonaws\.com/.test(finding.location.snippet ?? ''));
  expect(onAudience.map((finding) => `${finding.ruleId} ${finding.location!.path}:${finding.location!.startLine}`)).toEqual([]);
}
