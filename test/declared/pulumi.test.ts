import { describe, expect, it } from 'vitest';
import { scanDeclaredFixtures } from './program-fixtures.js';
import { where } from '../helpers.js';

const assumed = { name: 'assumed', kubernetesVersion: null, source: 'assumed' };

describe('Pulumi programs', () => {
  it('judge the ServiceAccounts they make and the Helm values they give, at the literal the user edits', async () => {
    const report = await scanDeclaredFixtures('pulumi');
    expect(where(report)).toEqual(['STS001 go/main.go:17:64-71', 'STS001 index.ts:40:53-60']);
    expect(report.findings[1]!.message).toContain('of Helm release `external-dns` (chart `external-dns`, values from Pulumi `k8s.helm.v3.Release`)');
  });

  it('list each in the inventory, a computed role or endpoint setting as the expression written', async () => {
    const report = await scanDeclaredFixtures('pulumi');
    expect(report.inventory).toEqual([
      {
        path: 'go/main.go', line: 16, column: 64, input: 'pulumi', builtBy: '`corev1.NewServiceAccount` in Pulumi code', namespace: 'shop', name: 'billing',
        roleArn: 'arn:aws:iam::111122223333:role/billing', endpoint: { value: 'False', path: 'go/main.go', line: 17, column: 64 }, profile: assumed,
      },
      {
        path: 'index.ts', line: 24, column: 37, input: 'pulumi', builtBy: '`k8s.core.v1.ServiceAccount` in Pulumi code', namespace: 'shop', name: 'app', roleArn: 'role.arn',
        // Known only when the program runs: no rule claims what it is.
        endpoint: { value: '${config_require_stsRegional}', path: 'index.ts', line: 25, column: 51 }, profile: assumed,
        assumptions: ['its role ARN is the value of `role.arn`, known only when the program runs'],
      },
      {
        path: 'index.ts', line: 39, column: 39, input: 'pulumi', builtBy: 'Helm release `external-dns` (chart `external-dns`, values from Pulumi `k8s.helm.v3.Release`)', namespace: 'external-dns', name: 'external-dns',
        roleArn: 'arn:aws:iam::111122223333:role/external-dns', endpoint: { value: 'false', path: 'index.ts', line: 40, column: 53 }, profile: assumed,
      },
      {
        path: 'python/__main__.py', line: 11, column: 55, input: 'pulumi', builtBy: '`k8s.core.v1.ServiceAccount` in Pulumi code', namespace: 'shop', name: 'ledger', roleArn: 'role_arn', profile: assumed,
        assumptions: ['its name is made by Pulumi from the resource name `ledger` and a random suffix', 'its role ARN is the value of `role_arn`, known only when the program runs'],
      },
    ]);
  });

  it('are listed as only partly analysed, and the trust policy’s audience is no endpoint', async () => {
    const report = await scanDeclaredFixtures('pulumi');
    expect(report.inputs.unanalysed?.map((item) => `${item.path} ${item.kind}`)).toEqual(['go/main.go pulumi', 'index.ts pulumi', 'python/__main__.py pulumi']);
    expect(report.findings.filter((finding) => finding.location?.path === 'index.ts' && finding.location.startLine === 13)).toEqual([]);
    expect(report.summary.complete).toBe(true);
  });
});
