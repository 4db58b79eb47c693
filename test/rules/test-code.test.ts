import { describe, expect, it } from 'vitest';
import type * as Sarif from 'sarif';
import { assertValidReport, makeTree, runCli } from '../helpers.js';
import type { Report } from '../../src/engine/report.js';

// A small repository: deployed code, and the same endpoint setting in each kind of test code.
const setting = 'sts = boto3.client("sts", endpoint_url="https://sts.amazonaws.com")\n';
const goSetting = 'package sts\n\nvar cfg = aws.Config{Endpoint: aws.String("https://sts.amazonaws.com")}\n';
const tree = {
  'app/client.py': setting,
  'tests/test_client.py': setting,
  'pkg/sts/client_test.go': goSetting,
  'pkg/sts/client.go': goSetting,
  'web/__tests__/sts.js': "const sts = new STSClient({ endpoint: 'https://sts.amazonaws.com' });\n",
  'web/src/sts.spec.ts': "const sts = new STSClient({ endpoint: 'https://sts.amazonaws.com' });\n",
  'web/src/sts.test.ts': "const sts = new STSClient({ endpoint: 'https://sts.amazonaws.com' });\n",
  'internal/testdata/config.py': setting,
  'fixtures/repo/app.py': setting,
  'test/requirements.txt': 'boto3==1.26.0\n',
};
const testFiles = ['fixtures/repo/app.py', 'internal/testdata/config.py', 'pkg/sts/client_test.go', 'test/requirements.txt', 'tests/test_client.py', 'web/__tests__/sts.js', 'web/src/sts.spec.ts', 'web/src/sts.test.ts'];

const levels = (report: Report): string[] => report.findings.map((f) => `${f.ruleId} ${f.level} ${f.location!.path}:${f.location!.startLine}:${f.location!.startColumn}`);

describe('test code', () => {
  const cwd = makeTree(tree);
  const run = runCli(['scan', '--format', 'json', '--cluster-version', '1.29'], { cwd });
  const report = JSON.parse(run.stdout) as Report;

  it('is reported at note by default, and fails the run only through deployed code', () => {
    assertValidReport(report);
    expect(levels(report)).toEqual([
      'STS008 error app/client.py:1:49',
      'STS008 note fixtures/repo/app.py:1:49',
      'STS008 note internal/testdata/config.py:1:49',
      'STS008 error pkg/sts/client.go:3:52',
      'STS008 note pkg/sts/client_test.go:3:52',
      'STS014 note test/requirements.txt:1:1',
      'STS008 note tests/test_client.py:1:49',
      'STS008 note web/__tests__/sts.js:1:48',
      'STS008 note web/src/sts.spec.ts:1:48',
      'STS008 note web/src/sts.test.ts:1:48',
    ]);
    expect(run.code).toBe(1);
  });

  it('never fails the run on its own', () => {
    const onlyTests = makeTree({ 'tests/test_client.py': setting, 'pkg/sts/client_test.go': goSetting });
    const alone = runCli(['scan', '--format', 'json'], { cwd: onlyTests });
    expect((JSON.parse(alone.stdout) as Report).summary).toMatchObject({ error: 0, warning: 0, note: 2 });
    expect(alone.code).toBe(0);
  });

  it('is named in the JSON report, the text and Markdown summaries and the SARIF run properties', () => {
    expect(report.inputs.testCode).toEqual(testFiles);
    const text = runCli(['scan', '--cluster-version', '1.29'], { cwd }).stdout;
    expect(text).toContain(`Read as test code, findings at note (config testCode: code reports them like other code): 8 files\n${testFiles.map((file) => `  ${file}`).join('\n')}\n`);
    const sarif = JSON.parse(runCli(['scan', '--format', 'sarif', '--cluster-version', '1.29'], { cwd }).stdout) as Sarif.Log;
    expect(sarif.runs[0]!.properties!.inputs).toMatchObject({ testCode: testFiles });
    const markdown = runCli(['scan', '--format', 'markdown', '--cluster-version', '1.29'], { cwd }).stdout;
    expect(markdown).toContain(`<details><summary>Read as test code, findings at note (8)</summary>\n\n${testFiles.map((file) => `- \`${file}\``).join('\n')}\n`);
  });

  it('is reported like other code with testCode: code in the config', () => {
    const switched = makeTree({ ...tree, '.sts-audit.yaml': 'testCode: code\n' });
    const full = JSON.parse(runCli(['scan', '--format', 'json', '--cluster-version', '1.29'], { cwd: switched }).stdout) as Report;
    assertValidReport(full);
    expect(levels(full).filter((line) => line.startsWith('STS008')).every((line) => line.includes(' error '))).toBe(true);
    expect(levels(full)).toContain('STS008 error pkg/sts/client_test.go:3:52');
    expect(full.inputs.testCode).toBeUndefined();
  });

  it('is told by the path below the scan root: a scan rooted inside a fixture reads it as the repository it stands for', () => {
    const inside = runCli(['scan', '--format', 'json', '--cluster-version', '1.29'], { cwd: `${cwd}/fixtures/repo` });
    expect(levels(JSON.parse(inside.stdout) as Report)).toEqual(['STS008 error app.py:1:49']);
  });

  it('rejects an unknown testCode value with the key named', () => {
    const bad = makeTree({ 'app.py': setting, '.sts-audit.yaml': 'testCode: yes\n' });
    const result = runCli(['scan'], { cwd: bad });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/testCode/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
