import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertValidReport, repoRoot, runCli } from './helpers.js';
import type { Report } from '../src/engine/report.js';

describe('fixtures/traps', () => {
  const run = runCli(['scan', '--format', 'json', '--fail-on', 'note'], { cwd: path.join(repoRoot, 'fixtures', 'traps') });
  const report = JSON.parse(run.stdout) as Report;

  it('reports nothing: audiences, token paths, prefixed keys, comments, helm-unittest suites and JSON strings are not findings', () => {
    assertValidReport(report);
    expect(report.findings).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('reads everything (the Markdown notes as text), and a helm-unittest suite as no values', () => {
    expect(report.inputs.skipped).toEqual([]);
    expect(report.inputs.unanalysed).toBeUndefined();
    expect(report.inputs).toMatchObject({ files: 6, documents: 7, objects: 6, errors: [] });
  });
});
