import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertValidReport, cliPath, makeTree, yaml } from './helpers.js';
import { roleArn, serviceAccount } from './rules/fixtures.js';
import type { Report } from '../src/engine/report.js';

/**
 * Hostile and broken input, generated here in a temporary folder. Each case sits beside a normal
 * ServiceAccount with a known finding; the scan must end within its bound, keep that finding
 * exactly, and account for the hostile file: scanned, skipped with a reason, or an error that makes
 * the scan incomplete (exit 3 when no finding fails the run, never 0).
 */

/** The normal file: STS001 at 8:47, its annotation's value. */
const normal = { 'sa.yaml': serviceAccount([roleArn, 'eks.amazonaws.com/sts-regional-endpoints: "false"']) };
const normalFinding = 'STS001 sa.yaml:8:47';

/** Ten levels, each an alias of the previous level ten times: 10^9 nodes if expanded. */
function aliasBomb(indent: string, levels = 10, fan = 10): string[] {
  const lines = [`${indent}l0: &l0 ["lol"]`];
  for (let level = 1; level < levels; level++) lines.push(`${indent}l${level}: &l${level} [${Array(fan).fill(`*l${level - 1}`).join(', ')}]`);
  return lines;
}

interface Run {
  code: number | null;
  report: Report;
  stderr: string;
  ms: number;
}

/** Runs the built command line with a timeout (a hang fails the test, not the suite) and measures it. */
function scan(cwd: string, args: string[] = [], options: { uid?: number } = {}): Run {
  const started = performance.now();
  const result = spawnSync(process.execPath, [cliPath, 'scan', '--format', 'json', ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 1 << 30,
    env: { ...process.env, NO_COLOR: '1' },
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
  });
  const ms = performance.now() - started;
  expect(result.signal, `killed: ${result.stderr}`).toBeNull();
  const report = JSON.parse(result.stdout) as Report;
  assertValidReport(report);
  return { code: result.status, report, stderr: result.stderr, ms };
}

const findings = (report: Report): string[] =>
  report.findings.map((finding) => `${finding.ruleId} ${finding.location?.path}:${finding.location?.startLine}:${finding.location?.startColumn}`);

type Outcome = { scanned: string } | { skipped: string; reason: RegExp } | { error: string; message: RegExp };

/**
 * Checks a run: within `seconds`, the normal finding intact and alone (plus `extra`), the hostile
 * file accounted for, and the exit code: 1 with the finding; and with `--fail-on none` (no
 * finding fails the run) 3 when incomplete, 0 when complete.
 */
function expectOutcome(root: string, outcome: Outcome, options: { seconds?: number; args?: string[]; extra?: string[] } = {}): Run {
  const seconds = options.seconds ?? 10;
  const args = options.args ?? [];
  const run = scan(root, args);
  expect(run.ms).toBeLessThan(seconds * 1000);
  expect(findings(run.report).sort()).toEqual([normalFinding, ...(options.extra ?? [])].sort());
  expect(run.code).toBe(1);
  const { skipped, errors } = run.report.inputs;
  if ('scanned' in outcome) {
    expect([...skipped, ...errors].map((input) => input.path)).not.toContain(outcome.scanned);
    expect(errors).toEqual([]);
    expect(run.report.summary.complete).toBe(true);
  } else if ('skipped' in outcome) {
    expect(skipped).toContainEqual({ path: outcome.skipped, reason: expect.stringMatching(outcome.reason) });
    expect(errors).toEqual([]);
    expect(run.report.summary.complete).toBe(true);
  } else {
    expect(errors).toEqual([expect.objectContaining({ path: outcome.error, message: expect.stringMatching(outcome.message) })]);
    expect(run.report.summary.complete).toBe(false);
  }
  const noThreshold = scan(root, [...args, '--fail-on', 'none']);
  expect(noThreshold.ms).toBeLessThan(seconds * 1000);
  expect(noThreshold.code).toBe('error' in outcome ? 3 : 0);
  return run;
}

const serviceAccountWith = (lines: string[], annotation: string) =>
  yaml('apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: bomb', '  namespace: team', '  labels:', ...lines, '  annotations:', `    ${roleArn}`, `    eks.amazonaws.com/sts-regional-endpoints: ${annotation}`);

describe('hostile YAML: each scan ends in under 10 s with the other file\'s finding intact', () => {
  it.each<[string, Record<string, string | Buffer>, Outcome]>([
    ['a billion-laughs alias bomb (not a manifest: read as config text)', { 'bomb.yaml': yaml(...aliasBomb('')) }, { scanned: 'bomb.yaml' }],
    [
      'an alias bomb inside a ServiceAccount, its annotation an alias of the top level',
      { 'bomb.yaml': serviceAccountWith(aliasBomb('    '), '*l9') },
      { error: 'bomb.yaml', message: /^not read: aliases stand for more than 100000 nodes \(--max-alias-nodes\)$/ },
    ],
    [
      'an alias bomb inside a Deployment, in env values, args and command',
      {
        'bomb.yaml': yaml(
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata:',
          '  name: web',
          '  labels:',
          ...aliasBomb('    '),
          'spec:',
          '  template:',
          '    spec:',
          '      containers:',
          '        - name: main',
          '          env: [{name: AWS_STS_REGIONAL_ENDPOINTS, value: *l9}, {name: X, value: *l9}]',
          '          args: *l9',
          '          command: *l9',
        ),
      },
      { error: 'bomb.yaml', message: /--max-alias-nodes/ },
    ],
    [
      'an alias inside its own anchor (a cycle)',
      { 'cycle.yaml': serviceAccountWith(['    a: b'], '&loop [*loop]') },
      { error: 'cycle.yaml', message: /^not read: alias \*loop inside its own anchor's node \(a cycle\)$/ },
    ],
    [
      'a chain of 400 aliases, each one level deeper',
      { 'chain.yaml': yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: chain}', 'data:', '  a0: &a0 [x]', ...Array.from({ length: 399 }, (_, i) => `  a${i + 1}: &a${i + 1} [*a${i}]`)) },
      { error: 'chain.yaml', message: /^not read: collections nested deeper than 256 levels through aliases \(--max-depth\)$/ },
    ],
    [
      'flow collections nested 10,000 deep',
      { 'deep.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n  k: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n` },
      { error: 'deep.yaml', message: /^not read: collections nested deeper than 256 levels \(--max-depth\)$/ },
    ],
    [
      'block mappings nested 3,000 deep',
      { 'deep.yaml': `apiVersion: v1\nkind: ConfigMap\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} x\n` },
      { error: 'deep.yaml', message: /--max-depth/ },
    ],
    [
      'JSON nested 10,000 deep',
      { 'deep.json': `{"apiVersion": "v1", "kind": "ConfigMap", "data": ${'['.repeat(10_000)}${']'.repeat(10_000)}}` },
      { error: 'deep.json', message: /--max-depth/ },
    ],
    ['binary bytes named .yaml', { 'image.yaml': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0xff, 0xfe, 0xc3]) }, { skipped: 'image.yaml', reason: /^binary file$/ }],
    [
      'invalid UTF-8',
      { 'latin1.yaml': Buffer.concat([Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: "'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}\n')]) },
      { error: 'latin1.yaml', message: /^not valid UTF-8 text$/ },
    ],
    [
      'a byte-order mark starting a document of a stream (it would hide `apiVersion`)',
      { 'stream.yaml': '---\n\uFEFFapiVersion: v1\nkind: ServiceAccount\nmetadata: {name: b}\n' },
      { error: 'stream.yaml', message: /byte-order mark \(U\+FEFF\) inside a document/ },
    ],
    ['a byte-order mark before a document marker (allowed by YAML)', { 'stream.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n\uFEFF---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n' }, { scanned: 'stream.yaml' }],
    ['duplicate keys', { 'dup.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\nmetadata: {name: y}\n' }, { error: 'dup.yaml', message: /^invalid YAML: duplicated mapping key$/ }],
    ['documents that are scalars, lists and nulls', { 'odd.yaml': '--- just a string\n--- 42\n--- [a, b]\n--- null\n---\n' }, { scanned: 'odd.yaml' }],
  ])('%s', (_name, files, outcome) => {
    expectOutcome(makeTree({ ...normal, ...files }), outcome);
  });

  it('executes no tag: python/object/apply, js/function and !Ref are errors, and no marker file appears', () => {
    const root = makeTree(normal);
    const marker = path.join(root, 'pwned');
    const files = {
      'python.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: !!python/object/apply:os.system ["echo pwned > ${marker}"]\n`,
      'js.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: !!js/function "function () { require('fs').writeFileSync('${marker}', '') }"}\n`,
      'cfn.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: !Ref Bucket}\n',
    };
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(root, file), text);
    const run = scan(root);
    expect(run.ms).toBeLessThan(10_000);
    expect(run.code).toBe(1);
    expect(findings(run.report)).toEqual([normalFinding]);
    expect(run.report.inputs.errors).toEqual([
      { path: 'cfn.yaml', message: 'invalid YAML: unknown scalar tag !<!Ref>', line: 4, column: 11 },
      { path: 'js.yaml', message: 'invalid YAML: unknown scalar tag !<tag:yaml.org,2002:js/function>', line: 4, column: 11 },
      { path: 'python.yaml', message: 'invalid YAML: unknown sequence tag !<tag:yaml.org,2002:python/object/apply:os.system>', line: 4, column: 7 },
    ]);
    expect(scan(root, ['--fail-on', 'none']).code).toBe(3);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('very long lines aimed at the code patterns: scanned in under 10 s', () => {
  const megabytes = 5;
  it.each([
    ['`sts.amazonaws.com` repeated on one line', 'long.py', `x = "${'sts.amazonaws.com'.repeat((megabytes << 20) / 17)}"\n`],
    ['`"https://sts.` prefixes without end', 'long.js', `const u = ${'"https://sts.'.repeat((megabytes << 20) / 13)}\n`],
    ['a YAML config value of megabytes of dots', 'app-config.yaml', `endpoint: https://sts.${'.'.repeat(megabytes << 20)}\n`],
    ['an endpoint string that never closes (found)', 'open.js', `const endpoint = "https://sts.amazonaws.com${' '.repeat(megabytes << 20)}\n`, 'STS008 open.js:1:27'],
  ])('%s', (_name, file, text, ...extra) => {
    expectOutcome(makeTree({ ...normal, [file]: text }), { scanned: file }, { extra });
  });
});

describe('a 50 MB manifest of many documents', () => {
  /** 45,000 ConfigMaps of about 1 KB each, then a ServiceAccount with STS001 at the end. */
  const documents = 45_000;
  const configMap = (index: number) => yaml('---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: cm-${index}`, 'data:', `  blob: ${'x'.repeat(1000)}`);
  let built: string | undefined;
  const bigText = () =>
    (built ??= Array.from({ length: documents }, (_, index) => configMap(index)).join('') + '---\n' + serviceAccount([roleArn, 'eks.amazonaws.com/sts-regional-endpoints: "false"'], 'big'));
  const lastLine = documents * 7 + 1 + 8;

  it('is skipped with its size under the default --max-file-size 16m', () => {
    const text = bigText();
    expect(text.length).toBeGreaterThan(45 << 20);
    const root = makeTree({ ...normal, 'big.yaml': text });
    expectOutcome(root, { skipped: 'big.yaml', reason: new RegExp(`^larger than the 16777216-byte limit \\(${text.length} bytes\\)$`) });
  });

  it('is scanned with --max-file-size 64m in under 30 s, its last document\'s finding found', () => {
    const root = makeTree({ ...normal, 'big.yaml': bigText() });
    const run = expectOutcome(root, { scanned: 'big.yaml' }, { seconds: 30, args: ['--max-file-size', '64m'], extra: [`STS001 big.yaml:${lastLine}:47`] });
    expect(run.report.inputs.documents).toBe(documents + 2);
  });
});

describe('the bounds on manifest files are flags, and each hit is reported', () => {
  /** Eight levels of collections down to an env entry; the side container's env is an alias of six nodes. */
  const deployment = yaml(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web}',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - &main {name: main, env: &env [{name: A, value: b}]}',
    '        - {name: side, env: *env}',
  );
  it.each<[string, string[], Record<string, string>, Outcome]>([
    ['--max-documents', ['--max-documents', '2'], { 'three.yaml': '--- {a: 1}\n--- {b: 2}\n--- {c: 3}\n' }, { scanned: 'three.yaml' }],
    [
      '--max-documents',
      ['--max-documents', '2'],
      { 'three.yaml': '--- {apiVersion: v1, kind: ConfigMap}\n--- {b: 2}\n--- {c: 3}\n' },
      { error: 'three.yaml', message: /^not read: more than 2 documents \(--max-documents\)$/ },
    ],
    ['--max-depth', ['--max-depth', '8'], { 'web.yaml': deployment }, { scanned: 'web.yaml' }],
    ['--max-depth', ['--max-depth', '7'], { 'web.yaml': deployment }, { error: 'web.yaml', message: /^not read: collections nested deeper than 7 levels \(--max-depth\)$/ }],
    ['--max-alias-nodes', ['--max-alias-nodes', '6'], { 'web.yaml': deployment }, { scanned: 'web.yaml' }],
    ['--max-alias-nodes', ['--max-alias-nodes', '5'], { 'web.yaml': deployment }, { error: 'web.yaml', message: /^not read: aliases stand for more than 5 nodes \(--max-alias-nodes\)$/ }],
  ])('%s %j', (_flag, args, files, outcome) => {
    expectOutcome(makeTree({ ...normal, ...files }), outcome, { args });
  });

  it('reports where the bound was hit', () => {
    const run = scan(makeTree({ ...normal, 'web.yaml': deployment }), ['--max-alias-nodes', '5']);
    expect(run.report.inputs.errors).toEqual([{ path: 'web.yaml', message: expect.any(String), line: 9, column: 30 }]);
  });

  it.each(['--max-documents', '--max-depth', '--max-alias-nodes'])('refuses %s 0 and non-numbers as usage errors', (flag) => {
    const root = makeTree(normal);
    for (const value of ['0', 'ten', '-1', '1.5']) {
      const result = spawnSync(process.execPath, [cliPath, 'scan', `${flag}=${value}`], { cwd: root, encoding: 'utf8' });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`${flag} must be a whole number of at least 1, not '${value}'.`);
    }
  });
});

describe('the file system: links, special files, unreadable and vanished files', () => {
  it('skips links that leave the root or loop, and reads a folder loop once', () => {
    const root = makeTree(normal);
    mkdirSync(path.join(root, 'sub'));
    symlinkSync('/etc/passwd', path.join(root, 'sub', 'passwd.yaml'));
    symlinkSync('loop-b.yaml', path.join(root, 'sub', 'loop-a.yaml'));
    symlinkSync('loop-a.yaml', path.join(root, 'sub', 'loop-b.yaml'));
    symlinkSync('..', path.join(root, 'sub', 'up'));
    symlinkSync('.', path.join(root, 'sub', 'self'));
    const run = expectOutcome(root, { skipped: 'sub/passwd.yaml', reason: /^symbolic link to a place outside the scan root$/ });
    expect(run.report.inputs.skipped).toEqual([
      { path: 'sub/loop-a.yaml', reason: 'symbolic link loop' },
      { path: 'sub/loop-b.yaml', reason: 'symbolic link loop' },
      { path: 'sub/passwd.yaml', reason: 'symbolic link to a place outside the scan root' },
    ]);
  });

  it('skips a FIFO, found in a folder, named on the command line or behind a link, without waiting on it', () => {
    const root = makeTree(normal);
    expect(spawnSync('mkfifo', [path.join(root, 'pipe.yaml')]).status).toBe(0);
    symlinkSync('pipe.yaml', path.join(root, 'link.yaml'));
    const reason = /^not a regular file \(a FIFO, socket or device\)$/;
    const run = expectOutcome(root, { skipped: 'pipe.yaml', reason });
    expect(run.report.inputs.skipped).toEqual([
      { path: 'link.yaml', reason: expect.stringMatching(reason) },
      { path: 'pipe.yaml', reason: expect.stringMatching(reason) },
    ]);
    expectOutcome(root, { skipped: 'pipe.yaml', reason }, { args: ['sa.yaml', 'pipe.yaml'] });
  });

  it('reports a file it may not read as an error (run as an unprivileged user when the tests run as root)', () => {
    const root = makeTree({ ...normal, 'secret.yaml': 'apiVersion: v1\nkind: ConfigMap\n' });
    chmodSync(path.join(root, 'secret.yaml'), 0o000);
    const asRoot = process.getuid?.() === 0;
    // chmod 000 does not stop root: the scan then runs as `nobody`, who can read the rest of the tree.
    if (asRoot) chmodSync(root, 0o755);
    const uid = asRoot ? { uid: 65534 } : {};
    const run = scan(root, [], uid);
    expect(run.ms).toBeLessThan(10_000);
    expect(run.code).toBe(1);
    expect(findings(run.report)).toEqual([normalFinding]);
    expect(run.report.inputs.errors).toEqual([{ path: 'secret.yaml', message: 'cannot read: EACCES' }]);
    expect(scan(root, ['--fail-on', 'none'], uid).code).toBe(3);
  });

  it('skips a link whose file vanished, and refuses a target that names nothing', () => {
    const root = makeTree({ ...normal, 'gone.yaml': 'apiVersion: v1\nkind: ConfigMap\n' });
    symlinkSync('gone.yaml', path.join(root, 'link.yaml'));
    unlinkSync(path.join(root, 'gone.yaml'));
    expectOutcome(root, { skipped: 'link.yaml', reason: /^broken symbolic link$/ });
    const missing = spawnSync(process.execPath, [cliPath, 'scan', 'sa.yaml', 'gone.yaml'], { cwd: root, encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('sts-audit: nothing to scan in gone.yaml: no such file, folder or glob match\n');
    expect(missing.stdout).toBe('');
  });
});
