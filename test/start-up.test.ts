import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { cliPath, makeTree, repoRoot, yaml } from './helpers.js';

/** The Node.js modules a run of the command line loaded, as `process.moduleLoadList` names them. */
function modulesLoaded(args: string[], cwd: string, env: Record<string, string> = {}): string[] {
  const list = path.join(cwd, 'modules.json');
  const hook = path.join(cwd, 'hook.mjs');
  // The hook takes node:fs as the bundle does: an import of its own would load what it looks for.
  writeFileSync(hook, `process.on('exit', () => process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(process.moduleLoadList)));\n`);
  const run = spawnSync(process.execPath, ['--import', hook, cliPath, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(spawnSync(process.execPath, ['-e', `process.stdout.write(require('fs').readFileSync(${JSON.stringify(list)}, 'utf8'))`], { encoding: 'utf8' }).stdout) as string[];
}

// A start pays for every Node.js module it loads. An ES import of a built-in has Node.js read
// all its exports, which loads what their getters stand for (the file streams, the text
// decoders, util's diff), and commander imports node:child_process: the bundle takes built-ins
// by name, child processes and worker threads load at their first use.
describe('the start of the command line', () => {
  it('loads no built-in module that a scan of a few manifests does not use', () => {
    const root = makeTree({ 'sa.yaml': yaml('apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: app') });
    const loaded = modulesLoaded(['scan', '.', '--format', 'json', '--output', 'report.json'], root);
    expect(loaded).toContain('NativeModule fs');
    for (const module of ['child_process', 'worker_threads', 'internal/fs/streams', 'internal/util/diff', 'internal/worker']) {
      expect(loaded).not.toContain(`NativeModule ${module}`);
    }
  });

  it('looks at the young generation once a scan has done enough, without loading the performance modules', () => {
    // 300 files of one object each: 600 checkpoints, past the 512 before the first look.
    const root = makeTree(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`sa${i}.yaml`, yaml('apiVersion: v1', 'kind: ServiceAccount', 'metadata:', `  name: app${i}`)])));
    const loaded = modulesLoaded(['scan', '.', '--format', 'json', '--output', 'report.json'], root);
    // The look itself: node:v8's heap statistics.
    expect(loaded).toContain('NativeModule v8');
    expect(loaded).not.toContain('NativeModule perf_hooks');
    // A scan of a hundred manifests never looks.
    const small = makeTree(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`sa${i}.yaml`, yaml('apiVersion: v1', 'kind: ServiceAccount', 'metadata:', `  name: app${i}`)])));
    expect(modulesLoaded(['scan', '.', '--format', 'json', '--output', 'report.json'], small)).not.toContain('NativeModule v8');
  });

  it('loads no worker threads for a scan with enough source files to screen ahead, where no thread is to start', () => {
    const root = makeTree(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`src/f${i}.ts`, `export const x${i} = ${i};\n`])));
    // Screening ahead from the first file found, with no thread to start (as on one or two cores).
    const loaded = modulesLoaded(['scan', '.', '--format', 'json', '--output', 'report.json'], root, { STS_AUDIT_CODE_MIN_FILES: '1', STS_AUDIT_CODE_THREADS: '0' });
    expect(loaded).not.toContain('NativeModule worker_threads');
    // The 20 and the hook that lists the modules, written beside them.
    expect(JSON.parse(readFileSync(path.join(root, 'report.json'), 'utf8')).inputs.files).toBe(21);
  });

  it('writes a report into the file stdout is, whole, as it writes one to a pipe, and makes no stream for it', () => {
    const files = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`c${i}.yaml`, yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: c${i}`, 'data:', '  url: https://sts.amazonaws.com/')]));
    const root = makeTree(files);
    // Beside the tree, not in it: the second run would scan them.
    const beside = makeTree({});
    const list = path.join(beside, 'modules.json');
    const hook = path.join(beside, 'hook.mjs');
    writeFileSync(hook, `process.on('exit', () => process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(process.moduleLoadList)));\n`);
    // A text report asks whether stdout is a terminal, which makes its stream: it is written the same way.
    for (const format of ['json', 'sarif', 'text']) {
      const file = path.join(beside, `report.${format}`);
      const out = openSync(file, 'w');
      const run = spawnSync(process.execPath, ['--import', hook, cliPath, 'scan', '.', '--format', format], { cwd: root, stdio: ['ignore', out, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      closeSync(out);
      expect(run.status, run.stderr).toBe(1);
      const piped = spawnSync(process.execPath, [cliPath, 'scan', '.', '--format', format], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(readFileSync(file, 'utf8')).toBe(piped.stdout);
      expect(piped.stdout.length).toBeGreaterThan(64 * 1024);
      const loaded = JSON.parse(readFileSync(list, 'utf8')) as string[];
      if (format !== 'text') expect(loaded, format).not.toContain('NativeModule internal/fs/sync_write_stream');
    }
  });

  // V8 keeps a source with one character outside ASCII as two bytes a character, and Node.js
  // encodes all of it again as UTF-8 to check its compile cache: one `…` in a kept comment cost a
  // start about a million instructions for each 100 KB chunk.
  it('loads only ASCII sources for a scan of manifests, Helm charts and Terraform', () => {
    const root = makeTree({
      'sa.yaml': yaml('apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: app'),
      'chart/Chart.yaml': yaml('apiVersion: v2', 'name: app', 'version: 1.0.0'),
      'chart/values.yaml': yaml('serviceAccount:', '  annotations:', '    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/app'),
      'chart/templates/sa.yaml': yaml('apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: {{ .Release.Name }}', '  annotations: {{ toYaml .Values.serviceAccount.annotations | nindent 4 }}'),
      'main.tf': 'resource "kubernetes_service_account" "app" {\n  metadata {\n    name = "app"\n  }\n}\n',
    });
    const list = path.join(root, 'sources.json');
    const hook = path.join(root, 'sources.mjs');
    writeFileSync(
      hook,
      `import { registerHooks } from 'node:module';\nconst loaded = [];\nregisterHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });\nprocess.on('exit', () => process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(loaded)));\n`,
    );
    const run = spawnSync(process.execPath, ['--import', hook, cliPath, 'scan', '.', '--format', 'json', '--output', 'report.json'], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(root, 'report.json'), 'utf8')).inputs.unanalysed ?? []).not.toContainEqual(expect.objectContaining({ kind: 'terraform' }));
    // The modules Node.js loaded, and the command line's script, which the entry compiles itself.
    const modules = (JSON.parse(readFileSync(list, 'utf8')) as string[]).filter((url) => url.startsWith('file:') && !url.endsWith('sources.mjs')).map((url) => fileURLToPath(url));
    const sources = [...modules, path.join(repoRoot, 'dist', 'sts-audit-main.cjs')];
    expect(modules).toContain(cliPath);
    for (const file of sources) expect(readFileSync(file, 'utf8').match(/[^\x00-\x7f].{0,60}/)?.[0], file).toBeUndefined();
  });
});

// The command line's script is compiled with the V8 code cache that its first run left, which
// holds every function that run compiled (Node.js's own compile cache holds a module's top level).
describe("the command line's code cache", () => {
  const run = (cacheDirectory: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [cliPath, 'scan', '.', '--format', 'json', '--no-error-on-unmatched-pattern'], {
      cwd: makeTree({ 'sa.yaml': yaml('apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: app') }),
      encoding: 'utf8',
      env: { ...process.env, NODE_COMPILE_CACHE: cacheDirectory, ...env },
    });
  /** A compile cache folder of the test's own. */
  const cacheFolder = (): string => {
    const folder = mkdtempSync(path.join(tmpdir(), 'sts-audit-code-cache-'));
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
    return folder;
  };
  /** The cache files under a compile cache folder (Node.js keeps its own in a folder per version). */
  const caches = (folder: string): string[] =>
    readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((name) => /sts-audit-main\.cjs-[0-9a-f]{16}-v[\d.]+-\w+\.cache$/.test(name))
      .map((name) => path.join(folder, name));

  it('is written by the first run, read by the next, and made again when V8 refuses it', () => {
    const folder = cacheFolder();
    const first = run(folder);
    expect(first.status, first.stderr).toBe(0);
    const [cache, ...more] = caches(folder);
    expect(more).toEqual([]);
    expect(statSync(cache!).mode & 0o777).toBe(0o600);
    expect(statSync(cache!).size).toBeGreaterThan(10_000);
    const written = readFileSync(cache!);

    // Taken as it is: the second run gives the same report and leaves the cache alone.
    const second = run(folder);
    expect(second.stdout).toBe(first.stdout);
    expect(readFileSync(cache!)).toEqual(written);

    // A cache V8 refuses (a damaged one, one made under other flags) costs the compile, nothing else.
    writeFileSync(cache!, Buffer.alloc(4096, 7));
    const third = run(folder);
    expect(third.stderr).toBe(first.stderr);
    expect(third.stdout).toBe(first.stdout);
    expect(readFileSync(cache!).length).toBeGreaterThan(10_000);
    // No part of a file written is left under a name of its own.
    expect(readdirSync(path.dirname(cache!)).filter((name) => name.startsWith(path.basename(cache!)) && /\.\d+$/.test(name))).toEqual([]);
  });

  it('is made again, once, by a run that does work the runs behind it did not', () => {
    const folder = cacheFolder();
    const scan = (cwd: string, format: string) => spawnSync(process.execPath, [cliPath, 'scan', '.', '--format', format, '--no-error-on-unmatched-pattern'], { cwd, encoding: 'utf8', env: { ...process.env, NODE_COMPILE_CACHE: folder } });
    const empty = makeTree({ 'notes.md': 'nothing to scan\n' });
    const manifests = makeTree({ 'sa.yaml': yaml('apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: app') });
    const workOf = (cache: string) => Number(readFileSync(`${cache}.work`, 'latin1'));
    // An empty folder: no file read, a JSON report (bit 4 of the work).
    expect(scan(empty, 'json').status).toBe(0);
    const [cache] = caches(folder);
    expect(workOf(cache!)).toBe(1 << 4);
    const small = readFileSync(cache!);
    // Files read and manifests parsed: made again, holding the scan's code too.
    expect(scan(manifests, 'json').status).toBe(0);
    const grown = readFileSync(cache!);
    expect(grown.length).toBeGreaterThan(small.length);
    expect(workOf(cache!)).toBe((1 << 4) | 0b11);
    // The same work again, and less: left alone.
    expect(scan(manifests, 'json').status).toBe(0);
    expect(scan(empty, 'json').status).toBe(0);
    expect(readFileSync(cache!)).toEqual(grown);
    // Another format is other code.
    expect(scan(manifests, 'sarif').status).toBe(0);
    expect(workOf(cache!)).toBe((1 << 4) | (1 << 5) | 0b11);
    expect(readdirSync(path.dirname(cache!)).filter((name) => /\.\d+$/.test(name))).toEqual([]);
  });

  // V8 refuses code cached under flags other than those a process starts with; the command line's
  // script sets back what it changed (the young generation's growth) in its `beforeCodeCache`.
  it('is refused when its run changed V8\'s flags, and taken when the script set them back first', () => {
    const folder = cacheFolder();
    const grow = (factor: number) => `require('node:v8').setFlagsFromString('--semi-space-growth-factor=${factor}');`;
    writeFileSync(path.join(folder, 'changes.cjs'), `${grow(1)}\nexports.value = 1;\n`);
    writeFileSync(path.join(folder, 'restores.cjs'), `${grow(1)}\nexports.value = 1;\nexports.beforeCodeCache = () => { ${grow(2)} };\n`);
    const use = (script: string): string => {
      const source = `import { runCached } from ${JSON.stringify(path.join(repoRoot, 'src', 'cli', 'code-cache.ts'))};\nconst { exports, cache } = runCached(${JSON.stringify(path.join(folder, script))}, 'test');\nconsole.log(cache, exports.value);`;
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', source], { encoding: 'utf8', env: { ...process.env, NODE_COMPILE_CACHE: path.join(folder, 'cache') } });
      expect(run.stderr).toBe('');
      return run.stdout.trim();
    };
    expect([use('changes.cjs'), use('changes.cjs'), use('changes.cjs')]).toEqual(['absent 1', 'rejected 1', 'rejected 1']);
    expect([use('restores.cjs'), use('restores.cjs')]).toEqual(['absent 1', 'accepted 1']);
    expect(readFileSync(path.join(repoRoot, 'dist', 'sts-audit-main.cjs'), 'utf8')).toMatch(/function beforeCodeCache\(\) \{\n  restoreYoungGenerationFlags\(\);/);
  });

  it('is neither read nor written when the compile cache is off', () => {
    const folder = cacheFolder();
    const off = run(folder, { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(off.status, off.stderr).toBe(0);
    expect(caches(folder)).toEqual([]);
  });
});

describe('the end of the command line', () => {
  it('ends once its output is written, all of it, though the reader of its pipe is slow to read', async () => {
    // A SARIF log of the fixtures is over 200 KB: several times what a pipe holds.
    const child = spawn(process.execPath, [cliPath, 'scan', 'fixtures', '--format', 'sarif'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.pause();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stdout.resume();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.length).toBeGreaterThan(200_000);
    const log = JSON.parse(text) as { runs: Array<{ results: unknown[] }> };
    expect(log.runs[0]!.results.length).toBeGreaterThan(0);
    expect(code).toBe(1);
  });
});
