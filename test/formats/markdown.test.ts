import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/formats/markdown.js';
import { makeTree, repoRoot, runCli, yaml } from '../helpers.js';
import type { Finding, Report } from '../../src/engine/report.js';

const report = (findings: Finding[], overrides: Partial<Report['inputs']> = {}): Report => ({
  schemaVersion: '1',
  tool: { name: 'sts-audit', version: '1.0.0' },
  profiles: [],
  findings,
  inputs: { files: 3, documents: 3, objects: 3, skipped: [], errors: [], ...overrides },
  summary: {
    error: findings.filter((f) => f.level === 'error' && !f.suppressed).length,
    warning: findings.filter((f) => f.level === 'warning' && !f.suppressed).length,
    note: findings.filter((f) => f.level === 'note' && !f.suppressed).length,
    suppressed: findings.filter((f) => f.suppressed).length,
    complete: (overrides.errors ?? []).length === 0,
  },
});
const finding = (index: number, message = `message ${index}`): Finding => ({
  ruleId: 'STS001',
  ruleName: 'sa-disables-regional-default',
  level: 'warning',
  message,
  remediation: 'Set it to "true".',
  location: { path: `deploy/sa-${index}.yaml`, startLine: 8, startColumn: 47, endLine: 8, endColumn: 54, snippet: '    eks.amazonaws.com/sts-regional-endpoints: "false"' },
  object: { apiVersion: 'v1', kind: 'ServiceAccount', namespace: 'team', name: `app-${index}`, cluster: 'prod' },
  fingerprint: '0'.repeat(32),
  suppressed: null,
});

describe('Markdown report', () => {
  it('says plainly when there is nothing to report', () => {
    const text = formatMarkdown(report([]));
    expect(text.split('\n')[0]).toBe('## sts-audit: ✅ No findings');
    expect(text).not.toContain('| rule |');
  });

  it('never calls an incomplete scan clean, and lists what could not be read', () => {
    const text = formatMarkdown(report([], { errors: [{ path: 'bad.yaml', message: 'invalid YAML: oops', line: 4, column: 1 }] }));
    expect(text.split('\n')[0]).toBe('## sts-audit: ⚠️ No findings, but the scan is incomplete');
    expect(text).toContain('> Incomplete scan: 1 input could not be read or parsed');
    expect(text).toContain('| `bad.yaml:4:1` | invalid YAML: oops |');
  });

  it('counts by level, tables the findings with links to the rule docs, and folds the details', () => {
    const text = formatMarkdown(report([finding(1), { ...finding(2), suppressed: { kind: 'config', reason: 'accepted' } }]));
    expect(text).toContain('| 0 | 1 | 0 | 1 | 3 | 3 |');
    expect(text).toContain('| 🟠 | [STS001](https://github.com/sts-audit/sts-audit/blob/main/docs/rules.md#sts001) | `deploy/sa-1.yaml:8:47` | ServiceAccount team/app-1 | message 1 |');
    expect(text).not.toContain('sa-2.yaml');
    expect(text).toMatch(/<details><summary>Details<\/summary>\n\n#### 🟠 \[STS001\]/);
    expect(text).toContain('**Fix:** Set it to "true".');
  });

  it('keeps text from scanned files from breaking the table or acting as HTML', () => {
    const text = formatMarkdown(report([finding(1, 'a | b <script>alert(1)</script>\nnext')]));
    expect(text).toContain('| a \\| b &lt;script&gt;alert(1)&lt;/script&gt; next |');
  });

  it('stays under the byte limit, saying how many findings it left out', () => {
    const findings = Array.from({ length: 200 }, (_, i) => finding(i));
    const text = formatMarkdown(report(findings), { maxBytes: 20_000 });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(20_000);
    const listed = text.split('\n').filter((line) => line.startsWith('| 🟠 |')).length;
    expect(listed).toBeGreaterThan(5);
    expect(text).toContain(`> ${200 - listed} more findings are not shown, to stay under the 20000-byte summary limit`);
  });

  it.each([
    ['deploy/sa.yaml', 'yaml'],
    ['apps/orders-api/Dockerfile', 'dockerfile'],
    ['build/Dockerfile.prod', 'dockerfile'],
    ['infra/oidc.tf', 'hcl'],
    ['app/aws.py', 'python'],
    ['src/urls.ts', 'typescript'],
    ['src/view.tsx', 'tsx'],
    ['src/urls.mjs', 'javascript'],
    ['cmd/main.go', 'go'],
    ['scripts/deploy.sh', 'shell'],
    ['.env.production', 'dotenv'],
    ['src/main/resources/application.properties', 'java-properties'],
    ['report.json', 'json'],
    ['requirements.txt', ''],
    ['-', ''],
  ])('fences the snippet of %s by its language (%s; none when unknown)', (file, language) => {
    const text = formatMarkdown(report([{ ...finding(1), location: { ...finding(1).location!, path: file } }]));
    expect(text).toContain(`\n\`\`\`${language}\n    eks.amazonaws.com/sts-regional-endpoints: "false"\n\`\`\`\n`);
  });

  it('comes from the command line for the example repository', () => {
    const run = runCli(['scan', '--format', 'markdown'], { cwd: path.join(repoRoot, 'fixtures', 'example-repo') });
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe('## sts-audit: ❌ 21 findings');
    expect(run.stdout).toContain('<details><summary>Clusters</summary>');
    expect(run.stdout).not.toContain('<summary>Skipped');
    const fences = [...run.stdout.matchAll(/ at `([^`]+):\d+:\d+`\n\n.*\n\n```(\S*)\n/g)].map((match) => `${match[1]} ${match[2]}`);
    expect(fences).toEqual(
      expect.arrayContaining(['apps/image-resizer/src/urls.ts typescript', 'apps/orders-api/Dockerfile dockerfile', 'apps/orders-api/app/aws.py python', 'apps/orders-api/requirements.txt ', 'infra/oidc.tf hcl', 'clusters/prod-us/external-dns.yaml yaml']),
    );
    expect(fences).toHaveLength(21);
    const clean = runCli(['scan', '--format', 'markdown'], { cwd: makeTree({ 'a.yaml': yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: a}') }) });
    expect(clean.stdout.split('\n')[0]).toBe('## sts-audit: ✅ No findings');
  });
});
