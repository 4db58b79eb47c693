import { isRecord, listAt, own, recordAt } from '../values.js';
import type { PathSegment, Resource } from './resource.js';

/** Where each workload kind keeps its pod spec and pod template metadata. */
const podSpecPaths: Record<string, readonly string[]> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** An `env` entry of a container. */
export interface EnvEntry {
  name: string;
  /** The literal `value`, when there is one (it may be of any YAML type). */
  value: unknown;
  hasValue: boolean;
  /** Its index in the container's `env`. */
  index: number;
}

/** A container or init container of a pod spec. */
export interface ContainerView {
  name: string;
  init: boolean;
  path: PathSegment[];
  data: Record<string, unknown>;
  env: EnvEntry[];
}

/** The pod a workload runs, whatever its kind. */
export interface PodView {
  specPath: PathSegment[];
  spec: Record<string, unknown>;
  /** Metadata of the pods this workload creates: the object's own for a Pod, else its template's. */
  templateMetadataPath: PathSegment[];
  templateMetadata: Record<string, unknown>;
  serviceAccountName: string;
  containers: ContainerView[];
}

/**
 * The pod spec as its author wrote it, for the rules on what manifests set: undefined for objects
 * a controller manages (a Deployment's ReplicaSets, a CronJob's Jobs, their pods: the
 * controller's template is judged instead) and for running pods, whose env the webhook has
 * already changed (the rules on stale pods judge those).
 */
export function authoredPod(resource: Resource): PodView | undefined {
  const metadata = recordAt(resource.data, 'metadata');
  if (listAt(metadata, 'ownerReferences').some((owner) => isRecord(owner) && owner.controller === true)) return undefined;
  if (resource.identity.kind === 'Pod' && recordAt(resource.data, 'status').phase !== undefined) return undefined;
  return podOf(resource);
}

/** Path of a field of an env entry, such as its `value`. */
export function envPath(container: ContainerView, entry: EnvEntry, field: 'name' | 'value'): PathSegment[] {
  return [...container.path, 'env', entry.index, field];
}

/** True for the kinds that run pods. */
export function isWorkload(resource: Resource): boolean {
  return Object.hasOwn(podSpecPaths, resource.identity.kind);
}

/**
 * The pod spec of a workload, with its containers and init containers; undefined for other kinds.
 * Read once per object: several rules ask for it.
 */
export function podOf(resource: Resource): PodView | undefined {
  const derived = (resource.derived ??= {});
  if (derived.pod === undefined) derived.pod = readPod(resource) ?? null;
  return derived.pod ?? undefined;
}

function readPod(resource: Resource): PodView | undefined {
  const specPath = podSpecPaths[resource.identity.kind];
  if (!specPath) return undefined;
  let spec: unknown = resource.data;
  for (const key of specPath) spec = recordAt(spec, key);
  const podSpec = spec as Record<string, unknown>;
  const templateMetadataPath = resource.identity.kind === 'Pod' ? ['metadata'] : [...specPath.slice(0, -1), 'metadata'];
  let templateMetadata: unknown = resource.data;
  for (const key of templateMetadataPath) templateMetadata = recordAt(templateMetadata, key);
  const name = own(podSpec, 'serviceAccountName') ?? own(podSpec, 'serviceAccount');
  return {
    specPath: [...specPath],
    spec: podSpec,
    templateMetadataPath,
    templateMetadata: templateMetadata as Record<string, unknown>,
    serviceAccountName: typeof name === 'string' && name !== '' ? name : 'default',
    containers: [...containersOf(podSpec, specPath, 'initContainers', true), ...containersOf(podSpec, specPath, 'containers', false)],
  };
}

function containersOf(spec: Record<string, unknown>, specPath: readonly string[], key: string, init: boolean): ContainerView[] {
  const containers: ContainerView[] = [];
  listAt(spec, key).forEach((container, index) => {
    if (!isRecord(container)) return;
    const env: EnvEntry[] = [];
    listAt(container, 'env').forEach((entry, envIndex) => {
      if (isRecord(entry) && typeof entry.name === 'string') {
        env.push({ name: entry.name, value: entry.value, hasValue: Object.hasOwn(entry, 'value'), index: envIndex });
      }
    });
    containers.push({ name: typeof container.name === 'string' ? container.name : '', init, path: [...specPath, key, index], data: container, env });
  });
  return containers;
}

/** An object's controller and the top of its chain of owners. */
export interface Owners {
  controller: Resource;
  top: Resource;
}

/** The other objects of a run that a check may look up. */
export interface RelatedObjects {
  /** The ServiceAccount a workload's pods run as, when it is among the objects read. */
  serviceAccountFor(resource: Resource, pod: PodView): Resource | undefined;
  /**
   * The controller of an object (a pod's ReplicaSet, Job, DaemonSet or StatefulSet) and the top of
   * its chain (the Deployment or CronJob above), when they were read (live clusters).
   */
  ownerOf(resource: Resource): Owners | undefined;
}
