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

const oldestEksMinor = kubernetesMinor(eksVersions.oldestEks) as number;
const newestKnownMinor = kubernetesMinor(eksVersions.newestKnown) as number;
const oldestMinor = kubernetesMinor(eksVersions.oldestWithSetting) as number;
const alwaysRegionalMinor = kubernetesMinor(eksVersions.alwaysRegionalFrom) as number;

/** A Kubernetes version as read from a user: its `1.N` form, or why EKS cannot have it. */
export type KubernetesVersionReading = { version: string; problem?: undefined } | { version?: undefined; problem: string };

/**
 * Reads a Kubernetes version given on the command line, in the Action or in the config file: `1.29`,
 * or as kubectl prints it (`v1.29`, `1.29.3`, `v1.29.3-eks-abcdef`). A version older than EKS is
 * refused, and a one-digit minor is named for what it most likely is: YAML's unquoted `1.30`,
 * which is the number 1.3.
 */
export function readKubernetesVersion(text: string): KubernetesVersionReading {
  const minor = kubernetesMinor(text);
  if (minor === undefined) return { problem: `'${text}' is not a Kubernetes version such as 1.29 (or v1.29.3, as kubectl prints it)` };
  if (minor >= oldestEksMinor) return { version: `1.${minor}` };
  const trap = minor < 10 ? `; did you mean 1.${minor}0? In YAML an unquoted 1.${minor}0 is the number 1.${minor}: quote it, "1.${minor}0"` : '';
  return { problem: `EKS has no Kubernetes 1.${minor}, its oldest is ${eksVersions.oldestEks}${trap}` };
}
const rowsByMinor = new Map(eksVersions.rows.map((row) => [kubernetesMinor(row.kubernetes) as number, row.platforms]));

/** What the version table says for a cluster, with what had to be assumed to say it. */
export interface EndpointDefault {
  defaultEndpoint: DefaultEndpoint;
  assumptions: string[];
}

/**
 * The STS endpoint type a cluster's webhook defaults to (`domain.md` §2). An unknown Kubernetes
 * version is taken as current; an unknown platform version as the newest for its Kubernetes
 * version, since EKS upgrades platform versions automatically; a version newer than the table
 * knows as keeping the newest known default. Each is said in `assumptions`.
 */
export function defaultEndpointFor(kubernetesVersion: string | null, platformVersion: string | null): EndpointDefault {
  if (kubernetesVersion === null) {
    const unused = platformVersion === null ? [] : [`platform version ${platformVersion} not used: it means something only with a Kubernetes version`];
    return { defaultEndpoint: 'regional', assumptions: ['Kubernetes version unknown: assumed a current EKS cluster (Regional default)', ...unused] };
  }
  const minor = kubernetesMinor(kubernetesVersion);
  if (minor === undefined) throw new RangeError(`not a Kubernetes version: ${kubernetesVersion}`);
  if (minor < oldestMinor) return { defaultEndpoint: 'unsupported', assumptions: [] };
  if (minor > newestKnownMinor) {
    return {
      defaultEndpoint: 'regional',
      assumptions: [`Kubernetes 1.${minor} is newer than the version table knows (${eksVersions.newestKnown}): assumed the default of ${eksVersions.alwaysRegionalFrom} and later (Regional)`],
    };
  }
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
  // Later platform versions have changed the default before (April 2022): carrying it on is an assumption.
  const last = platforms[platforms.length - 1]!.from;
  const assumptions =
    platform > last ? [`platform version eks.${platform} is newer than the table's last for Kubernetes 1.${minor} (eks.${last}): assumed it keeps that one's default`] : [];
  return { defaultEndpoint, assumptions };
}
