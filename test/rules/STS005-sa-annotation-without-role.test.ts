import { describe, expect, it } from 'vitest';
import { scanFiles, where } from '../helpers.js';
import { regionalCluster, serviceAccount } from './fixtures.js';
import { setting } from './fixtures.js';

describe('STS005 sa-annotation-without-role', () => {
  it.each([[[]], [['eks.amazonaws.com/role-arn: ""']], [['eks.amazonaws.com/role-arn:']]])(
    'fires when the setting has no role beside it (%#), at the key',
    (extra) => {
      const lines = [...extra, setting('"true"')];
      const report = scanFiles({ 'sa.yaml': serviceAccount(lines) }, regionalCluster);
      expect(where(report)).toEqual([`STS005 sa.yaml:${7 + extra.length}:5-45`]);
    },
  );

  it('does not fire with a role, even a placeholder one', () => {
    const lines = ['eks.amazonaws.com/role-arn: ${CARTS_IAM_ROLE}', setting('"true"')];
    expect(scanFiles({ 'sa.yaml': serviceAccount(lines) }, regionalCluster).findings).toEqual([]);
  });
});
