import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertValidReport, cliPath, makeTree, runCli, yaml } from './helpers.js';
import { wantsColor } from '../src/cli/color.js';
import { roleArn, serviceAccount } from './rules/fixtures.js';
import type { Report } from '../src/engine/report.js';

const irsa = (setting: string) => serviceAccount([roleArn, `eks.amazonaws.com/sts-regional-endpoints: ${setting}`]);
const warningOnly = { 'k8s/sa.yaml': irsa('"false"') };
const noteOnly = { 'k8s/sa.yaml': yaml('apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: x', '  annotations:', '    eks.amazonaws.com/sts-regional-endpoints: "true"') };
const brokenManifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [oops\n';
const json = (stdout: string): Report => {
  const report = JSON.parse(stdout) as Report;
  assertValidReport(report);
  return report;
};

describe('exit codes and --fail-on', () => {
  it.each([
    ['warning', warningOnly, 1],
    ['error', warningOnly, 0],
    ['note', noteOnly, 1],
    ['warning', noteOnly, 0],
    ['none', warningOnly, 0],
  ] as const)('--fail-on %s', (failOn, files, code) => {
    expect(runCli(['scan', '--fail-on', failOn], { cwd: makeTree(files) }).code).toBe(code);
  });

  it('exits 0 on a clean, complete scan, and says so', () => {
    const run = runCli(['scan'], { cwd: makeTree({ 'sa.yaml': irsa('"true"') }) });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✔ no problems');
  });

  it('exits 3 when an input could not be parsed, and never 0', () => {
    const run = runCli(['scan', '--format', 'json'], { cwd: makeTree({ 'ok.yaml': irsa('"true"'), 'bad.yaml': brokenManifest }) });
    expect(run.code).toBe(3);
    const report = json(run.stdout);
    expect(report.summary.complete).toBe(false);
    expect(report.inputs.errors).toEqual([{ path: 'bad.yaml', message: expect.stringMatching(/^invalid YAML/), line: 5, column: 1 }]);
    expect(run.stderr).toMatch(/incomplete scan/);
  });

  it('lets findings at the threshold decide over an incomplete scan', () => {
    const run = runCli(['scan'], { cwd: makeTree({ ...warningOnly, 'bad.yaml': brokenManifest }) });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Incomplete scan');
  });

  it.each([
    [['scan', '--format', 'xml'], /argument 'xml' is invalid/],
    [['scan', '--fail-on', 'sometimes'], /invalid/],
    [['scan', '--cluster-version', '24'], /--cluster-version: '24' is not a Kubernetes version such as 1\.29 \(or v1\.29\.3, as kubectl prints it\)/],
    [['scan', '--cluster-version', '1.3'], /--cluster-version: EKS has no Kubernetes 1\.3, its oldest is 1\.10; did you mean 1\.30\? In YAML an unquoted 1\.30 is the number 1\.3: quote it, "1\.30"/],
    [['scan', '--platform-version', '2'], /--platform-version must be a version like eks.2/],
    [['scan', '--region', 'mars'], /--region must be a Region like us-west-2/],
    [['scan', '--rule', 'STS999'], /no rule 'STS999'/],
    [['scan', 'no/such/folder'], /nothing to scan in no\/such\/folder: no such file, folder or glob match/],
    [['scan', '--bogus'], /unknown option '--bogus'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('exits 2 on a usage error: %j', (args, message) => {
    const run = runCli(args, { cwd: makeTree(warningOnly) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('scans that read nothing', () => {
  it('refuses a target outside --root with exit 2, naming it and the root', () => {
    const root = makeTree({ 'repo/.keep': '', 'other/sa.yaml': irsa('"false"') });
    const run = runCli(['scan', '--root', '.', '../other'], { cwd: path.join(root, 'repo') });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`sts-audit: nothing to scan in ../other: outside the scan root (the scan root is ${path.join(root, 'repo')})\n`);
    expect(run.stdout).toBe('');
  });

  it('refuses a folder with nothing to scan with exit 2, as ESLint does, unless --no-error-on-unmatched-pattern', () => {
    const root = makeTree({ 'empty/.keep': '', 'k8s/sa.yaml': irsa('"true"') });
    const run = runCli(['scan', 'empty'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('sts-audit: nothing to scan in empty: no file in it is one sts-audit reads (manifests, code, dependency manifests), or every one is ignored\n');
    const allowed = runCli(['scan', 'empty', 'missing/*.yaml', '--no-error-on-unmatched-pattern'], { cwd: root });
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('✔ no problems\n  scanned 0 files, 0 documents, 0 objects');
  });

  it('never calls a scan clean when every file it found was skipped: exit 3, complete false, nothing counted twice', () => {
    const root = makeTree({ 'chart/templates/_helpers.tpl': '{{- define "x" -}}{{- end -}}\n', 'chart/templates/_names.tpl': '{{- define "y" -}}{{- end -}}\n' });
    const run = runCli(['scan', 'chart', '--format', 'json'], { cwd: root });
    expect(run.code).toBe(3);
    const report = json(run.stdout);
    expect(report.inputs).toMatchObject({ files: 0, documents: 0, objects: 0, errors: [] });
    expect(report.inputs.skipped.map((item) => item.path)).toEqual(['chart/templates/_helpers.tpl', 'chart/templates/_names.tpl']);
    expect(report.summary.complete).toBe(false);
    expect(run.stderr).toBe('sts-audit: 0 error(s), 0 warning(s), 0 note(s); incomplete scan: every input was skipped, nothing was scanned\n');
    const text = runCli(['scan', 'chart'], { cwd: root });
    expect(text.code).toBe(3);
    expect(text.stdout).toMatch(/Incomplete scan: every input was skipped, nothing was scanned\.\n$/);
  });
});

describe('cluster versions', () => {
  const profiles = (args: string[]) => json(runCli(['scan', '--format', 'json', ...args], { cwd: makeTree(warningOnly) }).stdout).profiles;

  it.each(['v1.29', '1.29.3', 'v1.29.3-eks-abcdef'])('reads %s, as kubectl prints versions, as 1.29', (version) => {
    expect(profiles(['--cluster-version', version, '--platform-version', 'eks.1'])).toEqual([
      { name: 'command-line', kubernetesVersion: '1.29', platformVersion: 'eks.1', region: null, defaultEndpoint: 'regional', source: 'flag', assumptions: [] },
    ]);
  });

  it('says what it assumed of a version newer than the table, of a platform version past it, and of a platform version alone', () => {
    expect(profiles(['--cluster-version', '1.99']).map((p) => [p.defaultEndpoint, p.assumptions])).toEqual([
      ['regional', ['Kubernetes 1.99 is newer than the version table knows (1.35): assumed the default of 1.32 and later (Regional)']],
    ]);
    expect(profiles(['--cluster-version', '1.24', '--platform-version', 'eks.99']).map((p) => [p.defaultEndpoint, p.assumptions])).toEqual([
      ['regional', ["platform version eks.99 is newer than the table's last for Kubernetes 1.24 (eks.2): assumed it keeps that one's default"]],
    ]);
    expect(profiles(['--platform-version', 'eks.99']).map((p) => p.assumptions)).toEqual([
      ['Kubernetes version unknown: assumed a current EKS cluster (Regional default)', 'platform version eks.99 not used: it means something only with a Kubernetes version'],
    ]);
  });
});

describe('the config file', () => {
  it.each([
    ['clusters: [{name: a, paths: "x/**"}]', /`clusters\[0\]\.paths`: must be array/],
    ['clusters: [{name: a, kubernetesVersion: 1.24, paths: [x]}]', /`clusters\[0\]\.kubernetesVersion`: 1\.24 is a YAML number, not text: quote it, "1\.24"$/m],
    [
      'clusters: [{name: a, kubernetesVersion: 1.30, paths: [x]}]',
      /`clusters\[0\]\.kubernetesVersion`: 1\.3 is a YAML number, not text: EKS has no Kubernetes 1\.3, its oldest is 1\.10; did you mean 1\.30\? In YAML an unquoted 1\.30 is the number 1\.3: quote it, "1\.30"$/m,
    ],
    ['clusters: [{name: a, kubernetesVersion: "1.2", paths: [x]}]', /`clusters\[0\]\.kubernetesVersion`: EKS has no Kubernetes 1\.2, its oldest is 1\.10/],
    ['clusters: [{name: a, kubernetesVersion: "1.x", paths: [x]}]', /`clusters\[0\]\.kubernetesVersion`: must match pattern/],
    ['rules: {STS001: loud}', /`rules\.STS001`: must be one of off, error, warning, note/],
    ['rules: {STS099: off}', /`rules\.STS099`: no such rule/],
    ['colour: blue', /top level: unknown key `colour`/],
    ['clusters: [oops', /invalid YAML/],
  ])('refuses %s with exit 2 and names the key', (config, message) => {
    const run = runCli(['scan'], { cwd: makeTree({ ...warningOnly, '.sts-audit.yaml': config }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('.sts-audit.yaml');
  });

  it('refuses a --config file that does not exist', () => {
    const run = runCli(['scan', '--config', 'missing.yaml'], { cwd: makeTree(warningOnly) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot read config file missing.yaml: ENOENT/);
  });

  it('sets clusters by path globs relative to its folder, turns rules off or changes their level, and ignores paths', () => {
    const root = makeTree({
      'deploy/old/sa.yaml': irsa('"false"'),
      'deploy/new/sa.yaml': irsa('"false"'),
      'deploy/skip/sa.yaml': irsa('"false"'),
      'deploy/.sts-audit.yaml': yaml(
        'clusters:',
        '  - {name: old, kubernetesVersion: "1.21", platformVersion: eks.3, paths: ["old/**"]}',
        '  - {name: new, kubernetesVersion: "1.29", region: eu-west-1, paths: ["new/**"]}',
        'rules: {STS001: error, STS003: off}',
        'ignorePaths: ["skip/"]',
      ),
    });
    const report = json(runCli(['scan', '--format', 'json', '--config', 'deploy/.sts-audit.yaml'], { cwd: root }).stdout);
    expect(report.findings.map((f) => `${f.ruleId} ${f.level} ${f.location!.path} ${f.object!.cluster}`)).toEqual(['STS001 error deploy/new/sa.yaml new']);
    expect(report.profiles.map((p) => `${p.name}:${p.source}:${p.defaultEndpoint}`)).toEqual(['new:config:regional', 'old:config:global']);
  });
});

describe('inputs and outputs', () => {
  it('reads stdin with -, naming it <stdin>', () => {
    const run = runCli(['scan', '-', '--format', 'json'], { cwd: makeTree({}), input: irsa('"false"') });
    expect(json(run.stdout).findings.map((f) => `${f.ruleId} ${f.location!.path}:${f.location!.startLine}:${f.location!.startColumn}`)).toEqual([
      'STS001 <stdin>:8:47',
    ]);
  });

  it('writes the report to --output and nothing to stdout', () => {
    const root = makeTree(warningOnly);
    const run = runCli(['scan', '--format', 'json', '--output', 'report.json', '--quiet'], { cwd: root });
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
    expect(json(readFileSync(path.join(root, 'report.json'), 'utf8')).findings).toHaveLength(1);
  });

  it('creates the folders --output and --write-baseline name, and refuses a path it cannot write with exit 2', () => {
    const root = makeTree({ ...warningOnly, 'taken': '' });
    const run = runCli(['scan', 'k8s', '--format', 'sarif', '--output', 'reports/ci/sts-audit.sarif', '--write-baseline', 'base/line.json', '--quiet'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect((JSON.parse(readFileSync(path.join(root, 'reports/ci/sts-audit.sarif'), 'utf8')) as { runs: Array<{ results: unknown[] }> }).runs[0]!.results).toHaveLength(1);
    expect(json(readFileSync(path.join(root, 'base/line.json'), 'utf8')).findings).toHaveLength(1);
    const blocked = runCli(['scan', 'k8s', '--output', 'taken/report.txt'], { cwd: root });
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toBe('sts-audit: cannot write taken/report.txt: a part of taken is a file, not a folder\n');
    expect(blocked.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('gives byte-identical reports for the same input', () => {
    const root = makeTree({ ...warningOnly, 'b.yaml': irsa('"yes"'), 'c.yaml': brokenManifest });
    const first = runCli(['scan', '--format', 'json'], { cwd: root }).stdout;
    expect(runCli(['scan', '--format', 'json'], { cwd: root }).stdout).toBe(first);
  });

  it('prints text like ESLint: grouped by file, the line with a caret, the fix, a summary; no colour off a terminal', () => {
    const run = runCli(['scan', '--cluster-version', '1.24', '--platform-version', 'eks.2'], { cwd: makeTree(warningOnly) });
    expect(run.stdout).not.toMatch(/\u001b\[/);
    expect(run.stdout).toContain(
      [
        'k8s/sa.yaml',
        '  8:47    warning  ServiceAccount team/app sets eks.amazonaws.com/sts-regional-endpoints to "false" on the cluster given on the command line (EKS 1.24 eks.2, Regional default),',
      ].join('\n'),
    );
    expect(run.stdout).toContain(
      [
        '           8 |     eks.amazonaws.com/sts-regional-endpoints: "false"',
        '             |                                               ^^^^^^^',
      ].join('\n'),
    );
    expect(run.stdout).toMatch(/\n           fix: Remove the eks.amazonaws.com\/sts-regional-endpoints annotation/);
    expect(run.stdout).toContain('✖ 1 problem (0 errors, 1 warning, 0 notes)');
    expect(run.stdout).toContain('the cluster given on the command line (EKS 1.24 eks.2, Regional default) (source: flag)');
  });

  it('colours text when asked to, and --no-color wins', () => {
    const coloured = runCli(['scan'], { cwd: makeTree(warningOnly), env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(coloured.stdout).toMatch(/\u001b\[/);
    const plain = runCli(['scan', '--no-color'], { cwd: makeTree(warningOnly), env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(plain.stdout).not.toMatch(/\u001b\[/);
  });

  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ TERM: 'dumb' }, true, false],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: 'false' }, true, false],
    [{ FORCE_COLOR: '' }, false, true],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '2' }, false, true],
    [{ FORCE_COLOR: '3' }, false, true],
    [{ FORCE_COLOR: 'true' }, false, true],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '1', FORCE_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
  ])('colour with %j, on a terminal: %s → %s', (env, isTTY, coloured) => {
    expect(wantsColor({ flag: true, toFile: false, isTTY, env })).toBe(coloured);
    expect(wantsColor({ flag: false, toFile: false, isTTY, env })).toBe(false);
    expect(wantsColor({ flag: true, toFile: true, isTTY, env })).toBe(false);
  });

  const hasScript = spawnSync('script', ['--version']).error === undefined;
  it.skipIf(!hasScript)(`leaves colour out on a terminal with FORCE_COLOR=0 (run in a pseudo-terminal by script${hasScript ? '' : ', which is not installed'})`, () => {
    const root = makeTree(warningOnly);
    const onTerminal = (forceColor: string | undefined) => {
      const env: Record<string, string | undefined> = { ...process.env, TERM: 'xterm', NO_COLOR: undefined, FORCE_COLOR: forceColor };
      return spawnSync('script', ['-qec', `"${process.execPath}" "${cliPath}" scan`, '/dev/null'], { cwd: root, encoding: 'utf8', env, input: '' }).stdout;
    };
    expect(onTerminal(undefined)).toMatch(/\u001b\[/);
    expect(onTerminal('0')).toContain('k8s/sa.yaml');
    expect(onTerminal('0')).not.toMatch(/\u001b\[/);
  });

  it('runs only the rules asked for', () => {
    const root = makeTree({ 'a.yaml': irsa('"false"'), 'b.yaml': irsa('"yes"') });
    const ids = (args: string[]) => json(runCli(['scan', '--format', 'json', ...args], { cwd: root }).stdout).findings.map((f) => f.ruleId);
    expect(ids([])).toEqual(['STS001', 'STS004']);
    expect(ids(['--rule', 'sts004'])).toEqual(['STS004']);
    expect(ids(['--skip-rule', 'STS004'])).toEqual(['STS001']);
  });

  it('reports paths relative to the root, and takes the common folder as root for targets outside the working directory', () => {
    const root = makeTree({ 'repo/deploy/sa.yaml': irsa('"false"'), 'elsewhere/x': '' });
    const inside = json(runCli(['scan', '--format', 'json', 'deploy'], { cwd: path.join(root, 'repo') }).stdout);
    expect(inside.findings[0]!.location!.path).toBe('deploy/sa.yaml');
    const outside = json(runCli(['scan', '--format', 'json', '../repo/deploy'], { cwd: path.join(root, 'elsewhere') }).stdout);
    expect(outside.findings[0]!.location!.path).toBe('sa.yaml');
    const rooted = json(runCli(['scan', '--format', 'json', '--root', '..', '../repo/deploy'], { cwd: path.join(root, 'elsewhere') }).stdout);
    expect(rooted.findings[0]!.location!.path).toBe('repo/deploy/sa.yaml');
    const help = runCli(['scan', '--help'], { cwd: root }).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--root <dir> report paths relative to this folder and read nothing outside it (default: the working directory; for targets outside it, the deepest folder that holds them all)');
  });

  it('lists the rules', () => {
    const text = runCli(['rules'], { cwd: makeTree({}) });
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toMatch(/^STS001 {2}sa-disables-regional-default +warning {2}An IRSA ServiceAccount/);
    const list = JSON.parse(runCli(['rules', '--format', 'json'], { cwd: makeTree({}) }).stdout) as Array<{ id: string }>;
    expect(list.map((rule) => rule.id)).toEqual([
      ...['STS001', 'STS002', 'STS003', 'STS004', 'STS005', 'STS006', 'STS007', 'STS008', 'STS009', 'STS010'],
      ...['STS011', 'STS012', 'STS013', 'STS014', 'STS015', 'STS901', 'STS902', 'STS903'],
    ]);
  });

  it('prints its version and help, exiting 0', () => {
    const version = runCli(['--version'], { cwd: makeTree({}) });
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = runCli(['scan', '--help'], { cwd: makeTree({}) });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--fail-on <level>');
  });
});

describe('long lines', () => {
  it('shows only the part of a long line around the finding, caret in place', () => {
    const padding = 'x'.repeat(400);
    const text = `{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c", "annotations": {"note": "${padding}"}}, "data": {"url": "https://sts.amazonaws.com/", "after": "${padding}"}}`;
    const root = makeTree({ 'cm.json': text });
    const report = json(runCli(['scan', '--format', 'json'], { cwd: root }).stdout);
    const location = report.findings[0]!.location!;
    const column = text.indexOf('sts.amazonaws.com') + 1;
    expect(location).toMatchObject({ startLine: 1, startColumn: column, endColumn: column + 17, snippetColumn: column - 80 });
    expect(location.snippet).toHaveLength(240);
    expect(location.snippet.slice(80, 97)).toBe('sts.amazonaws.com');
    const lines = runCli(['scan'], { cwd: root }).stdout.split('\n');
    const shown = lines.findIndex((line) => line.includes('1 | …'));
    expect(lines[shown + 1]!.indexOf('^')).toBe(lines[shown]!.indexOf('sts.amazonaws.com'));
    expect(lines[shown + 1]).toMatch(/\^{17}$/);
  });
});

describe('a reader that closes the pipe early', () => {
  const cli = `"${process.execPath}" "${cliPath}"`;
  const pipeline = (command: string, cwd: string) => spawnSync('bash', ['-c', command], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('ends `rules` quietly, exit 0', () => {
    // The reader is gone before the first write, so the write is sure to meet a closed pipe.
    const run = pipeline(`{ sleep 0.3; ${cli} rules; echo "exit $?" >&2; } | true`, makeTree({}));
    expect(run.stderr).toBe('exit 0\n');
  });

  it('ends a large report quietly, with the exit code of the scan', () => {
    const files = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [`c${i}.yaml`, yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: c${i}`, 'data:', '  url: https://sts.amazonaws.com/')]),
    );
    const root = makeTree(files);
    // Far more than a pipe holds: head exits after the first line while the report is still being written.
    const json = pipeline(`${cli} scan --format json | head -1; echo "exit \${PIPESTATUS[0]}" >&2`, root);
    expect(json.stdout).toBe('{\n');
    expect(json.stderr).toBe('sts-audit: 300 error(s), 0 warning(s), 0 note(s)\nexit 1\n');
    const text = pipeline(`${cli} scan 2>&1 | head -1; echo "exit \${PIPESTATUS[0]}" >&2`, root);
    expect(text.stdout).toBe('c0.yaml\n');
    expect(text.stderr).toBe('exit 1\n');
  });
});
