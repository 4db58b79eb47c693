import { isCredentialName, maskCredentials, redacted } from '../model/credentials.js';
import { isRecord, listAt, recordAt } from '../values.js';

/**
 * Keeps, of each object read from a cluster, only what the rules read: names, annotations,
 * labels of nodes, owners, containers' names, env, args and command, ConfigMap data, the pod's
 * phase. Large clusters stay small in memory. Credentials in env values, ConfigMap data and
 * container arguments are masked: they may be written out with --dump-objects.
 */
export function slimObject(kind: string, item: Record<string, unknown>): Record<string, unknown> {
  const metadata = recordAt(item, 'metadata');
  const slimMetadata = pick(metadata, ['name', 'namespace', 'uid', 'annotations', ...(kind === 'Node' ? ['labels'] : [])]);
  const owners = listAt(metadata, 'ownerReferences').filter(isRecord).map((owner) => pick(owner, ['kind', 'name', 'uid', 'controller']));
  if (owners.length > 0) slimMetadata.ownerReferences = owners;
  const slim: Record<string, unknown> = { metadata: slimMetadata };
  const spec = recordAt(item, 'spec');
  switch (kind) {
    case 'ConfigMap':
      if (isRecord(item.data)) slim.data = Object.fromEntries(Object.entries(item.data).map(([key, value]) => [key, isCredentialName(key) ? redacted : typeof value === 'string' ? value.split('\n').map(maskCredentials).join('\n') : value]));
      break;
    case 'Pod':
      slim.spec = podSpec(spec);
      slim.status = pick(recordAt(item, 'status'), ['phase']);
      break;
    case 'CronJob': {
      const template = recordAt(recordAt(recordAt(spec, 'jobTemplate'), 'spec'), 'template');
      slim.spec = { jobTemplate: { spec: { template: podTemplate(template) } } };
      break;
    }
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'Job':
      slim.spec = { template: podTemplate(recordAt(spec, 'template')) };
      break;
    default:
      break;
  }
  return slim;
}

function pick(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of keys) if (record[key] !== undefined && record[key] !== null) picked[key] = record[key];
  return picked;
}

function podTemplate(template: Record<string, unknown>): Record<string, unknown> {
  return { metadata: pick(recordAt(template, 'metadata'), ['annotations']), spec: podSpec(recordAt(template, 'spec')) };
}

function podSpec(spec: Record<string, unknown>): Record<string, unknown> {
  const containers = (key: string) =>
    listAt(spec, key)
      .filter(isRecord)
      .map((container) => {
        const slim = pick(container, ['name']);
        for (const key of ['args', 'command']) {
          const list = listAt(container, key);
          if (list.length > 0) slim[key] = list.map((part) => (typeof part === 'string' ? maskCredentials(part) : part));
        }
        const env = listAt(container, 'env')
          .filter(isRecord)
          .map((entry) => {
            const value = entry.value !== undefined && entry.value !== null ? (typeof entry.name === 'string' && isCredentialName(entry.name) ? redacted : entry.value) : undefined;
            return { name: entry.name, ...(value !== undefined ? { value } : {}), ...(entry.valueFrom ? { valueFrom: {} } : {}) };
          });
        if (env.length > 0) slim.env = env;
        return slim;
      });
  return { ...pick(spec, ['serviceAccountName', 'nodeName', 'nodeSelector']), containers: containers('containers'), initContainers: containers('initContainers') };
}
