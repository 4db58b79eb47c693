import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertValidReport, assertValidSarif, repoRoot, runCli } from '../helpers.js';

const eksctl = path.join(repoRoot, 'fixtures', 'declared', 'eksctl');
const pulumi = path.join(repoRoot, 'fixtures', 'declared', 'pulumi');

describe('reports of declared ServiceAccounts', () => {
  it('--inventory adds the inventory to the JSON report; without it there is none', () => {
    const listed = runCli(['scan', '--format', 'json', '--inventory'], { cwd: eksctl });
    expect(listed.code).toBe(1);
    const report = JSON.parse(listed.stdout);
    assertValidReport(report);
    expect(report.inventory.map((entry: { path: string; line: number; input: string }) => `${entry.path}:${entry.line} ${entry.input}`)).toEqual([
      'clusters/shop/cluster.yaml:11 eksctl',
      'clusters/shop/cluster.yaml:17 eksctl',
      'clusters/shop/cluster.yaml:30 eksctl',
      'clusters/shop/next.yaml:11 eksctl',
      'clusters/shop/reports.yaml:7 manifest',
    ]);
    expect(report.inputs.serviceAccounts).toEqual({ eksctl: 4, manifest: 1 });
    expect(JSON.parse(runCli(['scan', '--format', 'json'], { cwd: eksctl }).stdout).inventory).toBeUndefined();
  });

  it('text gives the counts per input kind, the inventory when asked, and the inputs analysed only in part', () => {
    const { stdout } = runCli(['scan', '--inventory'], { cwd: eksctl });
    expect(stdout).toContain('  IRSA ServiceAccounts modeled: 4 eksctl, 1 manifest\n');
    expect(stdout).toContain(
      '\nIRSA ServiceAccounts modeled (5):\n  clusters/shop/cluster.yaml:11:7  kube-system/cluster-autoscaler  eksctl: eksctl ClusterConfig `shop-legacy`; role (the role `shop-legacy-autoscaler` that eksctl creates); sts-regional-endpoints not set; cluster shop-legacy\n    assumed: its role is the role `shop-legacy-autoscaler` that eksctl creates',
    );
    expect(stdout).toContain('sts-regional-endpoints "yes please" at clusters/shop/cluster.yaml:21:53; cluster shop-legacy\n');
    expect(stdout).toContain(
      '\nRecognised but not analysed, or only in part: 1 input:\n  clusters/shop/cluster.yaml:31  eksctl: ServiceAccount kube-system/external-dns: `roleOnly` makes eksctl create only the role',
    );
    expect(runCli(['scan'], { cwd: eksctl }).stdout).not.toContain('IRSA ServiceAccounts modeled (');
  });

  it('Markdown gives the counts, the inputs analysed only in part, and the inventory when asked', () => {
    // The Markdown report is the Action's job summary.
    const { stdout } = runCli(['scan', '--format', 'markdown', '--inventory'], { cwd: pulumi });
    expect(stdout).toContain('\nIRSA ServiceAccounts modeled: 4 pulumi.\n');
    expect(stdout).toContain('<details><summary>Recognised but not analysed, or only in part (3)</summary>\n\n| input | kind | reason |\n| --- | --- | --- |\n| `go/main.go` | pulumi | Pulumi code is read, not run:');
    expect(stdout).toContain(
      '<details><summary>IRSA ServiceAccounts modeled (4)</summary>\n\n| role written at | ServiceAccount | input | role | sts-regional-endpoints | cluster |\n| --- | --- | --- | --- | --- | --- |\n| `go/main.go:16:64` | shop/billing | pulumi: `corev1.NewServiceAccount` in Pulumi code | `arn:aws:iam::111122223333:role/billing` | `"False"` at `go/main.go:17:64` | assumed |\n',
    );
  });

  it('SARIF carries the inputs analysed only in part as notes of the run, and stays valid', () => {
    const { stdout } = runCli(['scan', '--format', 'sarif', '--inventory'], { cwd: eksctl });
    const run = assertValidSarif(stdout).runs[0]!;
    expect(run.invocations![0]).toEqual({
      executionSuccessful: true,
      toolExecutionNotifications: [
        {
          level: 'note',
          message: { text: 'clusters/shop/cluster.yaml: recognised but not analysed, or only in part (eksctl): ServiceAccount kube-system/external-dns: `roleOnly` makes eksctl create only the role; the ServiceAccount and its annotations are made elsewhere' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'clusters/shop/cluster.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 31 } } }],
        },
      ],
    });
    expect(run.properties!.inputs.unanalysed).toHaveLength(1);
    expect(run.properties!.inventory).toHaveLength(5);
  });

  it('--inventory is in the help of scan', () => {
    expect(runCli(['scan', '--help'], { cwd: eksctl }).stdout).toContain('--inventory');
  });
});
