import { describe, expect, it } from 'vitest';
import { scanFiles, where } from '../helpers.js';
import { globalCluster, regionalCluster, roleArn, serviceAccount, unsupportedCluster } from './fixtures.js';
import { setting } from './fixtures.js';

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
