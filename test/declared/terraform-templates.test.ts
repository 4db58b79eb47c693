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
    // Read through the call, it is a file scanned, not one skipped.
    expect(report.inputs.skipped).toEqual([]);
    expect(report.inputs.files).toBe(2);
    expect(exitCode(report, 'warning')).toBe(1);
  });

  it('skips a template that no templatefile() call reads, with the reason', async () => {
    const root = makeTree({
      'main.tf': 'resource "helm_release" "web" {\n  name  = "web"\n  chart = "web"\n}\n',
      'values.yaml.tftpl': yaml('serviceAccount:', '  annotations:', '    eks.amazonaws.com/role-arn: ${role}'),
      'values.yaml.tpl': yaml('serviceAccount:', '  annotations:', '    eks.amazonaws.com/role-arn: ${role}'),
    });
    const report = await scan({ targets: ['.'], root });
    expect(report.inputs.skipped.map((item) => item.path)).toEqual(['values.yaml.tftpl', 'values.yaml.tpl']);
    expect(report.inputs.files).toBe(1);
  });

  it('counts a `.tpl` values file that templatefile() reads as scanned through the call, not as a skipped Helm helper', async () => {
    const root = makeTree({
      'main.tf': [
        'resource "helm_release" "dns" {',
        '  name   = "external-dns"',
        '  chart  = "external-dns"',
        '  values = [templatefile("${path.module}/templates/values.yaml.tpl", { role = "arn:aws:iam::111122223333:role/dns" })]',
        '}',
        '',
      ].join('\n'),
      'templates/values.yaml.tpl': yaml('serviceAccount:', '  annotations:', '    eks.amazonaws.com/role-arn: ${role}', '    eks.amazonaws.com/sts-regional-endpoints: "false"'),
    });
    const report = await scan({ targets: ['.'], root, flags: { clusterVersion: '1.31' } });
    expect(where(report)).toEqual(['STS001 templates/values.yaml.tpl:4:47-54']);
    expect(report.inputs.skipped).toEqual([]);
    expect(report.inputs.files).toBe(2);
  });
});
