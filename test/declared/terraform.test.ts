import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { exitCode } from '../../src/engine/report.js';
import { readDeclarations } from '../../src/loaders/declared/read-declarations.js';
import { terraformReader } from '../../src/loaders/declared/terraform/read-terraform.js';
import { repoRoot, where } from '../helpers.js';

const fixtures = path.join(repoRoot, 'fixtures', 'declared', 'terraform');
const scanFixture = (folder: string) => scan({ targets: ['.'], root: path.join(fixtures, folder), inventory: true, flags: { clusterVersion: '1.31' } });
const inventoryRows = (report: Awaited<ReturnType<typeof scanFixture>>) =>
  (report.inventory ?? []).map((entry) => `${entry.path}:${entry.line}:${entry.column} ${entry.namespace ?? '-'}/${entry.name} ${entry.roleArn} endpoint=${entry.endpoint ? `${JSON.stringify(entry.endpoint.value)}@${entry.endpoint.path}:${entry.endpoint.line}:${entry.endpoint.column}` : 'none'}`);

describe('Terraform helm_release', () => {
  it('judges the ServiceAccounts that set blocks, set lists, yamlencode, heredoc, file() and templatefile() values make, at the attribute the user edits', async () => {
    const report = await scanFixture('releases');
    expect(where(report)).toEqual([
      'STS001 main.tf:16:13-20',
      'STS001 main.tf:47:53-60',
      'STS004 main.tf:62:15-23',
      'STS001 variables.tf:4:17-24',
    ]);
    expect(report.findings[0]!.message).toContain('ServiceAccount kube-system/aws-load-balancer-controller of Helm release `aws-load-balancer-controller` (chart `aws-load-balancer-controller`, values from Terraform `helm_release.lbc`) sets');
    expect(inventoryRows(report)).toEqual([
      // A computed role in a `set` block is located at its name.
      'main.tf:10:13 kube-system/aws-load-balancer-controller ${aws_iam_role.lbc.arn} endpoint="false"@main.tf:16:13',
      // A variable's default is where the value is written; a local names the namespace.
      'main.tf:29:54 addons/external-dns arn:aws:iam::111122223333:role/external-dns endpoint="false"@variables.tf:4:17',
      'main.tf:46:39 kube-system/cluster-autoscaler ${aws_iam_role.autoscaler.arn} endpoint="false"@main.tf:47:53',
      'values/external-secrets.yaml.tpl:4:33 external-secrets/external-secrets ${role_arn} endpoint="true"@values/external-secrets.yaml.tpl:5:47',
      'values/karpenter.yaml:3:33 karpenter/karpenter arn:aws:iam::111122223333:role/karpenter endpoint="legacy"@main.tf:62:15',
    ]);
    expect(report.inventory!.every((entry) => entry.input === 'terraform')).toBe(true);
    expect(report.inputs.errors).toEqual([]);
  });

  it('reads a generic release over for_each once with each unknown, listed as unanalysed, and once per element a module call writes', async () => {
    const report = await scanFixture('modules');
    expect(where(report)).toEqual(['STS001 main.tf:10:85-92']);
    expect(report.findings[0]!.message).toContain('through module `addons`');
    expect(inventoryRows(report)).toEqual([
      'addons/main.tf:11:9 ${lookup(each.value, "namespace", "default")}/<release> ${each.value.role_arn} endpoint=none',
      // The role the module writes for the element points at the element's name in the call.
      'main.tf:8:19 velero/velero arn:aws:iam::111122223333:role/velero endpoint="false"@main.tf:10:85',
    ]);
    expect(report.inputs.unanalysed).toEqual([
      {
        path: 'addons/main.tf',
        line: 2,
        kind: 'terraform',
        reason:
          '`helm_release.addon` makes one release per element of `{ for addon in var.addons : addon.name => addon }`, which is not known here: read once with `each` unknown, and once per element where a module call in the scan writes it',
      },
      {
        path: 'addons/main.tf',
        line: 2,
        kind: 'terraform',
        reason: '`serviceAccount.annotations` read as ServiceAccount annotations by the `helm create` convention (the `name` and `create` beside them): the chart is not known',
      },
      {
        path: 'main.tf',
        line: 5,
        kind: 'terraform',
        reason: '`serviceAccount.annotations` read as ServiceAccount annotations by the `helm create` convention (the `name` and `create` beside them): chart `velero` is not known to read them there',
      },
    ]);
  });
});

describe('Terraform values that only rendering completes', () => {
  const release = (values: string) =>
    readDeclarations([{ path: 'main.tf', text: `resource "helm_release" "app" {\n  chart = "app"\n  values = ${values}\n}\n` }], [terraformReader]);

  it('reads heredoc YAML whose interpolations hold YAML marks or make whole lines, and the items concat() joins', () => {
    const declarations = release('concat([<<EOF\nserviceAccount:\n  ${var.extra ? "name: a" : "# none"}\n  annotations:\n    eks.amazonaws.com/role-arn: ${var.on ? aws_iam_role.app.arn : ""}\nEOF\n  ], var.more != "" ? [var.more] : [])');
    expect(declarations.errors).toEqual([]);
    expect(declarations.releases[0]!.values[0]!.value).toEqual({ serviceAccount: { annotations: { 'eks.amazonaws.com/role-arn': '${var.on ? aws_iam_role.app.arn _ __}' } } });
    expect(declarations.releases[0]!.values[0]!.locator.locate(['serviceAccount', 'annotations', 'eks.amazonaws.com/role-arn']).startLine).toBe(7);
    expect(declarations.unanalysed.map((item) => item.reason)).toEqual([
      'values of `helm_release.app`: `var.more != "" ? [var.more] : []` is decided at apply time',
      '`serviceAccount.annotations` read as ServiceAccount annotations by the `helm create` convention (the `name` and `create` beside them): chart `app` is not known',
    ]);
  });

  it('lists heredoc YAML that still does not read as unanalysed, and plain YAML that does not read as an error', () => {
    expect(release('[<<EOF\na: ${x}\n b: [\nEOF\n]').unanalysed.map((item) => item.reason)).toEqual([
      expect.stringMatching(/^values of `helm_release.app` are YAML only once Terraform renders them: invalid YAML/),
    ]);
    expect(release('[<<EOF\na: 1\n b: [\nEOF\n]').errors).toEqual([{ path: 'main.tf', message: expect.stringMatching(/^values of `helm_release.app`: invalid YAML/), line: 3, column: 13 }]);
  });
});

describe('Terraform Kubernetes provider resources', () => {
  it('judges ServiceAccounts, workload env and kubectl_manifest YAML; audiences and trust conditions never fire', async () => {
    const report = await scanFixture('accounts');
    expect(where(report)).toEqual(['STS001 main.tf:8:52-59', 'STS006 main.tf:30:21-29', 'STS013 main.tf:33:21-33', 'STS004 main.tf:76:47-51']);
    expect(report.findings.map((finding) => finding.message.split(' sets ')[0])).toEqual([
      'ServiceAccount shop/reports in Terraform configuration `.`',
      'Container reports of Deployment shop/reports in Terraform configuration `.`',
      'Container reports of Deployment shop/reports in Terraform configuration `.`',
      'ServiceAccount shop/worker in Terraform configuration `.`',
    ]);
    expect(inventoryRows(report)).toEqual([
      'main.tf:7:52 shop/reports ${aws_iam_role.reports.arn} endpoint="false"@main.tf:8:52',
      'main.tf:48:38 shop/audience arn:aws:iam::111122223333:role/audience endpoint=none',
      'main.tf:75:33 shop/worker arn:aws:iam::111122223333:role/worker endpoint="no"@main.tf:76:47',
    ]);
  });
});

describe('Terraform clusters', () => {
  const read = (files: Record<string, string>) => readDeclarations(Object.entries(files).map(([file, text]) => ({ path: file, text })), [terraformReader]);

  it('reads aws_eks_cluster.version through a variable default, and a module cluster_version through a local', () => {
    const declarations = read({
      'infra/eks.tf': 'resource "aws_eks_cluster" "main" {\n  name    = "main"\n  version = var.kubernetes_version\n}\nvariable "kubernetes_version" {\n  default = "1.21"\n}\n',
      'platform/cluster/main.tf': 'locals {\n  cluster_version = "1.33"\n}\nmodule "eks" {\n  source          = "terraform-aws-modules/eks/aws"\n  name            = "platform"\n  kubernetes_version = local.cluster_version\n}\n',
    });
    expect(declarations.clusters).toEqual([
      { folder: 'infra', file: 'infra/eks.tf', line: 3, name: 'main', kubernetesVersion: '1.21', assumptions: [] },
      { folder: 'platform/cluster', file: 'platform/cluster/main.tf', line: 7, name: 'platform', kubernetesVersion: '1.33', assumptions: [] },
    ]);
  });

  it('takes a version from the configuration\'s own .tfvars when they agree, and says so; else the version is not known', () => {
    const module = 'module "eks" {\n  source          = "terraform-aws-modules/eks/aws"\n  cluster_version = var.cluster_version\n}\nvariable "cluster_version" {}\n';
    const agreed = read({ 'deployments/cluster/main.tf': module, 'variables/production/cluster.tfvars': 'cluster_version = "1.30"\n' });
    expect(agreed.clusters).toEqual([
      {
        folder: 'deployments/cluster',
        file: 'deployments/cluster/main.tf',
        line: 3,
        name: 'eks',
        kubernetesVersion: '1.30',
        assumptions: ["`var.cluster_version` is the value `variables/production/cluster.tfvars:1` sets, the only one this configuration's .tfvars files give"],
      },
    ]);
    const disagreeing = read({ 'deployments/cluster/main.tf': module, 'deployments/cluster/a.tfvars': 'cluster_version = "1.30"\n', 'deployments/cluster/b.tfvars': 'cluster_version = "1.31"\n' });
    expect(disagreeing.clusters[0]).toMatchObject({
      kubernetesVersion: null,
      assumptions: ['`var.cluster_version` is set differently in `deployments/cluster/a.tfvars:1`, `deployments/cluster/b.tfvars:1`: the version is not known'],
    });
    expect(read({ 'c/main.tf': module }).clusters[0]).toMatchObject({ kubernetesVersion: null, assumptions: ['`var.cluster_version` is decided at apply time: the version is not known'] });
  });
});

describe('Terraform bad input', () => {
  it('reports each problem at its position, reads the rest of the file, and makes the run incomplete', async () => {
    const report = await scanFixture('bad');
    expect(report.inputs.errors).toEqual([
      { path: 'main.tf', message: 'Terraform syntax error: expected `=` or `:` after an object key; the rest of the file is read', line: 24, column: 14 },
      { path: 'main.tf', message: '`file("./missing-values.yaml")` names a file that is not among the files scanned', line: 11, column: 5 },
      { path: 'main.tf', message: '`file("../../../outside.yaml")` names a file outside the scan root: it is not read', line: 12, column: 5 },
      { path: 'main.tf', message: 'values of `helm_release.broken_name`: invalid YAML: deficient indentation (line 15)', line: 13, column: 5 },
      { path: 'main.tf', message: '`set` name of `helm_release.broken_name` is not valid Helm --set syntax: `serviceAccount..annotations` has an empty key at character 16', line: 6, column: 13 },
    ]);
    expect(report.inventory?.map((entry) => entry.name)).toEqual(['still-read']);
    expect(exitCode(report, 'error')).toBe(3);
  });
});
