import { describe, expect, it } from 'vitest';
import { parseSetName } from '../../src/loaders/declared/helm-set.js';

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
