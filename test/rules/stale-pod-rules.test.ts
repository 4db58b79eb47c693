import { describe, expect, it } from 'vitest';
import { scanFiles, where, yaml } from '../helpers.js';
import { globalCluster, regionalCluster, roleArn, serviceAccount } from './fixtures.js';

const regionalAccount = serviceAccount([roleArn, 'eks.amazonaws.com/sts-regional-endpoints: "true"']);
const falseAccount = serviceAccount([roleArn, 'eks.amazonaws.com/sts-regional-endpoints: "false"']);
const role = 'arn:aws:iam::111122223333:role/app';

/** A pod as `kubectl get pod -o yaml` shows a running one; its `metadata.name` is on line 4. */
function runningPod(containers: string[], options: { phase?: string; annotations?: string[]; init?: string[] } = {}): string {
  return yaml(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: app-7d9c',
    '  namespace: team',
    ...(options.annotations ? ['  annotations:', ...options.annotations.map((line) => `    ${line}`)] : []),
    'spec:',
    '  serviceAccountName: app',
    ...(options.init ? ['  initContainers:', ...options.init] : []),
    '  containers:',
    ...containers,
    'status:',
    `  phase: ${options.phase ?? 'Running'}`,
  );
}
const irsa = [`      - {name: AWS_ROLE_ARN, value: "${role}"}`, '      - {name: AWS_WEB_IDENTITY_TOKEN_FILE, value: /var/run/secrets/eks.amazonaws.com/serviceaccount/token}'];
const withEnv = (name: string, ...env: string[]) => [`  - name: ${name}`, '    env:', ...env];
const regional = '      - {name: AWS_STS_REGIONAL_ENDPOINTS, value: regional}';

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

describe('STS010 stale-pod-missing-irsa', () => {
  it('fires on a running pod of an IRSA account that has no IRSA credentials: it runs on the node’s role; at the container, which has no env', () => {
    const report = scanFiles({ 'pod.yaml': runningPod(['  - name: app', '    image: app']), 'sa.yaml': regionalAccount }, regionalCluster);
    expect(where(report)).toEqual(['STS010 pod.yaml:9:5-14']);
    expect(report.findings[0]!.level).toBe('error');
  });

  it('fires when the pod assumes another role than its account has now, at the role', () => {
    const old = ['      - {name: AWS_ROLE_ARN, value: "arn:aws:iam::111122223333:role/old"}', irsa[1]!];
    const report = scanFiles({ 'pod.yaml': runningPod(withEnv('app', regional, ...old)), 'sa.yaml': regionalAccount }, regionalCluster);
    expect(report.findings.map((f) => `${f.ruleId} ${f.message.includes('assumes arn:aws:iam::111122223333:role/old') ? 'old role' : ''}`)).toEqual(['STS010 old role']);
    expect(where(report)).toEqual(['STS010 pod.yaml:12:37-73']);
  });

  it.each([
    ['a Pod Identity pod', withEnv('app', '      - {name: AWS_CONTAINER_CREDENTIALS_FULL_URI, value: "http://169.254.170.23/v1/credentials"}', '      - {name: AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE, value: /var/run/secrets/pods.eks.amazonaws.com/serviceaccount/eks-pod-identity-token}', regional)],
    ['a skipped container', withEnv('proxy', '      - {name: X, value: "1"}')],
  ])('stays silent on %s', (name, containers) => {
    const annotations = name === 'a skipped container' ? ['eks.amazonaws.com/skip-containers: proxy'] : undefined;
    const pod = runningPod(containers, annotations ? { annotations } : {});
    expect(where(scanFiles({ 'pod.yaml': pod, 'sa.yaml': regionalAccount }, regionalCluster), 'STS010')).toEqual([]);
  });
});
