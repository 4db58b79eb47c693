import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeclarations } from '../../src/loaders/declared/read-declarations.js';
import { terraformReader } from '../../src/loaders/declared/terraform/read-terraform.js';
import { expectedDefinitions, scanCorpusWithInventory } from '../support/irsa-expected.js';
import { sharedCorpus } from '../helpers.js';

const corpus = sharedCorpus('irsa-sources');

describe.skipIf(!corpus.present)(corpus.title('Terraform definitions of the irsa-sources corpus'), () => {
  // Section 1's Terraform rows, and the FluxInstances that Terraform writes with `yamlencode`.
  const rows = corpus.present ? expectedDefinitions(corpus.folder).filter((row) => row.format.startsWith('terraform-') || (row.format === 'flux' && row.path.endsWith('.tf'))) : [];

  it('lists 16 rows: terraform-helm, terraform-k8s and the two FluxInstance patches', () => {
    expect(rows.map((row) => row.row)).toEqual([16, 17, 18, 19, 47, 48, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66]);
  });

  it.each(rows.map((row) => [row.row, row.where, row] as const))('row %i (%s) is in the inventory at its line', async (_, __, row) => {
    const report = await scanCorpusWithInventory(corpus.folder);
    const entries = (report.inventory ?? []).filter((entry) => entry.path === row.path).map((entry) => entry.line);
    expect(entries).toContain(row.line);
  });

  it('reports no audience trap of section 5 in Terraform files', async () => {
    const report = await scanCorpusWithInventory(corpus.folder);
    const traps = ['alphagov__govuk-infrastructure/terraform/deployments/chat/bedrock_iam.tf:23', 'kubefirst__gitops-template/aws-github/terraform/aws/eks/main.tf:509', 'Young-ook__terraform-aws-eks/modules/irsa/main.tf:2'];
    const reported = report.findings.map((finding) => `${finding.location?.path}:${finding.location?.startLine}`);
    expect(reported.filter((at) => traps.includes(at))).toEqual([]);
    // Nor a commented-out `set` block (section 3).
    expect((report.inventory ?? []).filter((entry) => entry.path === 'aws-samples__eks-saas-gitops/terraform/modules/flux_cd/main.tf').map((entry) => entry.line)).toEqual([94, 109]);
  });

  it('reads the cluster versions of section 4 that Terraform declares', () => {
    const files = [
      'alphagov__govuk-infrastructure/terraform/deployments/cluster-infrastructure/main.tf',
      'alphagov__govuk-infrastructure/terraform/deployments/cluster-infrastructure/variables.tf',
      'alphagov__govuk-infrastructure/terraform/variables/production/cluster-infrastructure.tfvars',
      'external-secrets__external-secrets/terraform/aws/infrastructure/modules/cluster/main.tf',
      'kubefirst__gitops-template/aws-github/terraform/aws/eks/main.tf',
      'aws-samples__eks-saas-gitops/terraform/workshop/main.tf',
      'aws-samples__eks-saas-gitops/terraform/workshop/variables.tf',
      'awslabs__data-on-eks/infra/terraform/eks.tf',
      'awslabs__data-on-eks/infra/terraform/variables.tf',
    ];
    const declarations = readDeclarations(files.map((file) => ({ path: file, text: readFileSync(path.join(corpus.folder, file), 'utf8') })), [terraformReader]);
    expect(declarations.clusters.map((cluster) => `${cluster.file}:${cluster.line} ${cluster.kubernetesVersion}`).sort()).toEqual([
      'alphagov__govuk-infrastructure/terraform/deployments/cluster-infrastructure/main.tf:244 1.36',
      'aws-samples__eks-saas-gitops/terraform/workshop/main.tf:110 1.32',
      'awslabs__data-on-eks/infra/terraform/eks.tf:12 1.34',
      'external-secrets__external-secrets/terraform/aws/infrastructure/modules/cluster/main.tf:18 1.33',
      'kubefirst__gitops-template/aws-github/terraform/aws/eks/main.tf:42 1.29',
    ]);
  });
});
