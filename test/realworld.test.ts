import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertValidReport, makeTree, repoRoot, runCli, sharedCorpus } from './helpers.js';
import type { Report } from '../src/engine/report.js';

const corpus = sharedCorpus('realworld');

// The public corpus of ../shared (see its EXPECTED.md): its 20 FLAG lines all sit in application
// config (Terraform, an AWS shared config file, app YAML) and must be found, exactly; every other
// file is correct or a trap (audiences, comments, prefixed keys, templates) and must stay silent.
const govukLines = [40, 49, 58, 67, 76, 85, 94, 103, 112, 121, 130, 139, 148, 157, 166, 175, 184];
const expected = [
  ...govukLines.map((line) => `STS008 error C/alphagov__govuk-infrastructure__terraform__deployments__vpc__main.tf:${line}:20`),
  'STS008 error C/apache__polaris__site__content__guides__assets__polaris__reference-setup-config.yaml:195:28',
  'STS008 error C/aws__aws-sdk-ruby__gems__aws-sdk-core__spec__fixtures__credentials__mock_shared_config:194:26',
  'STS008 error C/midega-g__snowflake_aws_privatelink__terraform__01_networking__provider.tf:29:20',
];
describe.runIf(corpus.present)(corpus.title('the real-world corpus'), () => {
  // Run in beforeAll, not while collecting: a skipped suite is still collected.
  let run: ReturnType<typeof runCli>;
  let report: Report;
  beforeAll(() => {
    run = runCli(['scan', '.', '--format', 'json'], { cwd: corpus.folder });
    report = JSON.parse(run.stdout) as Report;
  });

  it('finds every FLAG line of EXPECTED.md and nothing else, without an error', () => {
    assertValidReport(report);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(report.inputs.errors).toEqual([]);
    expect(report.findings.map((f) => `${f.ruleId} ${f.level} ${f.location!.path}:${f.location!.startLine}:${f.location!.startColumn}`)).toEqual(expected);
    expect(report.findings.map((f) => f.location!.snippet.trim())).toContain('sts_regional_endpoints = legacy');
    expect(run.code).toBe(1);
  });

  it('reads each chart template for what it writes literally, lists what it reads only in part with the reason (a template that is not YAML even so is read as text), and reads everything else', () => {
    expect(report.inputs.unanalysed!.map((item) => item.path)).toEqual([
      'A/aws__eks-charts__stable__aws-load-balancer-controller__templates__serviceaccount.yaml',
      'A/aws__karpenter-provider-aws__charts__karpenter__templates__serviceaccount.yaml',
      // Not YAML even with its template actions masked: only its text is read.
      'A/awslabs__data-on-eks__infra__terraform__helm-values__aws-for-fluentbit.yaml',
      'A/e6x-labs__e6data-operator__charts__workspace__templates__service_accounts.yaml',
      // A release of a chart not known, read by the `helm create` convention; values decided at apply time.
      'A/polytomic__on-premises__terraform__modules__eks-helm__main.tf',
      'A/polytomic__on-premises__terraform__modules__eks-helm__main.tf',
      'B/Zero-Down-Time__kubezero__charts__kubezero-addons__templates__forseti__deployment.yaml',
    ]);
    expect(report.inputs.skipped.map((item) => item.path)).toEqual(['A/e6x-labs__e6data-operator__charts__workspace__templates___helpers.tpl']);
  });

  it('reads the objects the corpus holds: List items, JSON, multi-document streams', () => {
    expect(report.inputs).toMatchObject({ files: 38, documents: 34, objects: 28 });
    // Folder D holds an eksctl ClusterConfig and an EKS Terraform module that differ: the files beside them take the first, with that assumption.
    expect(report.profiles.map((p) => `${p.name}/${p.source}`)).toEqual(['assumed/assumed', 'cluster-13/eksctl', 'cluster-13/eksctl']);
    expect(report.profiles[1]!.assumptions.at(-1)).toMatch(/^2 files in `D` declare clusters that differ/);
  });
});

const precision = (env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [path.join(repoRoot, 'bench', 'precision.mjs')], { encoding: 'utf8', env: { ...process.env, ...env } });

describe('npm run precision', () => {
  const irsaSources = sharedCorpus('irsa-sources');
  it.runIf(corpus.present && irsaSources.present)(
    irsaSources.title(corpus.title('holds every expectation of both corpora: each FLAG line found, no false error or warning, no audience reported')),
    () => {
      const run = precision();
      expect(run.stdout).toContain('FLAG lines: 20 expected, 20 found (recall 1.00)');
      expect(run.stdout).toContain('audience-only lines (section 5): 33, reported at any level: 0');
      expect(run.stdout).toContain('every expectation held');
      expect(run.status).toBe(0);
    },
  );

  it('skips a corpus that is not there, saying so', () => {
    const run = precision({ CORPORA: makeTree({}) });
    expect(run.stdout).toMatch(/^realworld: skipped, .*EXPECTED\.md is not here/m);
    expect(run.stdout).toMatch(/^irsa-sources: skipped, /m);
    expect(run.status).toBe(0);
  });
});
