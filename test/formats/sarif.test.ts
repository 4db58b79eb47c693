import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type * as Sarif from 'sarif';
import { formatSarif, pathToUri } from '../../src/formats/sarif.js';
import { lineHashes } from '../../src/engine/line-hash.js';
import { ruleCatalogue } from '../../src/rules/catalogue.js';
import { assertValidSarif, makeTree, repoRoot, runCli, sharedCorpus, yaml } from '../helpers.js';
import type { Finding, Report } from '../../src/engine/report.js';

const rules = [...ruleCatalogue().values()];

const sarifOf = (cwd: string, args: string[] = []) => {
  const run = runCli(['scan', '--format', 'sarif', ...args], { cwd });
  return { ...run, log: assertValidSarif(run.stdout) };
};

describe('SARIF', () => {
  it('of the example repository passes the OASIS schema and the Multitool, with every rule and full regions', () => {
    const { log, code } = sarifOf(path.join(repoRoot, 'fixtures', 'example-repo'), ['--category', 'example']);
    expect(code).toBe(1);
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'sts-audit', informationUri: expect.stringMatching(/^https:\/\//), semanticVersion: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(run.tool.driver.rules!.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.id));
    for (const rule of run.tool.driver.rules!) {
      expect(rule.help!.markdown).toMatch(/### Bad[\s\S]*### Good/);
      expect(rule.properties!.tags).toContain('security');
      expect(Number(rule.properties!['security-severity'])).toBeGreaterThan(0);
      expect(Number(rule.properties!['security-severity'])).toBeLessThanOrEqual(10);
    }
    expect(run.automationDetails).toEqual({ id: 'example/' });
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(JSON.stringify(run.originalUriBaseIds)).not.toMatch(/"uri"/);
    expect(run.results).toHaveLength(21);
    const first = run.results!.find((result) => result.ruleId === 'STS002')!;
    expect(first).toMatchObject({
      ruleId: 'STS002',
      ruleIndex: 1,
      level: 'warning',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'clusters/legacy-eu/fluent-bit.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 8, startColumn: 5, endLine: 8, endColumn: 45, snippet: { text: 'eks.amazonaws.com/sts-regional-endpoints' } },
          },
          logicalLocations: [{ name: 'fluent-bit', fullyQualifiedName: 'legacy-eu/ServiceAccount/logging/fluent-bit' }],
        },
      ],
    });
    const file = readFileSync(path.join(repoRoot, 'fixtures', 'example-repo', 'clusters', 'legacy-eu', 'fluent-bit.yaml'), 'utf8');
    expect(first.partialFingerprints!.primaryLocationLineHash).toBe(lineHashes(file)[8]);
    expect(first.partialFingerprints!['stsAuditFingerprint/v1']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('of the trap fixtures is valid and empty', () => {
    const { log, code } = sarifOf(path.join(repoRoot, 'fixtures', 'traps'));
    expect(code).toBe(0);
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.invocations).toEqual([{ executionSuccessful: true }]);
  });

  const corpus = sharedCorpus('realworld');
  it.runIf(corpus.present)(corpus.title('of the real-world corpus is valid'), () => {
    expect(sarifOf(corpus.folder).log.runs[0]!.results!.map((result) => result.ruleId)).toEqual(Array(20).fill('STS008'));
  });

  it('marks an incomplete scan, with each unreadable input as a notification at its line', () => {
    const { log, code } = sarifOf(makeTree({ 'bad.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [\n' }));
    expect(code).toBe(3);
    expect(log.runs[0]!.invocations![0]).toMatchObject({
      executionSuccessful: false,
      toolExecutionNotifications: [{ level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'bad.yaml' }, region: { startLine: 4 } } }] }],
    });
  });

  it('percent-encodes paths as URI references', () => {
    expect(pathToUri('deploy/my app/#1 100%.yaml')).toBe('deploy/my%20app/%231%20100%25.yaml');
    const { log } = sarifOf(makeTree({ 'my apps/sa #1.yaml': yaml('apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: a', '  annotations: {eks.amazonaws.com/sts-regional-endpoints: "yes"}') }));
    expect(log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('my%20apps/sa%20%231.yaml');
  });

  it('keeps the line-independent fingerprint when lines are inserted above, while the line hash follows the line as GitHub recomputes it', () => {
    const account = yaml(
      'apiVersion: v1',
      'kind: ServiceAccount',
      'metadata:',
      '  name: app',
      '  annotations:',
      '    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/app',
      '    eks.amazonaws.com/sts-regional-endpoints: "false"',
    );
    const edited = `# owned by the platform team\n# see the runbook\n${account}`;
    const before = sarifOf(makeTree({ 'sa.yaml': account })).log.runs[0]!.results![0]!;
    const after = sarifOf(makeTree({ 'sa.yaml': edited })).log.runs[0]!.results![0]!;
    expect(after.locations![0]!.physicalLocation!.region!.startLine).toBe(9);
    expect(after.partialFingerprints!['stsAuditFingerprint/v1']).toBe(before.partialFingerprints!['stsAuditFingerprint/v1']);
    expect(after.partialFingerprints!.primaryLocationLineHash).toBe(lineHashes(edited)[9]);
    expect(before.partialFingerprints!.primaryLocationLineHash).toBe(lineHashes(account)[7]);
  });

  it('gives one result per rule and line', () => {
    const text = yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', 'data:', '  urls: "https://sts.amazonaws.com https://sts.amazonaws.com"');
    const { log } = sarifOf(makeTree({ 'cm.yaml': text }));
    expect(log.runs[0]!.results).toHaveLength(1);
    expect(log.runs[0]!.results![0]!.message.text).toMatch(/\(1 more on this line\)$/);
  });
});

describe('SARIF limits', () => {
  const finding = (index: number, level: Finding['level']): Finding => ({
    ruleId: 'STS007',
    ruleName: 'hardcoded-global-endpoint-manifest',
    level,
    message: `finding ${index}`,
    remediation: 'fix it',
    location: { path: `f${index}.yaml`, startLine: 1, startColumn: 1, endLine: 1, endColumn: 2, snippet: 'x' },
    fingerprint: index.toString(16).padStart(32, '0'),
    suppressed: null,
  });
  const report = (findings: Finding[]): Report => ({
    schemaVersion: '1',
    tool: { name: 'sts-audit', version: '1.0.0' },
    profiles: [],
    findings,
    inputs: { files: 0, documents: 0, objects: 0, skipped: [], errors: [] },
    summary: { error: 0, warning: 0, note: 0, suppressed: 0, complete: true },
  });

  it('cuts above 25,000 results, keeping the most severe, and says so', () => {
    const findings = Array.from({ length: 25_010 }, (_, i) => finding(i, i < 20 ? 'error' : 'note'));
    const { text, warnings } = formatSarif(report(findings), rules);
    const run = (JSON.parse(text) as Sarif.Log).runs[0]!;
    expect(run.results).toHaveLength(25_000);
    expect(run.results!.filter((result) => result.level === 'error')).toHaveLength(20);
    expect(warnings).toEqual([expect.stringMatching(/cut to 25000 results/)]);
    expect(run.invocations![0]!.toolExecutionNotifications).toEqual([expect.objectContaining({ level: 'warning' })]);
  });

  it('cuts the least severe results until the gzipped file fits, and says so', () => {
    const findings = Array.from({ length: 400 }, (_, i) => ({ ...finding(i, i < 5 ? 'error' : 'note'), message: `finding ${i} ${(i * 7919).toString(36).repeat(20)}` }));
    const whole = gzipSync(formatSarif(report(findings), rules).text).length;
    const limit = whole - 2_000;
    const { text, warnings } = formatSarif(report(findings), rules, { limits: { resultsPerRun: 25_000, gzippedBytes: limit } });
    const run = (JSON.parse(text) as Sarif.Log).runs[0]!;
    expect(gzipSync(text).length).toBeLessThanOrEqual(limit);
    expect(run.results!.length).toBeLessThan(400);
    expect(run.results!.slice(0, 5).every((result) => result.level === 'error')).toBe(true);
    expect(warnings).toEqual([`SARIF cut to ${run.results!.length} results to stay under GitHub's ${limit}-byte gzipped limit`]);
  });

  it('leaves suppressed findings out and gives results: [] when nothing is left', () => {
    const { text } = formatSarif(report([{ ...finding(1, 'error'), suppressed: { kind: 'config', reason: 'accepted' } }]), rules);
    expect((JSON.parse(text) as Sarif.Log).runs[0]!.results).toEqual([]);
  });
});
