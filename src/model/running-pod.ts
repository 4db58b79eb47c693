import { effectiveRegional, irsaSettings, skippedContainers, type IrsaSettings } from './irsa.js';
import { recordAt } from '../values.js';
import { podShape, webhookInjection, type ContainerInjection } from './webhook-model.js';
import { podOf, type ContainerView, type Owners, type PodView, type RelatedObjects } from './workload.js';
import { webhook } from '../facts.js';
import type { Resource } from './resource.js';

/** A running pod of an IRSA ServiceAccount, and what the webhook would give it today. */
export interface RunningPod {
  pod: PodView;
  account: IrsaSettings & { roleArn: string };
  owner: Owners | undefined;
  /** The pod's containers with the template each was created from and the webhook's injection today. */
  containers: Array<{ container: ContainerView; template: ContainerView | undefined; injection: ContainerInjection }>;
}

const liveStates = new Set(['Running', 'Pending']);

/**
 * A pod that runs (phase Running or Pending: read live, or from a `kubectl get -o yaml` dump) as
 * an IRSA ServiceAccount, compared with the webhook: its injection today, computed for the
 * containers as the pod's template wrote them (a bare pod is its own template, less what the
 * webhook itself adds).
 */
export function runningPod(resource: Resource, context: RelatedObjects): RunningPod | undefined {
  if (resource.identity.kind !== 'Pod' || !liveStates.has(String(recordAt(resource.data, 'status').phase))) return undefined;
  const pod = podOf(resource);
  if (!pod) return undefined;
  const serviceAccount = context.serviceAccountFor(resource, pod);
  const settings = serviceAccount ? irsaSettings(serviceAccount) : undefined;
  if (settings?.roleArn === undefined) return undefined;
  const owner = context.ownerOf(resource);
  const templatePod = owner ? podOf(owner.controller) : undefined;
  const templateOf = (container: ContainerView): ContainerView | undefined =>
    templatePod ? templatePod.containers.find((candidate) => candidate.init === container.init && candidate.name === container.name) : undefined;
  const shape = podShape(pod);
  // Without its template, a container is read as written less what the webhook adds.
  const written = (container: ContainerView) => templateOf(container) ?? { ...container, env: container.env.filter((entry) => entry.name !== webhook.env.stsRegionalEndpoints) };
  const injection =
    webhookInjection(
      {
        ...shape,
        containers: pod.containers.filter((container) => !container.init).map(written),
        initContainers: pod.containers.filter((container) => container.init).map(written),
        skipContainers: skippedContainers(pod.templateMetadata),
      },
      { roleArn: settings.roleArn, stsRegionalEndpoints: effectiveRegional(settings, resource.profile) },
      {},
    ) ?? [];
  return {
    pod,
    account: { ...settings, roleArn: settings.roleArn },
    owner,
    containers: pod.containers.map((container) => ({
      container,
      template: templateOf(container),
      injection: injection.find((entry) => entry.init === container.init && entry.name === container.name)!,
    })),
  };
}
