import { describe, expect, it } from 'vitest';
import { scanFiles, where } from '../helpers.js';
import { globalCluster, regionalCluster, roleArn, serviceAccount, unsupportedCluster } from './fixtures.js';
import { setting } from './fixtures.js';

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
