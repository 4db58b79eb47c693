import { describe, expect, it } from 'vitest';
import { sharedCorpus } from '../helpers.js';
import { expectedDefinitions, scanCorpusWithInventory } from '../support/irsa-expected.js';

const corpus = sharedCorpus('irsa-sources');
const formats = ['eksctl', 'cdk', 'pulumi'];

describe.skipIf(!corpus.present)(corpus.title('the irsa-sources corpus: eksctl, AWS CDK and Pulumi'), () => {
  const rows = corpus.present ? expectedDefinitions(corpus.folder).filter((row) => formats.includes(row.format)) : [];

  it('has the rows EXPECTED.md counts: eksctl 4, cdk 9, pulumi 2', () => {
    expect(formats.map((format) => rows.filter((row) => row.format === format).length)).toEqual([4, 9, 2]);
  });

  it.each(rows.map((row) => [`${row.row} ${row.format} ${row.where}`, row] as const))('lists definition %s in the inventory at its line', async (_, row) => {
    const report = await scanCorpusWithInventory(corpus.folder);
    const entries = report.inventory!.filter((entry) => entry.path === row.path && entry.line === row.line);
    expect(entries.map((entry) => entry.input)).toEqual([row.format]);
  });

  it('reads no definition where section 3 says there is none, and reports no audience as an endpoint', async () => {
    const report = await scanCorpusWithInventory(corpus.folder);
    const karpenter = 'awslabs__data-solutions-framework-on-aws/framework/src/processing/lib/spark-runtime/emr-containers/eks-karpenter-helpers.ts';
    expect(report.inventory!.filter((entry) => entry.path === karpenter).map((entry) => entry.line)).toEqual([399]);
    const trustPolicy = 'pulumi__examples/aws-ts-localai-flowise/index.ts';
    expect(report.findings.filter((finding) => finding.location?.path === trustPolicy)).toEqual([]);
  });

  it('lists each program as only partly analysed', async () => {
    const report = await scanCorpusWithInventory(corpus.folder);
    const programs = [...new Set(rows.filter((row) => row.format !== 'eksctl').map((row) => row.path))].sort();
    const listed = (report.inputs.unanalysed ?? []).filter((item) => item.kind === 'cdk' || item.kind === 'pulumi').map((item) => item.path);
    expect(listed).toEqual(programs);
  });
});
