import { describe, expect, it } from 'vitest';
import { scanFiles, where } from '../helpers.js';
import { falseAccount, globalCluster, regionalCluster, roleArn, serviceAccount } from './fixtures.js';
import { regionalAccount, runningPod, irsa, withEnv, regional } from './running-pods.js';

describe('STS009 stale-pod-endpoint-env', () => {
  it('fires when a running pod lacks the regional setting its account now injects, at the container’s env, naming the command', () => {
    const report = scanFiles({ 'pod.yaml': runningPod(withEnv('app', ...irsa)), 'sa.yaml': regionalAccount }, regionalCluster);
    expect(where(report, 'STS009')).toEqual(['STS009 pod.yaml:10:5-8']);
    expect(report.findings.find((f) => f.ruleId === 'STS009')!.remediation).toContain('kubectl delete pod app-7d9c -n team');
  });

  it('fires when a running pod still has regional though its account now says false, and on init containers, at each value', () => {
    const pod = runningPod(withEnv('app', regional, ...irsa), { init: withEnv('init', regional, ...irsa) });
    const report = scanFiles({ 'pod.yaml': pod, 'sa.yaml': falseAccount }, regionalCluster);
    expect(report.findings.filter((f) => f.ruleId === 'STS009').map((f) => f.message.split(' of ')[0])).toEqual(['Container init', 'Container app']);
    expect(where(report, 'STS009')).toEqual(['STS009 pod.yaml:11:51-59', 'STS009 pod.yaml:17:51-59']);
  });

  it.each([
    ['the pod matches what the webhook injects today', runningPod(withEnv('app', regional, ...irsa)), regionalAccount, regionalCluster],
    ['the cluster defaults to Global and the account says nothing', runningPod(withEnv('app', ...irsa)), serviceAccount([roleArn]), globalCluster],
    ['the container is skipped by the webhook', runningPod(withEnv('app', ...irsa), { annotations: ['eks.amazonaws.com/skip-containers: app'] }), regionalAccount, regionalCluster],
    ['the pod has finished', runningPod(withEnv('app', ...irsa), { phase: 'Succeeded' }), regionalAccount, regionalCluster],
    ['the pod is a manifest, not a running pod', runningPod(withEnv('app', ...irsa)).replace('status:\n  phase: Running\n', ''), regionalAccount, regionalCluster],
    ['the account has no role', runningPod(withEnv('app', ...irsa)), serviceAccount(['eks.amazonaws.com/sts-regional-endpoints: "true"']), regionalCluster],
  ])('stays silent when %s', (_, pod, account, cluster) => {
    expect(where(scanFiles({ 'pod.yaml': pod, 'sa.yaml': account }, cluster), 'STS009')).toEqual([]);
  });
});
