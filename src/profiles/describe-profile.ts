import type { ClusterProfile } from '../model/resource.js';

const defaults = { regional: 'Regional default', global: 'Global default', unsupported: 'global endpoint only' } as const;

/** `prod (EKS 1.24 eks.2, Regional default)`: how messages name a cluster. */
export function describeProfile(profile: ClusterProfile): string {
  const version = profile.kubernetesVersion === null
    ? 'current EKS'
    : `EKS ${profile.kubernetesVersion}${profile.platformVersion === null ? '' : ` ${profile.platformVersion}`}`;
  const name = profile.source === 'assumed' ? 'assumed cluster' : profile.name;
  return `${name} (${version}, ${defaults[profile.defaultEndpoint]})`;
}
