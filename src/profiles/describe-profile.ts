import type { ClusterProfile } from '../model/resource.js';

const defaults = { regional: 'Regional default', global: 'Global default', unsupported: 'global endpoint only' } as const;

/** `cluster prod (EKS 1.24 eks.2, Regional default)`: how messages name a cluster. */
export function describeProfile(profile: ClusterProfile): string {
  const version = profile.kubernetesVersion === null
    ? 'current EKS'
    : `EKS ${profile.kubernetesVersion}${profile.platformVersion === null ? '' : ` ${profile.platformVersion}`}`;
  const details = `(${version}, ${defaults[profile.defaultEndpoint]})`;
  if (profile.source === 'assumed') return `an assumed ${version} cluster (${defaults[profile.defaultEndpoint]})`;
  if (profile.source === 'flag') return `the cluster given on the command line ${details}`;
  return `cluster ${profile.name} ${details}`;
}
