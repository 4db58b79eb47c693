import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { assertValidReport, makeTree, where } from '../helpers.js';

const base = {
  'base/kustomization.yaml': 'resources:\n  - sa.yaml\n',
  'base/sa.yaml': `apiVersion: v1
kind: ServiceAccount
metadata:
  name: api
  namespace: shop
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/api
`,
};

async function scanTree(files: Record<string, string>, settings: Parameters<typeof scan>[0] extends infer S ? Partial<S> : never = {}) {
  const root = makeTree(files);
  const report = await scan({ targets: ['.'], root, ...settings });
  assertValidReport(JSON.parse(JSON.stringify(report)));
  return report;
}

describe('kustomize overlays', () => {
  it('judges the built ServiceAccount and points at the strategic-merge patch', async () => {
    const report = await scanTree(
      {
        ...base,
        'overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\npatches:\n  - path: sa-patch.yaml\n',
        'overlays/prod/sa-patch.yaml': `apiVersion: v1
kind: ServiceAccount
metadata:
  name: api
  namespace: shop
  annotations:
    eks.amazonaws.com/sts-regional-endpoints: "false"
`,
      },
      { flags: { clusterVersion: '1.29' } },
    );
    expect(where(report)).toEqual(['STS001 overlays/prod/sa-patch.yaml:7:47-54']);
    expect(report.findings[0]!.message).toContain('in overlay `overlays/prod`');
    expect(report.inputs.errors).toEqual([]);
  });
});
