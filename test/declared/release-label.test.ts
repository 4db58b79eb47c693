import { beforeAll, describe, expect, it } from 'vitest';
import { prepareDeclarations } from '../../src/loaders/declared/read-declarations.js';
import { releaseDeclaredBy } from '../../src/loaders/declared/release-label.js';
import { scanFiles, yaml } from '../helpers.js';

// Terraform texts in memory: their reader is loaded on demand.
beforeAll(() => prepareDeclarations());

describe('how an object of a Helm release is named in messages', () => {
  it('puts the chart and where the values come from in one parenthesis, whatever is known', () => {
    expect(releaseDeclaredBy('aws-load-balancer-controller', 'eks/aws-load-balancer-controller', 'Argo CD ApplicationSet `addons-aws-lbc`')).toBe(
      'of Helm release `aws-load-balancer-controller` (chart `eks/aws-load-balancer-controller`, values from Argo CD ApplicationSet `addons-aws-lbc`)',
    );
    expect(releaseDeclaredBy(undefined, 'external-dns', '`values/external-dns-values.yaml`', "by the file's name")).toBe(
      "of a Helm release (chart `external-dns` by the file's name, values from `values/external-dns-values.yaml`)",
    );
    expect(releaseDeclaredBy('app', undefined, 'Terraform `helm_release.app`')).toBe('of Helm release `app` (values from Terraform `helm_release.app`)');
  });

  it('reads on to the verb in every input kind that makes a release', () => {
    const role = '    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/app';
    const report = scanFiles(
      {
        'helmfile.yaml': yaml(
          'releases:',
          '  - name: web',
          '    chart: bitnami/nginx',
          '    values:',
          '      - serviceAccount:',
          '          annotations:',
          '            eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/web',
          '            eks.amazonaws.com/sts-regional-endpoints: "no"',
        ),
        'main.tf': [
          'resource "helm_release" "api" {',
          '  name  = "api"',
          '  chart = "api"',
          '  values = [yamlencode({ serviceAccount = { annotations = {',
          '    "eks.amazonaws.com/role-arn"               = "arn:aws:iam::111122223333:role/api"',
          '    "eks.amazonaws.com/sts-regional-endpoints" = "no"',
          '  } } })]',
          '}',
          '',
        ].join('\n'),
        'worker-values.yaml': yaml('serviceAccount:', '  annotations:', role, '    eks.amazonaws.com/sts-regional-endpoints: "no"'),
      },
      { flags: { clusterVersion: '1.31' } },
    );
    expect(report.findings.map((finding) => finding.message.slice(0, finding.message.indexOf(' sets ')))).toEqual([
      'ServiceAccount web-nginx of Helm release `web` (chart `bitnami/nginx`, values from helmfile `helmfile.yaml`)',
      'ServiceAccount api of Helm release `api` (chart `api`, values from Terraform `helm_release.api`)',
      'ServiceAccount <release> of a Helm release (values from `worker-values.yaml`)',
    ]);
  });
});
