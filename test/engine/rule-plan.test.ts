import { describe, expect, it } from 'vitest';
import { planRules } from '../../src/engine/rule-plan.js';

const workloadKinds = ['Pod', 'PodTemplate', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob'];
const ids = (bound: ReadonlyArray<{ rule: { id: string } }> | undefined) => (bound ?? []).map(({ rule }) => rule.id);

describe('the rule plan of a run', () => {
  it('runs each object rule on the kinds its metadata names, in id order', () => {
    const plan = planRules({});
    expect(ids(plan.objectRules.get('ServiceAccount'))).toEqual(['STS001', 'STS002', 'STS003', 'STS004', 'STS005']);
    expect(ids(plan.objectRules.get('Deployment'))).toEqual(['STS006', 'STS007', 'STS011', 'STS013', 'STS015']);
    expect(ids(plan.objectRules.get('Pod'))).toEqual(['STS006', 'STS007', 'STS009', 'STS010', 'STS011', 'STS013', 'STS015']);
    expect(ids(plan.objectRules.get('ConfigMap'))).toEqual(['STS007', 'STS011']);
    expect(plan.objectRules.get('Node')).toBeUndefined();
    expect(ids(plan.textRules)).toEqual(['STS008', 'STS012', 'STS014']);
  });

  it('tells sources what the chosen rules read, and binds the levels the config sets', () => {
    const plan = planRules({ onlyRules: ['STS013', 'STS901'], ruleLevels: { STS013: 'error', STS001: 'off' } });
    expect([...plan.needs.rulesByKind]).toEqual(workloadKinds.map((kind) => [kind, ['STS013']]));
    expect(plan.needs.texts).toBe(false);
    expect(plan.objectRules.get('Pod')?.[0]?.configuredLevel).toBe('error');
    expect([...plan.engineRules.keys()]).toEqual(['STS901']);
    expect([...planRules({ ruleLevels: { STS001: 'off' } }).needs.rulesByKind.get('ServiceAccount')!]).toEqual(['STS002', 'STS003', 'STS004', 'STS005']);
  });
});
