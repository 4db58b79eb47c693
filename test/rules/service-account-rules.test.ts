import { describe, expect, it } from 'vitest';
import { scanFiles, where } from '../helpers.js';
import { globalCluster, regionalCluster, roleArn, serviceAccount, unsupportedCluster } from './fixtures.js';

const setting = (value: string) => `eks.amazonaws.com/sts-regional-endpoints: ${value}`;

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

describe('STS002 sa-annotation-unsupported', () => {
  it.each(['"true"', '"false"', '"yes"'])('fires on %s on a cluster with only the global endpoint, at the key', (value) => {
    const report = scanFiles({ 'sa.yaml': serviceAccount([roleArn, setting(value)]) }, unsupportedCluster);
    expect(where(report, 'STS002')).toEqual(['STS002 sa.yaml:8:5-45']);
  });

  it.each([regionalCluster, globalCluster])('does not fire where the setting is supported', (cluster) => {
    expect(where(scanFiles({ 'sa.yaml': serviceAccount([roleArn, setting('"true"')]) }, cluster), 'STS002')).toEqual([]);
  });

  it('does not fire without the annotation', () => {
    expect(scanFiles({ 'sa.yaml': serviceAccount([roleArn]) }, unsupportedCluster).findings).toEqual([]);
  });
});

describe('STS003 sa-global-by-default', () => {
  it('fires on an IRSA account with no setting on a Global-default cluster, at the role-arn key', () => {
    const report = scanFiles({ 'sa.yaml': serviceAccount([roleArn]) }, globalCluster);
    expect(where(report)).toEqual(['STS003 sa.yaml:7:5-31']);
    expect(report.findings[0]!.level).toBe('note');
  });

  it('fires when the setting is present but invalid (the webhook ignores it), beside STS004', () => {
    const report = scanFiles({ 'sa.yaml': serviceAccount([roleArn, setting('"yes"')]) }, globalCluster);
    expect(where(report)).toEqual(['STS003 sa.yaml:7:5-31', 'STS004 sa.yaml:8:47-52']);
  });

  it.each([
    ['a valid true', [roleArn, setting('"true"')], globalCluster],
    ['a valid false', [roleArn, setting('"false"')], globalCluster],
    ['no role', [], globalCluster],
    ['a Regional cluster', [roleArn], regionalCluster],
    ['an unsupported cluster', [roleArn], unsupportedCluster],
  ] as const)('does not fire with %s', (_, lines, cluster) => {
    expect(where(scanFiles({ 'sa.yaml': serviceAccount([...lines]) }, cluster), 'STS003')).toEqual([]);
  });
});

describe('STS004 sa-annotation-invalid-value', () => {
  it.each([
    ['"yes"', 'invalid'],
    ['"regional"', 'invalid'],
    ['"legacy"', 'invalid'],
    ['" true"', 'invalid'],
    ['""', 'invalid'],
    ['"tRUE"', 'invalid'],
    ['true', 'notString'],
    ['false', 'notString'],
    ['yes', 'notString'],
    ['1', 'notString'],
  ])('fires on %s, at the value', (value) => {
    const report = scanFiles({ 'sa.yaml': serviceAccount([roleArn, setting(value)]) }, regionalCluster);
    expect(where(report)).toEqual([`STS004 sa.yaml:8:47-${47 + value.length}`]);
    expect(report.findings[0]!.level).toBe('error');
  });

  it('says why a non-string is rejected', () => {
    const report = scanFiles({ 'sa.yaml': serviceAccount([roleArn, setting('true')]) }, regionalCluster);
    expect(report.findings[0]!.message).toMatch(/boolean/);
  });

  it.each(['"1"', '"t"', '"T"', '"TRUE"', '"true"', '"True"', '"0"', '"f"', '"F"', '"FALSE"', '"false"', '"False"'])(
    'accepts the ParseBool spelling %s',
    (value) => {
      expect(where(scanFiles({ 'sa.yaml': serviceAccount([roleArn, setting(value)]) }, globalCluster), 'STS004')).toEqual([]);
    },
  );
});

describe('STS005 sa-annotation-without-role', () => {
  it.each([[[]], [['eks.amazonaws.com/role-arn: ""']], [['eks.amazonaws.com/role-arn:']]])(
    'fires when the setting has no role beside it (%#), at the key',
    (extra) => {
      const lines = [...extra, setting('"true"')];
      const report = scanFiles({ 'sa.yaml': serviceAccount(lines) }, regionalCluster);
      expect(where(report)).toEqual([`STS005 sa.yaml:${7 + extra.length}:5-45`]);
    },
  );

  it('does not fire with a role, even a placeholder one', () => {
    const lines = ['eks.amazonaws.com/role-arn: ${CARTS_IAM_ROLE}', setting('"true"')];
    expect(scanFiles({ 'sa.yaml': serviceAccount(lines) }, regionalCluster).findings).toEqual([]);
  });
});
