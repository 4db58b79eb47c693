import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverScript = fileURLToPath(new URL('./kube-api-server.mjs', import.meta.url));

/** What the stand-in API server serves. */
export interface ClusterState {
  /** A CA (PEM file) whose client certificates authenticate, besides the bearer token. */
  clientCa?: string;
  version?: { gitVersion: string; major?: string; minor?: string };
  objects: Record<string, object[]>;
  faults?: {
    forbidden?: string[];
    failOnce?: string[];
    tooManyOnce?: string[];
    expireContinueOnce?: string[];
    dropOnce?: string[];
    slow?: Record<string, number>;
    failAlways?: string[];
    tooManyAlways?: string[];
    cutOnce?: string[];
    invalidJson?: string[];
    expireContinueAlways?: string[];
  };
}

/** A running stand-in API server and a kubeconfig that reaches it. */
export interface KubeApi {
  url: string;
  token: string;
  kubeconfig: string;
  stop(): Promise<void>;
}

/**
 * A self-signed certificate made for this test run (none is kept in the repository): the server's
 * for 127.0.0.1, or a client's.
 */
export function certificate(folder: string, role: 'server' | 'client' = 'server'): { cert: string; key: string } {
  const cert = path.join(folder, `${role}.crt`);
  const key = path.join(folder, `${role}.key`);
  const identity = role === 'server' ? ['-subj', '/CN=sts-audit-test-api', '-addext', 'subjectAltName=IP:127.0.0.1'] : ['-subj', '/CN=sts-audit-auditor', '-addext', 'extendedKeyUsage=clientAuth'];
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', ...identity], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`openssl could not make a test certificate: ${made.stderr}`);
  return { cert, key };
}

/** Kubeconfig contexts for one or more servers (one context each, named as given). */
export function writeKubeconfig(
  folder: string,
  servers: ReadonlyArray<{ name: string; api: Pick<KubeApi, 'url' | 'token'>; ca: string; token?: string; exec?: { command: string; args: string[] }; client?: { cert: string; key: string } }>,
): string {
  const file = path.join(folder, `kubeconfig-${servers.map((server) => server.name).join('-')}`);
  const yaml = [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    ...servers.flatMap(({ name, api, ca }) => [`- name: ${name}`, '  cluster:', `    server: ${api.url}`, `    certificate-authority: ${ca}`]),
    'users:',
    ...servers.flatMap(({ name, api, token, exec, client }) =>
      client
        ? [`- name: ${name}`, '  user:', `    client-certificate: ${client.cert}`, `    client-key: ${client.key}`]
        : exec
        ? [`- name: ${name}`, '  user:', '    exec:', '      apiVersion: client.authentication.k8s.io/v1beta1', `      command: ${JSON.stringify(exec.command)}`, `      args: ${JSON.stringify(exec.args)}`, '      interactiveMode: Never']
        : [`- name: ${name}`, '  user:', `    token: ${token ?? api.token}`],
    ),
    'contexts:',
    ...servers.flatMap(({ name }) => [`- name: ${name}`, '  context:', `    cluster: ${name}`, `    user: ${name}`]),
    `current-context: ${servers[0]?.name ?? ''}`,
  ].join('\n');
  writeFileSync(file, `${yaml}\n`);
  return file;
}

/** Starts the stand-in API server as a process of its own. */
export async function startKubeApi(state: ClusterState, name = 'test'): Promise<KubeApi & { ca: string }> {
  const folder = mkdtempSync(path.join(tmpdir(), 'sts-audit-kube-'));
  const { cert, key } = certificate(folder);
  const token = `test-token-${Math.random().toString(36).slice(2)}`;
  const stateFile = path.join(folder, 'state.json');
  writeFileSync(stateFile, JSON.stringify({ cert, key, token, version: { major: '1', minor: '29', gitVersion: 'v1.29.8-eks-a737599' }, ...state }));
  const child: ChildProcess = spawn(process.execPath, [serverScript, stateFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`the test API server stopped with ${code}`)));
  });
  const url = `https://127.0.0.1:${port}`;
  const kubeconfig = writeKubeconfig(folder, [{ name, api: { url, token }, ca: cert }]);
  return {
    url,
    token,
    ca: cert,
    kubeconfig,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
