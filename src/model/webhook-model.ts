import { webhook } from '../facts.js';
import { skippedContainers } from './irsa.js';
import { recordAt } from '../values.js';
import type { PodView } from './workload.js';

/**
 * What the pod identity webhook does to a pod when it is created (`domain.md` §1): one pure
 * function of the pod, its ServiceAccount and the webhook's own settings. The rules on stale pods
 * and on region variables compare what a pod has with what this says it would get.
 */

/** The webhook's own settings. */
export interface WebhookSettings {
  /** The region it injects (`--aws-default-region`); none, and it injects no region. */
  region?: string;
  /** `--sts-regional-endpoint`: its default for accounts without a valid annotation. */
  regionalDefault?: boolean;
  /** Where the token is mounted; by default `/var/run/secrets/eks.amazonaws.com/serviceaccount`. */
  mountPath?: string;
}

/** What the ServiceAccount (or an EKS Pod Identity association) gives the webhook. */
export interface AccountCredentials {
  /** The non-empty `role-arn`: IRSA. */
  roleArn?: string;
  /** The parsed `sts-regional-endpoints`, when it parses. */
  stsRegionalEndpoints?: boolean;
  /** An EKS Pod Identity association, which takes precedence over IRSA. */
  podIdentity?: { uri: string; tokenFile: string };
}

/** A container as the webhook reads it: its name and the names of its `env` entries. */
export interface ContainerEnv {
  name: string;
  env: ReadonlyArray<{ name: string }>;
}

/** The pod as the webhook reads it. */
export interface PodShape {
  containers: readonly ContainerEnv[];
  initContainers: readonly ContainerEnv[];
  /** `eks.amazonaws.com/skip-containers`, split. */
  skipContainers: ReadonlySet<string>;
  /** Scheduled on Windows nodes (`nodeSelector` `kubernetes.io/os: windows`): the token path differs. */
  windows: boolean;
}

/** The variables the webhook adds to one container, in the order it adds them. */
export interface ContainerInjection {
  name: string;
  init: boolean;
  skipped: boolean;
  added: Array<{ name: string; value: string }>;
}

const defaultMountPath = '/var/run/secrets/eks.amazonaws.com/serviceaccount';
const windowsMountPath = 'C:\\var\\run\\secrets\\eks.amazonaws.com\\serviceaccount';

/**
 * The variables each container gets, or undefined when the webhook does not mutate the pod (no
 * role and no Pod Identity association). Existing variables are never overwritten, and they go in
 * groups: a container that sets either role variable gets neither, one that sets either region
 * variable gets neither; its own AWS_STS_REGIONAL_ENDPOINTS is kept.
 */
export function webhookInjection(pod: PodShape, account: AccountCredentials, settings: WebhookSettings): ContainerInjection[] | undefined {
  if (account.roleArn === undefined && account.podIdentity === undefined) return undefined;
  const { env } = webhook;
  const regional = account.stsRegionalEndpoints ?? settings.regionalDefault ?? false;
  const mountPath = settings.mountPath ?? (pod.windows ? windowsMountPath : defaultMountPath);
  const tokenFile = pod.windows && settings.mountPath === undefined ? `${mountPath}\\token` : `${mountPath}/token`;
  const inject = (container: ContainerEnv, init: boolean): ContainerInjection => {
    const skipped = pod.skipContainers.has(container.name);
    const has = new Set(container.env.map((entry) => entry.name));
    const added: Array<{ name: string; value: string }> = [];
    if (!skipped) {
      if (regional && !has.has(env.stsRegionalEndpoints)) added.push({ name: env.stsRegionalEndpoints, value: webhook.injectedStsValue });
      if (settings.region !== undefined && !has.has(env.region) && !has.has(env.defaultRegion)) {
        added.push({ name: env.defaultRegion, value: settings.region }, { name: env.region, value: settings.region });
      }
      if (account.podIdentity) {
        if (!has.has(env.containerCredentialsUri) && !has.has(env.containerTokenFile)) {
          added.push({ name: env.containerCredentialsUri, value: account.podIdentity.uri }, { name: env.containerTokenFile, value: account.podIdentity.tokenFile });
        }
      } else if (!has.has(env.roleArn) && !has.has(env.webIdentityTokenFile)) {
        added.push({ name: env.roleArn, value: account.roleArn as string }, { name: env.webIdentityTokenFile, value: tokenFile });
      }
    }
    return { name: container.name, init, skipped, added };
  };
  return [...pod.initContainers.map((container) => inject(container, true)), ...pod.containers.map((container) => inject(container, false))];
}

/** The pod of a workload, as the webhook reads it. */
export function podShape(pod: PodView): PodShape {
  const nodeSelector = recordAt(pod.spec, 'nodeSelector');
  const os = nodeSelector['kubernetes.io/os'] ?? nodeSelector['beta.kubernetes.io/os'];
  return {
    containers: pod.containers.filter((container) => !container.init),
    initContainers: pod.containers.filter((container) => container.init),
    skipContainers: skippedContainers(pod.templateMetadata),
    windows: os === 'windows',
  };
}
