import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { makeTree, repoRoot, runCli, yaml } from '../helpers.js';

// Bad input in the declarations the scan reads, through the command line as a user meets it: each
// problem is an input error at its position in every format, the rest is still judged, and the run
// is incomplete (exit 3) unless a finding decides 1.

const argoApplication = yaml(
  'apiVersion: argoproj.io/v1alpha1',
  'kind: Application',
  'metadata:',
  '  name: web',
  'spec:',
  '  destination:',
  '    namespace: web',
  '  source:',
  '    repoURL: https://github.com/example/platform.git',
  '    path: charts/web',
  '    helm:',
  '      valueFiles:',
  '        - missing-values.yaml',
  '        - ../../../outside.yaml',
  '      parameters:',
  '        - name: serviceAccount..annotations',
  '          value: x',
  '      values: |',
  '        serviceAccount:',
  '          annotations: [unclosed',
);

const terraform = [
  'resource "helm_release" "app" {',
  '  name   = "app"',
  '  chart  = "app"',
  '  values = [file("missing.yaml"), templatefile("../../outside.yaml", {})]',
  '  set {',
  '    name  = "env[x].name"',
  '    value = "AWS_STS_REGIONAL_ENDPOINTS"',
  '  }',
  '}',
  '',
].join('\n');

const fluxRelease = yaml(
  'apiVersion: helm.toolkit.fluxcd.io/v2',
  'kind: HelmRelease',
  'metadata:',
  '  name: api',
  '  namespace: apps',
  'spec:',
  '  chart:',
  '    spec:',
  '      chart: api',
  '  valuesFrom:',
  '    - kind: ConfigMap',
  '      name: api-values',
  '      valuesKey: prod.yaml',
);

const badInput = {
  'charts/web/Chart.yaml': yaml('apiVersion: v2', 'name: web', 'version: 1.0.0'),
  'charts/web/values.yaml': yaml('replicaCount: 1'),
  'apps/web.yaml': argoApplication,
  'tf/main.tf': terraform,
  'tf/broken.tf': 'resource "kubernetes_service_account" "x" {\n  metadata {\n    name = "x"\n',
  'flux/hr.yaml': fluxRelease,
  'flux/values.yaml': yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: api-values', '  namespace: apps', 'data:', '  values.yaml: |', '    a: b'),
};

/** Each error as `path:line:column message`, in the order the readers meet them. */
const expectedErrors = [
  'apps/web.yaml:13:11 values file `missing-values.yaml` of Argo CD Application `web` is not among the scanned files (`charts/web/missing-values.yaml`)',
  'apps/web.yaml:14:11 values file `../../../outside.yaml` of Argo CD Application `web` is outside the scan root: not read',
  // Where the YAML parser stops: the end of the line that leaves the flow sequence open.
  'apps/web.yaml:20:33 `helm.values` of Argo CD Application `web`: invalid YAML: deficient indentation',
  'apps/web.yaml:16:17 Helm parameter of Argo CD Application `web`: `serviceAccount..annotations` has an empty key at character 16',
  'flux/hr.yaml:11:7 ConfigMap `api-values` (`flux/values.yaml`) has no key `prod.yaml` that Flux HelmRelease `apps/api` takes values from',
  'tf/broken.tf:4:1 Terraform syntax error: expected `}` to close block `metadata`, found the end of the file; the rest of the file is read',
  'tf/broken.tf:4:1 Terraform syntax error: expected `}` to close block `resource`, found the end of the file; the rest of the file is read',
  'tf/main.tf:4:13 `file("missing.yaml")` names a file that is not among the files scanned',
  'tf/main.tf:4:35 `templatefile("../../outside.yaml")` names a file outside the scan root: it is not read',
  'tf/main.tf:6:13 `set` name of `helm_release.app` is not valid Helm --set syntax: `env[x].name` has a list index that is not a number at character 4',
];

describe('bad input in declarations, through the command line', () => {
  const root = makeTree({ 'outside.yaml': yaml('a: b'), ...Object.fromEntries(Object.entries(badInput).map(([file, text]) => [`repo/${file}`, text])) });
  const cwd = path.join(root, 'repo');

  it('lists each problem at its position in text, and exits 3 when no finding decides', () => {
    const run = runCli(['scan'], { cwd });
    expect(run.code).toBe(3);
    const listed = run.stdout.split('Could not scan ')[1]!.split('\n').slice(1, expectedErrors.length + 1);
    expect(listed).toEqual(expectedErrors.map((error) => `  ${error.replace(' ', '  ')}`));
    expect(run.stdout).toContain('Incomplete scan: the inputs above were not checked.');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('gives the same errors with their line and column in JSON and SARIF', () => {
    const json = JSON.parse(runCli(['scan', '--format', 'json'], { cwd }).stdout) as { inputs: { errors: Array<{ path: string; line?: number; column?: number; message: string }> } };
    expect(json.inputs.errors.map((error) => `${error.path}:${error.line}:${error.column} ${error.message}`)).toEqual(expectedErrors);
    const sarif = JSON.parse(runCli(['scan', '--format', 'sarif'], { cwd }).stdout) as Sarif.Log;
    const [invocation] = sarif.runs[0]!.invocations!;
    expect(invocation!.executionSuccessful).toBe(false);
    const notified = invocation!.toolExecutionNotifications!.filter((notification) => notification.level === 'error');
    expect(
      notified.map(({ message, locations }) => {
        const { artifactLocation, region } = locations![0]!.physicalLocation!;
        return `${artifactLocation!.uri}:${region!.startLine}:${region!.startColumn} ${message.text!.slice(artifactLocation!.uri!.length + 2)}`;
      }),
    ).toEqual(expectedErrors);
  });

  it('goes on with the rest and exits 1 when a finding decides', () => {
    const withFinding = makeTree({
      ...badInput,
      'values/app-values.yaml': yaml('serviceAccount:', '  annotations:', '    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/app', '    eks.amazonaws.com/sts-regional-endpoints: "maybe"'),
    });
    const run = runCli(['scan', '--format', 'json'], { cwd: withFinding });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; location: { path: string; startLine: number; startColumn: number } }>; inputs: { errors: unknown[] } };
    expect(report.findings.map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine}:${f.location.startColumn}`)).toEqual(['STS004 values/app-values.yaml:4:47']);
    expect(report.inputs.errors).toHaveLength(expectedErrors.length);
  });
});

describe('nothing outside the scan root is read through a declaration', () => {
  // What the outside file would set if it were read: a role and a setting that a rule reports.
  const outsideRole = 'arn:aws:iam::999999999999:role/outside';
  const outsideValues = yaml('serviceAccount:', '  annotations:', `    eks.amazonaws.com/role-arn: ${outsideRole}`, '    eks.amazonaws.com/sts-regional-endpoints: "false"');
  const outsideConfigMap = yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: api-values', '  namespace: apps', 'data:', '  values.yaml: |', ...outsideValues.trimEnd().split('\n').map((line) => `    ${line}`));

  it('by a relative path, an absolute path or a link, in Argo CD, Terraform, helmfile and Flux', () => {
    const root = makeTree({ 'outside.yaml': outsideValues, 'outside-cm.yaml': outsideConfigMap });
    const outside = path.join(root, 'outside.yaml');
    // The repository lies beside the outside files, so that relative paths reach them.
    const repo = path.join(root, 'repo');
    const files: Record<string, string> = {
      'charts/web/Chart.yaml': yaml('apiVersion: v2', 'name: web', 'version: 1.0.0'),
      'apps/web.yaml': yaml(
        'apiVersion: argoproj.io/v1alpha1',
        'kind: Application',
        'metadata:',
        '  name: web',
        'spec:',
        '  source:',
        '    path: charts/web',
        '    helm:',
        '      valueFiles:',
        '        - ../../../outside.yaml',
        `        - ${outside}`,
        '        - linked-values.yaml',
      ),
      'tf/main.tf': ['resource "helm_release" "app" {', '  name   = "app"', '  chart  = "app"', `  values = [file("../../outside.yaml"), file("${outside}"), templatefile("linked.yaml", {})]`, '}', ''].join('\n'),
      'helmfile.yaml': yaml('releases:', '  - name: app', '    chart: ./charts/web', '    values:', '      - ../outside.yaml', `      - ${outside}`, '      - linked-values.yaml'),
      'flux/hr.yaml': yaml('apiVersion: helm.toolkit.fluxcd.io/v2', 'kind: HelmRelease', 'metadata:', '  name: api', '  namespace: apps', 'spec:', '  chart:', '    spec:', '      chart: api', '  valuesFrom:', '    - kind: ConfigMap', '      name: api-values'),
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
      writeFileSync(path.join(repo, file), text);
    }
    symlinkSync(outside, path.join(repo, 'charts/web/linked-values.yaml'));
    symlinkSync(outside, path.join(repo, 'tf/linked.yaml'));
    symlinkSync(outside, path.join(repo, 'linked-values.yaml'));
    symlinkSync(path.join(root, 'outside-cm.yaml'), path.join(repo, 'flux/values.yaml'));

    const run = runCli(['scan', '--format', 'json', '--inventory'], { cwd: repo });
    const report = JSON.parse(run.stdout) as { findings: unknown[]; inventory: unknown[]; inputs: { errors: Array<{ path: string; message: string }>; skipped: Array<{ path: string; reason: string }>; unanalysed?: Array<{ path: string; reason: string }> } };
    expect(run.stdout).not.toContain('999999999999');
    expect(report.findings).toEqual([]);
    expect(report.inventory).toEqual([]);
    expect(run.code).toBe(3);
    // Each link is skipped as it leaves the root; each reference is an error or listed as not read.
    expect(report.inputs.skipped.map((skip) => `${skip.path}: ${skip.reason}`).sort()).toEqual(
      ['charts/web/linked-values.yaml', 'flux/values.yaml', 'linked-values.yaml', 'tf/linked.yaml'].map((file) => `${file}: symbolic link to a place outside the scan root`),
    );
    const problems = [...report.inputs.errors, ...(report.inputs.unanalysed ?? [])].map((problem) => `${problem.path}: ${'message' in problem ? problem.message : problem.reason}`);
    expect(problems.filter((problem) => problem.startsWith('apps/web.yaml'))).toHaveLength(3);
    expect(problems.filter((problem) => problem.startsWith('tf/main.tf'))).toHaveLength(3);
    expect(problems.filter((problem) => problem.startsWith('helmfile.yaml'))).toHaveLength(2);
    expect(problems.filter((problem) => problem.startsWith('flux/hr.yaml'))).toEqual([expect.stringContaining('ConfigMap `api-values`')]);
  });

  it('as the declaration readers never touch the file system: they see only the texts the scan read', () => {
    const folder = path.join(repoRoot, 'src', 'loaders', 'declared');
    const sources = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources) expect(readFileSync(path.join(folder, file), 'utf8'), file).not.toMatch(/from '(?:node:)?(?:fs|fs\/promises|child_process)'|\bprocess\.cwd\(|\brequire\(/);
  });
});
