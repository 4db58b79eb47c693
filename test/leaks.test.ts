// No credential ends up in a report, a log line, an error message or a dumped object, and no
// absolute path of the machine ends up in SARIF. Each test plants recognisable fake credentials
// and searches every output for them.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCredentialName, maskCredentials } from '../src/model/credentials.js';
import { makeTree, runCli } from './helpers.js';
import { startKubeApi, writeKubeconfig, type KubeApi } from './support/kube-api.js';
import type { Report } from '../src/engine/report.js';

const secretKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARY1KEY';
const sessionToken = 'IQoJb3JpZ2luX2VjECANARY2TOKEN';
const password = 'hunter2-CANARY3';
const accessKeyId = 'AKIACANARY4EXAMPLE00';
const canaries = [secretKey, sessionToken, password, accessKeyId, 'CANARY'];

/** Every file under a folder, as text. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
}

function expectNoCanary(outputs: string[]): void {
  for (const output of outputs) for (const canary of canaries) expect(output).not.toContain(canary);
}

describe('masking credentials', () => {
  it.each([
    ['AWS_SECRET_ACCESS_KEY', true],
    ['AWS_SESSION_TOKEN', true],
    ['db_password', true],
    ['apiKey', true],
    ['AWS_WEB_IDENTITY_TOKEN_FILE', false],
    ['AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE', false],
    ['AWS_STS_REGIONAL_ENDPOINTS', false],
    ['AWS_ROLE_ARN', false],
  ])('takes %s for a credential: %s', (name, expected) => {
    expect(isCredentialName(name)).toBe(expected);
  });

  it.each([
    [`AWS_SECRET_ACCESS_KEY=${secretKey}`, `AWS_SECRET_ACCESS_KEY=${'*'.repeat(secretKey.length)}`],
    [`{"name":"AWS_SESSION_TOKEN","value":"${sessionToken}"}`, `{"name":"AWS_SESSION_TOKEN","value":"${'*'.repeat(sessionToken.length)}"}`],
    [`- {name: DB_PASSWORD, value: ${password}}`, `- {name: DB_PASSWORD, value: ${'*'.repeat(password.length)}}`],
    [`args: ["--token=${password}"]`, `args: ["--token=${'*'.repeat(password.length)}"]`],
    [`key = "${accessKeyId}"`, `key = "${'*'.repeat(accessKeyId.length)}"`],
    // Endpoints, paths and audiences stay: they may be what a finding points at.
    ['token_url = "https://sts.amazonaws.com"', 'token_url = "https://sts.amazonaws.com"'],
    ['AWS_WEB_IDENTITY_TOKEN_FILE=/var/run/secrets/eks.amazonaws.com/serviceaccount/token', 'AWS_WEB_IDENTITY_TOKEN_FILE=/var/run/secrets/eks.amazonaws.com/serviceaccount/token'],
  ])('masks %s keeping its length', (line, masked) => {
    expect(maskCredentials(line)).toBe(masked);
    expect(maskCredentials(line)).toHaveLength(line.length);
  });
});

describe('reports of files', () => {
  // One-line manifests and code put a credential on the very line of a finding.
  const tree = () =>
    makeTree({
      'deploy/api.json': `{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"api","namespace":"team"},"spec":{"template":{"spec":{"containers":[{"name":"app","image":"app:1","env":[{"name":"AWS_SECRET_ACCESS_KEY","value":"${secretKey}"},{"name":"AWS_ENDPOINT_URL_STS","value":"https://sts.amazonaws.com"},{"name":"AWS_SESSION_TOKEN","value":"${sessionToken}"}]}]}}}}\n`,
      'app/aws.py': `import boto3\nsts = boto3.client("sts", endpoint_url="https://sts.amazonaws.com", aws_access_key_id="${accessKeyId}", aws_secret_access_key="${secretKey}")\n`,
      '.env': `DB_PASSWORD=${password} STS_ENDPOINT=https://sts.amazonaws.com\n`,
    });

  it.each(['text', 'json', 'sarif', 'markdown'])('keep credentials out of %s, with the findings still exact', (format) => {
    const root = tree();
    const run = runCli(['scan', '.', '--format', format], { cwd: root });
    expect(run.code).toBe(1);
    expectNoCanary([run.stdout, run.stderr]);
    if (format === 'json') {
      const report = JSON.parse(run.stdout) as Report;
      const where = report.findings.map((finding) => `${finding.ruleId} ${finding.location!.path}:${finding.location!.startLine}:${finding.location!.startColumn}`);
      expect(where).toEqual(['STS008 .env:1:50', 'STS008 app/aws.py:2:49', 'STS007 deploy/api.json:1:301']);
      // The masked snippet still shows the endpoint's host where the column says.
      for (const finding of report.findings) {
        const { snippet, startColumn, snippetColumn } = finding.location!;
        expect(snippet.slice(startColumn - (snippetColumn ?? 1)), finding.ruleId).toMatch(/^sts\.amazonaws\.com/);
      }
      // The credentials were on those lines, and are masked there.
      expect(report.findings.map((finding) => finding.location!.snippet.includes('*'.repeat(15)))).toEqual([true, true, true]);
    }
  });

  it('names no absolute path of the machine in SARIF, wherever the targets are given from', () => {
    const root = tree();
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'sts-audit-cwd-'));
    for (const [cwd, target] of [
      [root, root],
      [root, '.'],
      [elsewhere, path.join(root, 'app')],
    ] as const) {
      const run = runCli(['scan', target, '--format', 'sarif'], { cwd });
      expect(run.code, run.stderr).toBe(1);
      expect(run.stdout).not.toContain(root);
      expect(run.stdout).not.toContain(tmpdir());
      expect(run.stdout).not.toMatch(/file:\/\//);
    }
  });
});

describe('audits of live clusters', () => {
  let api: KubeApi & { ca: string };
  beforeAll(async () => {
    api = await startKubeApi({
      objects: {
        serviceaccounts: [{ metadata: { name: 'api', namespace: 'team', annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/api', 'eks.amazonaws.com/sts-regional-endpoints': 'true' } } }],
        configmaps: [{ metadata: { name: 'settings', namespace: 'team' }, data: { STS_URL: 'https://sts.amazonaws.com', DB_PASSWORD: password, 'app.ini': `[db]\npassword = ${password}\nendpoint = https://sts.amazonaws.com\n` } }],
        pods: [
          {
            metadata: { name: 'api-1', namespace: 'team', uid: 'pod-api-1' },
            spec: {
              serviceAccountName: 'api',
              containers: [
                {
                  name: 'app',
                  image: 'app:1',
                  args: [`--token=${password}`, '--sts-endpoint=https://sts.amazonaws.com'],
                  env: [
                    { name: 'AWS_ROLE_ARN', value: 'arn:aws:iam::111122223333:role/api' },
                    { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token' },
                    { name: 'AWS_SECRET_ACCESS_KEY', value: secretKey },
                    { name: 'AWS_SESSION_TOKEN', value: sessionToken },
                    { name: 'AWS_ENDPOINT_URL_STS', value: 'https://sts.amazonaws.com' },
                  ],
                },
              ],
            },
            status: { phase: 'Running' },
          },
        ],
      },
    });
  });
  afterAll(async () => {
    await api.stop();
  });

  it.each(['text', 'json', 'sarif', 'markdown'])('keep the kubeconfig token and the objects\' credentials out of %s and the dumped objects', (format) => {
    const dump = mkdtempSync(path.join(tmpdir(), 'sts-audit-dump-'));
    const run = runCli(['cluster', '--kubeconfig', api.kubeconfig, '--format', format, '--dump-objects', dump], { cwd: makeTree({}) });
    expect(run.code, run.stderr).toBe(1);
    const dumped = filesUnder(dump);
    expect(dumped.length).toBeGreaterThan(0);
    expectNoCanary([run.stdout, run.stderr, ...dumped]);
    for (const output of [run.stdout, run.stderr, ...dumped]) expect(output).not.toContain(api.token);
    if (format === 'sarif') expect(run.stdout).not.toContain(tmpdir());
  });

  it('keeps refused and plugin credentials out of error messages', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'sts-audit-leak-'));
    const plugin = path.join(folder, 'get-token.mjs');
    // A plugin that fails halfway through printing its credential, and says so on stderr.
    writeFileSync(plugin, `process.stdout.write('{"kind":"ExecCredential","status":{"token":"${sessionToken}"');\nprocess.stderr.write('refresh failed for ${password}\\n');\nprocess.exit(1);\n`);
    const runs = [
      runCli(['cluster', '--kubeconfig', writeKubeconfig(folder, [{ name: 'prod', api, ca: api.ca, token: `${accessKeyId}-wrong` }])], { cwd: folder }),
      runCli(['cluster', '--kubeconfig', writeKubeconfig(folder, [{ name: 'prod', api, ca: api.ca, exec: { command: process.execPath, args: [plugin] } }])], { cwd: folder }),
    ];
    expect(runs.map((run) => run.code)).toEqual([2, 2]);
    expect(runs[0]!.stderr).toMatch(/authentication refused \(401\)/);
    expect(runs[1]!.stderr).toMatch(/the kubeconfig's exec credential plugin \(.+\) failed or gave no credential; run it yourself to see why/);
    expectNoCanary(runs.flatMap((run) => [run.stdout, run.stderr]));
  });
});
