import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertValidSarif, repoRoot } from './helpers.js';

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

/** Runs the committed bundle as a runner would: inputs, event and files through the environment. */
async function runAction(inputs: Record<string, string>, event: { name: string; payload: object }, extraFiles: Record<string, string> = {}): Promise<ActionRun> {
  const workspace = mkdtempSync(path.join(tmpdir(), 'sts-audit-action-'));
  cpSync(path.join(repoRoot, 'fixtures', 'example-repo'), workspace, { recursive: true });
  for (const [file, text] of Object.entries(extraFiles)) writeFileSync(path.join(workspace, file), text);
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
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawn(process.execPath, [actionBundle], { cwd: runner, env });
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
  it('is committed up to date: building the bundle again gives the same file', () => {
    const fresh = path.join(mkdtempSync(path.join(tmpdir(), 'sts-audit-bundle-')), 'action.mjs');
    const build = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'bundle.mjs'), 'action', fresh], { cwd: repoRoot, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    // Run `npm run build:action` and commit dist/action.mjs when this fails.
    expect(readFileSync(fresh, 'utf8') === readFileSync(actionBundle, 'utf8')).toBe(true);
  });

  it('on a push: annotates every finding (ten per level at most), writes SARIF, the summary and the outputs, and fails', async () => {
    const run = await runAction({ category: 'example' }, pushEvent);
    expect(run.code).toBe(1);
    const annotations = annotationLines(run.stdout);
    expect(annotations.filter((line) => line.startsWith('::error '))).toHaveLength(7);
    expect(annotations.filter((line) => line.startsWith('::warning '))).toHaveLength(4);
    expect(annotations.filter((line) => line.startsWith('::notice '))).toHaveLength(10);
    expect(annotations).toContain(
      annotations.find((line) => line.startsWith('::error title=STS004 sa-annotation-invalid-value,file=clusters/prod-us/payments-worker.yaml,line=8,endLine=8,col=47,endColumn=52::')),
    );
    expect(run.outputs).toEqual({ 'sarif-file': 'sts-audit.sarif', 'findings-count': '23', 'new-findings-count': '23', 'exit-code': '1' });
    const sarif = assertValidSarif(readFileSync(path.join(run.workspace, 'sts-audit.sarif'), 'utf8'));
    expect(sarif.runs[0]!.automationDetails).toEqual({ id: 'example/' });
    expect(sarif.runs[0]!.results).toHaveLength(23);
    expect(run.summary).toContain('## sts-audit: ❌ 23 findings');
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
    expect(run.summary).toContain('21 findings are on lines this pull request did not change');
    expect(run.outputs['exit-code']).toBe('1');
    expect(run.code).toBe(1);
  });

  it('passes with fail-on none, and still writes the full SARIF', async () => {
    const run = await runAction({ 'fail-on': 'none', annotations: 'none', summary: 'false', 'sarif-file': 'report.sarif' }, pushEvent);
    expect(run.code).toBe(0);
    expect(annotationLines(run.stdout)).toEqual([]);
    expect(run.summary).toBe('');
    expect(run.outputs['exit-code']).toBe('0');
    expect(assertValidSarif(readFileSync(path.join(run.workspace, 'report.sarif'), 'utf8')).runs[0]!.results).toHaveLength(23);
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
    const run = await runAction({ paths: 'hostile.yaml' }, pushEvent, { 'hostile.yaml': hostile });
    const annotations = annotationLines(run.stdout);
    // STS004 for the value and STS005 for the missing role, each naming the object on one escaped line.
    expect(annotations).toHaveLength(2);
    for (const annotation of annotations) expect(annotation).toContain('x%0A::add-mask::pwned%0A::error::injected');
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::add-mask::') || line.startsWith('::error::injected'))).toEqual([]);
  });
});
