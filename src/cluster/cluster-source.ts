import { readCluster, resourceTypes, type ReadFailure, type ResourceType } from './read-cluster.js';
import { slimObject } from './slim.js';
import { RenderedObject } from './rendered-object.js';
import { kubernetesMinor } from '../profiles/eks-versions.js';
import { makeProfile } from '../profiles/resolve-profiles.js';
import { recordAt } from '../values.js';
import type { ClusterTarget } from './kubeconfig.js';
import type { ClusterProfile, Resource } from '../model/resource.js';
import type { Inputs, Source, SourceItem, SourceNeeds } from '../model/source.js';

/** How live clusters are read. */
export interface ClusterSourceSettings {
  namespaces: readonly string[];
  requestTimeoutMs: number;
  platformVersion?: string;
  region?: string;
  pageSize?: number;
  progress?: (cluster: string, resource: string, count: number) => void;
}

/** A live object: the rules read its data, and its findings point into its YAML rendering. */
type LiveResource = Resource & { readonly rendering: RenderedObject };

const regionLabels = ['topology.kubernetes.io/region', 'failure-domain.beta.kubernetes.io/region'];

/** The region of a cluster's nodes, when they all agree: labels first, then EC2 node names. */
function nodeRegion(nodes: readonly Record<string, unknown>[]): string | null {
  const regions = new Set<string>();
  for (const node of nodes) {
    const metadata = recordAt(node, 'metadata');
    const labels = recordAt(metadata, 'labels');
    const label = regionLabels.map((key) => labels[key]).find((value): value is string => typeof value === 'string');
    const name = String(metadata.name ?? '');
    const fromName = /\.ec2\.internal$/.test(name) ? 'us-east-1' : /\.([a-z]{2}(?:-[a-z]+)+-\d+)\.compute\.internal$/.exec(name)?.[1];
    const region = label ?? fromName;
    if (region) regions.add(region);
  }
  return regions.size === 1 ? [...regions][0]! : null;
}

/** A listed object as the rules see it. */
function asResource(resourceType: ResourceType, item: Record<string, unknown>, profile: ClusterProfile): LiveResource {
  const metadata = recordAt(item, 'metadata');
  const identity = {
    apiVersion: resourceType.apiVersion,
    kind: resourceType.kind,
    name: String(metadata.name ?? ''),
    ...(typeof metadata.namespace === 'string' ? { namespace: metadata.namespace } : {}),
  };
  const data = { apiVersion: resourceType.apiVersion, kind: resourceType.kind, ...item };
  return { identity, data, profile, rendering: new RenderedObject({ ...identity, cluster: profile.name }, data) };
}

/** What a resource type being unreadable leaves unchecked. */
function uncheckedBy(failure: ReadFailure, needs: SourceNeeds): string {
  const kind = resourceTypes.find((type) => type.resource === failure.resource)?.kind ?? failure.resource;
  const rules = needs.rulesByKind.get(kind) ?? [];
  return rules.length > 0 ? `; left unchecked: ${rules.join(', ')}` : '';
}

/**
 * The items of several sequences as each comes, read concurrently. A sequence is asked for its
 * next item only once its last one was taken, so none reads ahead of what is checked.
 */
async function* merge<T>(sequences: ReadonlyArray<AsyncIterable<T>>): AsyncGenerator<T> {
  const iterators = sequences.map((sequence) => sequence[Symbol.asyncIterator]());
  const next = (index: number) => iterators[index]!.next().then((result) => ({ index, result }));
  const pending = new Map(iterators.map((_, index) => [index, next(index)]));
  while (pending.size > 0) {
    const { index, result } = await Promise.race(pending.values());
    if (result.done) {
      pending.delete(index);
    } else {
      yield result.value;
      pending.set(index, next(index));
    }
  }
}

/**
 * Live clusters as a source, read concurrently. Each cluster's profile needs its version and
 * nodes, and ServiceAccounts and owners must be known before pods are checked: every object but
 * pods is handed over first, then pods page by page. A resource type that cannot be read is an
 * error of the input, naming the rules it leaves unchecked.
 */
export class ClusterSource implements Source<AsyncIterable<SourceItem>> {
  private readonly clusterProfiles: ClusterProfile[] = [];

  constructor(
    private readonly targets: readonly ClusterTarget[],
    private readonly settings: ClusterSourceSettings,
  ) {}

  read(needs: SourceNeeds, inputs: Inputs): AsyncIterable<SourceItem> {
    return merge(this.targets.map((target) => this.readOne(target, needs, inputs)));
  }

  profiles(): ClusterProfile[] {
    return [...this.clusterProfiles].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  texts(): Iterable<{ path: string; text: string }> {
    return [];
  }

  private async *readOne(target: ClusterTarget, needs: SourceNeeds, inputs: Inputs): AsyncGenerator<SourceItem> {
    const { progress } = this.settings;
    const reads = readCluster(
      target.kubeConfig,
      {
        namespaces: this.settings.namespaces,
        requestTimeoutMs: this.settings.requestTimeoutMs,
        ...(this.settings.pageSize ? { pageSize: this.settings.pageSize } : {}),
        ...(progress ? { progress: (resource: string, count: number) => progress(target.name, resource, count) } : {}),
      },
      slimObject,
    );
    const podType = resourceTypes.find((type) => type.kind === 'Pod')!;
    const seenPods = new Set<unknown>();
    let profile: ClusterProfile | undefined;
    for await (const read of reads) {
      if ('objects' in read) {
        const minor = kubernetesMinor(read.version.gitVersion);
        const nodes = read.objects.filter(({ resourceType }) => resourceType.kind === 'Node').map(({ item }) => item);
        profile = makeProfile(
          target.name,
          'api',
          minor === undefined ? null : `1.${minor}`,
          this.settings.platformVersion ?? null,
          this.settings.region ?? nodeRegion(nodes),
          minor === undefined ? [`the API server's version ${read.version.gitVersion} is not a Kubernetes version`] : [],
        );
        this.clusterProfiles.push(profile);
        const clusterProfile = profile;
        inputs.objects += read.objects.length;
        yield { objects: read.objects.map(({ resourceType, item }) => asResource(resourceType, item, clusterProfile)), owners: true };
      } else if ('pods' in read && profile) {
        const pods: LiveResource[] = [];
        for (const item of read.pods) {
          // A list that restarted hands pods over again: each is checked once.
          const uid = recordAt(item, 'metadata').uid;
          if (uid !== undefined && seenPods.has(uid)) continue;
          seenPods.add(uid);
          pods.push(asResource(podType, item, profile));
        }
        inputs.objects += pods.length;
        yield { objects: pods };
      } else if ('failures' in read) {
        for (const failure of read.failures) {
          inputs.errors.push({ path: `cluster ${target.name}: ${failure.resource}`, message: `cannot list ${failure.resource}: ${failure.message}${uncheckedBy(failure, needs)}` });
        }
      }
    }
  }
}
