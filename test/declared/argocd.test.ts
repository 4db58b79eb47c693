import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan, type ScanOptions } from '../../src/engine/scan.js';
import { exitCode } from '../../src/engine/report.js';
import { makeTree, where } from '../helpers.js';

const fixtures = path.resolve('fixtures/declared/argocd');

/** An Application's first lines, up to its `spec.source` key: what follows is the source. */
function application(name: string): string {
  return `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${name}
spec:
  source:
`;
}

function scanFolder(root: string, settings: Partial<ScanOptions> = {}) {
  return scan({ targets: ['.'], root, inventory: true, flags: { clusterVersion: '1.30' }, ...settings });
}

describe('Argo CD Applications and ApplicationSets', () => {
  it('judges the ServiceAccounts their Helm values make, at the key the user edits', async () => {
    const report = await scanFolder(fixtures);
    expect(where(report)).toEqual([
      // An ApplicationSet's `helm.values` block scalar, with Go-template placeholders.
      'STS001 apps/aws-load-balancer-controller.yaml:31:59-66',
      // `parameters` (escaped dots, forceString) override `valuesObject`'s "yes".
      'STS001 apps/external-dns.yaml:22:18-25',
      // A `$values/…` values file of a multi-source Application, in this repository.
      'STS001 values/payments/prod.yaml:3:47-54',
    ]);
    expect(report.findings[0]!.message).toContain(
      'ServiceAccount kube-system/aws-load-balancer-controller of Helm release `aws-load-balancer-controller` (chart `aws-load-balancer-controller`, values from Argo CD ApplicationSet `addons-aws-lbc`)',
    );
    expect(report.inputs.errors).toEqual([]);
  });

  it('lists each ServiceAccount in the inventory, a placeholder role included, and no audience as an endpoint', async () => {
    const report = await scanFolder(fixtures);
    expect(report.inventory!.map((entry) => [`${entry.path}:${entry.line}:${entry.column}`, entry.input, `${entry.namespace}/${entry.name}`, entry.roleArn, entry.endpoint?.value])).toEqual([
      ['apps/aws-load-balancer-controller.yaml:30:45', 'argocd', 'kube-system/aws-load-balancer-controller', 'arn:aws:iam::{{ .metadata.annotations.aws_account_id }}:role/aws-lbc', 'false'],
      ['apps/cert-manager.yaml:17:41', 'argocd', 'cert-manager/cert-manager', 'arn:aws:iam::111122223333:role/cert-manager', undefined],
      ['apps/external-dns.yaml:16:41', 'argocd', 'external-dns/external-dns', 'arn:aws:iam::111122223333:role/external-dns', 'false'],
      // The in-repository chart's values file sets the role; the `$values` file sets the endpoint.
      ['charts/payments/values-prod.yaml:4:33', 'argocd', 'payments/payments', 'arn:aws:iam::111122223333:role/payments', 'false'],
    ]);
    expect(report.inventory![3]!.endpoint).toEqual({ value: 'false', path: 'values/payments/prod.yaml', line: 3, column: 47 });
  });

  it('reads an addon catalog of ApplicationSet values: each entry with `valuesObject` and a chart is a release', async () => {
    const root = makeTree({
      'bootstrap/addons.yaml': `aws-efs-csi-driver:
  enabled: false
  namespace: kube-system
  chartName: aws-efs-csi-driver
  chartRepository: https://kubernetes-sigs.github.io/aws-efs-csi-driver
  defaultVersion: '3.0.0'
  valuesObject:
    controller:
      serviceAccount:
        name: efs-csi-controller-sa
        annotations:
          eks.amazonaws.com/role-arn: '{{ .metadata.annotations.aws_efs_csi_driver_iam_role_arn }}'
          eks.amazonaws.com/sts-regional-endpoints: 'false'
useSelectors: true
`,
    });
    const report = await scanFolder(root);
    expect(where(report)).toEqual(['STS001 bootstrap/addons.yaml:13:53-60']);
    expect(report.findings[0]!.message).toContain('of Helm release `aws-efs-csi-driver` (chart `aws-efs-csi-driver`, values from addon `aws-efs-csi-driver` of the Argo CD ApplicationSet values `bootstrap/addons.yaml`)');
    expect(report.inventory!.map((entry) => `${entry.path}:${entry.line}:${entry.column} ${entry.namespace}/${entry.name}`)).toEqual(['bootstrap/addons.yaml:12:39 kube-system/efs-csi-controller-sa']);
  });

  it('points at the values string itself when it is not written as is', async () => {
    const root = makeTree({
      'app.yaml': `${application('api')}    repoURL: https://charts.example.com
    chart: api
    helm:
      values: "serviceAccount:\\n  annotations:\\n    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/api\\n    eks.amazonaws.com/sts-regional-endpoints: 'false'\\n"
  destination:
    namespace: api
`,
    });
    const report = await scanFolder(root);
    expect(where(report)).toEqual(['STS001 app.yaml:10:15-173']);
  });

  it('reports bad input at its position and goes on: a values string that is not YAML, a malformed parameter, a values file outside the root or missing', async () => {
    const root = makeTree({
      'apps/bad.yaml': `${application('bad')}    repoURL: https://github.com/example/platform.git
    path: charts/api
    helm:
      valueFiles:
        - ../../../secrets/values.yaml
        - values-missing.yaml
      values: |
        serviceAccount:
          annotations: [unclosed
      parameters:
        - name: serviceAccount..name
          value: api
  destination:
    namespace: api
`,
      'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\n',
      'sa.yaml': `apiVersion: v1
kind: ServiceAccount
metadata:
  name: plain
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/plain
    eks.amazonaws.com/sts-regional-endpoints: "false"
`,
    });
    const report = await scanFolder(root);
    expect(report.inputs.errors).toEqual([
      { path: 'apps/bad.yaml', line: 11, column: 11, message: 'values file `../../../secrets/values.yaml` of Argo CD Application `bad` is outside the scan root: not read' },
      { path: 'apps/bad.yaml', line: 12, column: 11, message: 'values file `values-missing.yaml` of Argo CD Application `bad` is not among the scanned files (`charts/api/values-missing.yaml`)' },
      { path: 'apps/bad.yaml', line: 15, column: 33, message: '`helm.values` of Argo CD Application `bad`: invalid YAML: deficient indentation' },
      { path: 'apps/bad.yaml', line: 17, column: 17, message: 'Helm parameter of Argo CD Application `bad`: `serviceAccount..name` has an empty key at character 16' },
    ]);
    // The scan went on: the plain ServiceAccount beside them is judged.
    expect(where(report)).toEqual(['STS001 sa.yaml:7:47-54']);
    expect(exitCode(report, 'none')).toBe(3);
  });

  it('lists what it cannot read: values files of a remote chart, from a placeholder, from another repository, and what a templated Application renders', async () => {
    const root = makeTree({
      'apps/remote.yaml': `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: remote
spec:
  template:
    metadata:
      name: 'remote-{{ .name }}'
    spec:
      sources:
        - repoURL: https://github.com/example/values.git
          ref: shared
        - repoURL: https://charts.example.com
          chart: remote
          helm:
            valueFiles:
              - values-prod.yaml
              - 'envs/{{ .metadata.labels.env }}.yaml'
              - $shared/remote/values.yaml
      destination:
        namespace: remote
`,
      'charts/app/templates/application.yaml': `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: cluster-autoscaler
spec:
  source:
    {{- include "source"
        (dict "chart" "cluster-autoscaler") | nindent 4 }}
    helm:
      values: |
        rbac:
          serviceAccount:
            annotations:
              eks.amazonaws.com/role-arn: arn:aws:iam::{{ .Values.accountId }}:role/autoscaler
  destination:
    namespace: {{ .Values.namespace | default "kube-system" }}
`,
    });
    const report = await scanFolder(root);
    expect(report.inputs.unanalysed).toEqual([
      { path: 'apps/remote.yaml', line: 17, kind: 'argocd', reason: 'values file `values-prod.yaml` of Argo CD ApplicationSet `remote` is a file of the chart itself, not of this repository' },
      { path: 'apps/remote.yaml', line: 18, kind: 'argocd', reason: 'values file `envs/{{ .metadata.labels.env }}.yaml` of Argo CD ApplicationSet `remote` is named through a template placeholder, known only when the ApplicationSet is rendered' },
      { path: 'apps/remote.yaml', line: 19, kind: 'argocd', reason: 'values file `$shared/remote/values.yaml` of Argo CD ApplicationSet `remote` comes from the repository of source ref `shared` (https://github.com/example/values.git) and is not among the scanned files' },
      // An action written alone over several lines is blanked, so the template reads as YAML as a manifest too.
      {
        path: 'charts/app/templates/application.yaml',
        kind: 'helm-chart',
        reason: 'Go/Helm template ({{ … }}): only what is written literally is read (an annotation, an env value, a host), at its line; the rest is decided when it is rendered: render it first (for example `helm template`) and scan the output',
      },
      {
        path: 'charts/app/templates/application.yaml',
        line: 7,
        kind: 'argocd',
        reason: 'an Argo CD Application in a template, read as far as its literal YAML goes: what its template actions render is not known',
      },
      {
        path: 'charts/app/templates/application.yaml',
        line: 9,
        kind: 'argocd',
        reason: '`rbac.serviceAccount.annotations` read as ServiceAccount annotations by the `helm create` convention (the `name` and `create` beside them): the chart is not known',
      },
    ]);
    // The template's literal values are read all the same, its placeholders kept as written.
    expect(report.inventory!.map((entry) => `${entry.path}:${entry.line}:${entry.column} ${entry.namespace}/${entry.name} ${entry.roleArn}`)).toEqual([
      'charts/app/templates/application.yaml:14:43 {{ .Values.namespace | default "kube-system" }}/cluster-autoscaler arn:aws:iam::{{ .Values.accountId }}:role/autoscaler',
    ]);
  });
});
