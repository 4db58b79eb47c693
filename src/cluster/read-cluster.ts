import { setTimeout as sleep } from 'node:timers/promises';
import { ApiException, AppsV1Api, BatchV1Api, CoreV1Api, Observable, ResponseContext, VersionApi, type ConfigurationOptions, type KubeConfig, type RequestContext } from '@kubernetes/client-node';
import { ClusterUsageError } from './kubeconfig.js';
import { isRecord } from '../values.js';

/** A page of a list, as the API returns it. */
interface Page {
  items: unknown[];
  metadata?: { _continue?: string };
}

/** How to list one resource type, cluster-wide or in one namespace. */
export interface ResourceType {
  resource: string;
  apiVersion: string;
  kind: string;
  namespaced: boolean;
  list(apis: Apis, request: { limit: number; _continue?: string; namespace?: string }, options: ConfigurationOptions): Promise<Page>;
}

interface Apis {
  core: CoreV1Api;
  apps: AppsV1Api;
  batch: BatchV1Api;
}

/** What the audit reads, and nothing else: never Secrets. */
export const resourceTypes: readonly ResourceType[] = [
  { resource: 'serviceaccounts', apiVersion: 'v1', kind: 'ServiceAccount', namespaced: true, list: (a, r, o) => (r.namespace ? a.core.listNamespacedServiceAccount({ ...r, namespace: r.namespace }, o) : a.core.listServiceAccountForAllNamespaces(r, o)) },
  { resource: 'nodes', apiVersion: 'v1', kind: 'Node', namespaced: false, list: (a, r, o) => a.core.listNode({ limit: r.limit, ...(r._continue ? { _continue: r._continue } : {}) }, o) },
  { resource: 'configmaps', apiVersion: 'v1', kind: 'ConfigMap', namespaced: true, list: (a, r, o) => (r.namespace ? a.core.listNamespacedConfigMap({ ...r, namespace: r.namespace }, o) : a.core.listConfigMapForAllNamespaces(r, o)) },
  { resource: 'deployments', apiVersion: 'apps/v1', kind: 'Deployment', namespaced: true, list: (a, r, o) => (r.namespace ? a.apps.listNamespacedDeployment({ ...r, namespace: r.namespace }, o) : a.apps.listDeploymentForAllNamespaces(r, o)) },
  { resource: 'replicasets', apiVersion: 'apps/v1', kind: 'ReplicaSet', namespaced: true, list: (a, r, o) => (r.namespace ? a.apps.listNamespacedReplicaSet({ ...r, namespace: r.namespace }, o) : a.apps.listReplicaSetForAllNamespaces(r, o)) },
  { resource: 'daemonsets', apiVersion: 'apps/v1', kind: 'DaemonSet', namespaced: true, list: (a, r, o) => (r.namespace ? a.apps.listNamespacedDaemonSet({ ...r, namespace: r.namespace }, o) : a.apps.listDaemonSetForAllNamespaces(r, o)) },
  { resource: 'statefulsets', apiVersion: 'apps/v1', kind: 'StatefulSet', namespaced: true, list: (a, r, o) => (r.namespace ? a.apps.listNamespacedStatefulSet({ ...r, namespace: r.namespace }, o) : a.apps.listStatefulSetForAllNamespaces(r, o)) },
  { resource: 'jobs', apiVersion: 'batch/v1', kind: 'Job', namespaced: true, list: (a, r, o) => (r.namespace ? a.batch.listNamespacedJob({ ...r, namespace: r.namespace }, o) : a.batch.listJobForAllNamespaces(r, o)) },
  { resource: 'cronjobs', apiVersion: 'batch/v1', kind: 'CronJob', namespaced: true, list: (a, r, o) => (r.namespace ? a.batch.listNamespacedCronJob({ ...r, namespace: r.namespace }, o) : a.batch.listCronJobForAllNamespaces(r, o)) },
  { resource: 'pods', apiVersion: 'v1', kind: 'Pod', namespaced: true, list: (a, r, o) => (r.namespace ? a.core.listNamespacedPod({ ...r, namespace: r.namespace }, o) : a.core.listPodForAllNamespaces(r, o)) },
];

/** How reading behaves: page size, per-call timeout, retries. */
export interface ReadSettings {
  namespaces: readonly string[];
  requestTimeoutMs: number;
  pageSize?: number;
  /** Attempts per call, the first included, for 429, 5xx, timeouts and dropped connections. */
  attempts?: number;
  /** Called with each resource type's running count (progress on a terminal). */
  progress?: (resource: string, count: number) => void;
}

/** A resource type that could not be read, and why. */
export interface ReadFailure {
  resource: string;
  message: string;
}

const maxBackoffMs = 4000;
const maxRetryAfterMs = 10_000;
/** Continue tokens expire (410) on busy clusters: the list starts over, this many times at most. */
const maxRestarts = 3;

/** An API call refused for a reason that retrying does not change. */
class Refused extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

function describe(error: unknown): { code: number; message: string } {
  if (error instanceof ApiException) {
    const body = isRecord(error.body) ? error.body : typeof error.body === 'string' ? safeJson(error.body) : undefined;
    const message = typeof body?.message === 'string' ? body.message : `HTTP ${error.code}`;
    return { code: error.code, message };
  }
  if (isTimeout(error)) return { code: 0, message: 'the request timed out' };
  // A proxy's error page, or a body cut short: the server's text is not repeated into the report.
  if (error instanceof SyntaxError) return { code: 0, message: 'the answer was not a Kubernetes JSON object (a proxy in the way, or a body cut short)' };
  const cause = error instanceof Error ? networkCause(error.cause) : undefined;
  return { code: 0, message: `${error instanceof Error ? error.message : String(error)}${cause ? `: ${cause}` : ''}` };
}

/**
 * What fetch's "fetch failed" hides in its `cause`: the connection's own error, such as
 * `connect ECONNREFUSED 127.0.0.1:6443`, `getaddrinfo ENOTFOUND …` or a certificate problem, with
 * its code when the message does not say it. An AggregateError (one per address tried) gives its first.
 */
function networkCause(cause: unknown, depth = 0): string | undefined {
  if (!(cause instanceof Error) || depth > 3) return undefined;
  if (cause instanceof AggregateError && cause.errors.length > 0) return networkCause(cause.errors[0], depth + 1);
  const deeper = networkCause(cause.cause, depth + 1);
  if (deeper !== undefined) return deeper;
  const code = (cause as NodeJS.ErrnoException).code;
  return code && !cause.message.includes(code) ? `${cause.message} (${code})` : cause.message;
}

/** A failure to connect, or a request that timed out, as fetch reports them. */
function isNetworkError(error: unknown): boolean {
  return isTimeout(error) || (error instanceof TypeError && error.message === 'fetch failed');
}

/** A call that ran past its deadline (--request-timeout). */
function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function safeJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Retries 429 (after Retry-After), 5xx, timeouts and dropped connections with bounded backoff. */
async function withRetries<T>(call: () => Promise<T>, attempts: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const { code, message } = describe(error);
      if (code === 401) throw new ClusterUsageError(`authentication refused (401): ${message}; check the kubeconfig's credentials (for EKS, aws eks get-token)`);
      if (code === 410) throw new Refused(message, code);
      const retryable = code === 0 || code === 429 || code >= 500;
      if (!retryable || attempt >= attempts) throw new Refused(code ? `${message} (HTTP ${code})` : message, code);
      const retryAfter = error instanceof ApiException ? Number(error.headers?.['retry-after']) : Number.NaN;
      const wait = code === 429 && Number.isFinite(retryAfter) ? Math.min(retryAfter * 1000, maxRetryAfterMs) : Math.min(100 * 2 ** (attempt - 1), maxBackoffMs);
      await sleep(wait);
    }
  }
}

/** Takes a list page's items, slimmed, and hands the client the page without them. */
async function takeItems(response: ResponseContext, page: { kind: string; items: Record<string, unknown>[] }, slim: (kind: string, item: Record<string, unknown>) => Record<string, unknown>): Promise<ResponseContext> {
  const list: unknown = JSON.parse(await response.body.text());
  if (!isRecord(list) || !Array.isArray(list.items)) throw new SyntaxError('the answer to a list has no items');
  for (const item of list.items) if (isRecord(item)) page.items.push(slim(page.kind, item));
  const text = JSON.stringify({ ...list, items: [] });
  return new ResponseContext(response.httpStatusCode, response.headers, { text: () => Promise.resolve(text), binary: () => Promise.resolve(Buffer.from(text)), stream: () => null });
}

/**
 * What reading a cluster hands over, in this order: its version with every object but pods; then
 * pods, page by page, so that the largest resource type never stands whole in memory (a list that
 * restarts, 410, hands the same pods over again); last, the resource types that could not be read.
 */
export type ClusterRead =
  | { version: { gitVersion: string }; objects: Array<{ resourceType: ResourceType; item: Record<string, unknown> }> }
  | { pods: Record<string, unknown>[] }
  | { failures: ReadFailure[] };

/** Reads the cluster's version and every resource type, page by page; a type that fails is reported and skipped. */
export async function* readCluster(kubeConfig: KubeConfig, settings: ReadSettings, slim: (kind: string, item: Record<string, unknown>) => Record<string, unknown>): AsyncGenerator<ClusterRead> {
  const apis: Apis = { core: kubeConfig.makeApiClient(CoreV1Api), apps: kubeConfig.makeApiClient(AppsV1Api), batch: kubeConfig.makeApiClient(BatchV1Api) };
  const attempts = settings.attempts ?? 4;
  // Every call gets its own deadline (--request-timeout), through the client's middleware. The
  // items of a list page are taken there, slimmed, into `page.items`, and the client reads only
  // the list's metadata (the continue token): most of each object (managed fields, status) is
  // never built twice, and memory stays bounded on large clusters.
  const timeout = (page?: { kind: string; items: Record<string, unknown>[] }): ConfigurationOptions => ({
    middleware: [
      {
        pre: (context: RequestContext) => {
          context.setSignal(AbortSignal.timeout(settings.requestTimeoutMs));
          return new Observable(Promise.resolve(context));
        },
        post: (response: ResponseContext) => new Observable(page && response.httpStatusCode === 200 ? takeItems(response, page, slim) : Promise.resolve(response)),
      },
    ],
    middlewareMergeStrategy: 'append',
  });
  let gitVersion: string;
  try {
    const info = await withRetries(() => kubeConfig.makeApiClient(VersionApi).getCode(undefined, timeout()), attempts);
    gitVersion = info.gitVersion;
  } catch (error) {
    if (error instanceof ClusterUsageError) throw error;
    const plugin = kubeConfig.getCurrentUser()?.exec as { command?: string } | undefined;
    if (plugin && !(error instanceof ApiException) && !isNetworkError(error)) {
      // Its output may hold a token: it is not repeated.
      throw new ClusterUsageError(`the kubeconfig's exec credential plugin (${String(plugin.command)}) failed or gave no credential; run it yourself to see why`);
    }
    throw new ClusterUsageError(`cannot reach the API server ${kubeConfig.getCurrentCluster()?.server ?? '(no server in the kubeconfig)'}: ${describe(error).message}`);
  }
  const objects: Array<{ resourceType: ResourceType; item: Record<string, unknown> }> = [];
  const failures: ReadFailure[] = [];
  const namespaces = settings.namespaces.length > 0 ? settings.namespaces : [undefined];
  for (const resourceType of resourceTypes) {
    const scopes = resourceType.namespaced ? namespaces : [undefined];
    // Pods are read last: everything else is handed over before them.
    const streamed = resourceType.kind === 'Pod';
    if (streamed) yield { version: { gitVersion }, objects };
    let handedOver = 0;
    try {
      let count = 0;
      for (const namespace of scopes) {
        for (let restart = 0; ; restart++) {
          const items: Record<string, unknown>[] = [];
          let listed = 0;
          let token: string | undefined;
          try {
            do {
              const request = { limit: settings.pageSize ?? 500, ...(token ? { _continue: token } : {}), ...(namespace ? { namespace } : {}) };
              const taken = { kind: resourceType.kind, items: [] as Record<string, unknown>[] };
              const page = await withRetries(() => {
                taken.items = [];
                return resourceType.list(apis, request, timeout(taken));
              }, attempts);
              if (streamed) {
                yield { pods: taken.items };
                handedOver += taken.items.length;
              } else {
                items.push(...taken.items);
              }
              listed += taken.items.length;
              token = page.metadata?._continue || undefined;
              settings.progress?.(resourceType.resource, count + listed);
            } while (token);
          } catch (error) {
            if (error instanceof Refused && error.code === 410 && restart < maxRestarts) continue;
            throw error;
          }
          for (const item of items) objects.push({ resourceType, item });
          count += listed;
          break;
        }
      }
    } catch (error) {
      if (error instanceof ClusterUsageError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      failures.push({ resource: resourceType.resource, message: handedOver > 0 ? `${message} (the ${resourceType.resource} listed before that were checked)` : message });
    }
  }
  yield { failures };
}
