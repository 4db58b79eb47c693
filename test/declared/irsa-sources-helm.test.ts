import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedCorpus } from '../helpers.js';
import { expectedDefinitions, scanCorpusWithInventory } from '../support/irsa-expected.js';

const corpus = sharedCorpus('irsa-sources');

/** The formats of EXPECTED.md that Helm values files, helmfiles and chart templates hold. */
const helmFormats = new Set(['helm-values', 'helm-template']);

describe.skipIf(!corpus.present)('irsa-sources corpus: Helm values, helmfile and chart templates', () => {
  const rows = corpus.present ? expectedDefinitions(corpus.folder).filter((row) => helmFormats.has(row.format)) : [];

  it(corpus.title('lists the 22 Helm definitions of EXPECTED.md'), () => {
    expect(rows.map((row) => row.format).filter((format) => format === 'helm-values')).toHaveLength(18);
    expect(rows.map((row) => row.format).filter((format) => format === 'helm-template')).toHaveLength(4);
  });

  it(corpus.title('has each Helm definition in the inventory at its file and line'), async () => {
    const report = await scanCorpusWithInventory(corpus.folder);
    const missing = rows.filter((row) => {
      const lines = readFileSync(path.join(corpus.folder, row.path), 'utf8').split('\n');
      return !report.inventory!.some((entry) => {
        if (entry.path !== row.path) return false;
        // A role key alone on its line has its value on the next (EXPECTED row 14): the key's line is the definition's.
        const keyAbove = entry.line === row.line + 1 && lines[row.line - 1]!.trimEnd().endsWith(':') && lines[row.line - 1]!.includes('eks.amazonaws.com/role-arn');
        return entry.line === row.line || keyAbove;
      });
    });
    expect(missing.map((row) => `row ${row.row} ${row.where}`)).toEqual([]);
  });

  it(corpus.title('reads the endpoint setting of rows 1 and 5 where the chart template writes it'), async () => {
    const report = await scanCorpusWithInventory(corpus.folder);
    const cloudprem = report.inventory!.find((entry) => entry.path === 'DataDog__helm-charts/charts/cloudprem/templates/serviceaccount.yaml');
    expect(cloudprem).toMatchObject({ input: 'helm-chart', line: 11, endpoint: { value: 'true', line: 12 } });
    const keda = report.inventory!.find((entry) => entry.path === 'kedacore__charts/keda/templates/manager/serviceaccount.yaml');
    expect(keda).toMatchObject({ input: 'helm-chart', line: 30, endpoint: { line: 33 } });
  });

  it(corpus.title('takes no comment, empty role or create: false account for a definition (EXPECTED section 3)'), async () => {
    const report = await scanCorpusWithInventory(corpus.folder);
    const notDefinitions: Array<[string, number]> = [
      ['DataDog__helm-charts/charts/cloudprem/values.yaml', 102],
      ['prometheus-community__helm-charts/charts/prometheus-cloudwatch-exporter/values.yaml', 93],
      ['prometheus-community__helm-charts/charts/prometheus-kafka-exporter/values.yaml', 69],
      ['kubernetes-sigs__aws-efs-csi-driver/charts/aws-efs-csi-driver/values.yaml', 118],
      ['kedacore__charts/keda/values.yaml', 417],
      ['alphagov__govuk-helm-charts/charts/db-backup/values.yaml', 67],
      ['alphagov__govuk-helm-charts/charts/mirror/values.yaml', 14],
      ['aws-samples__appmod-blueprints/gitops/addons/default/addons/keycloak/values.yaml', 29],
    ];
    const listed = report.inventory!.map((entry) => `${entry.path}:${entry.line}`);
    expect(listed.filter((entry) => notDefinitions.some(([file]) => entry.startsWith(`${file}:`)))).toEqual([]);
    const etc = report.inventory!.filter((entry) => entry.path.includes('sql-based-etl-on-amazon-eks/spark-on-eks/source/app_resources/'));
    expect(etc).toEqual([]);
  });

  it(corpus.title('reports nothing at an audience or token path of section 5 in Helm files'), async () => {
    const report = await scanCorpusWithInventory(corpus.folder);
    const kubezero = 'Zero-Down-Time__kubezero/charts/kubezero/templates';
    const traps = [
      'kedacore__charts/keda/values.yaml:414',
      'cds-snc__notification-manifests/helmfile/overrides/system/aws-secrets.yaml.gotmpl:14',
      ...[49, 61, 64, 92, 101, 104, 153, 182].map((line) => `${kubezero}/addons.yaml:${line}`),
      ...[75, 89, 92].map((line) => `${kubezero}/argo.yaml:${line}`),
      ...[20, 31, 35].map((line) => `${kubezero}/cert-manager.yaml:${line}`),
      ...[31, 41, 44].map((line) => `${kubezero}/metrics.yaml:${line}`),
      ...[35, 63].map((line) => `${kubezero}/storage.yaml:${line}`),
      ...[129, 132, 140, 282, 287, 318].map((line) => `Zero-Down-Time__kubezero/charts/kubezero-metrics/values.yaml:${line}`),
    ];
    const at = new Set(report.findings.map((finding) => `${finding.location?.path}:${finding.location?.startLine}`));
    expect(traps.filter((trap) => at.has(trap))).toEqual([]);
  });
});
