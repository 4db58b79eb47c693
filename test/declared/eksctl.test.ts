import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { assertValidReport, repoRoot, scanFiles, where, yaml } from '../helpers.js';

const fixtures = path.join(repoRoot, 'fixtures', 'declared', 'eksctl');
const scanFixtures = async () => {
  const report = await scan({ targets: ['.'], root: fixtures, inventory: true });
  assertValidReport(JSON.parse(JSON.stringify(report)));
  return report;
};

describe('eksctl ClusterConfig iam.serviceAccounts', () => {
  it('judges each entry against its own file’s cluster, at the line the user edits', async () => {
    const report = await scanFixtures();
    expect(where(report)).toEqual([
      // 1.21, global by default: eksctl writes the role, no endpoint annotation; located at the entry.
      'STS003 clusters/shop/cluster.yaml:11:7-15',
      'STS003 clusters/shop/cluster.yaml:17:7-15',
      // The entry's own annotation, at its value.
      'STS004 clusters/shop/cluster.yaml:21:53-65',
      // The same entry in the 1.30 config beside it is judged on 1.30, where "false" turns off the regional default.
      'STS001 clusters/shop/next.yaml:15:53-60',
      // A plain manifest beside two configs of different versions takes the first, and the report says so.
      'STS003 clusters/shop/reports.yaml:7:5-31',
    ]);
    const messages = report.findings.map((finding) => finding.message);
    expect(messages[0]).toContain('ServiceAccount kube-system/cluster-autoscaler in eksctl ClusterConfig `shop-legacy`');
    expect(messages[3]).toContain('ServiceAccount shop/orders in eksctl ClusterConfig `shop-next`');
    expect(report.findings.map((finding) => finding.object?.cluster)).toEqual(['shop-legacy', 'shop-legacy', 'shop-legacy', 'shop-next', 'shop-legacy']);
  });

  it('lists every entry in the inventory, with the role eksctl creates, the entry’s endpoint annotation and its file’s cluster', async () => {
    const report = await scanFixtures();
    const legacy = { name: 'shop-legacy', kubernetesVersion: '1.21', source: 'eksctl' };
    expect(report.inventory!.filter((entry) => entry.input === 'eksctl')).toEqual([
      {
        path: 'clusters/shop/cluster.yaml', line: 11, column: 7, input: 'eksctl', builtBy: 'eksctl ClusterConfig `shop-legacy`',
        namespace: 'kube-system', name: 'cluster-autoscaler', roleArn: '(the role `shop-legacy-autoscaler` that eksctl creates)', profile: legacy,
        assumptions: ['its role is the role `shop-legacy-autoscaler` that eksctl creates, and eksctl writes its ARN as the `eks.amazonaws.com/role-arn` annotation'],
      },
      {
        path: 'clusters/shop/cluster.yaml', line: 17, column: 7, input: 'eksctl', builtBy: 'eksctl ClusterConfig `shop-legacy`',
        namespace: 'shop', name: 'orders', roleArn: '(a role that eksctl creates and names)',
        endpoint: { value: 'yes please', path: 'clusters/shop/cluster.yaml', line: 21, column: 53 }, profile: legacy,
        assumptions: ['its role is a role that eksctl creates and names, and eksctl writes its ARN as the `eks.amazonaws.com/role-arn` annotation'],
      },
      {
        path: 'clusters/shop/cluster.yaml', line: 30, column: 22, input: 'eksctl', builtBy: 'eksctl ClusterConfig `shop-legacy`',
        namespace: 'shop', name: 'payments', roleArn: 'arn:aws:iam::111122223333:role/shop-payments',
        endpoint: { value: 'true', path: 'clusters/shop/cluster.yaml', line: 28, column: 53 }, profile: legacy,
      },
      {
        path: 'clusters/shop/next.yaml', line: 11, column: 7, input: 'eksctl', builtBy: 'eksctl ClusterConfig `shop-next`',
        namespace: 'shop', name: 'orders', roleArn: '(a role that eksctl creates and names)',
        endpoint: { value: 'false', path: 'clusters/shop/next.yaml', line: 15, column: 53 }, profile: { name: 'shop-next', kubernetesVersion: '1.30', source: 'eksctl' },
        assumptions: ['its role is a role that eksctl creates and names, and eksctl writes its ARN as the `eks.amazonaws.com/role-arn` annotation'],
      },
    ]);
    expect(report.inputs.serviceAccounts).toEqual({ eksctl: 4, manifest: 1 });
  });

  it('lists a roleOnly entry as recognised but not analysed: eksctl makes only its role', async () => {
    const report = await scanFixtures();
    expect(report.inputs.unanalysed).toEqual([
      {
        path: 'clusters/shop/cluster.yaml',
        line: 31,
        kind: 'eksctl',
        reason: 'ServiceAccount kube-system/external-dns: `roleOnly` makes eksctl create only the role; the ServiceAccount and its annotations are made elsewhere',
      },
    ]);
    expect(report.summary.complete).toBe(true);
  });

  it('says which cluster the other files of a folder with differing ClusterConfigs are judged against', async () => {
    const report = await scanFixtures();
    const legacy = report.profiles.filter((profile) => profile.name === 'shop-legacy');
    expect(legacy.map((profile) => profile.assumptions.at(-1))).toEqual([
      '2 files in `clusters/shop` declare clusters that differ (`clusters/shop/cluster.yaml` 1.21, `clusters/shop/next.yaml` 1.30): the files beside them that declare none are judged against the first, `clusters/shop/cluster.yaml`',
      'platform version unknown: assumed the newest for Kubernetes 1.21',
    ]);
    expect(report.inventory!.find((entry) => entry.path === 'clusters/shop/reports.yaml')?.profile).toEqual({ name: 'shop-legacy', kubernetesVersion: '1.21', source: 'eksctl' });
  });

  it('never takes the audience annotation for an endpoint', async () => {
    const report = await scanFixtures();
    expect(report.findings.filter((finding) => finding.location?.startLine === 29)).toEqual([]);
  });

  it('lets the command line’s cluster win over the file’s own', () => {
    const config = yaml(
      'apiVersion: eksctl.io/v1alpha5',
      'kind: ClusterConfig',
      'metadata: {name: c, version: "1.30"}',
      'iam:',
      '  serviceAccounts:',
      '    - metadata: {name: app, namespace: team}',
    );
    expect(where(scanFiles({ 'cluster.yaml': config }))).toEqual([]);
    expect(where(scanFiles({ 'cluster.yaml': config }, { flags: { clusterVersion: '1.21', platformVersion: 'eks.3', region: 'us-east-1' } }))).toEqual(['STS003 cluster.yaml:6:7-15']);
  });

  it('refuses an entry without a name, at its position, and goes on', () => {
    const config = yaml(
      'apiVersion: eksctl.io/v1alpha5',
      'kind: ClusterConfig',
      'metadata: {name: c, version: "1.21"}',
      'iam:',
      '  serviceAccounts:',
      '    - metadata: {namespace: team}',
      '    - metadata: {name: app, namespace: team}',
    );
    const report = scanFiles({ 'cluster.yaml': config });
    expect(report.inputs.errors).toEqual([
      { path: 'cluster.yaml', line: 6, column: 7, message: 'an eksctl `iam.serviceAccounts` entry without `metadata.name`: eksctl refuses the config' },
    ]);
    expect(where(report)).toEqual(['STS003 cluster.yaml:7:7-15']);
    expect(report.summary.complete).toBe(false);
  });
});
