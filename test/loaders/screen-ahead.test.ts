import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFiles, isManifestFile, type InputFile } from '../../src/loaders/discover-files.js';
import { readKind } from '../../src/loaders/file-kinds.js';
import { readFiles } from '../../src/loaders/read-files.js';
import { passedOver } from '../../src/loaders/code-screen.js';
import { ScreenAhead } from '../../src/loaders/screen-ahead.js';
import { makeTree, repoRoot, runCli } from '../helpers.js';

// Worker threads screen source and config files ahead of the main thread once a scan has found
// STS_AUDIT_CODE_MIN_FILES of them. These tests force them on small trees (one thread, from the
// first file) and compare with the main thread alone; and they stand in broken threads for the
// real one, to show that what a thread leaves undone the main thread reads.

const workerScript = path.join(repoRoot, 'dist', 'sts-audit-screen-worker.mjs');
const maxBytes = 4096;

/** Source files of every kind a screen tells apart, among plain ones. */
function codeTree(): string {
  const files: Record<string, string> = {
    'app/endpoint.js': 'const sts = new STSClient({ endpoint: "https://sts.amazonaws.com" });\n',
    'app/global.py': 'client = boto3.client("sts", region_name="aws-global")\n',
    'app/legacy.go': 'os.Setenv("AWS_STS_REGIONAL_ENDPOINTS", "legacy")\n',
    'app/audience.ts': 'const audience = "sts.amazonaws.com"; // the token audience\n',
    'app/package.json': '{ "dependencies": { "aws-sdk": "2.1000.0" } }\n',
    'app/requirements.txt': 'boto3==1.20.0\n',
    'infra/stack.ts': "import * as eks from 'aws-cdk-lib/aws-eks';\ncluster.addServiceAccount('sa', { name: 'sa', namespace: 'apps' });\n",
    'infra/client.ts': 'export class ServiceAccountsApi { list(): ServiceAccount[] { return []; } }\n',
    'infra/large.js': `// ${'x'.repeat(maxBytes)}\n`,
    'test/endpoint.test.js': 'fetch("https://sts.amazonaws.com");\n',
    'deploy/sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n',
  };
  for (let index = 0; index < 300; index++) files[`lib/plain-${String(index).padStart(3, '0')}.js`] = `export const value${index} = ${index};\n`;
  const root = makeTree(files);
  writeFileSync(path.join(root, 'lib', 'binary.js'), Buffer.from([0x63, 0x6f, 0, 0x6e, 0x73, 0x74]));
  writeFileSync(path.join(root, 'app', 'latin1.js'), Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from('\nfetch("https://sts.amazonaws.com");\n')]));
  expect(spawnSync('mkfifo', [path.join(root, 'lib', 'pipe.js')]).status).toBe(0);
  return root;
}

async function discover(root: string, ahead?: ScreenAhead): Promise<InputFile[]> {
  const discovery = await discoverFiles(['.'], {
    root,
    ignorePaths: [],
    ignoreFolder: '.',
    wanted: (file) => readKind(file),
    ...(ahead ? { onFound: (file: InputFile) => ahead.found(file) } : {}),
  });
  return discovery.files;
}

/** What reading the files gives, with what the screening left undone read by the main thread. */
function read(files: InputFile[], ahead?: ScreenAhead) {
  const outcomes = { skipped: [], errors: [] };
  return { files: readFiles(files, maxBytes, outcomes, ahead?.passedOver), ...outcomes };
}

/** Waits (up to 20 s) for a condition a thread brings about. */
async function until(condition: () => boolean): Promise<void> {
  for (const started = Date.now(); !condition(); await new Promise((resolve) => setTimeout(resolve, 20))) {
    if (Date.now() - started > 20_000) throw new Error('timed out');
  }
}

/** A stand-in for the screening thread, in plain JavaScript. */
function script(source: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sts-audit-thread-')), 'thread.mjs');
  writeFileSync(file, `import { parentPort, workerData } from 'node:worker_threads';\nimport { writeFileSync } from 'node:fs';\n${source}\n`);
  return file;
}

describe('screening source files ahead of the main thread', () => {
  it('reads what the main thread alone reads, the threads having screened every file they were given', async () => {
    const root = codeTree();
    const alone = read(await discover(root));
    const ahead = new ScreenAhead({ minFiles: 1, maxBytes, threads: () => ({ file: workerScript, count: 1 }) });
    const files = await discover(root, ahead);
    // Files are posted to the thread 256 at a time while discovery goes on, the rest as it ends.
    const codeFiles = files.filter((file) => !isManifestFile(file.path)).length;
    expect(codeFiles).toBeGreaterThan(256);
    await until(() => ahead.screenedAhead() === 256);
    expect(ahead.finish()).toBeLessThanOrEqual(codeFiles - 256);
    // The last batch is posted as discovery ends, while the main thread screens from the end: a
    // file the thread was screening just then may be left taken, and the main thread reads it.
    expect(ahead.screenedAhead()).toBeGreaterThanOrEqual(codeFiles - 1);
    expect(read(files, ahead)).toEqual(alone);
    // The plain files were passed over without being read again (but for one left taken, as
    // above); the audience holds the endpoint's text.
    const plain = ['infra/client.ts', ...Array.from({ length: 300 }, (_, index) => `lib/plain-${String(index).padStart(3, '0')}.js`)];
    const passed = files.filter(ahead.passedOver).map((file) => file.path);
    // Asked out of the order found, it answers the same.
    expect([...files].reverse().filter(ahead.passedOver).map((file) => file.path)).toEqual([...passed].reverse());
    expect(plain).toEqual(expect.arrayContaining(passed));
    expect(passed.length).toBeGreaterThanOrEqual(plain.length - 1);
    expect(alone.skipped).toEqual([
      { path: 'infra/large.js', reason: `larger than the ${maxBytes}-byte limit (${maxBytes + 4} bytes)` },
      { path: 'lib/binary.js', reason: 'binary file' },
    ]);
    expect(alone.errors).toEqual([{ path: 'app/latin1.js', message: 'not valid UTF-8 text' }]);
  });

  it('passes over nothing it cannot read as a regular file, and never waits on a FIFO', () => {
    const root = codeTree();
    const at = (file: string) => path.join(root, file);
    expect(passedOver('lib/plain-000.js', at('lib/plain-000.js'), maxBytes)).toBe(true);
    for (const file of ['lib/pipe.js', 'lib/missing.js', 'lib', 'lib/binary.js', 'infra/large.js', 'app/endpoint.js', 'app/package.json']) {
      expect(passedOver(file, at(file), maxBytes)).toBe(false);
    }
  });

  it('screens on the main thread what no thread took, when none starts or the one started fails', async () => {
    const root = codeTree();
    const alone = read(await discover(root));
    for (const file of [path.join(root, 'no-such-thread.mjs'), script("throw new Error('broken');")]) {
      const ahead = new ScreenAhead({ minFiles: 1, maxBytes, threads: () => ({ file, count: 1 }) });
      const files = await discover(root, ahead);
      ahead.finish();
      expect(read(files, ahead)).toEqual(alone);
    }
  });

  it('reads on the main thread the files a thread took and never screened, when it stops or hangs', async () => {
    const root = codeTree();
    const alone = read(await discover(root));
    const done = path.join(mkdtempSync(path.join(tmpdir(), 'sts-audit-done-')), 'done');
    // Takes every file it is given, then stops without marking one: as a thread that crashes would.
    const crashing = script(`
      const states = new Uint8Array(workerData.states);
      let taken = 0;
      parentPort.on('message', ({ first, paths }) => {
        const count = paths.split('\\0').length;
        for (let index = first; index < first + count; index++) if (Atomics.compareExchange(states, index, 0, 1) === 0) taken++;
        writeFileSync(${JSON.stringify(done)}, String(taken));
        process.exit(1);
      });`);
    const ahead = new ScreenAhead({ minFiles: 1, maxBytes, threads: () => ({ file: crashing, count: 1 }) });
    const files = await discover(root, ahead);
    await until(() => existsSync(done));
    const taken = Number(readFileSync(done, 'utf8'));
    expect(taken).toBe(256);
    const codeFiles = files.filter((file) => !isManifestFile(file.path));
    // The main thread screens the rest, and reads the files taken as if never screened.
    expect(ahead.finish()).toBe(codeFiles.length - taken);
    expect(ahead.screenedAhead()).toBe(codeFiles.length - taken);
    expect(read(files, ahead)).toEqual(alone);

    // One that never answers: the main thread does not wait for it.
    const hanging = new ScreenAhead({ minFiles: 1, maxBytes, threads: () => ({ file: script('for (;;) {}'), count: 1 }) });
    const started = Date.now();
    const all = await discover(root, hanging);
    hanging.finish();
    expect(read(all, hanging)).toEqual(alone);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('starts no thread below its file count, and then screens nothing twice', async () => {
    const root = codeTree();
    const ahead = new ScreenAhead({ minFiles: 10_000, maxBytes, threads: () => ({ file: script("throw new Error('never started');"), count: 1 }) });
    const files = await discover(root, ahead);
    expect(ahead.finish()).toBe(0);
    expect(files.filter(ahead.passedOver)).toEqual([]);
  });

  it('asks for its threads once, at a thousand files or at its file count if fewer, and with none starts none', () => {
    let found = 0;
    const asked: number[] = [];
    const feed = (ahead: ScreenAhead, count: number) => {
      for (let index = 0; index < count; index++, found++) ahead.found({ path: `src/f${index}.ts`, openPath: `src/f${index}.ts` });
    };
    const none = new ScreenAhead({ minFiles: 10_000, maxBytes, threads: () => (asked.push(found), undefined) });
    feed(none, 20_000);
    // Asked as the thousandth file was found.
    expect(asked).toEqual([999]);
    expect(none.finish()).toBe(0);
    found = 0;
    const few = new ScreenAhead({ minFiles: 10, maxBytes, threads: () => (asked.push(found), { file: script(''), count: 0 }) });
    feed(few, 50);
    expect(asked).toEqual([999, 9]);
    expect(few.finish()).toBe(0);
  });

  it('gives a scan the same reports in every format, screened ahead or not', () => {
    const root = codeTree();
    const run = (environment: Record<string, string>, format: string) => runCli(['scan', '.', '--format', format, '--max-file-size', String(maxBytes)], { cwd: root, env: environment });
    for (const format of ['json', 'sarif', 'text', 'markdown']) {
      const ahead = run({ STS_AUDIT_CODE_THREADS: '1', STS_AUDIT_CODE_MIN_FILES: '1' }, format);
      const alone = run({ STS_AUDIT_CODE_THREADS: '0' }, format);
      expect(ahead.stderr).toBe(alone.stderr);
      expect(ahead.code).toBe(alone.code);
      expect(ahead.stdout).toBe(alone.stdout);
      if (format === 'text') expect(ahead.stdout).toContain('app/latin1.js  not valid UTF-8 text');
    }
  });
});
