import { readPackageJson } from '../package-files.js';
import { interpolate } from '../text.js';
import type { ClusterProfile, Level } from '../model/resource.js';
import type { EndpointUseKind } from '../endpoints/find-endpoint-uses.js';

/** `data/regions.json`: the opt-in Regions, and what the global endpoint costs from each kind. */
interface RegionTable {
  checked: string;
  optIn: string[];
  enabledByDefault: string[];
  otherPartitionPrefixes: string[];
  /** Where the global endpoint is served from every Region but those enabled by default: said apart, as "served in-Region, not in us-east-1" is no news there. */
  globalEndpointRegion: string;
  cases: Record<RegionCase | 'unlisted' | 'globalEndpointRegion', string>;
}

/**
 * What a call to the global endpoint costs where the workload runs (`domain.md` §5): served in
 * us-east-1 with tokens not valid locally (`optIn`, the strongest case), served in-Region
 * (`enabledByDefault`), not served at all (`otherPartition`), or not known (`unknown`, taken as
 * `optIn`).
 */
export type RegionCase = 'optIn' | 'enabledByDefault' | 'otherPartition' | 'unknown';

const table = readPackageJson<RegionTable>('data', 'regions.json');
const optIn = new Set(table.optIn);
const enabledByDefault = new Set(table.enabledByDefault);

/** The case of a Region; one missing from the table is taken as opt-in, as every Region launched since 2019 is. */
export function regionCase(region: string | null): RegionCase {
  if (region === null) return 'unknown';
  if (table.otherPartitionPrefixes.some((prefix) => region.startsWith(prefix))) return 'otherPartition';
  return enabledByDefault.has(region) ? 'enabledByDefault' : 'optIn';
}

/** The sentence that says what the global endpoint costs from the profile's Region, or which case was assumed. */
export function describeRegionCase(profile: Pick<ClusterProfile, 'region'>): string {
  const { region } = profile;
  const known = region !== null && (optIn.has(region) || enabledByDefault.has(region));
  const key =
    region === table.globalEndpointRegion ? 'globalEndpointRegion' : region !== null && !known && regionCase(region) === 'optIn' ? 'unlisted' : regionCase(region);
  return interpolate(table.cases[key], { region: region ?? '', checked: table.checked });
}

const lower: Record<Level, Level> = { error: 'warning', warning: 'note', note: 'note' };

/**
 * The level of a finding whose harm is the global endpoint's: one step lower where the workload
 * runs in a Region enabled by default, whose calls to it have been served in-Region since 2025;
 * the rule's level everywhere else, an unknown Region included.
 */
export function levelForRegion(level: Level, profile: Pick<ClusterProfile, 'region'>): Level {
  return regionCase(profile.region) === 'enabledByDefault' ? lower[level] : level;
}

/**
 * The level of a use of the global endpoint in a manifest (STS007) or in code (STS008): an error
 * on clusters whose default is Regional, else a warning. A hardcoded host keeps that level in
 * every Region, as calls to it with credentials scoped to the workload's Region fail to sign; the
 * aws-global region and legacy (which SDKs sign correctly) drop one step in a Region enabled by
 * default.
 */
export function globalEndpointUseLevel(kind: EndpointUseKind, profile: Pick<ClusterProfile, 'region' | 'defaultEndpoint'>): Level {
  const level = profile.defaultEndpoint === 'regional' ? 'error' : 'warning';
  return kind === 'global-host' ? level : levelForRegion(level, profile);
}
