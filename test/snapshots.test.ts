import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTree, repoRoot, runCli } from './helpers.js';
import { startKubeApi, type ClusterState, type KubeApi } from './support/kube-api.js';

// The reports of the bundled example repository and of a stand-in cluster, byte for byte. A change
// to how the scanner is built must leave them as they are; a change in what it reports updates
// them on purpose (`npx vitest run test/snapshots.test.ts -u`), and the diff shows what changed.

const exampleRepo = path.join(repoRoot, 'fixtures', 'example-repo');
const snapshot = (name: string) => path.join(repoRoot, 'test', 'snapshots', name);

describe('the example repository', () => {
  for (const format of ['json', 'sarif'] as const) {
    it(`reports the same ${format} as before`, async () => {
      const run = runCli(['scan', '--format', format], { cwd: exampleRepo });
      expect(run.code).toBe(1);
      await expect(run.stdout).toMatchFileSnapshot(snapshot(`example-repo.${format}`));
    });
  }
});

const role = 'arn:aws:iam::111122223333:role/shop';
const tokenFile = { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token' };

/** A cluster with one finding of each kind the live audit makes: accounts, config, workloads, pods. */
const cluster = (): ClusterState => ({
  objects: {
    serviceaccounts: [
      { metadata: { name: 'shop', namespace: 'shop', annotations: { 'eks.amazonaws.com/role-arn': role, 'eks.amazonaws.com/sts-regional-endpoints': 'false' } } },
      { metadata: { name: 'noop', namespace: 'shop', annotations: { 'eks.amazonaws.com/sts-regional-endpoints': 'true' } } },
      { metadata: { name: 'orders', namespace: 'shop', annotations: { 'eks.amazonaws.com/role-arn': role, 'eks.amazonaws.com/sts-regional-endpoints': 'true' } } },
    ],
    nodes: [{ metadata: { name: 'ip-10-0-1-1.eu-west-1.compute.internal', labels: { 'topology.kubernetes.io/region': 'eu-west-1' } } }],
    configmaps: [{ metadata: { name: 'settings', namespace: 'shop' }, data: { STS_ENDPOINT: 'https://sts.amazonaws.com' } }],
    deployments: [
      {
        metadata: { name: 'shop', namespace: 'shop', uid: 'deploy-shop' },
        spec: { template: { metadata: {}, spec: { serviceAccountName: 'shop', containers: [{ name: 'app', image: 'example.com/shop:1', env: [{ name: 'AWS_STS_REGIONAL_ENDPOINTS', value: 'legacy' }] }] } } },
      },
    ],
    pods: [
      {
        metadata: { name: 'shop-1', namespace: 'shop', uid: 'pod-shop-1', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'shop', uid: 'deploy-shop', controller: true }] },
        spec: { serviceAccountName: 'shop', containers: [{ name: 'app', image: 'example.com/shop:1', env: [{ name: 'AWS_ROLE_ARN', value: role }, tokenFile] }] },
        status: { phase: 'Running' },
      },
      {
        metadata: { name: 'orders-1', namespace: 'shop', uid: 'pod-orders-1' },
        spec: { serviceAccountName: 'orders', containers: [{ name: 'app', image: 'example.com/orders:1', env: [{ name: 'AWS_ROLE_ARN', value: role }, tokenFile] }] },
        status: { phase: 'Running' },
      },
      {
        metadata: { name: 'stray', namespace: 'shop', uid: 'pod-stray' },
        spec: { serviceAccountName: 'shop', containers: [{ name: 'app', image: 'example.com/shop:1' }] },
        status: { phase: 'Running' },
      },
    ],
  },
});

describe('a live cluster', () => {
  let api: KubeApi & { ca: string };
  beforeAll(async () => {
    api = await startKubeApi(cluster(), 'shop-prod');
  });
  afterAll(() => api.stop());

  for (const format of ['json', 'sarif'] as const) {
    it(`reports the same ${format} as before`, async () => {
      const run = runCli(['cluster', '--kubeconfig', api.kubeconfig, '--format', format], { cwd: makeTree({}) });
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.code).toBe(1);
      await expect(run.stdout).toMatchFileSnapshot(snapshot(`cluster.${format}`));
    });
  }
});
