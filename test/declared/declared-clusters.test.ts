import { describe, expect, it, vi } from 'vitest';
import { scanFiles, yaml } from '../helpers.js';
import { roleArn, serviceAccount } from '../rules/fixtures.js';

// A stand-in for the Terraform reader: each `cluster.tf` declares the cluster its first line names,
// `name version`, for its folder.
vi.mock('../../src/loaders/declared/readers.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/loaders/declared/readers.js')>();
  const stub: import('../../src/model/declared.js').DeclarationReader = {
    kind: 'terraform',
    wants: (file) => file.endsWith('cluster.tf'),
    read(files, _repository, into) {
      for (const file of files) {
        const [name = '', version = ''] = file.text.trim().split(' ');
        const folder = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/')) : '.';
        into.clusters.push({ folder, file: file.path, line: 1, name, kubernetesVersion: version === 'unknown' ? null : version, assumptions: version === 'unknown' ? ['`var.cluster_version` has no default'] : [] });
      }
    },
  };
  return { declarationReaders: [...actual.declarationReaders, stub] };
});

const account = serviceAccount([roleArn]);
const eksctl = (name: string, version: string) => yaml('apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', `metadata: {name: ${name}, version: "${version}"}`);
const clusterOf = (report: ReturnType<typeof scanFiles>, file: string) => report.findings.find((f) => f.location?.path === file)?.object?.cluster;

describe('clusters a Terraform configuration declares', () => {
  it('are the profile of the files in their folder and below', () => {
    const report = scanFiles({ 'infra/cluster.tf': 'legacy 1.21\n', 'infra/apps/sa.yaml': account, 'other/sa.yaml': account });
    expect(report.findings.map((f) => `${f.ruleId} ${f.location!.path} ${f.object!.cluster}`)).toEqual(['STS003 infra/apps/sa.yaml legacy']);
    expect(report.profiles).toContainEqual(expect.objectContaining({ name: 'legacy', kubernetesVersion: '1.21', source: 'terraform', defaultEndpoint: 'global' }));
  });

  it('carry what was assumed to read them, and an unknown version is assumed current', () => {
    const report = scanFiles({ 'infra/cluster.tf': 'prod unknown\n', 'infra/sa.yaml': account });
    expect(report.profiles).toEqual([
      expect.objectContaining({
        name: 'prod',
        source: 'terraform',
        kubernetesVersion: null,
        assumptions: ['`var.cluster_version` has no default', 'Kubernetes version unknown: assumed a current EKS cluster (Regional default)'],
      }),
    ]);
  });

  it('lose to the nearer of an eksctl config and a Terraform cluster, and to config clusters and flags', () => {
    const files = { 'infra/cluster.tf': 'outer 1.30\n', 'infra/old/eksctl.yaml': eksctl('inner', '1.21'), 'infra/old/sa.yaml': account, 'infra/sa.yaml': account };
    const report = scanFiles(files);
    expect(clusterOf(report, 'infra/old/sa.yaml')).toBe('inner');
    expect(clusterOf(report, 'infra/sa.yaml')).toBeUndefined();
    const configured = scanFiles(files, { clusters: [{ name: 'cfg', kubernetesVersion: '1.21', paths: ['infra/*.yaml'] }] });
    expect(clusterOf(configured, 'infra/sa.yaml')).toBe('cfg');
    const flagged = scanFiles(files, { flags: { clusterVersion: '1.21', platformVersion: 'eks.3', region: 'us-east-1' } });
    expect(flagged.profiles.map((profile) => profile.name)).toEqual(['command-line']);
  });

  it('beside an eksctl config of another version in the same folder, make its other files an explicit choice', () => {
    const report = scanFiles({ 'infra/a-eksctl.yaml': eksctl('a', '1.21'), 'infra/cluster.tf': 'b 1.30\n', 'infra/sa.yaml': account });
    expect(clusterOf(report, 'infra/sa.yaml')).toBe('a');
    expect(report.profiles.find((profile) => profile.name === 'a')?.assumptions.at(-1)).toBe(
      '2 files in `infra` declare clusters that differ (`infra/a-eksctl.yaml` 1.21, `infra/cluster.tf` 1.30): the files beside them that declare none are judged against the first, `infra/a-eksctl.yaml`',
    );
  });

  it('of the same version in one folder make no assumption', () => {
    const report = scanFiles({ 'infra/a-eksctl.yaml': eksctl('a', '1.21'), 'infra/cluster.tf': 'b 1.21\n', 'infra/sa.yaml': account });
    expect(report.profiles.map((profile) => profile.assumptions)).toEqual([['platform version unknown: assumed the newest for Kubernetes 1.21']]);
  });
});
