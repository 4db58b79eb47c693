import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { ClusterUsageError } from './usage-error.js';

/** Re-exported for callers that already hold the Kubernetes client. */
export { ClusterUsageError };

/** One cluster to audit: a kubeconfig whose current context is it. */
export interface ClusterTarget {
  /** The context's name, or `in-cluster`: how findings name the cluster. */
  name: string;
  kubeConfig: KubeConfig;
}

const inClusterToken = '/var/run/secrets/kubernetes.io/serviceaccount/token';

/**
 * The clusters to audit: each `--context` of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`,
 * else `~/.kube/config`), or its current context; inside a pod with no kubeconfig, the pod's own
 * service account.
 */
export function clusterTargets(options: { kubeconfig?: string; kubeconfigName?: string; contexts: readonly string[] }): ClusterTarget[] {
  const explicit = options.kubeconfig;
  const fromEnvironment = process.env.KUBECONFIG;
  const home = path.join(homedir(), '.kube', 'config');
  const base = new KubeConfig();
  if (explicit !== undefined) {
    if (!existsSync(explicit)) throw new ClusterUsageError(`no kubeconfig at ${explicit}`);
    load(() => base.loadFromFile(explicit), options.kubeconfigName ?? `the kubeconfig ${explicit}`);
  } else if ((fromEnvironment && fromEnvironment.split(path.delimiter).some((file) => existsSync(file))) || existsSync(home)) {
    load(() => base.loadFromDefault(), `the kubeconfig ${fromEnvironment || home}`);
  } else if (process.env.KUBERNETES_SERVICE_HOST && existsSync(inClusterToken)) {
    base.loadFromCluster();
    if (options.contexts.length > 0) throw new ClusterUsageError('--context needs a kubeconfig; inside a pod, the audit uses the pod\'s own service account');
    return [{ name: 'in-cluster', kubeConfig: base }];
  } else {
    throw new ClusterUsageError('no kubeconfig: give --kubeconfig FILE, set KUBECONFIG, create ~/.kube/config (for EKS: aws eks update-kubeconfig --name CLUSTER), or run inside a pod');
  }
  const known = base.getContexts().map((context) => context.name);
  if (known.length === 0) throw new ClusterUsageError(`${options.kubeconfigName ?? 'the kubeconfig'} has no contexts: is it a kubeconfig?`);
  const wanted = options.contexts.length > 0 ? [...new Set(options.contexts)] : [base.getCurrentContext()].filter(Boolean);
  if (wanted.length === 0) throw new ClusterUsageError(`the kubeconfig has no current context: give --context (one of ${known.join(', ') || 'none'})`);
  return wanted.map((name) => {
    if (!known.includes(name)) throw new ClusterUsageError(`unknown context ${name}: the kubeconfig has ${known.join(', ') || 'none'}`);
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({ clusters: base.clusters, users: base.users, contexts: base.contexts, currentContext: name });
    return { name, kubeConfig };
  });
}

/**
 * Runs a kubeconfig loader, turning what it throws into a usage error. Only the first line of
 * the reason is kept: YAML errors go on with an excerpt of the file, which may hold credentials.
 */
function load(read: () => void, name: string): void {
  try {
    read();
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new ClusterUsageError(`cannot read ${name}: ${reason}`);
  }
}
