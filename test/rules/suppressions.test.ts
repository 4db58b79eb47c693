import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { planRules } from '../../src/engine/rule-plan.js';
import { ruleCatalogue } from '../../src/rules/catalogue.js';
import { assertValidReport, makeTree, runCli, scanFiles, where, yaml } from '../helpers.js';
import { deployment, regionalCluster, roleArn, serviceAccount } from './fixtures.js';
import type { ScanSettings } from '../../src/engine/scan.js';
import type { Report } from '../../src/engine/report.js';

const disabled = 'eks.amazonaws.com/sts-regional-endpoints: "false"';
const suppressedBy = (report: Report) => report.findings.map((f) => `${f.ruleId} ${f.suppressed ? `${f.suppressed.kind}: ${f.suppressed.reason}` : 'open'}`);

describe('annotation suppressions (sts-audit.io/ignore)', () => {
  it('silence the listed rules of the object, keep the finding marked, and do not fail the run', () => {
    const text = serviceAccount([roleArn, disabled, 'sts-audit.io/ignore: "STS001,STS003 -- the partner proxy needs the global endpoint"']);
    const report = scanFiles({ 'sa.yaml': text }, regionalCluster);
    expect(suppressedBy(report)).toEqual(['STS001 annotation: the partner proxy needs the global endpoint']);
    expect(report.summary).toMatchObject({ warning: 0, suppressed: 1 });
  });

  it('work on a pod template, and only for the rules they name', () => {
    const text = deployment(['env: [{name: AWS_STS_REGIONAL_ENDPOINTS, value: legacy}, {name: X, value: "https://sts.amazonaws.com"}]'], {
      templateAnnotations: ['sts-audit.io/ignore: "STS006 -- legacy SDK until the upgrade"'],
    });
    expect(suppressedBy(scanFiles({ 'd.yaml': text }, regionalCluster))).toEqual(['STS006 annotation: legacy SDK until the upgrade', 'STS007 open']);
  });

  it('STS901 reports one without a reason, at its key; it still suppresses', () => {
    const report = scanFiles({ 'sa.yaml': serviceAccount([roleArn, disabled, 'sts-audit.io/ignore: STS001']) }, regionalCluster);
    expect(where(report)).toEqual(['STS001 sa.yaml:8:47-54', 'STS901 sa.yaml:9:5-24']);
    expect(suppressedBy(report)).toEqual(['STS001 annotation: (no reason given)', 'STS901 open']);
  });

  it('STS903 reports one that silenced nothing, only when asked', () => {
    const files = { 'sa.yaml': serviceAccount([roleArn, 'sts-audit.io/ignore: "STS001 -- was false"']) };
    expect(scanFiles(files, regionalCluster).findings).toEqual([]);
    const report = scanFiles(files, { ...regionalCluster, suppressions: { reportUnused: true } });
    expect(where(report)).toEqual(['STS903 sa.yaml:8:5-24']);
    expect(report.findings[0]!.message).toMatch(/silences STS001, but no such finding was reported/);
  });

  it('are ignored with inline suppressions turned off', () => {
    const text = serviceAccount([roleArn, disabled, 'sts-audit.io/ignore: STS001']);
    expect(suppressedBy(scanFiles({ 'sa.yaml': text }, { ...regionalCluster, suppressions: { inline: false } }))).toEqual(['STS001 open']);
  });
});

describe('inline suppressions (sts-audit-ignore comments)', () => {
  it('silence a finding on their own line or on the line below', () => {
    const text = yaml(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: c, namespace: team}',
      'data:',
      '  # sts-audit-ignore STS007 -- the vendor appliance only knows the global endpoint',
      '  A: https://sts.amazonaws.com',
      '  B: https://sts.amazonaws.com # sts-audit-ignore STS007 test double',
      '  C: https://sts.amazonaws.com',
      '  # sts-audit-ignore STS001 -- another rule',
      '  D: https://sts.amazonaws.com',
    );
    const report = scanFiles({ 'cm.yaml': text }, regionalCluster);
    expect(report.findings.map((f) => `${f.location!.startLine} ${f.suppressed ? f.suppressed.reason : 'open'}`)).toEqual([
      '6 the vendor appliance only knows the global endpoint',
      '7 test double',
      '8 open',
      '10 open',
    ]);
  });

  it('STS901 and STS903 report a comment without a reason and one that silenced nothing', () => {
    const text = yaml(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: c}',
      'data:',
      '  # sts-audit-ignore STS007',
      '  A: https://sts.amazonaws.com',
      '  # sts-audit-ignore STS011 -- nothing here',
      '  B: plain',
    );
    const report = scanFiles({ 'cm.yaml': text }, { ...regionalCluster, suppressions: { reportUnused: true } });
    expect(where(report)).toEqual(['STS901 cm.yaml:5:3-28', 'STS007 cm.yaml:6:14-31', 'STS903 cm.yaml:7:3-44']);
    expect(suppressedBy(report)).toEqual(['STS901 open', 'STS007 inline: (no reason given)', 'STS903 open']);
  });

  it('are ignored with inline suppressions turned off', () => {
    const text = yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', 'data:', '  A: https://sts.amazonaws.com # sts-audit-ignore STS007 ok');
    expect(suppressedBy(scanFiles({ 'cm.yaml': text }, { ...regionalCluster, suppressions: { inline: false } }))).toEqual(['STS007 open']);
  });
});

describe('config file suppressions (ignore:)', () => {
  const files = {
    'prod/sa.yaml': serviceAccount([roleArn, disabled]),
    'prod/other.yaml': serviceAccount([roleArn, disabled], 'other', 'ops'),
    'prod/cm.yaml': yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c, namespace: team}', 'data:', '  A: https://sts.amazonaws.com'),
  };
  const withConfig = (config: string, today = '2026-06-01', extra: Partial<ScanSettings['suppressions']> = {}): Report => {
    const root = makeTree({ '.sts-audit.yaml': config });
    const loaded = loadConfig(path.join(root, '.sts-audit.yaml'));
    return scanFiles(files, {
      ...regionalCluster,
      suppressions: { today, config: { entries: loaded.ignore, file: '.sts-audit.yaml', folder: '.', locate: loaded.locate }, ...extra },
    });
  };

  it('match by rule, path, namespace, kind and name, all given selectors at once', () => {
    const report = withConfig(
      yaml(
        'ignore:',
        '  - {rule: STS001, namespace: team, reason: accepted for team}',
        '  - {kind: ConfigMap, path: "prod/*.yaml", reason: vendor config}',
        '  - {rule: [STS001, STS004], name: other, namespace: elsewhere, reason: never matches}',
      ),
    );
    expect(report.findings.map((f) => `${f.location!.path} ${f.suppressed?.reason ?? 'open'}`)).toEqual([
      'prod/cm.yaml vendor config',
      'prod/other.yaml open',
      'prod/sa.yaml accepted for team',
    ]);
  });

  it('hold until their expires day, then stop suppressing and are reported (STS902) at the date', () => {
    const config = yaml('ignore:', '  - rule: STS001', '    reason: until the migration', '    expires: 2026-06-01');
    expect(suppressedBy(withConfig(config, '2026-06-01')).filter((f) => f.startsWith('STS001'))).toEqual([
      'STS001 config: until the migration',
      'STS001 config: until the migration',
    ]);
    const later = withConfig(config, '2026-06-02');
    expect(where(later)).toEqual(['STS902 .sts-audit.yaml:4:14-24', 'STS007 prod/cm.yaml:5:14-31', 'STS001 prod/other.yaml:8:47-54', 'STS001 prod/sa.yaml:8:47-54']);
    expect(later.findings[0]!.message).toBe('The ignore entry for STS001 expired on 2026-06-01 and no longer suppresses anything (reason given: "until the migration").');
    expect(later.findings.filter((f) => f.suppressed)).toEqual([]);
  });

  it('STS903 reports entries that matched nothing, when asked', () => {
    const report = withConfig(yaml('ignore:', '  - {rule: STS013, reason: old exception}'), '2026-06-01', { reportUnused: true });
    expect(where(report, 'STS903')).toEqual(['STS903 .sts-audit.yaml:2:5-42']);
  });

  it('keep applying with inline suppressions turned off: they are not written in the scanned files', () => {
    const report = withConfig(yaml('ignore:', '  - {rule: STS007, reason: vendor config}'), '2026-06-01', { inline: false });
    expect(suppressedBy(report)).toContain('STS007 config: vendor config');
  });

  it('need a reason and a selector, by the config schema', () => {
    const root = makeTree({ 'a.yaml': '', '.sts-audit.yaml': yaml('ignore:', '  - {rule: STS001}', '  - {reason: everything}') });
    const run = runCli(['scan'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('`ignore[0]`: missing key `reason`');
    expect(run.stderr).toMatch(/`ignore\[1\]`: missing key `rule`/);
  });
});

describe("the engine's own suppression rules (STS901–STS903)", () => {
  it('need their metadata: a run is refused when one has none, even if it would report nothing', () => {
    const withoutSTS902 = new Map([...ruleCatalogue()].filter(([id]) => id !== 'STS902'));
    expect(() => planRules({}, withoutSTS902)).toThrow('rule STS902 has no metadata in rules/');
    expect(() => planRules({ skipRules: ['STS902'] }, withoutSTS902)).toThrow('rule STS902 has no metadata in rules/');
    expect([...planRules({ skipRules: ['STS902'] }).engineRules.keys()]).toEqual(['STS901', 'STS903']);
  });

  it('report nothing when turned off, whatever the suppression', () => {
    const files = { 'sa.yaml': serviceAccount([roleArn, disabled, 'sts-audit.io/ignore: STS003']), 'app.py': 'x = 1  # sts-audit-ignore STS008\n' };
    const settings = { ...regionalCluster, suppressions: { reportUnused: true } };
    expect(where(scanFiles(files, settings))).toEqual(['STS901 app.py:1:8-33', 'STS903 app.py:1:8-33', 'STS001 sa.yaml:8:47-54', 'STS901 sa.yaml:9:5-24', 'STS903 sa.yaml:9:5-24']);
    expect(where(scanFiles(files, { ...settings, skipRules: ['STS901', 'STS903'] }))).toEqual(['STS001 sa.yaml:8:47-54']);
  });
});

describe('baselines', () => {
  const tree = () =>
    makeTree({
      'a.yaml': serviceAccount([roleArn, disabled]),
      'b.yaml': serviceAccount([roleArn, 'eks.amazonaws.com/sts-regional-endpoints: "yes"'], 'b'),
    });

  it('hide the findings a previous JSON report holds, count new, baselined and fixed, and decide the exit code on new ones only', () => {
    const root = tree();
    expect(runCli(['scan', '--write-baseline', 'baseline.json', '--quiet'], { cwd: root }).code).toBe(1);
    writeFileSync(path.join(root, 'b.yaml'), serviceAccount([roleArn, 'eks.amazonaws.com/sts-regional-endpoints: "true"'], 'b'));
    writeFileSync(path.join(root, 'c.yaml'), serviceAccount([roleArn, disabled], 'c'));
    const run = runCli(['scan', '--baseline', 'baseline.json', '--format', 'json'], { cwd: root });
    const report = JSON.parse(run.stdout) as Report;
    assertValidReport(report);
    expect(report.findings.map((f) => `${f.location!.path} ${f.suppressed?.kind ?? 'new'}`)).toEqual(['a.yaml baseline', 'c.yaml new']);
    expect(report.summary.baseline).toEqual({ new: 1, baselined: 1, fixed: 1 });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('against the baseline: 1 new, 1 baselined, 1 fixed');
    const unchanged = runCli(['scan', '--baseline', 'baseline.json', '--skip-rule', 'STS001'], { cwd: root });
    expect(unchanged.code).toBe(0);
  });

  it('read a SARIF log as well, and leave baselined findings out of SARIF', () => {
    const root = tree();
    runCli(['scan', '--format', 'sarif', '--output', 'previous.sarif', '--quiet'], { cwd: root });
    const run = runCli(['scan', '--baseline', 'previous.sarif', '--format', 'sarif'], { cwd: root });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).runs[0].results).toEqual([]);
  });

  it('refuse a file that is not a report, with exit 2', () => {
    const root = makeTree({ 'a.yaml': '', 'notes.json': '{"hello": 1}', 'broken.json': '{' });
    expect(runCli(['scan', '--baseline', 'notes.json'], { cwd: root })).toMatchObject({ code: 2, stderr: expect.stringContaining('neither an sts-audit JSON report') });
    expect(runCli(['scan', '--baseline', 'broken.json'], { cwd: root })).toMatchObject({ code: 2, stderr: expect.stringContaining('not JSON') });
    expect(runCli(['scan', '--baseline', 'missing.json'], { cwd: root })).toMatchObject({ code: 2, stderr: expect.stringContaining('ENOENT') });
  });
});
