import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertValidReport, repoRoot, runCli } from './helpers.js';
import type { Report } from '../src/engine/report.js';

const exampleRepo = path.join(repoRoot, 'fixtures', 'example-repo');

// fixtures/example-repo/EXPECTED.md lists these, each position worked out independently of the scanner.
const expected = [
  'STS012 note apps/image-resizer/src/urls.ts:3:29',
  'STS008 error apps/orders-api/Dockerfile:7:32',
  'STS008 error apps/orders-api/app/aws.py:10:49',
  'STS014 note apps/orders-api/requirements.txt:1:1',
  'STS002 warning clusters/legacy-eu/fluent-bit.yaml:8:5',
  'STS007 warning clusters/legacy-eu/fluent-bit.yaml:28:35',
  'STS007 note clusters/legacy-eu/image-resizer.yaml:17:15',
  'STS006 error clusters/legacy-eu/image-resizer.yaml:40:22',
  'STS001 note clusters/prod-us/external-dns.yaml:8:47',
  'STS006 note clusters/prod-us/external-dns.yaml:34:22',
  'STS015 warning clusters/prod-us/orders-api.yaml:37:9',
  'STS011 note clusters/prod-us/orders-ledger-sync.yaml:24:34',
  'STS004 error clusters/prod-us/payments-worker.yaml:8:47',
  'STS007 error clusters/prod-us/payments-worker.yaml:29:38',
  'STS005 note clusters/staging-us/cloudwatch-exporter.yaml:8:5',
  'STS003 note clusters/staging-us/orders-api.yaml:7:5',
  'STS007 note clusters/staging-us/orders-api.yaml:19:30',
  'STS013 note clusters/staging-us/orders-api.yaml:42:21',
  'STS007 warning clusters/staging-us/orders-nightly-export.yaml:27:34',
  'STS006 note clusters/staging-us/payments-worker.yaml:31:22',
  'STS008 error infra/oidc.tf:27:20',
];

describe('the bundled example repository', () => {
  const run = runCli(['scan', '--format', 'json'], { cwd: exampleRepo });
  const report = JSON.parse(run.stdout) as Report;

  it('yields exactly the findings its EXPECTED.md lists, and exits 1', () => {
    assertValidReport(report);
    expect(report.findings.map((f) => `${f.ruleId} ${f.level} ${f.location!.path}:${f.location!.startLine}:${f.location!.startColumn}`)).toEqual(expected);
    expect(run.code).toBe(1);
  });

  it('takes each cluster from the config file or the eksctl ClusterConfig beside the manifests', () => {
    expect(report.profiles.map((p) => [p.name, p.source, p.kubernetesVersion, p.platformVersion, p.region, p.defaultEndpoint])).toEqual([
      ['assumed', 'assumed', null, null, null, 'regional'],
      ['legacy-eu', 'eksctl', '1.17', null, 'eu-west-1', 'unsupported'],
      ['prod-us', 'config', '1.29', null, 'us-west-2', 'regional'],
      ['staging-us', 'config', '1.21', 'eks.3', 'us-east-1', 'global'],
    ]);
  });

  it('reads the Helm template for what it writes literally, with the reason, leaves out the ignored folder, and is complete', () => {
    expect(report.inputs.skipped).toEqual([]);
    expect(report.inputs.unanalysed).toEqual([{ path: 'charts/orders/templates/deployment.yaml', kind: 'helm-chart', reason: expect.stringMatching(/^Go\/Helm template/) }]);
    expect(report.findings.some((f) => f.location!.path.startsWith('scratch/'))).toBe(false);
    expect(report.inputs.errors).toEqual([]);
    expect(report.summary).toEqual({ error: 6, warning: 4, note: 11, suppressed: 0, complete: true });
  });
});
