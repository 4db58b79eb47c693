import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseBool } from '../../src/model/irsa.js';
import { webhookInjection, type PodShape } from '../../src/model/webhook-model.js';
import { repoRoot } from '../helpers.js';

const folder = path.join(repoRoot, 'test', 'data', 'webhook-testdata');
const testing = 'testing.eks.amazonaws.com/';

interface VectorPod {
  metadata: { annotations?: Record<string, string> };
  spec: {
    containers?: Array<{ name: string; env?: Array<{ name: string; value?: string }> }>;
    initContainers?: Array<{ name: string; env?: Array<{ name: string; value?: string }> }>;
    nodeSelector?: Record<string, string>;
  };
}

const vectors = [
  ...readdirSync(folder).filter((file) => file.endsWith('.pod.yaml')),
  ...readdirSync(path.join(folder, 'containercredentials')).map((file) => `containercredentials/${file}`),
].sort();

/** Reads a vector as the webhook's test harness does (README.md beside the vectors). */
function readVector(file: string) {
  // One vector names serviceAccountName twice; the harness's decoder keeps the last, as json: true does.
  const pod = load(readFileSync(path.join(folder, file), 'utf8'), { json: true }) as VectorPod;
  const annotations = pod.metadata.annotations ?? {};
  const get = (key: string): string | undefined => annotations[`${testing}${key}`];
  const stsSetting = get('serviceAccount/sts-regional-endpoints') ?? get('handler/injectSTS');
  const uri = get('containercredentials/uri');
  const account = {
    ...(get('serviceAccount/roleArn') ? { roleArn: get('serviceAccount/roleArn')! } : {}),
    ...(parseBool(stsSetting) !== undefined ? { stsRegionalEndpoints: parseBool(stsSetting)! } : {}),
    ...(uri ? { podIdentity: { uri, tokenFile: `${get('containercredentials/mountPath')}/${get('containercredentials/tokenPath')}` } } : {}),
  };
  const settings = {
    ...(get('handler/region') ? { region: get('handler/region')! } : {}),
    ...(get('handler/mountPath') ? { mountPath: get('handler/mountPath')! } : {}),
    regionalDefault: false,
  };
  const os = pod.spec.nodeSelector?.['kubernetes.io/os'] ?? pod.spec.nodeSelector?.['beta.kubernetes.io/os'];
  const shape: PodShape = {
    containers: (pod.spec.containers ?? []).map((c) => ({ name: c.name, env: c.env ?? [] })),
    initContainers: (pod.spec.initContainers ?? []).map((c) => ({ name: c.name, env: c.env ?? [] })),
    skipContainers: new Set((annotations['eks.amazonaws.com/skip-containers'] ?? '').split(',').map((name) => name.trim()).filter(Boolean)),
    windows: os === 'windows',
  };
  const patchText = get('expectedPatch');
  const patch = patchText ? (JSON.parse(patchText) as Array<{ path: string; value: unknown }>) : undefined;
  const expectedEnv = (field: 'containers' | 'initContainers') => {
    const op = patch?.find((entry) => entry.path === `/spec/${field}`);
    const containers = (op?.value as Array<{ name: string; env?: Array<{ name: string; value?: string }> }> | undefined) ?? pod.spec[field] ?? [];
    return containers.map((container) => ({ name: container.name, env: (container.env ?? []).map(({ name, value }) => ({ name, value })) }));
  };
  return { skip: get('skip') === 'true', pod, account, settings, shape, patch, expected: { initContainers: expectedEnv('initContainers'), containers: expectedEnv('containers') } };
}

describe('the webhook model against the webhook’s own test vectors', () => {
  it('reads every vector', () => {
    expect(vectors.length).toBe(24);
  });

  it.each(vectors)('%s', (file) => {
    const vector = readVector(file);
    if (vector.skip) return;
    const injection = webhookInjection(vector.shape, vector.account, vector.settings);
    if (!vector.patch) {
      expect(injection).toBeUndefined();
      return;
    }
    expect(injection).toBeDefined();
    const actual = (init: boolean, field: 'containers' | 'initContainers') =>
      (vector.pod.spec[field] ?? []).map((container) => ({
        name: container.name,
        env: [...(container.env ?? []).map(({ name, value }) => ({ name, value })), ...injection!.find((entry) => entry.init === init && entry.name === container.name)!.added],
      }));
    expect(actual(false, 'containers')).toEqual(vector.expected.containers);
    expect(actual(true, 'initContainers')).toEqual(vector.expected.initContainers);
  });
});
