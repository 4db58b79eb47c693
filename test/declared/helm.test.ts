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
      // Charts whose templates say where their account and env come from (test/declared/chart-templates.test.ts).
      'STS001 charts/agents/ci/irsa-values.yaml:5:51-58',
      'STS001 charts/autoscaler/values-prod.yaml:5:49-56',
      'STS006 charts/autoscaler/values-prod.yaml:7:31-37',
      'STS013 charts/autoscaler/values.yaml:1:1-10',
      'STS006 charts/exporter/values-prod.yaml:5:14-20',
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
    const messages = report.findings.filter((finding) => finding.location?.path.startsWith('charts/shop/') || finding.location?.path.startsWith('helmfile/')).map((finding) => finding.message);
    expect(messages[1]).toContain('ServiceAccount shop-prod of a Helm release (chart `shop` in `charts/shop`, values from `charts/shop/values-prod.yaml`) sets');
    expect(messages[5]).toContain(
      'ServiceAccount kube-system/aws-load-balancer-controller of Helm release `aws-load-balancer-controller` (chart `eks/aws-load-balancer-controller`, values from helmfile `helmfile/helmfile.yaml`) sets',
    );
  });

  it('lists each account in the inventory at its role, with its name from the values or the chart', () => {
    expect(report.inventory!.map((entry) => [entry.path, entry.line, entry.column, entry.input, entry.namespace, entry.name, entry.endpoint?.line])).toEqual([
      ['charts/agents/ci/irsa-values.yaml', 4, 37, 'helm-chart', undefined, 'agents-agent', 5],
      ['charts/agents/ci/irsa-values.yaml', 10, 14, 'helm-chart', undefined, 'log-collector', undefined],
      // The template's own literal annotation, whose value is wholly one action.
      ['charts/agents/templates/rbac.yaml', 27, 33, 'helm-chart', undefined, '{{ .name | default "collector" }}', undefined],
      ['charts/autoscaler/values-prod.yaml', 4, 35, 'helm-chart', undefined, 'autoscaler-controller', 5],
      ['charts/exporter/values-prod.yaml', 3, 33, 'helm-chart', undefined, 'exporter', undefined],
      ['charts/opaque/values.yaml', 3, 33, 'helm-chart', undefined, 'opaque', undefined],
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

  it('states the convention assumed for a chart it does not know, what its templates left unread, and why a template is read only in part', () => {
    expect(report.inputs.unanalysed).toContainEqual({
      path: 'quoted-create/values.yaml',
      line: 1,
      kind: 'helm-values',
      reason: '`serviceAccount.annotations` read as ServiceAccount annotations by the `helm create` convention (the `name` and `create` beside them): the chart is not known',
    });
    // The shop chart's template reads its annotations from serviceAccount.annotations: no convention is assumed, but its name helper is not in the chart.
    expect((report.inputs.unanalysed ?? []).filter((input) => input.path === 'charts/shop/values.yaml')).toEqual([]);
    expect(report.inputs.unanalysed).toContainEqual({
      path: 'charts/shop/templates/serviceaccount.yaml',
      line: 5,
      kind: 'helm-chart',
      reason: "the ServiceAccount's name comes from helper `shop.serviceAccountName`, which is not among the scanned files: it is taken as `serviceAccount.name`, else the release's full name",
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

  it("reads each thanos component's account where the bitnami chart keeps it, and argo-cd's repo-server account, made by default", () => {
    const report = scanValues(
      'helmfile.yaml',
      `releases:
  - name: metrics
    chart: bitnami/thanos
    values:
      - storegateway:
          serviceAccount:
            annotations:
              eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/store
  - name: argocd
    chart: argo/argo-cd
    values:
      - repoServer:
          serviceAccount:
            annotations:
              eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/repo
`,
    );
    expect(report.inventory!.map((entry) => [entry.line, entry.name])).toEqual([
      [8, 'metrics-thanos-storegateway'],
      [15, 'argocd-repo-server'],
    ]);
    expect(report.inputs.unanalysed ?? []).toEqual([]);
  });

  it('says amazon-cloudwatch-observability reads no account annotations from its values', () => {
    const report = scanValues('helmfile.yaml', 'releases:\n  - name: cw\n    chart: aws-observability/amazon-cloudwatch-observability\n    values:\n      - agent:\n          serviceAccount:\n            annotations:\n              eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/cw\n');
    expect((report.inputs.unanalysed ?? []).map((input) => input.reason)).toEqual([
      '`agent.serviceAccount.annotations` read as ServiceAccount annotations by the `helm create` convention (the `name` and `create` beside them): chart `amazon-cloudwatch-observability` is not known to read them there',
    ]);
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
