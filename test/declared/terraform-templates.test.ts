import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { exitCode } from '../../src/engine/report.js';
import { makeTree, where, yaml } from '../helpers.js';

describe('Terraform templates named by templatefile()', () => {
  it('reads a `.tftpl` values template, the ending Terraform recommends, instead of calling it missing', async () => {
    const root = makeTree({
      'main.tf': [
        'resource "helm_release" "web" {',
        '  name   = "web"',
        '  chart  = "web"',
        '  values = [templatefile("${path.module}/values.yaml.tftpl", { role = "arn:aws:iam::111122223333:role/web" })]',
        '}',
        '',
      ].join('\n'),
      'values.yaml.tftpl': yaml('serviceAccount:', '  annotations:', '    eks.amazonaws.com/role-arn: ${role}', '    eks.amazonaws.com/sts-regional-endpoints: "no"'),
    });
    const report = await scan({ targets: ['.'], root, inventory: true, flags: { clusterVersion: '1.31' } });
    expect(report.inputs.errors).toEqual([]);
    expect(where(report)).toEqual(['STS004 values.yaml.tftpl:4:47-51']);
    expect(report.inventory!.map((entry) => `${entry.path}:${entry.line}:${entry.column} ${entry.roleArn}`)).toEqual(['values.yaml.tftpl:3:33 arn:aws:iam::111122223333:role/web']);
    expect(report.inputs.skipped).toEqual([{ path: 'values.yaml.tftpl', reason: 'Terraform template: read only as the values of a `templatefile()` call that names it' }]);
    expect(exitCode(report, 'warning')).toBe(1);
  });
});
