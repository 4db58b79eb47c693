import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { scanTexts } from '../../src/engine/scan.js';
import { repoRoot, where } from '../helpers.js';

const root = path.join(repoRoot, 'fixtures', 'declared', 'helm');

describe('Helm values, charts and helmfiles', async () => {
  const report = await scan({ targets: ['.'], root, inventory: true, flags: { clusterVersion: '1.31' } });

  it('judges the accounts and env the values make, at the key the user edits', () => {
    expect(where(report)).toEqual([
      // A literal annotation written in a chart template.
      'STS004 charts/shop/templates/serviceaccount.yaml:19:47-54',
      // The chart's values.yaml under values-prod.yaml: the role from one, the setting from the other.
      'STS001 charts/shop/values-prod.yaml:4:47-54',
      // values-prod.yaml replaces the env list of values.yaml, as Helm replaces lists.
      'STS006 charts/shop/values-prod.yaml:7:12-18',
      'STS013 charts/shop/values.yaml:9:11-21',
      // helmfile inline values (an env map) and a `set` entry.
      'STS006 helmfile/helmfile.yaml:12:39-48',
      'STS001 helmfile/helmfile.yaml:15:16-23',
      // A template's literal annotations, and a quoted `create: "false"`, which Go's `if` takes as true.
      'STS005 quoted-create/templates/serviceaccount.yaml:7:5-45',
      'STS005 quoted-create/values.yaml:5:5-45',
      // `extraEnv`, the env of a chart not known, by the convention.
      'STS006 quoted-create/values.yaml:8:12-18',
      // A values file of no chart in the repository, of the chart its name starts with.
      'STS013 values/external-dns-values.yaml:7:11-29',
      // The global host as an env list value, which the text rules do not read as an endpoint.
      'STS007 values/external-dns-values.yaml:10:20-37',
    ]);
  });

  it('names how each object comes to exist', () => {
    const messages = report.findings.map((finding) => finding.message);
    expect(messages[1]).toContain('ServiceAccount shop-prod of a Helm release (chart `shop` in `charts/shop`, values from `charts/shop/values-prod.yaml`) sets');
    expect(messages[5]).toContain(
      'ServiceAccount kube-system/aws-load-balancer-controller of Helm release `aws-load-balancer-controller` (chart `eks/aws-load-balancer-controller`, values from helmfile `helmfile/helmfile.yaml`) sets',
    );
  });

  it('lists each account in the inventory at its role, with its name from the values or the chart', () => {
    expect(report.inventory!.map((entry) => [entry.path, entry.line, entry.column, entry.input, entry.namespace, entry.name, entry.endpoint?.line])).toEqual([
      ['charts/shop/templates/serviceaccount.yaml', 18, 33, 'helm-chart', undefined, 'shop-reports', 19],
      ['charts/shop/values.yaml', 6, 33, 'helm-chart', undefined, 'shop', undefined],
      ['charts/shop/values.yaml', 6, 33, 'helm-chart', undefined, 'shop-prod', 4],
      // aws-efs-csi-driver's default controller account name (data/helm-charts.json).
      ['helmfile/helmfile.yaml', 27, 43, 'helmfile', 'kube-system', 'efs-csi-controller-sa', undefined],
      ['helmfile/overrides/lbc.yaml.gotmpl', 5, 33, 'helmfile', 'kube-system', 'aws-load-balancer-controller', 15],
      ['values/external-dns-values.yaml', 4, 33, 'helm-values', undefined, 'external-dns', undefined],
    ]);
  });

  it('makes no account with create: false, an empty role or a role in a comment, and takes no audience for an endpoint', () => {
    const files = report.inventory!.map((entry) => entry.path);
    expect(files).not.toContain('charts/shop/ci/no-account-values.yaml');
    expect(files).not.toContain('values/secrets-store-values.yaml');
    expect(report.findings.filter((finding) => finding.location?.path === 'values/secrets-store-values.yaml')).toEqual([]);
  });

  it('reports a malformed set name and a values file outside the root as input errors, and goes on', () => {
    expect(report.inputs.errors).toEqual([
      { path: 'helmfile/helmfile.yaml', line: 16, column: 15, message: 'helmfile `set` name not valid: `env[0` has a list index that is not a number at character 4' },
      { path: 'helmfile/helmfile.yaml', line: 22, column: 9, message: 'helmfile values file `../../../../outside-values.yaml` is outside the scan root: not read' },
    ]);
  });

  it('states the convention assumed for a chart it does not know, and why a template is read only in part', () => {
    expect(report.inputs.unanalysed).toContainEqual({
      path: 'charts/shop/values.yaml',
      line: 1,
      kind: 'helm-chart',
      reason: '`serviceAccount.annotations` read as ServiceAccount annotations by the `helm create` convention (the `name` and `create` beside them): chart `shop` is not known',
    });
    expect(report.inputs.unanalysed).toContainEqual({ path: 'charts/shop/templates/serviceaccount.yaml', kind: 'helm-chart', reason: expect.stringMatching(/^Go\/Helm template .*only what is written literally is read/) });
  });
});

describe('chart knowledge', () => {
  const scanValues = (file: string, text: string) => scanTexts([{ path: file, text }], { inventory: true, flags: { clusterVersion: '1.31' } });

  it('reads a known chart where it keeps its account, and its endpoint switch as the container env', () => {
    const report = scanValues(
      'helmfile.yaml',
      `releases:
  - name: efs
    chart: eks/aws-efs-csi-driver
    values:
      - controller:
          regionalStsEndpoints: true
          serviceAccount:
            annotations:
              eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/efs
              eks.amazonaws.com/sts-regional-endpoints: "false"
repositories:
  - name: eks
    url: https://aws.github.io/eks-charts
`,
    );
    expect(where(report)).toEqual(['STS006 helmfile.yaml:6:33-37', 'STS001 helmfile.yaml:10:57-64']);
    expect(report.inventory!.map((entry) => entry.name)).toEqual(['efs-csi-controller-sa']);
  });

  it('reads the keda operator account from podIdentity.aws.irsa, only when enabled', () => {
    const values = (enabled: boolean) => `releases:
  - name: keda
    chart: kedacore/keda
    values:
      - podIdentity:
          aws:
            irsa:
              enabled: ${enabled}
              roleArn: arn:aws:iam::111122223333:role/keda
              stsRegionalEndpoints: "false"
`;
    expect(where(scanValues('helmfile.yaml', values(true)))).toEqual(['STS001 helmfile.yaml:10:37-44']);
    expect(scanValues('helmfile.yaml', values(true)).inventory!.map((entry) => [entry.name, entry.line])).toEqual([['keda-operator', 9]]);
    expect(scanValues('helmfile.yaml', values(false)).inventory).toEqual([]);
  });
});
