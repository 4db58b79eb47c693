import { beforeAll, describe, expect, it } from 'vitest';
import { prepareDeclarations } from '../../src/loaders/declared/read-declarations.js';
import { scanFiles, where, yaml } from '../helpers.js';

// A values file is read twice: as text by the code rules, and as the settings of the objects its
// release makes. Each setting is one problem, reported once, by the most specific rule, at the key
// the user edits; an IRSA audience is never an endpoint, whichever format writes it.

const flags = { flags: { clusterVersion: '1.31', region: 'eu-west-1' } };
const role = 'arn:aws:iam::111122223333:role/app';
/** A values file whose ServiceAccount has a role, followed by the given lines. */
const valuesWithRole = (...lines: string[]): string => yaml('serviceAccount:', '  annotations:', `    eks.amazonaws.com/role-arn: ${role}`, ...lines);
/** An Argo CD Application `reports` of the chart `reports`, with the given `helm:` lines. */
const argoApplication = (...helm: string[]): string =>
  yaml('apiVersion: argoproj.io/v1alpha1', 'kind: Application', 'metadata:', '  name: reports', 'spec:', '  source:', '    chart: reports', '    helm:', ...helm);

/** A case: files to scan, and the exact places of the findings. */
interface Case {
  name: string;
  files: Record<string, string>;
  at?: string[];
}

// Terraform texts in memory: their reader is loaded on demand.
beforeAll(() => prepareDeclarations());

describe('one finding per setting', () => {
  // A values file whose account has a role, then its env or config, and where each problem is reported.
  it.each([
    // The code rule STS008 does not read an env list's `value:` as the setting: STS006 alone sees it.
    ['an env list entry', ['env:', '  - name: AWS_STS_REGIONAL_ENDPOINTS', '    value: legacy'], 'STS006 app-values.yaml:6:12-18'],
    // STS008 also matches `AWS_STS_REGIONAL_ENDPOINTS: legacy` as text, at the same place.
    ['an env map entry', ['env:', '  AWS_STS_REGIONAL_ENDPOINTS: legacy'], 'STS006 app-values.yaml:5:31-37'],
    // Read as text, a `value:` under its `name:` names no endpoint: only the modeled container does.
    ['a global host in an env list', ['env:', '  - name: AWS_ENDPOINT_URL_STS', '    value: https://sts.amazonaws.com'], 'STS007 app-values.yaml:6:20-37'],
    ['a global host in an env map', ['env:', '  AWS_ENDPOINT_URL_STS: https://sts.amazonaws.com'], 'STS007 app-values.yaml:5:33-50'],
    // A key no chart knowledge reads stays the code rule's.
    ['a global host under another key', ['config:', '  stsEndpoint: https://sts.amazonaws.com'], 'STS008 app-values.yaml:5:24-41'],
  ])('%s of a values file', (_, lines, at) => {
    expect(where(scanFiles({ 'app-values.yaml': valuesWithRole(...lines) }, flags))).toEqual([at]);
  });

  it.each<Case>([
    {
      name: 'a Terraform set of an env value to the global host',
      files: {
        'main.tf': [
          'resource "helm_release" "karpenter" {',
          '  name  = "karpenter"',
          '  chart = "karpenter"',
          '  set {',
          '    name  = "controller.env[0].name"',
          '    value = "AWS_ENDPOINT_URL_STS"',
          '  }',
          '  set {',
          '    name  = "controller.env[0].value"',
          '    value = "https://sts.amazonaws.com"',
          '  }',
          '}',
          '',
        ].join('\n'),
      },
      at: ['STS007 main.tf:10:13-40'],
    },
    {
      name: 'an Argo CD helm.values string with a host in env',
      files: {
        'app.yaml': argoApplication(
          '      values: |',
          '        env:',
          '          AWS_STS_REGIONAL_ENDPOINTS: legacy',
          '          AWS_ENDPOINT_URL_STS: https://sts.amazonaws.com',
        ),
      },
      at: ['STS006 app.yaml:11:39-45', 'STS007 app.yaml:12:41-58'],
    },
    {
      name: 'a Flux HelmRelease env list with the global host',
      files: {
        'hr.yaml': yaml(
          'apiVersion: helm.toolkit.fluxcd.io/v2',
          'kind: HelmRelease',
          'metadata:',
          '  name: reports',
          '  namespace: reports',
          'spec:',
          '  chart:',
          '    spec:',
          '      chart: reports',
          '  values:',
          '    env:',
          '      - name: AWS_ENDPOINT_URL_STS',
          '        value: https://sts.amazonaws.com',
        ),
      },
      at: ['STS007 hr.yaml:13:24-41'],
    },
  ])('$name', ({ files, at }) => {
    expect(where(scanFiles(files, flags))).toEqual(at);
  });
});

describe('the IRSA audience in the new formats', () => {
  const audience = 'sts.amazonaws.com';
  it.each<Case>([
    {
      name: 'values file',
      files: {
        'app-values.yaml': yaml(
          'serviceAccount:',
          '  annotations:',
          `    eks.amazonaws.com/role-arn: ${role}`,
          '    eks.amazonaws.com/sts-regional-endpoints: "true"',
          `    eks.amazonaws.com/audience: ${audience}`,
          'env:',
          `  AWS_WEB_IDENTITY_TOKEN_AUDIENCE: ${audience}`,
          'extraVolumes:',
          '  - name: token',
          '    projected:',
          '      sources:',
          '        - serviceAccountToken:',
          `            audience: ${audience}`,
          '            path: token',
        ),
      },
    },
    {
      name: 'Argo CD parameters and values',
      files: {
        'app.yaml': argoApplication(
          '      parameters:',
          '        - name: serviceAccount.annotations.eks\\.amazonaws\\.com/audience',
          `          value: ${audience}`,
          '      values: |',
          '        serviceAccount:',
          '          annotations:',
          `            eks.amazonaws.com/role-arn: ${role}`,
          '            eks.amazonaws.com/sts-regional-endpoints: "true"',
          '        env:',
          '          - name: TOKEN_AUDIENCE',
          `            value: ${audience}`,
        ),
      },
    },
    {
      name: 'Terraform set blocks, a trust policy and an OIDC provider',
      files: {
        'main.tf': [
          'resource "helm_release" "reports" {',
          '  name  = "reports"',
          '  chart = "reports"',
          '  set {',
          '    name  = "serviceAccount.annotations.eks\\\\.amazonaws\\\\.com/role-arn"',
          `    value = "${role}"`,
          '  }',
          '  set {',
          '    name  = "serviceAccount.annotations.eks\\\\.amazonaws\\\\.com/sts-regional-endpoints"',
          '    value = "true"',
          '  }',
          '  set {',
          '    name  = "serviceAccount.annotations.eks\\\\.amazonaws\\\\.com/audience"',
          `    value = "${audience}"`,
          '  }',
          '}',
          'resource "aws_iam_openid_connect_provider" "eks" {',
          `  client_id_list = ["${audience}"]`,
          '  url            = "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE"',
          '}',
          'data "aws_iam_policy_document" "trust" {',
          '  statement {',
          '    condition {',
          '      test     = "StringEquals"',
          '      variable = "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE:aud"',
          `      values   = ["${audience}"]`,
          '    }',
          '  }',
          '}',
          '',
        ].join('\n'),
      },
    },
    {
      name: 'eksctl ClusterConfig',
      files: {
        'cluster.yaml': yaml(
          'apiVersion: eksctl.io/v1alpha5',
          'kind: ClusterConfig',
          'metadata:',
          '  name: shop',
          '  region: eu-west-1',
          '  version: "1.31"',
          'iam:',
          '  withOIDC: true',
          '  serviceAccounts:',
          '    - metadata:',
          '        name: reports',
          '        annotations:',
          `          eks.amazonaws.com/audience: ${audience}`,
          '          eks.amazonaws.com/sts-regional-endpoints: "true"',
          `      attachRoleARN: ${role}`,
        ),
      },
    },
  ])('never fires in a $name', ({ files }) => {
    const report = scanFiles(files, flags);
    expect(where(report)).toEqual([]);
    expect(report.inputs.serviceAccounts).toBeDefined();
  });
});
