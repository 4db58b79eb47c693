import type { Resource } from './resource.js';

const restartable = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);

/**
 * The command that re-creates a pod, so that the webhook mutates it anew: a rollout restart of
 * the Deployment, DaemonSet or StatefulSet that owns it, else deleting the pod (its Job or
 * ReplicaSet makes a new one; a bare pod must be applied again).
 */
export function restartCommand(pod: Resource, owner: { top: Resource } | undefined): string {
  const namespace = pod.identity.namespace ?? 'default';
  if (owner && restartable.has(owner.top.identity.kind)) {
    return `kubectl rollout restart ${owner.top.identity.kind.toLowerCase()}/${owner.top.identity.name} -n ${namespace}`;
  }
  return `kubectl delete pod ${pod.identity.name} -n ${namespace}`;
}
