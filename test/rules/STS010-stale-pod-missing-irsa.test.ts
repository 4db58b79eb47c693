import { describe, expect, it } from 'vitest';
import { scanFiles, where } from '../helpers.js';
import { regionalCluster } from './fixtures.js';
import { regionalAccount, runningPod, irsa, withEnv, regional } from './running-pods.js';

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
