import { describe, expect, it } from 'vitest';
import { scanFiles, yaml } from '../helpers.js';
import { roleArn, serviceAccount } from '../rules/fixtures.js';

const eksctl = (name: string, version: string, region = 'eu-west-1') =>
  yaml('apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata:', `  name: ${name}`, `  region: ${region}`, `  version: ${version}`);
const account = serviceAccount([roleArn, 'eks.amazonaws.com/sts-regional-endpoints: "true"']);
const clusterOf = (report: ReturnType<typeof scanFiles>, file: string) => report.findings.find((f) => f.location?.path === file)?.object?.cluster;

describe('cluster profiles', () => {
  it('takes an eksctl ClusterConfig for the files in its folder and below, even when it is read after them', () => {
    const report = scanFiles({ 'old/a.yaml': account, 'old/sub/b.yaml': account, 'old/zz-cluster.yaml': eksctl('old', '"1.17"'), 'other/c.yaml': account });
    expect(report.findings.map((f) => `${f.ruleId} ${f.location!.path} ${f.object!.cluster}`)).toEqual([
      'STS002 old/a.yaml old',
      'STS002 old/sub/b.yaml old',
    ]);
    expect(report.profiles).toEqual([
      expect.objectContaining({ name: 'assumed', source: 'assumed' }),
      { name: 'old', kubernetesVersion: '1.17', platformVersion: null, region: 'eu-west-1', defaultEndpoint: 'unsupported', source: 'eksctl', assumptions: [] },
    ]);
  });

  it('prefers the nearest eksctl ClusterConfig', () => {
    const files = { 'c/cluster.yaml': eksctl('outer', '"1.29"'), 'c/legacy/cluster.yaml': eksctl('inner', '"1.17"'), 'c/legacy/sa.yaml': account, 'c/sa.yaml': account };
    const report = scanFiles(files);
    expect(clusterOf(report, 'c/legacy/sa.yaml')).toBe('inner');
    expect(report.findings.filter((f) => f.location!.path === 'c/sa.yaml')).toEqual([]);
  });

  it('reads an unquoted eksctl version as the version it was meant to be', () => {
    const report = scanFiles({ 'cluster.yaml': eksctl('c', '1.3'), 'sa.yaml': account });
    expect(report.profiles[0]).toMatchObject({ name: 'c', kubernetesVersion: '1.30', defaultEndpoint: 'regional' });
  });

  it.each(['1', '1.0', '2', '.nan'])('takes eksctl version %s for no version, and says so', (version) => {
    const report = scanFiles({ 'cluster.yaml': eksctl('c', version), 'sa.yaml': account });
    expect(report.profiles[0]).toMatchObject({ name: 'c', kubernetesVersion: null, assumptions: [expect.stringMatching(/^metadata\.version .* is not a Kubernetes version$/), 'Kubernetes version unknown: assumed a current EKS cluster (Regional default)'] });
  });

  it('gives files the same profiles whatever order they come in', () => {
    // Two ClusterConfigs in one folder: the first in path order wins.
    const files = { 'c/a-cluster.yaml': eksctl('legacy', '"1.17"'), 'c/b-cluster.yaml': eksctl('current', '"1.32"'), 'c/sa.yaml': serviceAccount([roleArn, 'eks.amazonaws.com/sts-regional-endpoints: "false"']) };
    // Two ClusterConfigs of one name in different folders.
    const twins = { 'x/cluster.yaml': eksctl('twin', '"1.29"'), 'y/cluster.yaml': eksctl('twin', '"1.21"', 'us-east-1'), 'x/sa.yaml': account, 'y/sa.yaml': account };
    for (const set of [files, twins]) {
      const forward = scanFiles(set);
      const backward = scanFiles(Object.fromEntries(Object.entries(set).reverse()));
      expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
    }
    expect(scanFiles(files).findings.map((f) => `${f.ruleId} ${f.object!.cluster}`)).toEqual(['STS002 legacy']);
  });

  it('lets config clusters win over eksctl, and flags over both', () => {
    const files = { 'old/cluster.yaml': eksctl('old', '"1.29"'), 'old/sa.yaml': account };
    const configured = scanFiles(files, { clusters: [{ name: 'cfg', kubernetesVersion: '1.17', paths: ['old/**'] }] });
    expect(clusterOf(configured, 'old/sa.yaml')).toBe('cfg');
    const flagged = scanFiles(files, { flags: { clusterVersion: '1.17' }, clusters: [{ name: 'cfg', kubernetesVersion: '1.29', paths: ['old/**'] }] });
    expect(clusterOf(flagged, 'old/sa.yaml')).toBe('command-line');
    expect(flagged.profiles).toEqual([expect.objectContaining({ name: 'command-line', source: 'flag', kubernetesVersion: '1.17' })]);
  });

  it('matches config globs relative to the config file’s folder, first entry first', () => {
    const clusters = [
      { name: 'a', kubernetesVersion: '1.17', paths: ['apps/**'] },
      { name: 'b', kubernetesVersion: '1.17', paths: ['**'] },
    ];
    const report = scanFiles({ 'deploy/apps/sa.yaml': account, 'deploy/x.yaml': account, 'elsewhere/sa.yaml': account }, { clusters, configFolder: 'deploy' });
    expect(report.findings.map((f) => `${f.location!.path} ${f.object!.cluster}`)).toEqual(['deploy/apps/sa.yaml a', 'deploy/x.yaml b']);
  });

  it('joins workloads only to ServiceAccounts of the same cluster', () => {
    const deployment = yaml(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web, namespace: team}',
      'spec:',
      '  template:',
      '    spec:',
      '      serviceAccountName: app',
      '      containers: [{name: c, env: [{name: AWS_REGION, value: eu-west-1}]}]',
    );
    const clusters = [
      { name: 'one', paths: ['one/**'] },
      { name: 'two', paths: ['two/**'] },
    ];
    expect(scanFiles({ 'one/sa.yaml': account, 'two/web.yaml': deployment }, { clusters }).findings).toEqual([]);
    expect(scanFiles({ 'one/sa.yaml': account, 'one/web.yaml': deployment }, { clusters }).findings.map((f) => f.ruleId)).toEqual(['STS013']);
  });
});

describe('fingerprints', () => {
  it('survive edits elsewhere in the file and differ between problems', () => {
    const before = scanFiles({ 'sa.yaml': account.replace('"true"', '"false"') });
    const after = scanFiles({ 'sa.yaml': `# a comment\n# and another\n${account.replace('"true"', '"false"').replace('  name: app\n', '  name: app\n  labels: {team: a}\n')}` });
    expect(after.findings[0]!.location!.startLine).not.toBe(before.findings[0]!.location!.startLine);
    expect(after.findings[0]!.fingerprint).toBe(before.findings[0]!.fingerprint);
    const other = scanFiles({ 'sa.yaml': account.replace('"true"', '"false"').replace('name: app', 'name: other') });
    expect(other.findings[0]!.fingerprint).not.toBe(before.findings[0]!.fingerprint);
  });
});
