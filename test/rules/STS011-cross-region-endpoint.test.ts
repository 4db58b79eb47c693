import { describe, expect, it } from 'vitest';
import { scanFiles, where } from '../helpers.js';
import { deployment, regionalCluster } from './fixtures.js';
import { env } from './fixtures.js';

describe('STS011 cross-region-endpoint', () => {
  it.each([
    ['https://sts.eu-central-1.amazonaws.com', 30, 60],
    ['https://sts-fips.us-east-1.amazonaws.com', 30, 62],
    ['https://sts.eu-west-1.api.aws', 30, 51],
  ])('fires on %s for a us-west-2 cluster, at the host', (value, start, end) => {
    const report = scanFiles({ 'deploy.yaml': deployment(env('AWS_ENDPOINT_URL_STS', value)) }, regionalCluster);
    expect(where(report)).toEqual([`STS011 deploy.yaml:16:${start}-${end}`]);
    expect(report.findings[0]!.level).toBe('note');
  });

  it('does not fire for the cluster’s own region, or when the region is unknown', () => {
    const own = deployment(env('AWS_ENDPOINT_URL_STS', 'https://sts.us-west-2.amazonaws.com'));
    expect(scanFiles({ 'deploy.yaml': own }, regionalCluster).findings).toEqual([]);
    const other = deployment(env('AWS_ENDPOINT_URL_STS', 'https://sts.eu-central-1.amazonaws.com'));
    expect(scanFiles({ 'deploy.yaml': other }).findings).toEqual([]);
  });
});
