import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanTexts } from '../../src/engine/scan.js';
import { prepareDeclarations } from '../../src/loaders/declared/read-declarations.js';
import { releaseObjects } from '../../src/loaders/declared/release-objects.js';
import { repoRoot, sharedCorpus, where } from '../helpers.js';
import { scanCorpusWithInventory } from '../support/irsa-expected.js';
import type { HelmReleaseSpec, RepositoryView } from '../../src/model/declared.js';

const charts = path.join(repoRoot, 'fixtures', 'declared', 'helm', 'charts');

/** The files of a folder, as texts under `prefix`. */
function folderTexts(folder: string, prefix: string, skip: (file: string) => boolean = () => false): Array<{ path: string; text: string }> {
  return readdirSync(folder).flatMap((entry) => {
    const file = path.join(folder, entry);
    const name = `${prefix}/${entry}`;
    if (statSync(file).isDirectory()) return folderTexts(file, name, skip);
    return skip(name) ? [] : [{ path: name, text: readFileSync(file, 'utf8') }];
  });
}

/** A fixture chart's templates, Chart.yaml and values.yaml, without its other values files. */
const chart = (name: string) => folderTexts(path.join(charts, name), `charts/${name}`, (file) => /values-|\/ci\//.test(file));

const settings = { inventory: true, flags: { clusterVersion: '1.31' } } as const;

describe('chart templates in the repository', () => {
  // Some cases are Terraform texts in memory: their reader is loaded on demand.
  beforeAll(() => prepareDeclarations());

  it('reads the annotations where the templates take them (rbac.serviceAccount.annotations), the name from _helpers.tpl and the env map of the Deployment that runs as it', () => {
    const report = scanTexts([...chart('autoscaler'), { path: 'charts/autoscaler/values-prod.yaml', text: readFileSync(path.join(charts, 'autoscaler', 'values-prod.yaml'), 'utf8') }], settings);
    expect(where(report)).toEqual([
      'STS001 charts/autoscaler/values-prod.yaml:5:49-56',
      'STS006 charts/autoscaler/values-prod.yaml:7:31-37',
      // `value: {{ .Values.awsRegion | quote }}`: AWS_REGION from the chart's own values.yaml.
      'STS013 charts/autoscaler/values.yaml:1:1-10',
    ]);
    expect(report.inventory!.map((entry) => [entry.path, entry.line, entry.name])).toEqual([['charts/autoscaler/values-prod.yaml', 4, 'autoscaler-controller']]);
    // Read from the templates: no convention is assumed.
    expect((report.inputs.unanalysed ?? []).filter((input) => !input.reason.startsWith('Go/Helm template'))).toEqual([]);
  });

  it('makes no account where the template guard is off (rbac.serviceAccount.create: false)', () => {
    const report = scanTexts([...chart('autoscaler'), { path: 'charts/autoscaler/values-staging.yaml', text: readFileSync(path.join(charts, 'autoscaler', 'values-staging.yaml'), 'utf8') }], settings);
    expect(report.inventory).toEqual([]);
    expect(where(report, 'STS001')).toEqual([]);
  });

  it('reads the regional switch of an env entry written under `if .Values.sts.regional`, and AWS_REGION from the value its entry writes', () => {
    const files = chart('autoscaler');
    const texts = new Map(files.map((file) => [file.path, file.text]));
    const repository: RepositoryView = { paths: [...texts.keys()], text: (file) => texts.get(file) };
    const env = (regional: boolean) =>
      releaseObjects(
        {
          kind: 'helm-chart',
          file: 'charts/autoscaler/values-eu.yaml',
          line: 1,
          chart: { name: 'autoscaler', path: 'charts/autoscaler' },
          values: [{ value: { sts: { regional }, rbac: { serviceAccount: { annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/a' } } } }, locator: { path: 'charts/autoscaler/values-eu.yaml', locate: () => ({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1, lineText: '' }) } }],
          declaredBy: 'of Helm chart `autoscaler`',
        },
        repository,
      ).objects.flatMap((object) => (object.identity.kind === 'Deployment' ? (object.data.spec as { template: { spec: { containers: Array<{ env: unknown[] }> } } }).template.spec.containers[0]!.env : []));
    expect(env(true)).toEqual([
      { name: 'AWS_STS_REGIONAL_ENDPOINTS', value: 'regional' },
      { name: 'AWS_REGION', value: 'us-east-1' },
    ]);
    expect(env(false)).toEqual([{ name: 'AWS_REGION', value: 'us-east-1' }]);
  });

  it('reads annotations through tpl (agents.rbac.serviceAccountAnnotations) and an annotation written from one value under its `if`', () => {
    const ci = readFileSync(path.join(charts, 'agents', 'ci', 'irsa-values.yaml'), 'utf8');
    const report = scanTexts([...chart('agents'), { path: 'charts/agents/ci/irsa-values.yaml', text: ci }], settings);
    expect(where(report)).toEqual(['STS001 charts/agents/ci/irsa-values.yaml:5:51-58']);
    expect(report.inventory!.filter((entry) => entry.path.endsWith('irsa-values.yaml')).map((entry) => [entry.line, entry.column, entry.name, entry.roleArn])).toEqual([
      [4, 37, 'agents-agent', 'arn:aws:iam::111122223333:role/agents'],
      [10, 14, 'log-collector', 'arn:aws:iam::111122223333:role/collector'],
    ]);
    const disabled = scanTexts([...chart('agents'), { path: 'charts/agents/ci/irsa-values.yaml', text: ci.replace('enabled: true', 'enabled: false') }], settings);
    expect(disabled.inventory!.filter((entry) => entry.path.endsWith('irsa-values.yaml')).map((entry) => entry.name)).toEqual(['agents-agent']);
  });

  it('reads an env entry whose value is a value, in the branch IRSA renders, and a switch that renders only with the kube2iam role', () => {
    const prod = readFileSync(path.join(charts, 'exporter', 'values-prod.yaml'), 'utf8');
    expect(where(scanTexts([...chart('exporter'), { path: 'charts/exporter/values-prod.yaml', text: prod }], settings))).toEqual(['STS006 charts/exporter/values-prod.yaml:5:14-20']);
    // With aws.role set, the `else if` branch renders `regional`, and the legacy value is not rendered at all.
    const kube2iam = prod.replace('aws:\n', 'aws:\n  role: exporter-role\n');
    expect(where(scanTexts([...chart('exporter'), { path: 'charts/exporter/values-prod.yaml', text: kube2iam }], settings))).toEqual([]);
  });

  it('states a ServiceAccount template it cannot follow, and reads the values by the convention', () => {
    const report = scanTexts(chart('opaque'), settings);
    expect(report.inventory!.map((entry) => [entry.path, entry.line])).toEqual([['charts/opaque/values.yaml', 3]]);
    expect((report.inputs.unanalysed ?? []).filter((input) => !input.reason.startsWith('Go/Helm template'))).toEqual([
      {
        path: 'charts/opaque/templates/serviceaccount.yaml',
        line: 5,
        kind: 'helm-chart',
        reason: 'the ServiceAccount annotations are written by template actions that are not followed: values files of this chart are read by the `helm create` convention',
      },
      {
        path: 'charts/opaque/values.yaml',
        line: 1,
        kind: 'helm-chart',
        reason: '`serviceAccount.annotations` read as ServiceAccount annotations by the `helm create` convention (the `name` and `create` beside them): chart `opaque` is not known',
      },
    ]);
  });

  it('says so when values set annotations the templates do not read', () => {
    const report = scanTexts([...chart('autoscaler'), { path: 'charts/autoscaler/values-wrong.yaml', text: 'serviceAccount:\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/x\n' }], settings);
    expect(report.inputs.unanalysed).toContainEqual({
      path: 'charts/autoscaler/values-wrong.yaml',
      line: 1,
      kind: 'helm-chart',
      reason: '`serviceAccount.annotations` read as ServiceAccount annotations by the `helm create` convention (the `name` and `create` beside them): the templates of chart `autoscaler` do not read them there',
    });
  });

  it('applies what the templates say to releases other files point at the chart: an Argo CD path, a helmfile chart folder, a Terraform chart path', () => {
    const values = 'rbac:\n  serviceAccount:\n    annotations:\n      eks.amazonaws.com/sts-regional-endpoints: "false"\n      eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/autoscaler\n';
    const indented = (spaces: number) => values.replace(/^/gm, ' '.repeat(spaces)).trimEnd();
    const report = scanTexts(
      [
        ...chart('autoscaler'),
        {
          path: 'apps/autoscaler.yaml',
          text: `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: autoscaler
spec:
  source:
    repoURL: https://example.com/repo.git
    path: charts/autoscaler
    helm:
      values: |
${indented(8)}
  destination:
    namespace: kube-system
`,
        },
        { path: 'helmfile.yaml', text: `releases:\n  - name: scaler\n    namespace: ops\n    chart: ./charts/autoscaler\n    values:\n      - ${values.replace(/\n(?=.)/g, '\n        ').trimEnd()}\n` },
        {
          path: 'infra/main.tf',
          text: `resource "helm_release" "autoscaler" {
  name       = "scaler"
  namespace  = "infra"
  chart      = "./charts/autoscaler"
  set {
    name  = "rbac.serviceAccount.annotations.eks\\\\.amazonaws\\\\.com/sts-regional-endpoints"
    value = "false"
  }
  set {
    name  = "rbac.serviceAccount.annotations.eks\\\\.amazonaws\\\\.com/role-arn"
    value = "arn:aws:iam::111122223333:role/autoscaler"
  }
}
`,
        },
      ],
      settings,
    );
    expect(where(report, 'STS001')).toEqual(['STS001 apps/autoscaler.yaml:14:57-64', 'STS001 helmfile.yaml:9:57-64', 'STS001 infra/main.tf:7:13-20']);
    expect(report.inventory!.map((entry) => `${entry.namespace}/${entry.name}`)).toEqual(['kube-system/autoscaler-controller', 'ops/scaler-autoscaler-controller', 'infra/scaler-autoscaler-controller']);
    expect((report.inputs.unanalysed ?? []).filter((input) => input.reason.includes('convention'))).toEqual([]);
  });
});

const corpus = sharedCorpus('irsa-sources');

describe.skipIf(!corpus.present)(corpus.title('irsa-sources corpus: charts read from their templates (EXPECTED sections 1-3)'), () => {
  const repository = (chartFolder: string): RepositoryView => {
    const files = folderTexts(path.join(corpus.folder, chartFolder), chartFolder);
    const texts = new Map(files.map((file) => [file.path, file.text]));
    return { paths: [...texts.keys()], text: (file) => texts.get(file) };
  };
  const release = (chartFolder: string, name: string, values: Record<string, unknown>): HelmReleaseSpec => ({
    kind: 'helmfile',
    file: 'helmfile.yaml',
    line: 1,
    releaseName: name,
    chart: { name, path: chartFolder },
    values: [{ value: values, locator: { path: 'values.yaml', locate: () => ({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1, lineText: '' }) } }],
    declaredBy: `of Helm release \`${name}\``,
  });
  const env = (objects: ReturnType<typeof releaseObjects>['objects']) =>
    objects.filter((object) => object.identity.kind === 'Deployment').flatMap((object) => (object.data.spec as { template: { spec: { containers: Array<{ env: unknown[] }> } } }).template.spec.containers[0]!.env);
  const role = { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/x' };

  it("reads the EFS driver's controller.regionalStsEndpoints as the controller's AWS_STS_REGIONAL_ENDPOINTS=regional", () => {
    const folder = 'kubernetes-sigs__aws-efs-csi-driver/charts/aws-efs-csi-driver';
    const on = releaseObjects(release(folder, 'efs', { controller: { regionalStsEndpoints: true, serviceAccount: { annotations: role } } }), repository(folder));
    expect(on.objects.map((object) => `${object.identity.kind}/${object.identity.name}`)).toEqual(['ServiceAccount/efs-csi-controller-sa', 'Deployment/efs-csi-controller-sa']);
    expect(env(on.objects)).toEqual([{ name: 'AWS_STS_REGIONAL_ENDPOINTS', value: 'regional' }]);
    const off = releaseObjects(release(folder, 'efs', { controller: { serviceAccount: { annotations: role } } }), repository(folder));
    expect(env(off.objects)).toEqual([]);
  });

  it("renders prometheus-cloudwatch-exporter's regional env only with the kube2iam aws.role, never with IRSA alone", () => {
    const folder = 'prometheus-community__helm-charts/charts/prometheus-cloudwatch-exporter';
    const irsa = releaseObjects(release(folder, 'cw', { aws: { stsRegional: { enabled: true } }, serviceAccount: { annotations: role } }), repository(folder));
    expect(irsa.objects.map((object) => object.identity.kind)).toEqual(['ServiceAccount']);
    const kube2iam = releaseObjects(release(folder, 'cw', { aws: { role: 'exporter', stsRegional: { enabled: true } }, serviceAccount: { annotations: role } }), repository(folder));
    expect(env(kube2iam.objects)).toEqual([{ name: 'AWS_STS_REGIONAL_ENDPOINTS', value: 'regional' }]);
  });

  it("models the DataDog accounts of rows 2-4 from the chart's templates (*.rbac.serviceAccountAnnotations through tpl), at their lines, with no convention assumed", async () => {
    const report = await scanCorpusWithInventory(corpus.folder);
    const datadog = 'DataDog__helm-charts/charts/datadog/ci/';
    expect(report.inventory!.filter((entry) => entry.path.startsWith(datadog)).map((entry) => [entry.path.slice(datadog.length), entry.line, entry.input, entry.name])).toEqual([
      ['agent-with-dynamic-annotations-values.yaml', 8, 'helm-chart', 'datadog'],
      ['cluster-agent-and-worker-with-dedicated-rbac-values.yaml', 14, 'helm-chart', 'datadog-cluster-agent'],
      ['cluster-agent-and-worker-with-dedicated-rbac-values.yaml', 22, 'helm-chart', 'datadog-cluster-checks'],
    ]);
    expect((report.inputs.unanalysed ?? []).filter((input) => input.path.startsWith(datadog))).toEqual([]);
  });
});
