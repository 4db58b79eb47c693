import { describe, expect, it } from 'vitest';
import { scanTexts } from '../../src/engine/scan.js';

const manifest = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: app
  namespace: shop
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/app
    eks.amazonaws.com/sts-regional-endpoints: "true"
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: plain
`;

describe('inventory', () => {
  it('lists each ServiceAccount that names a role, at its role annotation, with its endpoint setting and profile', () => {
    const report = scanTexts([{ path: 'sa.yaml', text: manifest }], { inventory: true, flags: { clusterVersion: '1.31' } });
    expect(report.inventory).toEqual([
      {
        path: 'sa.yaml',
        line: 7,
        column: 33,
        input: 'manifest',
        namespace: 'shop',
        name: 'app',
        roleArn: 'arn:aws:iam::111122223333:role/app',
        endpoint: { value: 'true', path: 'sa.yaml', line: 8, column: 47 },
        profile: { name: 'command-line', kubernetesVersion: '1.31', source: 'flag' },
      },
    ]);
  });

  it('is left out unless asked for', () => {
    expect(scanTexts([{ path: 'sa.yaml', text: manifest }]).inventory).toBeUndefined();
  });
});
