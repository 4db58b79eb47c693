import { describe, expect, it } from 'vitest';
import { scanFiles, where } from '../helpers.js';
import { globalCluster, regionalCluster, roleArn, serviceAccount, unsupportedCluster } from './fixtures.js';
import { setting } from './fixtures.js';

describe('STS001 sa-disables-regional-default', () => {
  it.each(['"false"', '"0"', '"f"', '"F"', '"FALSE"', '"False"', "'false'"])(
    'fires on %s for an IRSA account on a Regional cluster, at the value',
    (value) => {
      const report = scanFiles({ 'sa.yaml': serviceAccount([roleArn, setting(value)]) }, regionalCluster);
      expect(where(report, 'STS001')).toEqual([`STS001 sa.yaml:8:47-${47 + value.length}`]);
      // A note in us-west-2, enabled by default (see region-cases.test.ts).
      expect(report.findings[0]).toMatchObject({ level: 'note', object: { kind: 'ServiceAccount', namespace: 'team', name: 'app' } });
    },
  );

  it.each([
    ['"true"', regionalCluster, [roleArn]],
    ['"false"', globalCluster, [roleArn]],
    ['"false"', unsupportedCluster, [roleArn]],
    ['"false"', regionalCluster, []],
    ['"false"', regionalCluster, ['eks.amazonaws.com/role-arn: ""']],
  ] as const)('does not fire for %s (case %#)', (value, cluster, extra) => {
    const report = scanFiles({ 'sa.yaml': serviceAccount([...extra, setting(value)]) }, cluster);
    expect(where(report, 'STS001')).toEqual([]);
  });

  it('ignores a key that only ends with the annotation name', () => {
    const text = serviceAccount([roleArn, 'testing.eks.amazonaws.com/serviceAccount/sts-regional-endpoints: "false"']);
    expect(scanFiles({ 'sa.yaml': text }, regionalCluster).findings).toEqual([]);
  });

  it('assumes a current (Regional) cluster when nothing says otherwise, and reports the assumption', () => {
    const report = scanFiles({ 'sa.yaml': serviceAccount([roleArn, setting('"false"')]) });
    expect(where(report, 'STS001')).toEqual(['STS001 sa.yaml:8:47-54']);
    expect(report.profiles).toEqual([expect.objectContaining({ name: 'assumed', source: 'assumed', defaultEndpoint: 'regional' })]);
    expect(report.findings[0]!.message).toContain('an assumed current EKS cluster (Regional default)');
  });
});
