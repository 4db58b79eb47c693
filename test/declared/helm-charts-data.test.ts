import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaValidator } from '../../src/schema-validation.js';
import { chartKnowledge, knownChart } from '../../src/loaders/declared/release-objects.js';
import { repoRoot } from '../helpers.js';

describe('data/helm-charts.json', () => {
  it('matches its schema', () => {
    const data: unknown = JSON.parse(readFileSync(path.join(repoRoot, 'data', 'helm-charts.json'), 'utf8'));
    expect(schemaValidator('helm-charts.schema.json')(data)).toEqual([]);
  });

  it('names the version read of every chart, and each chart once per repository', () => {
    for (const chart of chartKnowledge) expect(chart.source, chart.chart).toMatch(/\d+(\.\d+)*/);
    const keys = chartKnowledge.map((chart) => `${chart.chart} ${chart.repositoryContains ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    'aws-load-balancer-controller',
    'external-dns',
    'cluster-autoscaler',
    'karpenter',
    'aws-ebs-csi-driver',
    'aws-efs-csi-driver',
    'external-secrets',
    'cert-manager',
    'velero',
    'aws-for-fluent-bit',
    'fluent-bit',
    'kube-prometheus-stack',
    'loki',
    'thanos',
    'tempo',
    'argo-cd',
    'argo-workflows',
    'amazon-cloudwatch-observability',
    'aws-cloudwatch-metrics',
    'keda',
    'datadog',
    'prometheus-cloudwatch-exporter',
  ])('knows %s', (chart) => {
    expect(knownChart(chart, undefined)?.chart).toBe(chart);
  });

  it('tells the bitnami external-dns chart from the kubernetes-sigs one by its repository', () => {
    expect(knownChart('external-dns', 'oci://registry-1.docker.io/bitnamicharts')?.serviceAccounts[0]!.env).toEqual([{ path: 'extraEnvVars', form: 'list' }]);
    expect(knownChart('external-dns', 'https://kubernetes-sigs.github.io/external-dns')?.serviceAccounts[0]!.env).toEqual([{ path: 'env', form: 'list' }]);
  });
});
