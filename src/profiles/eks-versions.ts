import { eksVersions, type DefaultEndpoint } from '../facts.js';

/** The minor number of a `1.N` Kubernetes version, or undefined when it is not one. */
export function kubernetesMinor(version: string): number | undefined {
  const match = /^v?1\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(version.trim());
  return match ? Number(match[1]) : undefined;
}

/** The number of an `eks.N` platform version, or undefined when it is not one. */
export function platformNumber(version: string): number | undefined {
  const match = /^eks\.(\d+)$/.exec(version.trim());
  return match ? Number(match[1]) : undefined;
}

const oldestMinor = kubernetesMinor(eksVersions.oldestWithSetting) as number;
const alwaysRegionalMinor = kubernetesMinor(eksVersions.alwaysRegionalFrom) as number;
const rowsByMinor = new Map(eksVersions.rows.map((row) => [kubernetesMinor(row.kubernetes) as number, row.platforms]));

/** What the version table says for a cluster, with what had to be assumed to say it. */
export interface EndpointDefault {
  defaultEndpoint: DefaultEndpoint;
  assumptions: string[];
}

/**
 * The STS endpoint type a cluster's webhook defaults to (`domain.md` §2). An unknown Kubernetes
 * version is taken as current; an unknown platform version as the newest for its Kubernetes
 * version, since EKS upgrades platform versions automatically. Both are said in `assumptions`.
 */
export function defaultEndpointFor(kubernetesVersion: string | null, platformVersion: string | null): EndpointDefault {
  if (kubernetesVersion === null) {
    return { defaultEndpoint: 'regional', assumptions: ['Kubernetes version unknown: assumed a current EKS cluster (Regional default)'] };
  }
  const minor = kubernetesMinor(kubernetesVersion);
  if (minor === undefined) throw new RangeError(`not a Kubernetes version: ${kubernetesVersion}`);
  if (minor < oldestMinor) return { defaultEndpoint: 'unsupported', assumptions: [] };
  if (minor >= alwaysRegionalMinor) return { defaultEndpoint: 'regional', assumptions: [] };
  const platforms = rowsByMinor.get(minor);
  if (!platforms || platforms.length === 0) throw new RangeError(`no row for Kubernetes 1.${minor} in data/eks-versions.json`);
  if (platformVersion === null) {
    const newest = platforms[platforms.length - 1]!;
    return {
      defaultEndpoint: newest.default,
      assumptions: [`platform version unknown: assumed the newest for Kubernetes 1.${minor}`],
    };
  }
  const platform = platformNumber(platformVersion);
  if (platform === undefined) throw new RangeError(`not an EKS platform version: ${platformVersion}`);
  let defaultEndpoint: DefaultEndpoint = 'unsupported';
  for (const entry of platforms) if (platform >= entry.from) defaultEndpoint = entry.default;
  return { defaultEndpoint, assumptions: [] };
}
