import { describe, expect, it } from 'vitest';
import { scanFiles } from '../helpers.js';
import { globalCluster, regionalCluster } from './fixtures.js';
import { expected, negatives, positives, readsPresignedUrls, run } from './code-cases.js';

describe('STS008 hardcoded-global-endpoint-code and STS012 presigned-url-global-format', () => {
  it.each(positives.filter((testCase) => !readsPresignedUrls(testCase)).map((testCase) => [testCase.file, testCase] as const))('find the literal in %s', (_, testCase) => {
    expect(run(testCase)).toEqual(expected(testCase));
  });

  it.each(negatives.map((testCase) => [testCase.file, testCase] as const))('stay silent on %s', (_, testCase) => {
    expect(run(testCase)).toEqual([]);
  });

  it('is an error on Regional clusters and a warning elsewhere', () => {
    const files = { 'a.py': 'boto3.client("sts", endpoint_url="https://sts.amazonaws.com")\n' };
    expect(scanFiles(files, regionalCluster).findings.map((f) => f.level)).toEqual(['error']);
    expect(scanFiles(files, globalCluster).findings.map((f) => f.level)).toEqual(['warning']);
  });

  it('tells equal literals of a file apart in their fingerprints, and keeps them across edits', () => {
    const text = 'primary_endpoint = "https://sts.amazonaws.com"\nfallback_endpoint = "https://sts.amazonaws.com"\n';
    const first = scanFiles({ 'a.py': text }).findings.map((f) => f.fingerprint);
    expect(new Set(first).size).toBe(2);
    expect(scanFiles({ 'a.py': `import os\n\n${text}` }).findings.map((f) => f.fingerprint)).toEqual(first);
  });
});

describe('inline suppressions in code', () => {
  it('silence a finding with the language’s own comment, on its line or the line above', () => {
    const python = scanFiles({ 'a.py': '# sts-audit-ignore STS008 -- the partner proxy\nsts = boto3.client("sts", endpoint_url="https://sts.amazonaws.com")\n' });
    expect(python.findings.map((f) => f.suppressed)).toEqual([{ kind: 'inline', reason: 'the partner proxy' }]);
    const script = scanFiles({ 'a.ts': "const stsUrl = 'https://sts.amazonaws.com'; // sts-audit-ignore STS008 test fixture\n" });
    expect(script.findings.map((f) => f.suppressed)).toEqual([{ kind: 'inline', reason: 'test fixture' }]);
    const docker = scanFiles({ Dockerfile: 'FROM x\n# sts-audit-ignore STS008 -- old SDK\nENV AWS_STS_REGIONAL_ENDPOINTS=legacy\n' });
    expect(docker.findings.map((f) => f.suppressed?.kind)).toEqual(['inline']);
  });
});

describe('patterns against hostile lines', () => {
  it('scan a 1 MB line built to hurt in well under a second', () => {
    const lines = [
      'x = "' + 'sts.'.repeat(250_000) + '"',
      'y = "' + 'a'.repeat(1_000_000) + '"',
      'z = "' + 'sts.amazonaws.co'.repeat(60_000) + '"',
      'w = "' + '.s3\\.amazonaws\\.co'.repeat(50_000) + '"',
      'v = "' + 'AWS_STS_REGIONAL_ENDPOINTS '.repeat(35_000) + '"',
      'hosts = [' + '"https://sts.amazonaws.com", '.repeat(35_000) + ']',
      'regions = {' + '"sts.amazonaws.com": "us-east-1", '.repeat(30_000) + '}',
    ];
    const started = performance.now();
    const report = scanFiles({ 'big.py': `${lines.join('\n')}\n` });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(report.findings).toEqual([]);
  });
});
