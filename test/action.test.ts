import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertValidSarif, repoRoot } from './helpers.js';
import { startKubeApi, writeKubeconfig, type ClusterState, type KubeApi } from './support/kube-api.js';

const actionBundle = path.join(repoRoot, 'dist', 'action.mjs');
const token = 'test-token-not-a-secret';

/** The REST API's pull request files, for pull request 7 of acme/deploy, 101 files over two pages. */
const changedFiles = [
  ...Array.from({ length: 99 }, (_, i) => ({ filename: `docs/page-${i}.md`, status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' })),
  // Line 8 (STS004) is changed; line 29 of the same file (STS007) is not.
  { filename: 'clusters/prod-us/payments-worker.yaml', status: 'modified', patch: '@@ -6,3 +6,3 @@\n     eks.amazonaws.com/role-arn: x\n-    old\n+    changed\n' },
  { filename: 'apps/orders-api/app/aws.py', status: 'added' },
];
// The patch above adds line 7, not 8: point it at line 8.
(changedFiles[99] as { patch?: string }).patch = '@@ -7,2 +7,2 @@\n   annotations:\n-    old\n+    changed\n';

let server: Server;
let apiUrl = '';
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (request.headers.authorization !== `Bearer ${token}`) {
      response.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"Bad credentials"}');
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = /^\/repos\/acme\/deploy\/pulls\/7\/files$/.exec(url.pathname);
    if (!match) {
      response.writeHead(404).end('{"message":"Not Found"}');
      return;
    }
    const perPage = Number(url.searchParams.get('per_page'));
    const page = Number(url.searchParams.get('page'));
    const body = changedFiles.slice((page - 1) * perPage, page * perPage);
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface ActionRun {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
}

/** What a run of the Action starts from, besides its inputs and event. */
interface ActionSetting {
  /** Files to write into the workspace. */
  files?: Record<string, string>;
  /** Copy the example repository into the workspace first (default true). */
  example?: boolean;
  /** More of the runner's environment. */
  env?: Record<string, string>;
  /** The Action's checkout to run (default: this repository). */
  actionFolder?: string;
}

/** Runs the committed bundle as a runner would: inputs, event and files through the environment. */
async function runAction(inputs: Record<string, string>, event: { name: string; payload: object }, setting: ActionSetting = {}): Promise<ActionRun> {
  const workspace = mkdtempSync(path.join(tmpdir(), 'sts-audit-action-'));
  if (setting.example !== false) cpSync(path.join(repoRoot, 'fixtures', 'example-repo'), workspace, { recursive: true });
  for (const [file, text] of Object.entries(setting.files ?? {})) writeFileSync(path.join(workspace, file), text);
  const runner = mkdtempSync(path.join(tmpdir(), 'sts-audit-runner-'));
  const files = { output: path.join(runner, 'output'), summary: path.join(runner, 'summary'), event: path.join(runner, 'event.json') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  writeFileSync(files.event, JSON.stringify(event.payload));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_REPOSITORY: 'acme/deploy',
    GITHUB_API_URL: apiUrl,
    'INPUT_TOKEN': token,
    ...setting.env,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawn(process.execPath, [setting.actionFolder ? path.join(setting.actionFolder, 'dist', 'action.mjs') : actionBundle], { cwd: runner, env });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const outputs: Record<string, string> = {};
  for (const match of readFileSync(files.output, 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1]!] = match[3]!;
  return { code, stdout, outputs, summary: readFileSync(files.summary, 'utf8'), workspace };
}

const pushEvent = { name: 'push', payload: { ref: 'refs/heads/main', head_commit: { id: 'abc' } } };
const pullRequestEvent = { name: 'pull_request', payload: { number: 7, pull_request: { number: 7, head: { sha: 'abc' } } } };
const annotationLines = (stdout: string) => stdout.split('\n').filter((line) => /^::(error|warning|notice) /.test(line));

describe('the GitHub Action', () => {
  it('is committed up to date: building the bundles again gives the same files', () => {
    const fresh = mkdtempSync(path.join(tmpdir(), 'sts-audit-bundle-'));
    const build = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'bundle.mjs'), 'action', fresh], { cwd: repoRoot, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    expect(readdirSync(fresh).sort()).toEqual(['action-cluster.mjs', 'action.mjs']);
    // Run `npm run build:action` and commit dist/action*.mjs when this fails.
    for (const name of readdirSync(fresh)) expect(readFileSync(path.join(fresh, name), 'utf8') === readFileSync(path.join(repoRoot, 'dist', name), 'utf8'), name).toBe(true);
  });

  it('on a push: annotates every finding (ten per level at most), writes SARIF, the summary and the outputs, and fails', async () => {
    const run = await runAction({ category: 'example' }, pushEvent);
    expect(run.code).toBe(1);
    const annotations = annotationLines(run.stdout);
    expect(annotations.filter((line) => line.startsWith('::error '))).toHaveLength(6);
    expect(annotations.filter((line) => line.startsWith('::warning '))).toHaveLength(4);
    expect(annotations.filter((line) => line.startsWith('::notice '))).toHaveLength(10);
    expect(annotations).toContain(
      annotations.find((line) => line.startsWith('::error title=STS004 sa-annotation-invalid-value,file=clusters/prod-us/payments-worker.yaml,line=8,endLine=8,col=47,endColumn=52::')),
    );
    expect(run.outputs).toEqual({ 'sarif-file': 'sts-audit.sarif', 'findings-count': '21', 'new-findings-count': '21', 'exit-code': '1' });
    const sarif = assertValidSarif(readFileSync(path.join(run.workspace, 'sts-audit.sarif'), 'utf8'));
    expect(sarif.runs[0]!.automationDetails).toEqual({ id: 'example/' });
    expect(sarif.runs[0]!.results).toHaveLength(21);
    expect(run.summary).toContain('## sts-audit: ❌ 21 findings');
    // Each snippet is fenced in its file's language.
    expect(run.summary).toContain('\n```dockerfile\nENV AWS_STS_REGIONAL_ENDPOINTS=legacy\n```\n');
    expect(run.stdout).toContain('::error::sts-audit: findings at or above warning');
    expect(requests).toEqual([]);
  });

  it('on a pull request: annotates only the lines it changed, reading every page of the changed files with the token', async () => {
    const run = await runAction({ 'fail-on': 'error' }, pullRequestEvent);
    expect(requests.map((url) => new URL(url, 'http://x').searchParams.get('page'))).toEqual(['1', '2']);
    const annotations = annotationLines(run.stdout);
    // Errors come first; the added file has no patch (as the API gives for large files), so all of it counts.
    expect(annotations.map((line) => /file=([^,]+),line=(\d+)/.exec(line)!.slice(1).join(':'))).toEqual([
      'apps/orders-api/app/aws.py:10',
      'clusters/prod-us/payments-worker.yaml:8',
    ]);
    expect(run.summary).toContain('19 findings are on lines this pull request did not change');
    expect(run.outputs['exit-code']).toBe('1');
    expect(run.code).toBe(1);
  });

  it('passes with fail-on none, and still writes the full SARIF', async () => {
    const run = await runAction({ 'fail-on': 'none', annotations: 'none', summary: 'false', 'sarif-file': 'report.sarif' }, pushEvent);
    expect(run.code).toBe(0);
    expect(annotationLines(run.stdout)).toEqual([]);
    expect(run.summary).toBe('');
    expect(run.outputs['exit-code']).toBe('0');
    expect(assertValidSarif(readFileSync(path.join(run.workspace, 'report.sarif'), 'utf8')).runs[0]!.results).toHaveLength(21);
  });

  it('with inventory true, lists the IRSA ServiceAccounts modeled in the job summary and the SARIF run', async () => {
    const run = await runAction({ 'fail-on': 'none', annotations: 'none', inventory: 'true' }, pushEvent);
    expect(run.code).toBe(0);
    expect(run.summary).toMatch(/<details><summary>IRSA ServiceAccounts modeled \(\d+\)<\/summary>/);
    const sarif = assertValidSarif(readFileSync(path.join(run.workspace, 'sts-audit.sarif'), 'utf8'));
    expect(sarif.runs[0]!.properties!.inventory).toEqual(expect.arrayContaining([expect.objectContaining({ input: 'manifest' })]));
  });

  it('writes sarif-file into folders it creates', async () => {
    const run = await runAction({ 'fail-on': 'none', annotations: 'none', summary: 'false', 'sarif-file': 'reports/code-scanning/sts-audit.sarif' }, pushEvent);
    expect(run.code).toBe(0);
    expect(run.outputs['sarif-file']).toBe('reports/code-scanning/sts-audit.sarif');
    expect(assertValidSarif(readFileSync(path.join(run.workspace, 'reports/code-scanning/sts-audit.sarif'), 'utf8')).runs[0]!.results).toHaveLength(21);
  });

  it('fails, exit code 2, when paths name nothing inside the workspace', async () => {
    const run = await runAction({ paths: '../' }, pushEvent);
    expect(run.code).not.toBe(0);
    expect(run.outputs['exit-code']).toBe('2');
    expect(run.stdout).toContain(`::error::sts-audit: nothing to scan in ../: outside the scan root (the scan root is ${run.workspace})`);
    expect(run.stdout).not.toMatch(/\n\s+at /);
  });

  it('refuses a cluster-version EKS never had, naming the YAML-number trap', async () => {
    const run = await runAction({ 'cluster-version': '1.3' }, pushEvent);
    expect(run.outputs['exit-code']).toBe('2');
    expect(run.stdout).toContain('::error::sts-audit: input cluster-version: EKS has no Kubernetes 1.3, its oldest is 1.10; did you mean 1.30? In YAML an unquoted 1.30 is the number 1.3: quote it, "1.30"');
  });

  it('refuses bad inputs with a clear message and exit code 2', async () => {
    const run = await runAction({ 'fail-on': 'sometimes' }, pushEvent);
    expect(run.code).not.toBe(0);
    expect(run.outputs['exit-code']).toBe('2');
    expect(run.stdout).toContain('::error::sts-audit: input fail-on must be one of error, warning, note, none, not \'sometimes\'');
    expect(run.stdout).not.toMatch(/\n\s+at /);
  });

  it('keeps text from scanned files from acting as a workflow command', async () => {
    const hostile = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: "x\\n::add-mask::pwned\\n::error::injected"\n  annotations:\n    eks.amazonaws.com/sts-regional-endpoints: "yes"\n';
    const run = await runAction({ paths: 'hostile.yaml' }, pushEvent, { files: { 'hostile.yaml': hostile } });
    const annotations = annotationLines(run.stdout);
    // STS004 for the value and STS005 for the missing role, each naming the object on one escaped line.
    expect(annotations).toHaveLength(2);
    for (const annotation of annotations) expect(annotation).toContain('x%0A::add-mask::pwned%0A::error::injected');
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::add-mask::') || line.startsWith('::error::injected'))).toEqual([]);
  });
});

/**
 * A checkout of the Action as a workflow's `uses:` gets it: the committed files it runs from, and
 * no node_modules, so that a bundle needing one fails here rather than on GitHub.
 */
function actionCheckout(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'sts-audit-checkout-'));
  for (const item of ['action.yml', 'package.json', 'dist/action.mjs', 'dist/action-cluster.mjs', 'dist/validators', 'rules', 'data', 'schemas']) {
    cpSync(path.join(repoRoot, item), path.join(folder, item), { recursive: true });
  }
  return folder;
}

/** A cluster with a ServiceAccount that sets the regional annotation to a value EKS ignores, and two ConfigMaps naming the global endpoint. */
const liveCluster: ClusterState = {
  objects: {
    serviceaccounts: [{ metadata: { name: 'api', namespace: 'team', annotations: { 'eks.amazonaws.com/sts-regional-endpoints': 'yes' } } }],
    configmaps: [
      { metadata: { name: 'settings', namespace: 'team' }, data: { STS_URL: 'https://sts.amazonaws.com' } },
      { metadata: { name: 'settings', namespace: 'ops' }, data: { STS_URL: 'https://sts.amazonaws.com' } },
    ],
    nodes: [{ metadata: { name: 'ip-10-0-1-1.us-west-2.compute.internal', labels: { 'topology.kubernetes.io/region': 'us-west-2' } } }],
  },
};

describe('the GitHub Action auditing live clusters (command: cluster)', () => {
  let api: KubeApi & { ca: string };
  let checkout: string;
  beforeAll(async () => {
    api = await startKubeApi(liveCluster, 'prod');
    checkout = actionCheckout();
  });
  afterAll(() => api.stop());

  it('takes the kubeconfig from a secret into a file only it can read, writes SARIF, the summary and the outputs, and removes the file', async () => {
    // The kubeconfig's exec credential plugin runs while the Action holds the file: it records what it sees.
    const folder = mkdtempSync(path.join(tmpdir(), 'sts-audit-secret-'));
    const plugin = path.join(folder, 'get-token.mjs');
    const seen = path.join(folder, 'seen.txt');
    writeFileSync(
      plugin,
      [
        "import { appendFileSync, readdirSync, statSync } from 'node:fs';",
        'const temp = process.env.RUNNER_TEMP;',
        'const mode = (file) => (statSync(file).mode & 0o777).toString(8);',
        "for (const name of readdirSync(temp)) appendFileSync(process.argv[2], `${name.replace(/-\\w+$/, '-*')} ${mode(`${temp}/${name}`)} ${readdirSync(`${temp}/${name}`).join(',')} ${mode(`${temp}/${name}/kubeconfig`)}\\n`);",
        `process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: { token: ${JSON.stringify(api.token)} } }));`,
      ].join('\n'),
    );
    const kubeconfig = readFileSync(writeKubeconfig(folder, [{ name: 'prod', api, ca: api.ca, exec: { command: process.execPath, args: [plugin, seen] } }]), 'utf8');
    const runnerTemp = mkdtempSync(path.join(tmpdir(), 'sts-audit-runner-temp-'));
    const run = await runAction(
      { command: 'cluster', kubeconfig, 'sarif-file': 'clusters.sarif', category: 'clusters', 'dump-objects': 'objects' },
      { name: 'schedule', payload: { schedule: '17 2 * * *' } },
      { example: false, env: { RUNNER_TEMP: runnerTemp }, actionFolder: checkout },
    );
    expect(run.stdout).not.toMatch(/\n\s+at /);
    expect(run.code).toBe(1);
    expect(run.outputs).toEqual({ 'sarif-file': 'clusters.sarif', 'findings-count': '4', 'new-findings-count': '4', 'exit-code': '1' });
    expect(run.stdout).toContain('::error::sts-audit: findings at or above warning');
    // Live objects have no line to annotate: none by default.
    expect(annotationLines(run.stdout)).toEqual([]);

    const sarif = assertValidSarif(readFileSync(path.join(run.workspace, 'clusters.sarif'), 'utf8'));
    expect(sarif.runs[0]!.automationDetails).toEqual({ id: 'clusters/' });
    expect(sarif.runs[0]!.results!.map((result) => `${result.ruleId} ${result.locations![0]!.physicalLocation!.artifactLocation!.uri}`)).toEqual([
      'STS007 k8s/prod/ops/ConfigMap/settings.yaml',
      'STS007 k8s/prod/team/ConfigMap/settings.yaml',
      // Within an object, findings follow the lines of its YAML: the annotations come before the role.
      'STS005 k8s/prod/team/ServiceAccount/api.yaml',
      'STS004 k8s/prod/team/ServiceAccount/api.yaml',
    ]);
    expect(run.summary).toContain('## sts-audit: ❌ 4 findings');
    expect(run.summary).toContain('| 🔴 | [STS004](https://github.com/sts-audit/sts-audit/blob/main/docs/rules.md#sts004) | cluster prod | ServiceAccount team/api |');
    expect(run.summary).toContain('- cluster prod (EKS 1.29, Regional default), from api;');
    expect(load(readFileSync(path.join(run.workspace, 'objects', 'k8s', 'prod', 'team', 'ConfigMap', 'settings.yaml'), 'utf8'))).toMatchObject({ kind: 'ConfigMap', data: { STS_URL: 'https://sts.amazonaws.com' } });

    // While the audit ran: one private folder holding only the kubeconfig, readable by its owner only.
    expect([...new Set(readFileSync(seen, 'utf8').trim().split('\n'))]).toEqual(['sts-audit-* 700 kubeconfig 600']);
    expect(readdirSync(runnerTemp)).toEqual([]);
  });

  it('reads a kubeconfig file outside the workspace, only the contexts and namespaces asked for, and annotates on the run page when asked', async () => {
    const run = await runAction(
      { command: 'cluster', 'kubeconfig-file': api.kubeconfig, context: 'prod', namespace: 'team, elsewhere', annotations: 'all', 'fail-on': 'error' },
      pushEvent,
      { example: false, actionFolder: checkout },
    );
    expect(run.stdout).not.toMatch(/\n\s+at /);
    expect(run.code).toBe(1);
    expect(run.outputs['exit-code']).toBe('1');
    const annotations = annotationLines(run.stdout);
    expect(annotations.map((line) => /^::(\w+) (title=[^:]*)::/.exec(line)!.slice(1).join(' '))).toEqual([
      'error title=STS007 hardcoded-global-endpoint-manifest in cluster prod',
      'error title=STS004 sa-annotation-invalid-value in cluster prod',
      'notice title=STS005 sa-annotation-without-role in cluster prod',
    ]);
    expect(annotations[1]).toContain('ServiceAccount team/api');
    expect(annotations.every((line) => !line.includes('file='))).toBe(true);
  });

  it('fails with a clear message, exit code 2 and no trace of the kubeconfig when the secret is not a kubeconfig', async () => {
    const runnerTemp = mkdtempSync(path.join(tmpdir(), 'sts-audit-runner-temp-'));
    const run = await runAction(
      { command: 'cluster', kubeconfig: 'apiVersion: v1\nusers:\n- name: prod\n  user:\n    token: secret-token-1234: oops\n' },
      pushEvent,
      { example: false, env: { RUNNER_TEMP: runnerTemp }, actionFolder: checkout },
    );
    expect(run.code).toBe(1);
    expect(run.outputs['exit-code']).toBe('2');
    expect(run.stdout).toMatch(/^::error::sts-audit: cannot read the kubeconfig input: bad indentation of a mapping entry \(5:29\)$/m);
    expect(run.stdout).not.toContain('secret-token-1234');
    expect(run.stdout).not.toMatch(/\n\s+at /);
    expect(readdirSync(runnerTemp)).toEqual([]);
  });

  it.each([
    ['a kubeconfig that names no cluster', { command: 'cluster', kubeconfig: 'apiVersion: v1\nkind: Config\n' }, 'the kubeconfig input has no contexts: is it a kubeconfig?'],
    ['a context the kubeconfig lacks', { command: 'cluster', 'kubeconfig-file': '<api>', context: 'staging' }, 'unknown context staging: the kubeconfig has prod'],
    ['a kubeconfig in the workspace', { command: 'cluster', 'kubeconfig-file': 'kubeconfig' }, 'input kubeconfig-file <workspace>/kubeconfig is in the workspace, where the repository can change it'],
    ['both kubeconfig inputs', { command: 'cluster', kubeconfig: 'x', 'kubeconfig-file': '<api>' }, 'give input kubeconfig or kubeconfig-file, not both'],
    ['a kubeconfig without command cluster', { kubeconfig: 'x' }, 'input kubeconfig does not apply to command scan: set command to cluster'],
    ['a cluster version for a cluster audit', { command: 'cluster', 'cluster-version': '1.29' }, 'input cluster-version does not apply to command cluster: a cluster audit reads the version from the API server, and its live objects are written in no file to list'],
    ['an inventory for a cluster audit', { command: 'cluster', inventory: 'true' }, 'input inventory does not apply to command cluster: a cluster audit reads the version from the API server, and its live objects are written in no file to list'],
    ['changed-line annotations for a cluster audit', { command: 'cluster', annotations: 'changed' }, 'input annotations cannot be changed for command cluster'],
    ['an unknown command', { command: 'clusters' }, "input command must be one of scan, cluster, not 'clusters'"],
    ['a request timeout that is not seconds', { command: 'cluster', 'request-timeout': 'soon' }, "input request-timeout must be a number of seconds, not 'soon'"],
  ])('refuses %s with a clear message and exit code 2', async (_, inputs, message) => {
    const resolved = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [name, value === '<api>' ? api.kubeconfig : value]));
    const run = await runAction(resolved, pushEvent, { example: false, files: { kubeconfig: readFileSync(api.kubeconfig, 'utf8') }, actionFolder: checkout });
    expect(run.code).toBe(1);
    expect(run.outputs['exit-code']).toBe('2');
    expect(run.stdout).toContain(`::error::sts-audit: ${message.replace('<workspace>', realpathSync(run.workspace))}`);
    expect(run.stdout).not.toMatch(/\n\s+at /);
  });
});
