import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertValidReport, runCli, sharedFolder } from './helpers.js';
import type { Report } from '../src/engine/report.js';

const corpus = path.join(sharedFolder, 'corpus', 'realworld');

// The public corpus of ../shared (see its EXPECTED.md). Its FLAG lines all sit in application
// config (Terraform, shared config files, app YAML), which the manifest rules do not read; every
// manifest in it is correct or a trap, so the manifest rules must stay silent.
describe.runIf(existsSync(corpus))('the real-world corpus', () => {
  const run = runCli(['scan', '.', '--format', 'json'], { cwd: corpus });
  const report = JSON.parse(run.stdout) as Report;

  it('scans without an error and reports no manifest finding', () => {
    assertValidReport(report);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(report.inputs.errors).toEqual([]);
    expect(report.findings).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('skips each template and the unparsable non-manifests with a reason', () => {
    expect(report.inputs.skipped.map((item) => item.path)).toEqual([
      'A/aws__eks-charts__stable__aws-load-balancer-controller__templates__serviceaccount.yaml',
      'A/aws__karpenter-provider-aws__charts__karpenter__templates__serviceaccount.yaml',
      'A/awslabs__data-on-eks__infra__terraform__helm-values__aws-for-fluentbit.yaml',
      'A/e6x-labs__e6data-operator__charts__workspace__templates___helpers.tpl',
      'A/e6x-labs__e6data-operator__charts__workspace__templates__service_accounts.yaml',
      'B/Zero-Down-Time__kubezero__charts__kubezero-addons__templates__forseti__deployment.yaml',
      'C/apache__polaris__site__content__guides__assets__polaris__reference-setup-config.yaml',
      'D/Zero-Down-Time__kubezero__docs__SA_OIDC.yaml',
    ]);
  });

  it('reads the objects the corpus holds: List items, JSON, multi-document streams', () => {
    expect(report.inputs).toMatchObject({ files: 25, documents: 29, objects: 23 });
    expect(report.profiles.map((p) => `${p.name}/${p.source}`)).toEqual(['assumed/assumed', 'cluster-13/eksctl']);
  });
});
