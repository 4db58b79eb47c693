import { describe, expect, it } from 'vitest';
import { scanFiles, where } from '../helpers.js';
import { deployment, regionalCluster, roleArn, serviceAccount } from './fixtures.js';
import { irsaAccount, env } from './fixtures.js';

describe('STS013 region-env-pair-incomplete', () => {
  it.each([
    ['AWS_REGION', 31],
    ['AWS_DEFAULT_REGION', 39],
  ])('fires when an IRSA container sets only %s, at the name', (name, end) => {
    const report = scanFiles({ 'deploy.yaml': deployment(env(name, 'eu-west-1')), 'sa.yaml': irsaAccount }, regionalCluster);
    expect(where(report)).toEqual([`STS013 deploy.yaml:15:21-${end}`]);
  });

  it('covers init containers', () => {
    const text = deployment([], { extraContainers: [] }).replace(
      '      containers:',
      '      initContainers:\n        - name: init\n          env: [{name: AWS_DEFAULT_REGION, value: eu-west-1}]\n      containers:',
    );
    expect(where(scanFiles({ 'deploy.yaml': text, 'sa.yaml': irsaAccount }, regionalCluster))).toEqual(['STS013 deploy.yaml:14:24-42']);
  });

  it.each([
    ['both are set', [...env('AWS_REGION', 'eu-west-1'), '  - name: AWS_DEFAULT_REGION', '    value: eu-west-1'], irsaAccount, {}],
    ['neither is set', ['image: app'], irsaAccount, {}],
    ['the account has no role', env('AWS_REGION', 'eu-west-1'), serviceAccount([]), {}],
    ['the account is not known', env('AWS_REGION', 'eu-west-1'), '', {}],
    ['the webhook skips the container', env('AWS_REGION', 'eu-west-1'), irsaAccount, { templateAnnotations: ['eks.amazonaws.com/skip-containers: main'] }],
  ] as const)('stays quiet when %s', (_, lines, account, options) => {
    const files: Record<string, string> = { 'deploy.yaml': deployment([...lines], options) };
    if (account) files['sa.yaml'] = account;
    expect(where(scanFiles(files, regionalCluster), 'STS013')).toEqual([]);
  });

  it('joins workloads to accounts by namespace and name only', () => {
    const otherNamespace = serviceAccount([roleArn], 'app', 'elsewhere');
    expect(scanFiles({ 'd.yaml': deployment(env('AWS_REGION', 'x')), 'sa.yaml': otherNamespace }, regionalCluster).findings).toEqual([]);
    const noNamespaces = {
      'd.yaml': deployment(env('AWS_REGION', 'x')).replace('  namespace: team\n', ''),
      'sa.yaml': serviceAccount([roleArn]).replace('  namespace: team\n', ''),
    };
    expect(where(scanFiles(noNamespaces, regionalCluster))).toEqual(['STS013 d.yaml:14:21-31']);
    const defaultAccount = { 'd.yaml': deployment(env('AWS_REGION', 'x')).replace('      serviceAccountName: app\n', ''), 'sa.yaml': serviceAccount([roleArn], 'default') };
    expect(where(scanFiles(defaultAccount, regionalCluster))).toEqual(['STS013 d.yaml:14:21-31']);
  });
});
