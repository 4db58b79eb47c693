import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { repoRoot } from '../helpers.js';

const root = path.join(repoRoot, 'fixtures', 'declared', 'kustomize');

describe('a kustomization under a name kustomize never builds', () => {
  it('reads the ServiceAccount of its inline patch at the patch’s own lines, in its namespace, and lists it as read in part', async () => {
    const report = await scan({ targets: ['.'], root, inventory: true, flags: { clusterVersion: '1.29' } });
    expect(report.findings.map((finding) => `${finding.ruleId} ${finding.location!.path}:${finding.location!.startLine}:${finding.location!.startColumn}`)).toEqual([
      'STS001 kustomization-staging.yaml:14:53',
    ]);
    expect(report.findings[0]!.message).toContain('in inline patch 1 of kustomization `kustomization-staging.yaml`');
    expect(report.inventory!.map((entry) => `${entry.path}:${entry.line}:${entry.column} ${entry.input} ${entry.namespace}/${entry.name}`)).toEqual([
      'kustomization-staging.yaml:13:39 kustomize carts/carts',
    ]);
    expect(report.inputs.unanalysed).toEqual([
      {
        path: 'kustomization-staging.yaml',
        line: 7,
        kind: 'kustomize',
        reason: 'inline patch 1 of kustomization `kustomization-staging.yaml`: kustomize never builds a kustomization under this file name, so its ServiceAccount patch is read as written, without the resource it patches',
      },
    ]);
  });
});
