import { describe, expect, it } from 'vitest';
import { scanFiles, where } from '../helpers.js';
import { globalCluster, regionalCluster, roleArn, serviceAccount } from './fixtures.js';
import { setting } from './fixtures.js';

describe('STS004 sa-annotation-invalid-value', () => {
  it.each([
    ['"yes"', 'invalid'],
    ['"regional"', 'invalid'],
    ['"legacy"', 'invalid'],
    ['" true"', 'invalid'],
    ['""', 'invalid'],
    ['"tRUE"', 'invalid'],
    ['true', 'notString'],
    ['false', 'notString'],
    ['yes', 'notString'],
    ['1', 'notString'],
  ])('fires on %s, at the value', (value) => {
    const report = scanFiles({ 'sa.yaml': serviceAccount([roleArn, setting(value)]) }, regionalCluster);
    expect(where(report)).toEqual([`STS004 sa.yaml:8:47-${47 + value.length}`]);
    expect(report.findings[0]!.level).toBe('error');
  });

  it('says why a non-string is rejected', () => {
    const report = scanFiles({ 'sa.yaml': serviceAccount([roleArn, setting('true')]) }, regionalCluster);
    expect(report.findings[0]!.message).toMatch(/boolean/);
  });

  it.each(['"1"', '"t"', '"T"', '"TRUE"', '"true"', '"True"', '"0"', '"f"', '"F"', '"FALSE"', '"false"', '"False"'])(
    'accepts the ParseBool spelling %s',
    (value) => {
      expect(where(scanFiles({ 'sa.yaml': serviceAccount([roleArn, setting(value)]) }, globalCluster), 'STS004')).toEqual([]);
    },
  );

  it.each(['"${mode}"', '"${mode:=true}"', '"${mode:-legacy}"'])('takes the variable %s as an unknown value, not an invalid one', (value) => {
    expect(where(scanFiles({ 'sa.yaml': serviceAccount([roleArn, setting(value)]) }, regionalCluster))).toEqual([]);
  });

  it('still fires on a value that only contains a variable', () => {
    expect(where(scanFiles({ 'sa.yaml': serviceAccount([roleArn, setting('"x${mode}"')]) }, regionalCluster))).toEqual(['STS004 sa.yaml:8:47-57']);
  });
});
