import { describe, expect, it } from 'vitest';
import { parseSetName, setLayer } from '../../src/loaders/declared/helm-set.js';

describe('parseSetName', () => {
  it.each([
    ['serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn', ['serviceAccount', 'annotations', 'eks.amazonaws.com/role-arn']],
    ['env[0].name', ['env', 0, 'name']],
    ['matrix[1][2]', ['matrix', 1, 2]],
    ['a\\\\b', ['a\\b']],
    ['single', ['single']],
  ])('reads %s', (name, path) => {
    expect(parseSetName(name)).toEqual(path);
  });

  it.each([
    ['', 'an empty name'],
    ['a..b', '`a..b` has an empty key at character 3'],
    ['a.', '`a.` ends with an empty key'],
    ['.a', '`.a` has an empty key at character 1'],
    ['env[x]', '`env[x]` has a list index that is not a number at character 4'],
    ['env[0', '`env[0` has a list index that is not a number at character 4'],
    ['env[0]x', '`env[0]x` has text right after a list index at character 7'],
    ['trailing\\', '`trailing\\` ends with a lone backslash'],
  ])('refuses %j', (name, reason) => {
    expect(parseSetName(name)).toBe(reason);
  });
});

describe('setLayer', () => {
  const at = (line: number, column: number) => ({ startLine: line, startColumn: column, endLine: line, endColumn: column + 1, lineText: '' });
  const layer = setLayer(
    'main.tf',
    [
      { path: ['serviceAccount', 'annotations', 'eks.amazonaws.com/role-arn'], value: 'arn:1', name: at(3, 12), valueAt: at(4, 13) },
      { path: ['env', 0, 'name'], value: 'AWS_STS_REGIONAL_ENDPOINTS', name: at(7, 12), valueAt: at(8, 13) },
      { path: ['serviceAccount', 'annotations', 'eks.amazonaws.com/role-arn'], value: 'arn:2', name: at(11, 12), valueAt: at(12, 13) },
    ],
    'set blocks',
  );

  it('builds the tree the entries set, the last entry winning', () => {
    expect(layer.value).toEqual({ serviceAccount: { annotations: { 'eks.amazonaws.com/role-arn': 'arn:2' } }, env: [{ name: 'AWS_STS_REGIONAL_ENDPOINTS' }] });
  });

  it('points a path at the value of the last entry that sets it, its key at the name', () => {
    expect(layer.locator.locate(['serviceAccount', 'annotations', 'eks.amazonaws.com/role-arn']).startLine).toBe(12);
    expect(layer.locator.locate(['serviceAccount', 'annotations', 'eks.amazonaws.com/role-arn'], { target: 'key' }).startLine).toBe(11);
  });

  it('points a mapping at the name of the last entry below it, a missing key at the nearest entry', () => {
    expect(layer.locator.locate(['serviceAccount', 'annotations']).startLine).toBe(11);
    expect(layer.locator.locate(['env', 0, 'value']).startLine).toBe(7);
  });
});
