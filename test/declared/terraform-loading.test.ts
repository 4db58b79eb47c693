import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanTexts } from '../../src/engine/scan.js';
import { prepareDeclarations } from '../../src/loaders/declared/read-declarations.js';
import { repoRoot } from '../helpers.js';

const terraform = {
  path: 'main.tf',
  text: `resource "kubernetes_service_account" "app" {
  metadata {
    name = "app"
    annotations = {
      "eks.amazonaws.com/role-arn"               = "arn:aws:iam::111122223333:role/app"
      "eks.amazonaws.com/sts-regional-endpoints" = "false"
    }
  }
}
`,
};

// Each test file has its own modules: here the Terraform reader starts unloaded.
describe('the Terraform reader, loaded on demand', () => {
  it('lists Terraform texts as not read until it is loaded, then reads them', async () => {
    const before = scanTexts([terraform], { flags: { clusterVersion: '1.29' } });
    expect(before.findings).toEqual([]);
    expect(before.inputs.unanalysed).toEqual([
      { path: 'main.tf', kind: 'terraform', reason: 'Terraform not read: its reader is loaded by `scan()`, or by `prepareDeclarations()` before `scanTexts()`' },
    ]);
    await prepareDeclarations([{ path: 'values.yaml', text: 'a: 1' }]);
    expect(scanTexts([terraform], { flags: { clusterVersion: '1.29' } }).inputs.unanalysed).toHaveLength(1);
    await prepareDeclarations([terraform]);
    const after = scanTexts([terraform], { flags: { clusterVersion: '1.29' } });
    expect(after.findings.map((finding) => `${finding.ruleId} ${finding.location!.path}:${finding.location!.startLine}:${finding.location!.startColumn}`)).toEqual(['STS001 main.tf:6:52']);
  });

  it('is a chunk of the command line that only a dynamic import loads', () => {
    const dist = path.join(repoRoot, 'dist');
    // The worker threads' script is a module of its own, loaded only by large scans.
    const chunks = readdirSync(dist).filter((name) => /^sts-audit.*\.mjs$/.test(name) && name !== 'sts-audit-worker.mjs');
    const parser = chunks.filter((name) => readFileSync(path.join(dist, name), 'utf8').includes('Terraform syntax error'));
    expect(parser).toHaveLength(1);
    expect(parser[0]).not.toBe('sts-audit.mjs');
    for (const name of chunks) {
      const text = readFileSync(path.join(dist, name), 'utf8');
      // Static imports (`import … from "./chunk"`, `import "./chunk"`) never name it; one dynamic import does.
      expect(text, name).not.toMatch(new RegExp(`(?:from|import)\\s*"\\./${parser[0]!.replace(/[.-]/g, '\\$&')}"`));
    }
    expect(chunks.some((name) => readFileSync(path.join(dist, name), 'utf8').includes(`import("./${parser[0]}")`))).toBe(true);
  });
});
