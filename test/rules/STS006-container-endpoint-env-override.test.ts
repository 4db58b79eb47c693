import { describe, expect, it } from 'vitest';
import { scanFiles, where, yaml } from '../helpers.js';
import { deployment, globalCluster, regionalCluster, serviceAccount } from './fixtures.js';
import { falseAccount, irsaAccount, env } from './fixtures.js';

describe('STS006 container-endpoint-env-override', () => {
  // The cluster runs in us-west-2, enabled by default: legacy is a note there (see region-cases.test.ts).
  it.each([
    ['legacy', 'note', 'legacy'],
    ['global', 'error', 'invalid'],
    ['Regional', 'error', 'invalid'],
    ['"regional "', 'error', 'invalid'],
    ['""', 'error', 'invalid'],
    ['true', 'error', 'invalid'],
  ])('fires on %s at the value, level %s', (value, level) => {
    const report = scanFiles({ 'deploy.yaml': deployment(env('AWS_STS_REGIONAL_ENDPOINTS', value)) }, regionalCluster);
    expect(where(report)).toEqual([`STS006 deploy.yaml:16:22-${22 + value.length}`]);
    expect(report.findings[0]!.level).toBe(level);
  });

  it('notes a container that pins regional while its account now says false', () => {
    const report = scanFiles({ 'deploy.yaml': deployment(env('AWS_STS_REGIONAL_ENDPOINTS', 'regional')), 'sa.yaml': falseAccount }, regionalCluster);
    expect(where(report, 'STS006')).toEqual(['STS006 deploy.yaml:16:22-30']);
    expect(report.findings.find((f) => f.ruleId === 'STS006')!.level).toBe('note');
  });

  it('notes a container that pins regional where the webhook would inject nothing (Global default)', () => {
    const report = scanFiles({ 'deploy.yaml': deployment(env('AWS_STS_REGIONAL_ENDPOINTS', 'regional')), 'sa.yaml': irsaAccount }, globalCluster);
    expect(where(report, 'STS006')).toEqual(['STS006 deploy.yaml:16:22-30']);
  });

  it.each([
    ['the account injects regional too', irsaAccount, regionalCluster],
    ['the account is not among the files', '', regionalCluster],
    ['the account has no role', serviceAccount(['eks.amazonaws.com/sts-regional-endpoints: "false"']), regionalCluster],
  ])('stays quiet on regional when %s', (_, account, cluster) => {
    const files: Record<string, string> = { 'deploy.yaml': deployment(env('AWS_STS_REGIONAL_ENDPOINTS', 'regional')) };
    if (account) files['sa.yaml'] = account;
    expect(where(scanFiles(files, cluster), 'STS006')).toEqual([]);
  });

  it('skips containers the webhook skips, and values from elsewhere', () => {
    const skipped = deployment(env('AWS_STS_REGIONAL_ENDPOINTS', 'regional'), { templateAnnotations: ['eks.amazonaws.com/skip-containers: "sidecar,main"'] });
    expect(where(scanFiles({ 'deploy.yaml': skipped, 'sa.yaml': falseAccount }, regionalCluster), 'STS006')).toEqual([]);
    const fromConfig = deployment(['env:', '  - name: AWS_STS_REGIONAL_ENDPOINTS', '    valueFrom: {configMapKeyRef: {name: c, key: k}}']);
    expect(scanFiles({ 'deploy.yaml': fromConfig }, regionalCluster).findings).toEqual([]);
  });

  const podTemplateKinds = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job'];
  it.each(podTemplateKinds)('covers %s', (kind) => {
    const text = deployment(env('AWS_STS_REGIONAL_ENDPOINTS', 'legacy')).replace('kind: Deployment', `kind: ${kind}`);
    expect(where(scanFiles({ 'w.yaml': text }, regionalCluster))).toEqual(['STS006 w.yaml:16:22-28']);
  });

  it('covers Pods, CronJobs and init containers', () => {
    const pod = yaml(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  initContainers:',
      '  - name: init',
      '    env: [{name: AWS_STS_REGIONAL_ENDPOINTS, value: legacy}]',
      '  containers:',
      '  - name: main',
      '    env: [{name: AWS_STS_REGIONAL_ENDPOINTS, value: global}]',
    );
    const cronJob = yaml(
      'apiVersion: batch/v1',
      'kind: CronJob',
      'metadata: {name: nightly}',
      'spec:',
      '  schedule: "0 3 * * *"',
      '  jobTemplate:',
      '    spec:',
      '      template:',
      '        spec:',
      '          containers:',
      '          - name: job',
      '            env:',
      '            - {name: AWS_STS_REGIONAL_ENDPOINTS, value: legacy}',
    );
    expect(where(scanFiles({ 'pod.yaml': pod, 'cron.yaml': cronJob }, regionalCluster))).toEqual([
      'STS006 cron.yaml:13:57-63',
      'STS006 pod.yaml:7:53-59',
      'STS006 pod.yaml:10:53-59',
    ]);
  });
});
