import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertValidReport, repoRoot, runCli } from './helpers.js';
import type { Report } from '../src/engine/report.js';

describe('fixtures/traps', () => {
  const run = runCli(['scan', '--format', 'json', '--fail-on', 'note'], { cwd: path.join(repoRoot, 'fixtures', 'traps') });
  const report = JSON.parse(run.stdout) as Report;

  it('reports nothing: audiences, token paths, prefixed keys, comments, values files and JSON strings are not findings', () => {
    assertValidReport(report);
    expect(report.findings).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('skips the Helm template with its reason, and reads the rest (the Markdown notes as text)', () => {
    expect(report.inputs.skipped.map((item) => item.path)).toEqual(['chart/templates/serviceaccount.yaml']);
    expect(report.inputs).toMatchObject({ files: 7, documents: 8, objects: 6, errors: [] });
  });
});
