import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { exitCode } from '../../src/engine/report.js';
import { makeTree, where } from '../helpers.js';

const fixtures = path.resolve('fixtures/declared/flux');

/** A HelmRelease's first lines, up to its chart's `sourceRef` kind: what follows is its name. */
function helmRelease(name: string, namespace: string, chart: string, sourceKind: string): string {
  return `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ${name}
${namespace === '' ? '' : `  namespace: ${namespace}\n`}spec:
  chart:
    spec:
      chart: ${chart}
      sourceRef:
        kind: ${sourceKind}
`;
}

function scanFolder(root: string) {
  return scan({ targets: ['.'], root, inventory: true, flags: { clusterVersion: '1.30' } });
}

describe('Flux HelmReleases', () => {
  it('judges the ServiceAccounts their values make, once, in the HelmRelease file a Flux Kustomization applies', async () => {
    const report = await scanFolder(fixtures);
    expect(where(report)).toEqual([
      // A ConfigMap's `values.yaml` key that `valuesFrom` names, at the line inside its block scalar.
      'STS004 infrastructure/controllers/external-secrets.yaml:39:51-57',
      // `spec.values`; the `${var}` role is a role all the same.
      'STS001 infrastructure/controllers/karpenter.yaml:21:51-58',
    ]);
    expect(report.findings[1]!.message).toContain(
      'ServiceAccount karpenter/karpenter of Helm release `karpenter-karpenter` (chart `karpenter/karpenter`, values from Flux HelmRelease `flux-system/karpenter`)',
    );
    expect(report.inputs.errors).toEqual([]);
  });

  it('lists each ServiceAccount in the inventory, with a Secret key at its targetPath, and no audience as an endpoint', async () => {
    const report = await scanFolder(fixtures);
    expect(report.inventory!.map((entry) => [`${entry.path}:${entry.line}:${entry.column}`, entry.input, `${entry.namespace}/${entry.name}`, entry.roleArn, entry.endpoint?.value])).toEqual([
      ['infrastructure/controllers/external-secrets.yaml:47:9', 'flux', 'external-secrets/external-secrets', 'arn:aws:iam::111122223333:role/external-secrets', 'ture'],
      ['infrastructure/controllers/karpenter.yaml:20:37', 'flux', 'karpenter/karpenter', '${karpenter_role_arn}', 'false'],
      ['infrastructure/controllers/velero.yaml:16:39', 'flux', 'velero/velero-server', 'arn:aws:iam::111122223333:role/velero', undefined],
    ]);
  });

  it('lists a valuesFrom object that is not among the scanned files, unless optional', async () => {
    const report = await scanFolder(fixtures);
    expect(report.inputs.unanalysed).toEqual([
      {
        path: 'infrastructure/controllers/external-secrets.yaml',
        line: 24,
        kind: 'flux',
        reason: 'ConfigMap `terraform-outputs` that Flux HelmRelease `external-secrets/external-secrets` takes values from is not among the scanned files (made at deploy time?): its values are not read',
      },
    ]);
  });

  it('reads base64 Secret data, pointing at the key, and a ${var} endpoint as unknown', async () => {
    const values = Buffer.from('serviceAccount:\n  annotations:\n    eks.amazonaws.com/sts-regional-endpoints: "false"\n').toString('base64');
    const report = await scanFolder(
      makeTree({
        'apps/api.yaml': `${helmRelease('api', 'apps', './charts/api', 'GitRepository')}        name: platform
  valuesFrom:
    - kind: Secret
      name: api-values
  values:
    serviceAccount:
      annotations:
        eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/api
---
apiVersion: v1
kind: Secret
metadata:
  name: api-values
  namespace: apps
data:
  values.yaml: ${values}
---
${helmRelease('worker', 'apps', 'worker', 'HelmRepository')}        name: internal
  values:
    serviceAccount:
      annotations:
        eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/worker
        eks.amazonaws.com/sts-regional-endpoints: \${worker_sts_regional}
`,
        'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\n',
      }),
    );
    // Nothing is claimed of worker's `\${worker_sts_regional}`: its value is not known yet.
    expect(where(report)).toEqual([`STS001 apps/api.yaml:27:16-${16 + values.length}`]);
    expect(report.findings[0]!.message).toContain('of Helm release `api` (chart `charts/api`, values from Flux HelmRelease `apps/api`)');
  });

  it('reports a valuesFrom key that is missing, or a malformed targetPath, at the reference, and goes on', async () => {
    const report = await scanFolder(
      makeTree({
        'hr.yaml': `${helmRelease('api', '', 'api', 'HelmRepository')}        name: internal
  valuesFrom:
    - kind: ConfigMap
      name: api-values
      valuesKey: prod.yaml
    - kind: ConfigMap
      name: api-values
      targetPath: serviceAccount..name
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: api-values
data:
  values.yaml: |
    replicas: 2
`,
      }),
    );
    expect(report.inputs.errors).toEqual([
      { path: 'hr.yaml', line: 13, column: 7, message: 'ConfigMap `api-values` (`hr.yaml`) has no key `prod.yaml` that Flux HelmRelease `api` takes values from' },
      { path: 'hr.yaml', line: 16, column: 7, message: '`targetPath` of Flux HelmRelease `api`: `serviceAccount..name` has an empty key at character 16' },
    ]);
    expect(exitCode(report, 'none')).toBe(3);
  });
});
