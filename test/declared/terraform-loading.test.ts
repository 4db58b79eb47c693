import { readFileSync } from 'node:fs';
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

  it('is initialised in the command line only by the dynamic import of a scan that holds Terraform', () => {
    // The command line is one script, its modules each initialised at their first use; the
    // parser's module is initialised by the reader's own, and that only where the reader imports it.
    const script = readFileSync(path.join(repoRoot, 'dist', 'sts-audit-main.cjs'), 'utf8');
    expect(script).toMatch(/var init_hcl_syntax = __esm\(/);
    const parser = script.slice(script.indexOf('var init_hcl_syntax = __esm('));
    expect(parser).toContain('Terraform syntax error');
    expect([...script.matchAll(/\binit_read_terraform\(\)/g)]).toHaveLength(1);
    expect(script).toContain('await Promise.resolve().then(() => (init_read_terraform(), read_terraform_exports))');
    // The parser's module is initialised once, in the body of the reader's module.
    const parserCalls = [...script.matchAll(/\binit_hcl_syntax\(\)/g)].map((match) => match.index);
    const reader = script.indexOf('var init_read_terraform = __esm(');
    const afterReader = script.indexOf('\nvar init_', reader + 1);
    expect(parserCalls).toHaveLength(1);
    expect(parserCalls[0]).toBeGreaterThan(reader);
    expect(parserCalls[0]).toBeLessThan(afterReader < 0 ? script.length : afterReader);
  });
});
