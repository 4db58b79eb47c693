import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan, type ScanOptions } from '../../src/engine/scan.js';
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

async function scanTree(files: Record<string, string>, settings: Partial<ScanOptions> = {}) {
  const root = makeTree(files);
  const report = await scan({ targets: ['.'], root, ...settings });
  assertValidReport(JSON.parse(JSON.stringify(report)));
  return report;
}

/** Scans the base with more files beside it, for a 1.29 cluster (Regional by default). */
function scanOverBase(files: Record<string, string>) {
  return scanTree({ ...base, ...files }, { flags: { clusterVersion: '1.29' } });
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

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  template:
    spec:
      serviceAccountName: api
      containers:
        - name: app
          image: shop/api:1
          env:
            - name: LOG_LEVEL
              value: info
`;

describe('kustomize overlays, more shapes', () => {
  it('points at a JSON 6902 patch file', async () => {
    const report = await scanOverBase({
      'overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\npatches:\n  - path: endpoints.yaml\n    target:\n      kind: ServiceAccount\n      name: api\n',
      'overlays/prod/endpoints.yaml': '- op: add\n  path: /metadata/annotations/eks.amazonaws.com~1sts-regional-endpoints\n  value: "false"\n',
    });
    expect(where(report)).toEqual(['STS001 overlays/prod/endpoints.yaml:3:10-17']);
  });

  it('points at a patch written inline in the kustomization', async () => {
    const report = await scanTree(
      {
        ...base,
        'base/deployment.yaml': deployment,
        'base/kustomization.yaml': 'resources:\n  - sa.yaml\n  - deployment.yaml\n',
        'overlays/prod/kustomization.yaml': `resources:
  - ../../base
patches:
  - target:
      kind: Deployment
    patch: |-
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        template:
          spec:
            containers:
              - name: app
                env:
                  - name: AWS_STS_REGIONAL_ENDPOINTS
                    value: legacy
`,
      },
      { flags: { clusterVersion: '1.29' } },
    );
    expect(where(report)).toEqual(['STS006 overlays/prod/kustomization.yaml:18:28-34']);
  });

  it('joins each overlay\'s workloads to that overlay\'s ServiceAccount, not to another overlay\'s of the same name', async () => {
    const regionOnly = deployment.replace('            - name: LOG_LEVEL\n              value: info\n', '            - name: AWS_REGION\n              value: eu-west-1\n');
    const overlay = 'resources:\n  - sa.yaml\n  - deployment.yaml\n';
    const withoutRole = base['base/sa.yaml'].replace('  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/api\n', '');
    // Both overlays deploy to the same (assumed) cluster: only the one whose account has a role runs IRSA pods.
    for (const [first, second] of [['a-irsa', 'b-plain'], ['b-irsa', 'a-plain']] as const) {
      const report = await scanTree({
        [`${first}/kustomization.yaml`]: overlay,
        [`${first}/sa.yaml`]: base['base/sa.yaml'],
        [`${first}/deployment.yaml`]: regionOnly,
        [`${second}/kustomization.yaml`]: overlay,
        [`${second}/sa.yaml`]: withoutRole,
        [`${second}/deployment.yaml`]: regionOnly,
      });
      expect(where(report, 'STS013')).toEqual([`STS013 ${first}/deployment.yaml:14:21-31`]);
    }
  });

  it('judges a base once per overlay, with each overlay\'s cluster, at the base line', async () => {
    const report = await scanTree(
      {
        'base/kustomization.yaml': 'resources:\n  - sa.yaml\n  - deployment.yaml\n',
        'base/sa.yaml': `${base['base/sa.yaml']}    eks.amazonaws.com/sts-regional-endpoints: "false"\n`,
        'base/deployment.yaml': deployment.replace('value: info', 'value: info\n            - name: AWS_STS_REGIONAL_ENDPOINTS\n              value: legacy'),
        'clusters/old/kustomization.yaml': 'resources:\n  - ../../base\nnamespace: shop-old\n',
        'clusters/new/kustomization.yaml': 'resources:\n  - ../../base\n',
      },
      {
        clusters: [
          { name: 'old', kubernetesVersion: '1.21', paths: ['clusters/old/**'] },
          { name: 'new', kubernetesVersion: '1.29', paths: ['clusters/new/**'] },
        ],
      },
    );
    expect(where(report).sort()).toEqual(['STS001 base/sa.yaml:8:47-54', 'STS006 base/deployment.yaml:17:22-28', 'STS006 base/deployment.yaml:17:22-28']);
    const legacy = report.findings.filter((finding) => finding.ruleId === 'STS006');
    expect(legacy.map((finding) => `${finding.object?.cluster} ${finding.object?.namespace}`).sort()).toEqual(['new shop', 'old shop-old']);
    expect(legacy.find((finding) => finding.object?.cluster === 'old')!.message).toContain('Deployment shop-old/api in overlay `clusters/old`');
    expect(new Set(report.findings.map((finding) => finding.fingerprint)).size).toBe(3);
    expect(report.findings.find((finding) => finding.ruleId === 'STS001')!.message).toContain('in overlay `clusters/new`');
  });

  it('points at commonAnnotations when they set the value', async () => {
    const report = await scanOverBase({
      'overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\ncommonAnnotations:\n  eks.amazonaws.com/sts-regional-endpoints: "false"\n',
    });
    expect(where(report)).toEqual(['STS001 overlays/prod/kustomization.yaml:4:45-52']);
  });

  it('points at the overlay\'s kustomization, and says why, when a generator made the object', async () => {
    const report = await scanOverBase({
      'overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\nconfigMapGenerator:\n  - name: aws\n    namespace: shop\n    literals:\n      - AWS_STS_REGIONAL_ENDPOINTS=legacy\n',
    });
    expect(where(report)).toEqual(['STS007 overlays/prod/kustomization.yaml:1:1-11']);
    expect(report.findings[0]!.message).toMatch(/^ConfigMap shop\/aws-[a-z0-9]+ in overlay `overlays\/prod` \(no patch or resource line of it sets `data.AWS_STS_REGIONAL_ENDPOINTS` to the value kustomize built/);
  });

  it('refuses remote bases, Helm charts, plugins and folders outside the scan root, and reports build errors (files outside the overlay), going on with the rest', async () => {
    const report = await scanOverBase({
      'a/kustomization.yaml': 'resources:\n  - https://github.com/example/repo//deploy?ref=main\n',
      'b/kustomization.yaml': 'resources:\n  - github.com/example/repo/deploy\n',
      'c/kustomization.yaml': 'helmCharts:\n  - name: x\n    repo: https://example.com\n',
      'd/kustomization.yaml': 'resources:\n  - ../../outside\n',
      'e/kustomization.yaml': 'resources:\n  - ../base\n  - ../base/sa.yaml\n',
      'f/kustomization.yaml': 'transformers:\n  - plugin.yaml\n',
    });
    expect(report.inputs.errors).toEqual([
      { path: 'a/kustomization.yaml', message: 'kustomization not built: `resources` entry `https://github.com/example/repo//deploy?ref=main` is remote; only files in the repository are built' },
      { path: 'b/kustomization.yaml', message: 'kustomization not built: `resources` entry `github.com/example/repo/deploy` is not in the repository (kustomize would try to fetch it)' },
      { path: 'c/kustomization.yaml', message: 'kustomization not built: `c/kustomization.yaml`: `helmCharts` would run Helm, which is not done for a scan' },
      { path: 'd/kustomization.yaml', message: 'kustomization not built: `resources` entry `../../outside` is outside the scan root' },
      { path: 'e/kustomization.yaml', message: expect.stringMatching(/^kustomize could not build it: accumulating resources: .*security; file 'base\/sa.yaml' is not in or below 'e'/) },
      { path: 'f/kustomization.yaml', message: 'kustomization not built: `f/kustomization.yaml`: `transformers` may run plugins (KRM functions, executables), which is not done for a scan' },
    ]);
    expect(report.summary.complete).toBe(false);
    expect(report.findings).toEqual([]);
  });
});

describe('kustomize overlays and the scan root', () => {
  it('builds a base two folders up inside the root, and refuses one reached through a link that leaves it', async () => {
    const outside = makeTree(base);
    const root = makeTree({
      ...base,
      'overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\n',
      'overlays/linked/kustomization.yaml': 'resources:\n  - ../../elsewhere/base\n',
    });
    symlinkSync(outside, path.join(root, 'elsewhere'));
    const report = await scan({ targets: ['.'], root, flags: { clusterVersion: '1.29' } });
    expect(report.inputs.errors).toEqual([{ path: 'overlays/linked/kustomization.yaml', message: 'kustomization not built: `resources` entry `../../elsewhere/base` leads outside the scan root' }]);
    expect(report.inputs.objects).toBe(1);
  });
});

describe('kustomize overlays without kubectl', () => {
  it('lists the overlay as not built, judges its files one by one, and skips its patches', async () => {
    const files = {
      ...base,
      'base/sa.yaml': base['base/sa.yaml'].replace('    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/api\n', '    eks.amazonaws.com/sts-regional-endpoints: "false"\n'),
      'overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\npatches:\n  - path: sa-patch.yaml\n',
      'overlays/prod/sa-patch.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api\n  namespace: shop\n  annotations:\n    eks.amazonaws.com/sts-regional-endpoints: "false"\n',
    };
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const report = await scanTree(files, { flags: { clusterVersion: '1.29' } });
      expect(report.inputs.skipped).toEqual([
        { path: 'overlays/prod/kustomization.yaml', reason: 'kustomization not built: `kubectl` is not installed; its files are judged one by one' },
        { path: 'overlays/prod/sa-patch.yaml', reason: 'a kustomize patch, not an object: judged only through `overlays/prod/kustomization.yaml`, which was not built' },
      ]);
      expect(where(report)).toEqual(['STS005 base/sa.yaml:7:5-45']);
    } finally {
      process.env.PATH = path;
    }
  });
});

/** A Flux Kustomization `flux-system/apps` with these lines under its `spec`. */
function fluxKustomization(spec: string, version = 'v1'): string {
  return `apiVersion: kustomize.toolkit.fluxcd.io/${version}
kind: Kustomization
metadata:
  name: apps
  namespace: flux-system
spec:
  interval: 10m
  sourceRef:
    kind: GitRepository
    name: flux-system
${spec}`;
}

const disabled = `${base['base/sa.yaml']}    eks.amazonaws.com/sts-regional-endpoints: "false"\n`;

describe('Flux Kustomizations', () => {
  it('builds a folder without a kustomization file, with the cluster of the Flux object\'s file, and names it', async () => {
    const report = await scanTree(
      { 'apps/sa.yaml': disabled, 'clusters/prod/apps.yaml': fluxKustomization('  path: ./apps\n') },
      { clusters: [{ name: 'prod', kubernetesVersion: '1.29', paths: ['clusters/prod/**'] }] },
    );
    expect(where(report)).toEqual(['STS001 apps/sa.yaml:8:47-54']);
    expect(report.findings[0]!.message).toContain('ServiceAccount shop/api in Flux Kustomization `flux-system/apps`');
    expect(report.findings[0]!.object?.cluster).toBe('prod');
    expect(report.inputs.errors).toEqual([]);
  });

  it('points at an inline patch inside the Flux object', async () => {
    const report = await scanTree(
      {
        'apps/sa.yaml': base['base/sa.yaml'],
        'clusters/prod/apps.yaml': fluxKustomization(`  path: ./apps
  patches:
    - target:
        kind: ServiceAccount
      patch: |
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: api
          annotations:
            eks.amazonaws.com/sts-regional-endpoints: "false"
`),
      },
      { flags: { clusterVersion: '1.29' } },
    );
    expect(where(report)).toEqual(['STS001 clusters/prod/apps.yaml:21:55-62']);
  });

  it('fills postBuild variables, takes defaults, and leaves unknown ones as values no rule claims', async () => {
    const account = (name: string, mode: string) => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${name}
  namespace: shop
  annotations:
    eks.amazonaws.com/role-arn: \${role}
    eks.amazonaws.com/sts-regional-endpoints: "${mode}"
`;
    const report = await scanTree(
      {
        'apps/sa.yaml': `${account('unknown', '${mode}')}---\n${account('defaulted', '${legacy_mode:=false}')}`,
        'clusters/prod/apps.yaml': fluxKustomization('  path: ./apps\n  postBuild:\n    substitute:\n      role: arn:aws:iam::111122223333:role/api\n'),
      },
      { flags: { clusterVersion: '1.29' } },
    );
    expect(where(report)).toEqual(['STS001 apps/sa.yaml:17:47-70']);
    expect(report.findings[0]!.message).toContain('ServiceAccount shop/defaulted');
  });

  it('points at the Flux object\'s commonMetadata when it sets the value', async () => {
    const report = await scanTree(
      {
        'apps/sa.yaml': base['base/sa.yaml'],
        'clusters/prod/apps.yaml': fluxKustomization('  path: ./apps\n  commonMetadata:\n    annotations:\n      eks.amazonaws.com/sts-regional-endpoints: "false"\n'),
      },
      { flags: { clusterVersion: '1.29' } },
    );
    expect(where(report)).toEqual(['STS001 clusters/prod/apps.yaml:14:49-56']);
  });

  it('lists the Flux object as not built without kubectl', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const report = await scanTree({ 'apps/sa.yaml': disabled, 'clusters/prod/apps.yaml': fluxKustomization('  path: ./apps\n') }, { flags: { clusterVersion: '1.29' } });
      expect(report.inputs.skipped).toEqual([{ path: 'clusters/prod/apps.yaml', reason: 'kustomization not built: `kubectl` is not installed; its files are judged one by one' }]);
      expect(where(report)).toEqual(['STS001 apps/sa.yaml:8:47-54']);
      expect(report.findings[0]!.message).not.toContain('Flux');
    } finally {
      process.env.PATH = path;
    }
  });

  it('refuses a spec.path outside the scan root (v1beta2 read as v1)', async () => {
    const report = await scanTree({ 'clusters/prod/apps.yaml': fluxKustomization('  path: ../outside\n', 'v1beta2') });
    expect(report.inputs.errors).toEqual([{ path: 'clusters/prod/apps.yaml', message: 'kustomization not built: Flux Kustomization `flux-system/apps`: `spec.path` entry `../outside` is outside the scan root' }]);
  });

  it('judges a folder with its own kustomization once, through the Flux object', async () => {
    const report = await scanTree(
      { ...base, 'base/sa.yaml': disabled, 'clusters/prod/apps.yaml': fluxKustomization('  path: ./base\n  targetNamespace: shop-prod\n') },
      { flags: { clusterVersion: '1.29' } },
    );
    expect(where(report)).toEqual(['STS001 base/sa.yaml:8:47-54']);
    expect(report.findings[0]!.message).toContain('ServiceAccount shop-prod/api in Flux Kustomization `flux-system/apps`');
  });
});
