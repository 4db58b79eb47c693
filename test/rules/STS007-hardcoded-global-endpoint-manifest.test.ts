import { describe, expect, it } from 'vitest';
import { scanFiles, where, yaml } from '../helpers.js';
import { deployment, globalCluster, regionalCluster, unsupportedCluster } from './fixtures.js';
import { env } from './fixtures.js';

describe('STS007 hardcoded-global-endpoint-manifest', () => {
  it('fires on an env value that is the global endpoint URL, at the host name; error on Regional clusters', () => {
    const report = scanFiles({ 'deploy.yaml': deployment(env('AWS_ENDPOINT_URL_STS', 'https://sts.amazonaws.com')) }, regionalCluster);
    expect(where(report)).toEqual(['STS007 deploy.yaml:16:30-47']);
    expect(report.findings[0]!.level).toBe('error');
  });

  it.each([globalCluster, unsupportedCluster])('is a warning where the default is not Regional', (cluster) => {
    const report = scanFiles({ 'deploy.yaml': deployment(env('STS_HOST', 'sts.amazonaws.com')) }, cluster);
    expect(report.findings.map((f) => `${f.ruleId} ${f.level}`)).toEqual(['STS007 warning']);
    expect(report.findings[0]!.message).toMatch(/the global endpoint is in use\s+today, but the hardcoded one stays/);
  });

  it('fires on args and commands, with the flag before a separate argument as context', () => {
    const lines = [
      'command: ["sh", "-c", "export AWS_STS_REGIONAL_ENDPOINTS=legacy && exec app"]',
      'args: ["--sts-endpoint=https://sts.amazonaws.com", "--endpoint", "sts.amazonaws.com", "--sts-region", "aws-global"]',
    ];
    expect(where(scanFiles({ 'deploy.yaml': deployment(lines) }, regionalCluster))).toEqual([
      'STS007 deploy.yaml:14:68-74',
      'STS007 deploy.yaml:15:42-59',
      'STS007 deploy.yaml:15:77-94',
      'STS007 deploy.yaml:15:114-124',
    ]);
  });

  it.each([
    ['the token audience flag', 'args: ["--token-audience=sts.amazonaws.com"]'],
    ['a separate audience argument', 'args: ["--audience", "sts.amazonaws.com"]'],
    ['an audience env var', 'env: [{name: TOKEN_AUDIENCE, value: sts.amazonaws.com}]'],
    ['the token path', 'env: [{name: AWS_WEB_IDENTITY_TOKEN_FILE, value: /var/run/secrets/sts.amazonaws.com/serviceaccount/token}]'],
    ['a longer host name', 'env: [{name: A, value: "https://beta-sts.amazonaws.com"}]'],
    ['the China partition', 'env: [{name: A, value: "https://sts.cn-north-1.amazonaws.com.cn"}]'],
    ['a regional endpoint', 'env: [{name: A, value: "https://sts.us-west-2.amazonaws.com"}]'],
    ['a host that merely ends alike', 'env: [{name: A, value: "https://notsts.amazonaws.com"}]'],
    ['a global STS host of another domain', 'env: [{name: A, value: "https://sts.amazonaws.com.example.org"}]'],
    ['the setting in the env entry itself (STS006)', 'env: [{name: AWS_STS_REGIONAL_ENDPOINTS, value: regional}]'],
    ['aws-global that is not a region', 'env: [{name: CLUSTER_NAME, value: aws-global}]'],
    ['an IAM action', 'args: ["--allow=sts:AssumeRoleWithWebIdentity"]'],
  ])('never fires on %s', (_, line) => {
    expect(where(scanFiles({ 'deploy.yaml': deployment([line]) }, regionalCluster), 'STS007')).toEqual([]);
  });

  const configMap = (...lines: string[]) => yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: cfg, namespace: team}', 'data:', ...lines);

  it('reads ConfigMap data and points at the line inside a block scalar', () => {
    const text = configMap(
      '  AWS_STS_REGIONAL_ENDPOINTS: legacy',
      '  AWS_REGION: aws-global',
      '  config: |',
      '    [profile app]',
      '    # sts_regional_endpoints = legacy',
      '    sts_regional_endpoints = legacy',
      '    region = aws-global',
      '  app.yaml: |',
      '    auth:',
      '      audiences:',
      '        - sts.amazonaws.com',
      '    stsEndpoint: "https://sts.amazonaws.com"',
      '    s3_us_east_1_regional_endpoint = legacy',
      '    retry_mode: legacy',
    );
    expect(where(scanFiles({ 'cm.yaml': text }, regionalCluster))).toEqual([
      'STS007 cm.yaml:5:31-37',
      'STS007 cm.yaml:6:15-25',
      'STS007 cm.yaml:10:30-36',
      'STS007 cm.yaml:11:14-24',
      'STS007 cm.yaml:16:27-44',
    ]);
  });

  it('finds each of several uses in one value', () => {
    const text = configMap('  urls: "https://sts.amazonaws.com https://sts.amazonaws.com/"');
    expect(where(scanFiles({ 'cm.yaml': text }, regionalCluster))).toEqual(['STS007 cm.yaml:5:18-35', 'STS007 cm.yaml:5:44-61']);
  });
});

describe('embedded files of a ConfigMap', () => {
  it('read a line-start ; as a comment only in INI-like files, and as code in JavaScript', () => {
    const text = yaml(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: app, namespace: team}',
      'data:',
      '  app.js: |',
      '    ;const endpoint = "https://sts.amazonaws.com"',
      '  config: |',
      '    [default]',
      '    ; sts_regional_endpoints = legacy',
      '  settings.ini: |',
      '    ; endpoint_url = https://sts.amazonaws.com',
    );
    expect(where(scanFiles({ 'cm.yaml': text }, regionalCluster))).toEqual(['STS007 cm.yaml:6:32-49']);
  });
});
