import { describe, expect, it } from 'vitest';
import { sharedCorpus } from '../helpers.js';
import { expectedDefinitions, scanCorpusWithInventory } from '../support/irsa-expected.js';

const corpus = sharedCorpus('irsa-sources');

/**
 * The whole corpus at once: every IRSA ServiceAccount definition its EXPECTED.md lists, in every
 * format, is in the inventory at its line (or, for a role key alone on its line, at its value on
 * the next).
 */
describe.skipIf(!corpus.present)(corpus.title('the irsa-sources corpus, all formats'), () => {
  const rows = corpus.present ? expectedDefinitions(corpus.folder) : [];

  it('lists all 80 definitions of its table, in ten formats', () => {
    expect(rows).toHaveLength(80);
    expect(new Set(rows.map((row) => row.format)).size).toBe(10);
  });

  it('finds every definition in the inventory at its line', async () => {
    const report = await scanCorpusWithInventory(corpus.folder);
    const lines = new Set(report.inventory!.map((entry) => `${entry.path}:${entry.line}`));
    const missing = rows.filter((row) => !lines.has(`${row.path}:${row.line}`) && !lines.has(`${row.path}:${row.line + 1}`)).map((row) => `${row.row} ${row.format} ${row.where}`);
    expect(missing).toEqual([]);
  });

  it('models plain manifests as manifests (or kustomize patches), and every other format as the input that declares it', async () => {
    const report = await scanCorpusWithInventory(corpus.folder);
    const kindAt = new Map(report.inventory!.map((entry) => [`${entry.path}:${entry.line}`, entry.input]));
    // A manifest written as a kustomization's inline patch (row 52) is read through the kustomization.
    for (const row of rows.filter((row) => row.format === 'manifest')) expect(['manifest', 'kustomize'], row.where).toContain(kindAt.get(`${row.path}:${row.line}`));
    for (const row of rows.filter((row) => row.format !== 'manifest')) {
      expect(kindAt.get(`${row.path}:${row.line}`) ?? kindAt.get(`${row.path}:${row.line + 1}`), row.where).not.toBe('manifest');
    }
    // The corpus holds parts of repositories: its only errors name files it does not hold, and one Terraform file that is a template.
    const unexpected = report.inputs.errors.filter(
      (error) => !/names a file that is not among the files scanned|is not in the repository|^Terraform syntax error/.test(error.message),
    );
    expect(unexpected).toEqual([]);
  });
});
