import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../src/cluster/audit.js';
import { ClusterUsageError } from '../src/cluster/kubeconfig.js';
import { assertValidReport, assertValidSarif, cliPath, makeTree, runCli } from './helpers.js';
import { certificate, startKubeApi, writeKubeconfig, type ClusterState, type KubeApi } from './support/kube-api.js';
import type { Report } from '../src/engine/report.js';

const role = 'arn:aws:iam::111122223333:role/api';
const irsaEnv = [
  { name: 'AWS_ROLE_ARN', value: role },
  { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token' },
];
const container = (name: string, env: object[] = []) => ({ name, image: 'example.com/app:1', env });
const podOwnedBy = (name: string, ownerUid: string, containers: object[], extra: object = {}) => ({
  metadata: { name, namespace: 'team', uid: `pod-${name}`, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'api-5d8f', uid: ownerUid, controller: true }], ...extra },
  spec: { serviceAccountName: 'api', nodeName: 'ip-10-0-1-1.us-west-2.compute.internal', containers },
  status: { phase: 'Running' },
});

/** A cluster whose ServiceAccount `api` turned regional on after most of its pods were created. */
const fixture = (): ClusterState => ({
  objects: {
    serviceaccounts: [
      { metadata: { name: 'api', namespace: 'team', annotations: { 'eks.amazonaws.com/role-arn': role, 'eks.amazonaws.com/sts-regional-endpoints': 'true' } } },
      { metadata: { name: 'default', namespace: 'team' } },
    ],
    nodes: [{ metadata: { name: 'ip-10-0-1-1.us-west-2.compute.internal', labels: { 'topology.kubernetes.io/region': 'us-west-2' } } }],
    configmaps: [{ metadata: { name: 'settings', namespace: 'team' }, data: { STS_URL: 'https://sts.amazonaws.com' } }],
    deployments: [{ metadata: { name: 'api', namespace: 'team', uid: 'deploy-api' }, spec: { template: { metadata: {}, spec: { serviceAccountName: 'api', containers: [container('app'), container('pinned', [{ name: 'AWS_STS_REGIONAL_ENDPOINTS', value: 'regional' }])] } } } }],
    replicasets: [
      {
        metadata: { name: 'api-5d8f', namespace: 'team', uid: 'rs-api', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'api', uid: 'deploy-api', controller: true }] },
        spec: { template: { metadata: {}, spec: { serviceAccountName: 'api', containers: [container('app'), container('pinned', [{ name: 'AWS_STS_REGIONAL_ENDPOINTS', value: 'regional' }])] } } },
      },
    ],
    pods: [
      // Created before the annotation: no AWS_STS_REGIONAL_ENDPOINTS (STS009); `pinned` sets it in its template.
      podOwnedBy('api-old', 'rs-api', [container('app', irsaEnv), container('pinned', [{ name: 'AWS_STS_REGIONAL_ENDPOINTS', value: 'regional' }, ...irsaEnv])]),
      // Created after it: as the webhook makes it today.
      podOwnedBy('api-new', 'rs-api', [container('app', [{ name: 'AWS_STS_REGIONAL_ENDPOINTS', value: 'regional' }, ...irsaEnv]), container('pinned', [{ name: 'AWS_STS_REGIONAL_ENDPOINTS', value: 'regional' }, ...irsaEnv])]),
      // Admitted while the webhook was down: no IRSA at all (STS010), and a skipped sidecar.
      podOwnedBy('api-bare-creds', 'rs-api', [container('app'), container('pinned', [{ name: 'AWS_STS_REGIONAL_ENDPOINTS', value: 'regional' }]), container('proxy')], {
        annotations: { 'eks.amazonaws.com/skip-containers': 'proxy,pinned' },
      }),
      // A bare pod with an old role (STS010) and an init container missing the setting (STS009).
      {
        metadata: { name: 'debug', namespace: 'team', uid: 'pod-debug' },
        spec: {
          serviceAccountName: 'api',
          initContainers: [container('init', irsaEnv)],
          containers: [container('shell', [{ name: 'AWS_STS_REGIONAL_ENDPOINTS', value: 'regional' }, { name: 'AWS_ROLE_ARN', value: 'arn:aws:iam::111122223333:role/old' }, irsaEnv[1]!])],
        },
        status: { phase: 'Running' },
      },
      // Finished pods are not stale: they no longer run.
      { metadata: { name: 'done', namespace: 'team', uid: 'pod-done' }, spec: { serviceAccountName: 'api', containers: [container('job')] }, status: { phase: 'Succeeded' } },
      // Pods of accounts without a role are not IRSA pods.
      { metadata: { name: 'plain', namespace: 'team', uid: 'pod-plain' }, spec: { serviceAccountName: 'default', containers: [container('app')] }, status: { phase: 'Running' } },
    ],
  },
});

const summary = (report: Report) =>
  report.findings.map((f) => `${f.ruleId} ${f.object!.kind}/${f.object!.name}${f.remediation.match(/kubectl [^.]*[a-z0-9-]/)?.[0] ? ` ${f.remediation.match(/kubectl [^.]*[a-z0-9-]/)![0]}` : ''}`);

describe('auditing a live cluster', () => {
  let api: KubeApi & { ca: string };
  beforeAll(async () => {
    api = await startKubeApi(fixture(), 'prod');
  });
  afterAll(() => api.stop());

  it('runs every rule on the live objects and tells stale pods with the command that re-creates them', async () => {
    const { report } = await audit({ kubeconfig: api.kubeconfig, contexts: [], namespaces: [], requestTimeoutMs: 5000, pageSize: 2 });
    assertValidReport(JSON.parse(JSON.stringify(report)));
    expect(summary(report)).toEqual([
      'STS007 ConfigMap/settings',
      'STS010 Pod/api-bare-creds kubectl rollout restart deployment/api -n team',
      'STS009 Pod/api-old kubectl rollout restart deployment/api -n team',
      'STS010 Pod/debug kubectl delete pod debug -n team',
      'STS009 Pod/debug kubectl delete pod debug -n team',
    ]);
    expect(report.findings.every((f) => f.location === undefined && f.object!.cluster === 'prod')).toBe(true);
    expect(report.profiles).toEqual([
      { name: 'prod', kubernetesVersion: '1.29', platformVersion: null, region: 'us-west-2', defaultEndpoint: 'regional', source: 'api', assumptions: ['platform version unknown: assumed the newest for Kubernetes 1.29'] },
    ]);
    expect(report.inputs).toMatchObject({ files: 0, objects: 12, errors: [] });
    expect(report.findings.find((f) => f.ruleId === 'STS009' && f.object!.name === 'debug')!.message).toContain('Container init of Pod team/debug runs without AWS_STS_REGIONAL_ENDPOINTS=regional');
    expect(report.findings.find((f) => f.ruleId === 'STS010' && f.object!.name === 'debug')!.message).toContain('assumes arn:aws:iam::111122223333:role/old');
  });

  it('gives SARIF a stable path for each object and writes the objects there with --dump-objects', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'sts-audit-dump-'));
    const run = runCli(['cluster', '--kubeconfig', api.kubeconfig, '--format', 'sarif', '--dump-objects', folder, '--category', 'prod'], { cwd: makeTree({}) });
    expect(run.code).toBe(1);
    const sarif = assertValidSarif(run.stdout);
    const uris = sarif.runs[0]!.results!.map((result) => result.locations![0]!.physicalLocation!.artifactLocation!.uri);
    expect(uris).toContain('k8s/prod/team/Pod/debug.yaml');
    const dumped = load(readFileSync(path.join(folder, 'k8s', 'prod', 'team', 'Pod', 'debug.yaml'), 'utf8')) as { kind: string; metadata: { name: string } };
    expect(dumped).toMatchObject({ kind: 'Pod', metadata: { name: 'debug' } });
    expect(existsSync(path.join(folder, 'k8s', 'prod', 'team', 'Pod', 'plain.yaml'))).toBe(false);
  });

  it('points each SARIF result at the offending field of the dumped YAML, with both fingerprints, the same on every run', async () => {
    const state = fixture();
    state.objects.serviceaccounts!.push({ metadata: { name: 'legacy', namespace: 'team', annotations: { 'eks.amazonaws.com/role-arn': role, 'eks.amazonaws.com/sts-regional-endpoints': 'false' } } });
    const withLegacy = await startKubeApi(state, 'prod');
    try {
      const runs = [1, 2].map(() => {
        const folder = mkdtempSync(path.join(tmpdir(), 'sts-audit-dump-'));
        const run = runCli(['cluster', '--kubeconfig', withLegacy.kubeconfig, '--format', 'sarif', '--dump-objects', folder], { cwd: makeTree({}) });
        expect(run.code).toBe(1);
        return { folder, sarif: assertValidSarif(run.stdout) };
      });
      const results = (run: (typeof runs)[number]) =>
        run.sarif.runs[0]!.results!.map((result) => {
          const { artifactLocation, region } = result.locations![0]!.physicalLocation!;
          return { ruleId: result.ruleId, uri: artifactLocation!.uri!, region: region!, fingerprints: result.partialFingerprints! };
        });
      const [first, second] = runs.map(results);
      const at = (ruleId: string, uri: string) => first!.find((result) => result.ruleId === ruleId && result.uri === uri)!;
      /** The dumped line a result points at, and the text of its region. */
      const pointedAt = ({ uri, region }: { uri: string; region: { startLine?: number; startColumn?: number; endColumn?: number } }) => {
        const line = readFileSync(path.join(runs[0]!.folder, uri), 'utf8').split('\n')[region.startLine! - 1]!;
        return [line, line.slice(region.startColumn! - 1, region.endColumn! - 1)];
      };

      // The annotation's value, as for a file.
      const annotation = at('STS001', 'k8s/prod/team/ServiceAccount/legacy.yaml');
      expect(annotation.region).toMatchObject({ startLine: 9, startColumn: 47, endLine: 9, endColumn: 54 });
      expect(pointedAt(annotation)).toEqual(["    eks.amazonaws.com/sts-regional-endpoints: 'false'", "'false'"]);
      // A stale pod: the env of container app, which lacks AWS_STS_REGIONAL_ENDPOINTS (below the header, metadata and owner).
      const stale = at('STS009', 'k8s/prod/team/Pod/api-old.yaml');
      expect(stale.region).toMatchObject({ startLine: 18, startColumn: 7, endLine: 18, endColumn: 10 });
      expect(pointedAt(stale)).toEqual(['      env:', 'env']);
      // The other role a pod assumes: the value of its AWS_ROLE_ARN.
      const otherRole = at('STS010', 'k8s/prod/team/Pod/debug.yaml');
      expect(pointedAt(otherRole)).toEqual(['          value: arn:aws:iam::111122223333:role/old', 'arn:aws:iam::111122223333:role/old']);

      for (const result of first!) {
        expect(result.region.startLine).toBeGreaterThan(1);
        expect(result.fingerprints).toEqual({ 'stsAuditFingerprint/v1': expect.stringMatching(/^[0-9a-f]{32}$/), primaryLocationLineHash: expect.stringMatching(/^[0-9a-f]+:1$/) });
      }
      expect(second).toEqual(first);
    } finally {
      await withLegacy.stop();
    }
  });

  it('gives live findings in JSON no file location but their place in the dumped YAML, which text and Markdown show', async () => {
    const { report } = await audit({ kubeconfig: api.kubeconfig, contexts: [], namespaces: [], requestTimeoutMs: 5000 });
    const stale = report.findings.find((f) => f.ruleId === 'STS009' && f.object!.name === 'api-old')!;
    expect(stale.location).toBeUndefined();
    expect(stale.renderedLocation).toEqual({ path: 'k8s/prod/team/Pod/api-old.yaml', startLine: 18, startColumn: 7, endLine: 18, endColumn: 10, snippet: '      env:' });
    const text = runCli(['cluster', '--kubeconfig', api.kubeconfig, '--rule', 'STS009'], { cwd: makeTree({}) }).stdout;
    expect(text).toContain(['           18 |       env:', '              |       ^^^'].join('\n'));
    const markdown = runCli(['cluster', '--kubeconfig', api.kubeconfig, '--rule', 'STS009', '--format', 'markdown'], { cwd: makeTree({}) }).stdout;
    expect(markdown).toContain('```yaml\n      env:\n```');
  });

  it('speaks the real wire format: kubectl lists the same objects from the same server', () => {
    const kubectl = spawnSync('kubectl', ['--kubeconfig', api.kubeconfig, 'get', 'serviceaccounts,pods,nodes,configmaps,deployments,replicasets', '-A', '-o', 'json', '--chunk-size', '2'], { encoding: 'utf8' });
    expect(kubectl.stderr).toBe('');
    const items = (JSON.parse(kubectl.stdout) as { items: Array<{ kind: string; metadata: { name: string } }> }).items;
    expect(items.map((item) => `${item.kind}/${item.metadata.name}`).sort()).toEqual(
      ['ServiceAccount/api', 'ServiceAccount/default', 'Pod/api-old', 'Pod/api-new', 'Pod/api-bare-creds', 'Pod/debug', 'Pod/done', 'Pod/plain', 'Node/ip-10-0-1-1.us-west-2.compute.internal', 'ConfigMap/settings', 'Deployment/api', 'ReplicaSet/api-5d8f'].sort(),
    );
  });

  it('reads only the namespaces asked for', async () => {
    const { report } = await audit({ kubeconfig: api.kubeconfig, contexts: [], namespaces: ['elsewhere'], requestTimeoutMs: 5000 });
    expect(report.findings).toEqual([]);
    expect(report.inputs.objects).toBe(1);
  });
});

describe('faults', () => {
  const withFaults = async (faults: ClusterState['faults'], run: (api: KubeApi) => Promise<void>) => {
    const api = await startKubeApi({ ...fixture(), faults }, 'prod');
    try {
      await run(api);
    } finally {
      await api.stop();
    }
  };

  it('goes on past a 403 on one resource type, says what it left unchecked, and exits 3', async () => {
    await withFaults({ forbidden: ['configmaps'] }, async (api) => {
      const run = runCli(['cluster', '--kubeconfig', api.kubeconfig, '--format', 'json', '--skip-rule', 'STS009', '--skip-rule', 'STS010'], { cwd: makeTree({}) });
      const report = JSON.parse(run.stdout) as Report;
      assertValidReport(report);
      expect(report.inputs.errors).toEqual([
        { path: 'cluster prod: configmaps', message: expect.stringMatching(/^cannot list configmaps: configmaps is forbidden: .*\(HTTP 403\); left unchecked: STS007, STS011$/) },
      ]);
      expect(report.summary.complete).toBe(false);
      expect(run.code).toBe(3);
    });
  });

  it.each([
    ['a one-off 500', { failOnce: ['pods'] }],
    ['a 429 with Retry-After', { tooManyOnce: ['pods'] }],
    ['a dropped connection', { dropOnce: ['pods'] }],
    ['an expired continue token (410)', { expireContinueOnce: ['pods'] }],
    ['a connection reset halfway through a page', { cutOnce: ['pods'] }],
  ])('retries %s and reads everything', async (_, faults) => {
    await withFaults(faults, async (api) => {
      const { report } = await audit({ kubeconfig: api.kubeconfig, contexts: [], namespaces: [], requestTimeoutMs: 5000, pageSize: 2 });
      expect(report.inputs.errors).toEqual([]);
      expect(report.inputs.objects).toBe(12);
      expect(report.findings).toHaveLength(5);
    });
  });

  it.each([
    ['a run of 500s longer than the retry budget', { failAlways: ['pods'] }, /^cannot list pods: an error on the server .*\(HTTP 500\); left unchecked: .*STS009, STS010/, 6, ['STS007']],
    ['a storm of 429s', { tooManyAlways: ['pods'] }, /^cannot list pods: too many requests, please try again later \(HTTP 429\); left unchecked: /, 6, ['STS007']],
    ['a body that is not JSON', { invalidJson: ['pods'] }, /^cannot list pods: the answer was not a Kubernetes JSON object \(a proxy in the way, or a body cut short\); left unchecked: /, 6, ['STS007']],
    // The first page of pods came through before the continue tokens expired: those pods were checked.
    ['continue tokens that keep expiring', { expireContinueAlways: ['pods'] }, /^cannot list pods: .*too old.* \(the pods listed before that were checked\); left unchecked: /, 8, ['STS007', 'STS009']],
  ])('gives up on %s after bounded retries, reads the rest, and ends with a report', async (_, faults, message, objects, rules) => {
    await withFaults(faults, async (api) => {
      const started = Date.now();
      const { report } = await audit({ kubeconfig: api.kubeconfig, contexts: [], namespaces: [], requestTimeoutMs: 5000, pageSize: 2 });
      expect(Date.now() - started).toBeLessThan(15_000);
      assertValidReport(report);
      expect(report.inputs.errors).toEqual([{ path: 'cluster prod: pods', message: expect.stringMatching(message) }]);
      // Everything else was read and checked.
      expect(report.inputs.objects).toBe(objects);
      expect(report.findings.map((finding) => finding.ruleId).sort()).toEqual(rules);
      expect(report.summary.complete).toBe(false);
    });
  });

  it('gives up on a resource that answers slower than --request-timeout, and reports it', async () => {
    await withFaults({ slow: { pods: 3000 } }, async (api) => {
      const started = Date.now();
      const { report } = await audit({ kubeconfig: api.kubeconfig, contexts: [], namespaces: [], requestTimeoutMs: 300 });
      expect(Date.now() - started).toBeLessThan(6000);
      expect(report.inputs.errors).toEqual([{ path: 'cluster prod: pods', message: expect.stringMatching(/^cannot list pods: the request timed out; left unchecked: .*STS009, STS010/) }]);
    });
  });
});

describe('connecting', () => {
  let api: KubeApi & { ca: string };
  let other: KubeApi & { ca: string };
  beforeAll(async () => {
    api = await startKubeApi(fixture(), 'prod');
    other = await startKubeApi({ objects: { serviceaccounts: [{ metadata: { name: 'x', namespace: 'ops', annotations: { 'eks.amazonaws.com/sts-regional-endpoints': 'yes' } } }] }, version: { gitVersion: 'v1.21.14-eks-ba74326' } }, 'legacy');
  });
  afterAll(async () => {
    await api.stop();
    await other.stop();
  });

  it('audits several contexts in one run, each finding naming its cluster', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'sts-audit-contexts-'));
    const kubeconfig = writeKubeconfig(folder, [
      { name: 'prod', api, ca: api.ca },
      { name: 'legacy', api: other, ca: other.ca },
    ]);
    const { report } = await audit({ kubeconfig, contexts: ['prod', 'legacy'], namespaces: [], requestTimeoutMs: 5000 });
    expect([...new Set(report.findings.map((f) => f.object!.cluster))].sort()).toEqual(['legacy', 'prod']);
    expect(report.profiles.map((p) => `${p.name} ${p.kubernetesVersion} ${p.defaultEndpoint}`)).toEqual(['legacy 1.21 global', 'prod 1.29 regional']);
    // STS005 points at the annotation's key, STS004 at its value, on the same line.
    expect(report.findings.filter((f) => f.object!.cluster === 'legacy').map((f) => f.ruleId)).toEqual(['STS005', 'STS004']);
  });

  it('takes its token from an exec credential plugin, as aws eks get-token provides it', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'sts-audit-exec-'));
    const plugin = path.join(folder, 'get-token.mjs');
    writeFileSync(plugin, `process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: { token: ${JSON.stringify(api.token)} } }));\n`);
    const kubeconfig = writeKubeconfig(folder, [{ name: 'prod', api, ca: api.ca, exec: { command: process.execPath, args: [plugin] } }]);
    const { report } = await audit({ kubeconfig, contexts: [], namespaces: [], requestTimeoutMs: 5000 });
    expect(report.inputs.errors).toEqual([]);
    expect(report.findings).toHaveLength(5);
  });

  it.each([
    ['refused credentials', (folder: string) => ['--kubeconfig', writeKubeconfig(folder, [{ name: 'prod', api, ca: api.ca, token: 'wrong' }])], /authentication refused \(401\)/],
    ['a missing kubeconfig', (folder: string) => ['--kubeconfig', path.join(folder, 'none')], /no kubeconfig at /],
    ['a kubeconfig that is not YAML', (folder: string) => (writeFileSync(path.join(folder, 'bad'), 'users:\n- token: abc: def\n'), ['--kubeconfig', path.join(folder, 'bad')]), /^sts-audit: cannot read the kubeconfig .*\/bad: bad indentation of a mapping entry \(2:13\)\n$/],
    ['an unknown context', () => ['--kubeconfig', api.kubeconfig, '--context', 'staging'], /unknown context staging: the kubeconfig has prod/],
    ['an unreachable server', (folder: string) => ['--kubeconfig', writeKubeconfig(folder, [{ name: 'prod', api: { url: 'https://127.0.0.1:9', token: 'x' }, ca: api.ca }]), '--request-timeout', '2'], /cannot reach the API server https:\/\/127\.0\.0\.1:9: fetch failed: bad port/],
  ])('exits 2 on %s, saying what to do, without a stack trace', (_, args, message) => {
    const folder = mkdtempSync(path.join(tmpdir(), 'sts-audit-connect-'));
    const run = runCli(['cluster', ...args(folder)], { cwd: makeTree({}), env: { KUBECONFIG: path.join(folder, 'absent') } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the server and the cause when it cannot connect: a closed port, a certificate it does not trust', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'sts-audit-connect-'));
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = runCli(['cluster', '--kubeconfig', writeKubeconfig(folder, [{ name: 'closed', api: { url: `https://127.0.0.1:${port}`, token: 'x' }, ca: api.ca }])], { cwd: makeTree({}) });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`sts-audit: cannot reach the API server https://127.0.0.1:${port}: fetch failed: connect ECONNREFUSED 127.0.0.1:${port}\n`);
    // The server's certificate is not the one the kubeconfig trusts.
    const otherCa = certificate(mkdtempSync(path.join(tmpdir(), 'sts-audit-other-ca-'))).cert;
    const untrusted = runCli(['cluster', '--kubeconfig', writeKubeconfig(folder, [{ name: 'mismatch', api, ca: otherCa }])], { cwd: makeTree({}) });
    expect(untrusted.code).toBe(2);
    // Node.js 24 adds its own hint (--use-system-ca) to the message.
    expect(untrusted.stderr.startsWith(`sts-audit: cannot reach the API server ${api.url}: fetch failed: self-signed certificate`)).toBe(true);
    expect(untrusted.stderr).toMatch(/ \(DEPTH_ZERO_SELF_SIGNED_CERT\)\n$/);
  });

  it('finds no kubeconfig anywhere and says how to make one', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'sts-audit-home-'));
    const run = runCli(['cluster'], { cwd: home, env: { HOME: home, KUBECONFIG: '', KUBERNETES_SERVICE_HOST: '' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no kubeconfig: give --kubeconfig FILE, set KUBECONFIG/);
  });

  it('authenticates with a client certificate, and is refused one the server does not trust', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'sts-audit-client-cert-'));
    const trusted = certificate(folder, 'client');
    const strangerFolder = mkdtempSync(path.join(tmpdir(), 'sts-audit-client-cert-'));
    const stranger = certificate(strangerFolder, 'client');
    const withCa = await startKubeApi({ ...fixture(), clientCa: trusted.cert }, 'prod');
    try {
      const kubeconfig = writeKubeconfig(folder, [{ name: 'prod', api: withCa, ca: withCa.ca, client: trusted }]);
      expect(readFileSync(kubeconfig, 'utf8')).not.toMatch(/token/);
      const { report } = await audit({ kubeconfig, contexts: [], namespaces: [], requestTimeoutMs: 5000 });
      expect(report.inputs.errors).toEqual([]);
      expect(report.findings).toHaveLength(5);
      const refused = runCli(['cluster', '--kubeconfig', writeKubeconfig(strangerFolder, [{ name: 'prod', api: withCa, ca: withCa.ca, client: stranger }])], { cwd: makeTree({}) });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/authentication refused \(401\)/);
    } finally {
      await withCa.stop();
    }
  });

  // The pod's service account lives at fixed paths under /var/run/secrets: the command runs in a
  // mount namespace of its own (util-linux unshare), where a fresh /run holds the files.
  it('uses the pod\'s own service account inside a cluster, with no kubeconfig', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'sts-audit-in-cluster-'));
    writeFileSync(path.join(folder, 'token'), api.token);
    const home = mkdtempSync(path.join(tmpdir(), 'sts-audit-home-'));
    const account = '/var/run/secrets/kubernetes.io/serviceaccount';
    const script = [
      'set -e',
      'mount -t tmpfs tmpfs "$(readlink -f /var/run)"',
      `mkdir -p ${account}`,
      `cp "$CA" ${account}/ca.crt`,
      `cp "$FOLDER/token" ${account}/token`,
      `echo sts-audit > ${account}/namespace`,
      'exec "$NODE" "$CLI" cluster --format json',
    ].join('\n');
    const port = new URL(api.url).port;
    const run = spawnSync('unshare', [...(process.getuid?.() === 0 ? [] : ['--user', '--map-root-user']), '--mount', 'sh', '-c', script], {
      encoding: 'utf8',
      cwd: home,
      env: { ...process.env, HOME: home, KUBECONFIG: '', KUBERNETES_SERVICE_HOST: '127.0.0.1', KUBERNETES_SERVICE_PORT: port, CA: api.ca, FOLDER: folder, NODE: process.execPath, CLI: cliPath },
    });
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.inputs.errors).toEqual([]);
    expect(report.findings).toHaveLength(5);
    expect(report.profiles.map((profile) => profile.name)).toEqual(['in-cluster']);
    expect(report.findings.every((finding) => finding.object!.cluster === 'in-cluster')).toBe(true);
  });

  it('is a usage error in the library too', async () => {
    await expect(audit({ kubeconfig: '/nonexistent', contexts: [], namespaces: [], requestTimeoutMs: 1000 })).rejects.toBeInstanceOf(ClusterUsageError);
  });
});
