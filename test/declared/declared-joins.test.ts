import { describe, expect, it } from 'vitest';
import { scanTexts } from '../../src/engine/scan.js';

const eksctl = `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: sandbox
  region: us-west-2
  version: "1.29"
iam:
  withOIDC: true
  serviceAccounts:
    - metadata:
        name: app
        namespace: shop
        annotations:
          eks.amazonaws.com/sts-regional-endpoints: "false"
      attachPolicyARNs: ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
`;

const deployment = (account: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  namespace: shop
spec:
  template:
    spec:
      serviceAccountName: ${account}
      containers:
        - name: app
          image: app
          env:
            - name: AWS_STS_REGIONAL_ENDPOINTS
              value: regional
`;

const where = (report: ReturnType<typeof scanTexts>) => report.findings.map((finding) => `${finding.ruleId} ${finding.location!.path}:${finding.location!.startLine}:${finding.location!.startColumn}`);

describe('ServiceAccounts a declaration makes', () => {
  it('are the accounts of the workloads applied as they are, in the same namespace', () => {
    const report = scanTexts([
      { path: 'cluster/eksctl.yaml', text: eksctl },
      { path: 'cluster/deployment.yaml', text: deployment('app') },
    ]);
    // The Deployment's own value differs from what the eksctl account makes the webhook inject.
    expect(where(report)).toEqual(['STS006 cluster/deployment.yaml:15:22', 'STS001 cluster/eksctl.yaml:14:53']);
  });

  it('are not the accounts of workloads that name another account', () => {
    const report = scanTexts([
      { path: 'cluster/eksctl.yaml', text: eksctl },
      { path: 'cluster/deployment.yaml', text: deployment('other') },
    ]);
    expect(where(report)).toEqual(['STS001 cluster/eksctl.yaml:14:53']);
  });
});
