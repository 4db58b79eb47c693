import { describe, expect, it } from 'vitest';
import { makeTree, runCli, yaml } from '../helpers.js';
import { deployment, env, roleArn, serviceAccount, setting } from '../rules/fixtures.js';
import type { Report } from '../../src/engine/report.js';

// Worker threads read the last manifests of a scan of more than 5 MB, started as the scan begins
// when it has 1,000 manifest files or more. These tests set the thresholds to nothing (and one
// worker), so the worker thread reads the files after the padding below while the main thread
// reads the rest, and compare with a scan on the main thread alone.

/** The environment of a scan whose worker thread reads the files after the padding. */
const withWorker = { STS_AUDIT_WORKER_THREADS: '1', STS_AUDIT_WORKER_MIN_BYTES: '0' };
const mainThreadOnly = { STS_AUDIT_WORKER_THREADS: '0' };

/** ConfigMaps of about `kilobytes` KB: more than the files after it, so that they are the worker's share. */
const padding = (kilobytes: number) =>
  Array.from({ length: kilobytes }, (_, i) => yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: pad-${i}`, '  namespace: team', 'data:', `  filler: "${'x'.repeat(900)}"`)).join('---\n');

/** A workload that sets the Regional endpoint itself, running as `account`: STS006 when the account's role turns it off. */
const regionalWorkload = (account: string, extra: string[] = []) => deployment([...env('AWS_STS_REGIONAL_ENDPOINTS', 'regional'), ...extra], { serviceAccount: account }).replace('name: web', `name: ${account}-web`);
const account = (name: string, value: string) => serviceAccount([roleArn, setting(`"${value}"`)], name);

const tree = {
  // The main thread's share: the first account of a name wins, whoever reads a later one.
  'a-first.yaml': account('dup', 'true'),
  'a-earlier.yaml': account('earlier', 'false'),
  // Its account is in the worker's share: checked again once the worker is done.
  'a-waits.yaml': regionalWorkload('later'),
  'b-padding.yaml': padding(40),
  // The worker thread's share.
  'y-dup.yaml': account('dup', 'false'),
  // Checked in the worker against its own `dup` ("false"): the run's is `a-first.yaml`'s ("true").
  'y-uses-dup.yaml': regionalWorkload('dup'),
  // Its account is read by the main thread, not by the worker.
  'y-uses-earlier.yaml': regionalWorkload('earlier'),
  // Its account comes further on in the worker's own share.
  'y-forward.yaml': regionalWorkload('forward'),
  'y-suppressed.yaml': regionalWorkload('earlier', []).replace('name: earlier-web', 'name: quiet\n  annotations:\n    sts-audit.io/ignore: STS006 -- a test double'),
  'y-inline.yaml': `${regionalWorkload('earlier').replace('name: earlier-web', 'name: inline').replace('value: regional', 'value: regional # sts-audit-ignore STS006')}`,
  'z-forward.yaml': account('forward', 'false'),
  'z-later.yaml': account('later', 'false'),
  'z-values.yaml': yaml('sts:', '  endpoint: https://sts.amazonaws.com'),
  'z-bomb.yaml': yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: bomb', 'data:', ...Array.from({ length: 10 }, (_, level) => (level === 0 ? '  l0: &l0 ["lol"]' : `  l${level}: &l${level} [${Array(10).fill(`*l${level - 1}`).join(', ')}]`))),
  'z/test/values.yaml': yaml('endpoint: https://sts.amazonaws.com'),
  'z/eksctl/cluster.yaml': yaml('apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata:', '  name: legacy', '  region: us-east-1', '  version: "1.21"'),
  'z/eksctl/sa.yaml': serviceAccount([roleArn], 'plain'),
};

function scan(root: string, environment: Record<string, string>, format = 'json', ...flags: string[]) {
  const run = runCli(['scan', '.', '--format', format, ...flags], { cwd: root, env: environment });
  return { ...run, report: format === 'json' ? (JSON.parse(run.stdout) as Report) : undefined };
}

describe('a scan with a worker thread', () => {
  const root = makeTree(tree);

  it('reports byte for byte what the main thread alone reports, in every format', () => {
    for (const format of ['json', 'sarif', 'text', 'markdown']) {
      const apart = scan(root, withWorker, format);
      const alone = scan(root, mainThreadOnly, format);
      expect(apart.code).toBe(alone.code);
      expect(apart.stdout).toBe(alone.stdout);
    }
    // The IRSA ServiceAccounts of the worker's share are in the inventory and the counts, as the main thread lists them.
    const apart = scan(root, withWorker, 'json', '--inventory');
    expect(apart.stdout).toBe(scan(root, mainThreadOnly, 'json', '--inventory').stdout);
    expect(apart.report!.inventory!.length).toBeGreaterThan(1);
  });

  it('joins workloads to the accounts the run would: the first of a name, in any file, read by either thread', () => {
    const { report, code } = scan(root, withWorker);
    expect(code).toBe(1);
    const at = (finding: Report['findings'][number]) => `${finding.ruleId} ${finding.location?.path}:${finding.location?.startLine}:${finding.location?.startColumn}${finding.suppressed ? ` ${finding.suppressed.kind}` : ''}`;
    expect(report!.findings.filter((finding) => finding.ruleId === 'STS006').map(at)).toEqual([
      'STS006 a-waits.yaml:16:22',
      'STS006 y-forward.yaml:16:22',
      'STS006 y-inline.yaml:16:22 inline',
      'STS006 y-suppressed.yaml:18:22 annotation',
      'STS006 y-uses-earlier.yaml:16:22',
    ]);
    // The eksctl ClusterConfig sets its folder's profile, in the worker too.
    expect(report!.findings.filter((finding) => finding.location?.path === 'z/eksctl/sa.yaml').map((finding) => `${finding.ruleId} ${finding.object?.cluster}`)).toEqual(['STS003 legacy']);
    expect(report!.profiles.map((profile) => profile.name)).toEqual(['assumed', 'legacy']);
    expect(report!.inputs.testCode).toEqual(['z/test/values.yaml']);
    expect(report!.findings.filter((finding) => finding.ruleId === 'STS008').map(at)).toEqual(['STS008 z-values.yaml:2:21', 'STS008 z/test/values.yaml:1:19']);
  });

  it('starts its worker as the scan begins when the manifest files are many, with the same reports', () => {
    const early = { ...withWorker, STS_AUDIT_WORKER_MIN_FILES: '0' };
    for (const format of ['json', 'sarif']) expect(scan(root, early, format).stdout).toBe(scan(root, mainThreadOnly, format).stdout);
  });

  it('stops a worker started with the scan that gets no files, and ends as the main thread alone does', () => {
    const started = Date.now();
    const unused = scan(root, { STS_AUDIT_WORKER_THREADS: '1', STS_AUDIT_WORKER_MIN_FILES: '0', STS_AUDIT_WORKER_MIN_BYTES: String(1024 ** 3) });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(unused.stdout).toBe(scan(root, mainThreadOnly).stdout);
  });

  it('reports a hostile file in the worker\'s share as an input error, as the main thread does', () => {
    const { report } = scan(root, withWorker);
    expect(report!.inputs.errors).toEqual([{ path: 'z-bomb.yaml', message: 'not read: aliases stand for more than 100000 nodes (--max-alias-nodes)', line: 11, column: 28 }]);
    expect(report!.summary.complete).toBe(false);
    const clean = makeTree({ 'a.yaml': account('one', 'true'), 'b-padding.yaml': padding(40), 'z-bomb.yaml': tree['z-bomb.yaml'] });
    const hostile = scan(clean, withWorker);
    expect(hostile.code).toBe(3);
    expect(hostile.report!.inputs.errors.map((error) => error.path)).toEqual(['z-bomb.yaml']);
  });

  it('ends a worker that stops (here, past its heap limit) as input errors of its files, exit 3, never a clean report', () => {
    const root = makeTree({ 'a.yaml': account('one', 'true'), 'b-padding.yaml': padding(400), 'z-large.yaml': padding(300), 'z-small.yaml': account('two', 'true') });
    const started = Date.now();
    const { code, report } = scan(root, { ...withWorker, STS_AUDIT_WORKER_HEAP_MB: '4' });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(code).toBe(3);
    expect(report!.summary.complete).toBe(false);
    expect(report!.inputs.errors).toEqual(
      ['z-large.yaml', 'z-small.yaml'].map((path) => ({ path, message: expect.stringMatching(/^not checked: the worker thread reading it stopped \(.*memory limit.*\)$/) })),
    );
    expect(report!.inputs.files).toBe(2);
  });
});
