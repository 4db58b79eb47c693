import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertValidReport, makeTree, runCli } from '../helpers.js';
import { readFiles } from '../../src/loaders/read-files.js';
import type { Report } from '../../src/engine/report.js';

const report = (cwd: string, args: string[] = []) => {
  const run = runCli(['scan', '--format', 'json', ...args], { cwd });
  const parsed = JSON.parse(run.stdout) as Report;
  assertValidReport(parsed);
  return { ...run, report: parsed };
};

describe('reading source and config files', () => {
  it('counts files without any STS text as scanned, and reads those with one', () => {
    const root = makeTree({ 'a.py': 'print("hello")\n', 'b.py': 'endpoint = "https://sts.amazonaws.com"\n', 'notes.md': 'sts.amazonaws.com' });
    const { report: r } = report(root);
    expect(r.inputs.files).toBe(2);
    expect(r.findings.map((f) => f.location!.path)).toEqual(['b.py']);
  });

  it('skips binary files and files over the size limit with a reason; invalid UTF-8 is an error', () => {
    const root = makeTree({ 'big.js': `const endpoint = "https://sts.amazonaws.com";\n${'//'.repeat(600_000)}\n` });
    writeFileSync(path.join(root, 'tool.py'), Buffer.from([0x23, 0x21, 0x00, 0x01, ...Buffer.from('sts.amazonaws.com')]));
    writeFileSync(path.join(root, 'latin1.py'), Buffer.concat([Buffer.from('endpoint = "https://sts.amazonaws.com" # caf'), Buffer.from([0xe9, 0x0a])]));
    const { report: r, code } = report(root, ['--max-file-size', '1m']);
    expect(r.inputs.skipped).toEqual([
      { path: 'big.js', reason: expect.stringMatching(/^larger than the 1048576-byte limit/) },
      { path: 'tool.py', reason: 'binary file' },
    ]);
    expect(r.inputs.errors).toEqual([{ path: 'latin1.py', message: 'not valid UTF-8 text' }]);
    expect(code).toBe(3);
    expect(report(root, ['--max-file-size', '2m']).report.findings.map((f) => f.location!.path)).toEqual(['big.js']);
  });

  it('refuses a size that is not one', () => {
    expect(runCli(['scan', '--max-file-size', 'lots'], { cwd: makeTree({}) })).toMatchObject({ code: 2, stderr: expect.stringContaining('--max-file-size must be a size') });
  });

  it('leaves its own reports out of the scan, counting them as skipped and not as scanned', () => {
    const root = makeTree({ 'b.py': 'endpoint = "https://sts.amazonaws.com"\n' });
    runCli(['scan', '--format', 'json', '--output', 'report.json', '--quiet'], { cwd: root });
    runCli(['scan', '--format', 'sarif', '--output', 'report.sarif.json', '--quiet'], { cwd: root });
    const { report: r } = report(root);
    expect(r.findings.map((f) => f.location!.path)).toEqual(['b.py']);
    const reason = 'an sts-audit report (a baseline, for example): its messages quote what it found';
    expect(r.inputs.skipped).toEqual([
      { path: 'report.json', reason },
      { path: 'report.sarif.json', reason },
    ]);
    expect(r.inputs.files).toBe(1);
    // Whichever rules run, a report is still left out, and said so.
    const onlyManifestRules = report(root, ['--rule', 'STS001']).report;
    expect(onlyManifestRules.inputs.skipped.map((skipped) => skipped.path)).toEqual(['report.json', 'report.sarif.json']);
    expect(onlyManifestRules.inputs.files).toBe(1);
  });
});

describe('reading source files for declaration readers', () => {
  const read = (files: Record<string, string>) => {
    const root = makeTree(files);
    const outcomes = { skipped: [], errors: [] };
    const paths = Object.keys(files).sort();
    // A file left unread is given back as it was found (its path, where to open it): here, its path.
    return readFiles(paths.map((file) => ({ path: file, openPath: path.join(root, file) })), 1 << 20, outcomes).map((file) => (file.text === undefined ? { path: file.path } : file));
  };

  it('decodes a file for a reader only when the reader reads its path, and says whether it holds an STS text', () => {
    const cdk = "import * as eks from 'aws-cdk-lib/aws-eks';\n";
    expect(
      read({
        'app.js': 'resource "helm_release" "x" {}\n',
        'main.tf': 'resource "helm_release" "x" {}\n',
        'stack.ts': `${cdk}new ServiceAccount(this, "sa");\n`,
        'setting.ts': `${cdk}new ServiceAccount(this, "sa", { stsRegionalEndpoints: "regional" });\n`,
        'test/stack.ts': `${cdk}new ServiceAccount(this, "sa");\n`,
      }),
    ).toEqual([
      { path: 'app.js' },
      { path: 'main.tf', text: 'resource "helm_release" "x" {}\n', screened: false },
      { path: 'setting.ts', text: `${cdk}new ServiceAccount(this, "sa", { stsRegionalEndpoints: "regional" });\n`, screened: true },
      { path: 'stack.ts', text: `${cdk}new ServiceAccount(this, "sa");\n`, screened: false },
      { path: 'test/stack.ts' },
    ]);
  });

  it('decodes a program for the CDK and Pulumi readers only when it names one of their frameworks too', () => {
    expect(
      read({
        'client.ts': 'export class ServiceAccountsApi { list(): ServiceAccount[] { return []; } }\n',
        'plain.py': 'cluster.add_service_account("sa")\n',
        'cdk.py': 'from aws_cdk import aws_eks\ncluster.add_service_account("sa")\n',
        'index.ts': 'import * as k8s from "@pulumi/kubernetes";\nnew k8s.core.v1.ServiceAccount("sa");\n',
      }),
    ).toEqual([
      { path: 'cdk.py', text: 'from aws_cdk import aws_eks\ncluster.add_service_account("sa")\n', screened: false },
      { path: 'client.ts' },
      { path: 'index.ts', text: 'import * as k8s from "@pulumi/kubernetes";\nnew k8s.core.v1.ServiceAccount("sa");\n', screened: false },
      { path: 'plain.py' },
    ]);
  });
});
