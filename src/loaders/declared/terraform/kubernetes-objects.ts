import { entry, evaluate, knownString, plain, type Origin, type Scope, type Value } from './evaluate.js';
import type { Body } from './hcl-syntax.js';
import type { ObjectIdentity } from '../../../model/resource.js';

/** The Kubernetes provider's resource types, without their `_v1` ending, and the object each makes. */
const resourceKinds: Record<string, { apiVersion: string; kind: string }> = {
  kubernetes_service_account: { apiVersion: 'v1', kind: 'ServiceAccount' },
  kubernetes_deployment: { apiVersion: 'apps/v1', kind: 'Deployment' },
  kubernetes_daemonset: { apiVersion: 'apps/v1', kind: 'DaemonSet' },
  kubernetes_daemon_set: { apiVersion: 'apps/v1', kind: 'DaemonSet' },
  kubernetes_stateful_set: { apiVersion: 'apps/v1', kind: 'StatefulSet' },
  kubernetes_replication_controller: { apiVersion: 'v1', kind: 'ReplicationController' },
  kubernetes_job: { apiVersion: 'batch/v1', kind: 'Job' },
  kubernetes_cron_job: { apiVersion: 'batch/v1', kind: 'CronJob' },
  kubernetes_pod: { apiVersion: 'v1', kind: 'Pod' },
};

/**
 * Blocks the provider repeats for a list field, and the field's name in the object
 * (`container` → `containers`); other blocks are single objects.
 */
const listBlocks: Record<string, string> = {
  container: 'containers',
  init_container: 'initContainers',
  env: 'env',
  env_from: 'envFrom',
  volume: 'volumes',
  volume_mount: 'volumeMounts',
  port: 'ports',
  toleration: 'tolerations',
  image_pull_secrets: 'imagePullSecrets',
  host_aliases: 'hostAliases',
};

/** Blocks that are Terraform's own, not part of the object. */
const metaBlocks = new Set(['lifecycle', 'provisioner', 'connection', 'timeouts', 'dynamic', 'wait']);

/** `service_account_name` → `serviceAccountName`. */
function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** The object a Kubernetes provider resource type makes, or undefined for other types. */
export function providerKind(resourceType: string): { apiVersion: string; kind: string } | undefined {
  return resourceKinds[resourceType.replace(/_v\d+$/, '')];
}

/**
 * A provider resource's body as the object it makes: attribute and block names in the API's
 * spelling, repeated blocks as lists, each part where it was written. Map attributes
 * (`annotations = {…}`) keep their keys as written.
 */
export function providerObject(body: Body, scope: Scope, kind: { apiVersion: string; kind: string }, at: Origin): Value {
  const object = bodyValue(body, scope, at);
  const header = (['apiVersion', 'kind'] as const).map((key) => ({ key, keyAt: at, value: { kind: 'known', value: kind[key], at } as Value }));
  return { kind: 'map', entries: [...header, ...(object.kind === 'map' ? object.entries : [])], at };
}

function bodyValue(body: Body, scope: Scope, at: Origin): Value {
  const entries: Array<{ key: string; keyAt: Origin; value: Value }> = [];
  const lists = new Map<string, Value[]>();
  for (const item of body.items) {
    if (item.type === 'attribute') {
      entries.push({ key: camel(item.name), keyAt: { file: scope.file, span: item.nameSpan }, value: evaluate(item.value, scope) });
      continue;
    }
    if (metaBlocks.has(item.blockType)) continue;
    const value = bodyValue(item.body, scope, { file: scope.file, span: item.span });
    const listName = listBlocks[item.blockType];
    if (listName === undefined) {
      entries.push({ key: camel(item.blockType), keyAt: { file: scope.file, span: item.typeSpan }, value });
      continue;
    }
    let list = lists.get(listName);
    if (!list) {
      list = [];
      lists.set(listName, list);
      entries.push({ key: listName, keyAt: { file: scope.file, span: item.typeSpan }, value: { kind: 'list', items: list, at: value.at } });
    }
    list.push(value);
  }
  return { kind: 'map', entries, at };
}

/** The identity of an object value with `apiVersion`, `kind` and `metadata.name`; undefined for anything else. */
export function objectIdentity(value: Value): ObjectIdentity | undefined {
  const apiVersion = knownString(entry(value, 'apiVersion'));
  const kind = knownString(entry(value, 'kind'));
  const metadata = entry(value, 'metadata');
  const name = entry(metadata, 'name');
  if (apiVersion === undefined || kind === undefined || name === undefined) return undefined;
  const namespace = entry(metadata, 'namespace');
  return { apiVersion, kind, name: String(plain(name)), ...(namespace !== undefined ? { namespace: String(plain(namespace)) } : {}) };
}

/** A ServiceAccount a FluxInstance's kustomize patch annotates: its name and the annotations the patch adds. */
export interface PatchedAccount {
  readonly name: string;
  readonly namespace?: string;
  /** The annotations, with their positions, in the ServiceAccount's own paths. */
  readonly annotations: Value;
  readonly at: Origin;
}

/**
 * The ServiceAccounts that a flux-operator `FluxInstance`'s `spec.kustomize.patches` annotate:
 * a patch whose target is one ServiceAccount by name, written as JSON 6902 operations that add
 * `/metadata/annotations` or one annotation. Patches written as text, or aimed by a pattern, are
 * returned as reasons.
 */
export function fluxInstancePatches(instance: Value): Array<PatchedAccount | string> {
  const namespace = knownString(entry(entry(instance, 'metadata'), 'namespace'));
  const patches = entry(entry(entry(instance, 'spec'), 'kustomize'), 'patches');
  if (patches?.kind !== 'list') return [];
  const found: Array<PatchedAccount | string> = [];
  for (const patch of patches.items) {
    const target = entry(patch, 'target');
    if (knownString(entry(target, 'kind')) !== 'ServiceAccount') continue;
    const name = knownString(entry(target, 'name'));
    if (name === undefined || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name)) {
      found.push('a FluxInstance patch aims at ServiceAccounts by a pattern or an unknown name');
      continue;
    }
    const operations = entry(patch, 'patch');
    if (operations?.kind !== 'encoded' || operations.of.kind !== 'list') {
      found.push(`the FluxInstance patch of ServiceAccount \`${name}\` is not written as \`yamlencode\` of JSON 6902 operations`);
      continue;
    }
    const annotations: Array<{ key: string; keyAt: Origin; value: Value }> = [];
    for (const operation of operations.of.items) {
      const op = knownString(entry(operation, 'op'));
      const path = knownString(entry(operation, 'path'));
      const value = entry(operation, 'value');
      if ((op !== 'add' && op !== 'replace') || path === undefined || value === undefined) continue;
      if (path === '/metadata/annotations' && value.kind === 'map') annotations.push(...value.entries);
      else if (path.startsWith('/metadata/annotations/')) {
        const key = path.slice('/metadata/annotations/'.length).replace(/~1/g, '/').replace(/~0/g, '~');
        annotations.push({ key, keyAt: value.at, value });
      }
    }
    if (annotations.length > 0) found.push({ name, ...(namespace !== undefined ? { namespace } : {}), annotations: { kind: 'map', entries: annotations, at: patch.at }, at: patch.at });
  }
  return found;
}

/** A ServiceAccount object value with these annotations, for the rules. */
export function accountValue(account: PatchedAccount): Value {
  const known = (value: string): Value => ({ kind: 'known', value, at: account.at });
  const metadata: Value = {
    kind: 'map',
    entries: [
      { key: 'name', keyAt: account.at, value: known(account.name) },
      ...(account.namespace !== undefined ? [{ key: 'namespace', keyAt: account.at, value: known(account.namespace) }] : []),
      { key: 'annotations', keyAt: account.annotations.at, value: account.annotations },
    ],
    at: account.at,
  };
  return {
    kind: 'map',
    entries: [
      { key: 'apiVersion', keyAt: account.at, value: known('v1') },
      { key: 'kind', keyAt: account.at, value: known('ServiceAccount') },
      { key: 'metadata', keyAt: account.at, value: metadata },
    ],
    at: account.at,
  };
}
