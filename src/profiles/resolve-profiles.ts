import path from 'node:path';
import { minimatch } from 'minimatch';
import { defaultEndpointFor, kubernetesMinor } from './eks-versions.js';
import { recordAt } from '../values.js';
import { compareText } from '../compare.js';
import type { ClusterProfile, ObjectIdentity, ProfileSource } from '../model/resource.js';
import type { DeclaredCluster } from '../model/declared.js';

/** An eksctl ClusterConfig found among the scanned files. */
export interface EksctlConfigFile {
  identity: ObjectIdentity;
  data: Record<string, unknown>;
  /** Its file, relative to the scan root. */
  path: string;
}

/** A cluster of the config file's `clusters:` list. */
export interface ConfiguredCluster {
  name: string;
  kubernetesVersion?: string;
  platformVersion?: string;
  region?: string;
  paths: string[];
}

/** Cluster settings given on the command line. */
export interface ProfileFlags {
  clusterVersion?: string;
  platformVersion?: string;
  region?: string;
}

/** Builds a profile, deriving its default endpoint from the version table. */
export function makeProfile(
  name: string,
  source: ProfileSource,
  kubernetesVersion: string | null,
  platformVersion: string | null,
  region: string | null,
  assumptions: string[] = [],
): ClusterProfile {
  const derived = defaultEndpointFor(kubernetesVersion, platformVersion);
  return {
    name,
    kubernetesVersion,
    platformVersion,
    region,
    defaultEndpoint: derived.defaultEndpoint,
    source,
    assumptions: [...assumptions, ...derived.assumptions],
  };
}

/** eksctl writes `version: "1.24"`, but an unquoted 1.30 reads as the number 1.3. */
function eksctlVersion(value: unknown): { version: string | null; assumption?: string } {
  if (typeof value === 'number') {
    // A one-digit minor read as a number lost its trailing zero: EKS has no 1.1 to 1.9.
    const [major, minor = ''] = String(value).split('.');
    const version = `1.${minor.length === 1 ? `${minor}0` : minor}`;
    if (major === '1' && kubernetesMinor(version) !== undefined) return { version };
  }
  if (typeof value === 'string' && kubernetesMinor(value) !== undefined) {
    return { version: `1.${kubernetesMinor(value) as number}` };
  }
  if (value === undefined) return { version: null };
  return { version: null, assumption: `metadata.version ${JSON.stringify(value)} is not a Kubernetes version` };
}

/** The profile that an eksctl ClusterConfig describes. */
function eksctlProfile(config: EksctlConfigFile): ClusterProfile {
  const metadata = recordAt(config.data, 'metadata');
  const { version, assumption } = eksctlVersion(metadata.version);
  const region = typeof metadata.region === 'string' && metadata.region !== '' ? metadata.region : null;
  return makeProfile(config.identity.name || 'eksctl', 'eksctl', version, null, region, assumption ? [assumption] : []);
}

/** True for an eksctl ClusterConfig. */
export function isEksctlConfig(identity: ObjectIdentity): boolean {
  return identity.kind === 'ClusterConfig' && identity.apiVersion.startsWith('eksctl.io/');
}

/** A cluster that a file among the scanned ones declares, for the files of its folder and below. */
interface FolderCluster {
  file: string;
  folder: string;
  profile: ClusterProfile;
}

/** The profile of a cluster a Terraform configuration declares. */
function declaredProfile(cluster: DeclaredCluster): FolderCluster {
  return {
    file: cluster.file,
    folder: cluster.folder,
    profile: makeProfile(cluster.name, 'terraform', cluster.kubernetesVersion, null, cluster.region ?? null, [...cluster.assumptions]),
  };
}

/** True when two profiles judge alike: same version, platform version and region. */
function sameCluster(a: ClusterProfile, b: ClusterProfile): boolean {
  return a.kubernetesVersion === b.kubernetesVersion && a.platformVersion === b.platformVersion && a.region === b.region;
}

/**
 * Profiles by name, each once: those handed out by resolvers made alike (in worker threads) are
 * equal, not the same object.
 */
export function sortProfiles(profiles: Iterable<ClusterProfile>): ClusterProfile[] {
  const unique = new Map([...profiles].map((profile) => [JSON.stringify(profile), profile]));
  // Two eksctl files may name the same cluster: the whole profile breaks the tie, whatever the input order.
  return [...unique].sort(([aText, a], [bText, b]) => compareText(a.name, b.name) || compareText(a.source, b.source) || compareText(aText, bText)).map(([, profile]) => profile);
}

/**
 * Chooses each file's cluster profile (`rules.md`, "The cluster profile"): the command-line
 * flags, else the first config cluster whose globs match, else the cluster the file itself
 * declares (an eksctl ClusterConfig for its own `iam.serviceAccounts`, a Terraform
 * `aws_eks_cluster` for its own resources), else the nearest cluster declared in the file's
 * folder or above (eksctl or Terraform alike), else an assumed current cluster. When one folder
 * declares clusters that judge differently, its other files take the first in path order, and
 * their profile says so.
 */
export class ProfileResolver {
  private readonly flagProfile: ClusterProfile | undefined;
  private readonly configured: Array<{ globs: string[]; profile: ClusterProfile }>;
  /** Declared clusters grouped by folder, the deepest folder first; in each, path order. */
  private readonly folders: Array<{ folder: string; clusters: FolderCluster[] }>;
  /** Per folder, the profile its other files take: the first declared, with an assumption when the folder is ambiguous. */
  private readonly folderProfiles = new Map<string, ClusterProfile>();
  private readonly assumed = makeProfile('assumed', 'assumed', null, null, null);
  private readonly used = new Set<ClusterProfile>();
  private readonly byPath = new Map<string, ClusterProfile>();

  /**
   * @param configFolder the config file's folder relative to the scan root: cluster globs are
   *   relative to it.
   * @param declaredClusters clusters that Terraform configurations among the files declare.
   */
  constructor(
    flags: ProfileFlags,
    clusters: readonly ConfiguredCluster[],
    eksctlConfigs: readonly EksctlConfigFile[],
    private readonly configFolder = '.',
    declaredClusters: readonly DeclaredCluster[] = [],
  ) {
    if (flags.clusterVersion !== undefined || flags.platformVersion !== undefined || flags.region !== undefined) {
      this.flagProfile = makeProfile('command-line', 'flag', flags.clusterVersion ?? null, flags.platformVersion ?? null, flags.region ?? null);
    }
    this.configured = clusters.map((cluster) => ({
      globs: cluster.paths,
      profile: makeProfile(cluster.name, 'config', cluster.kubernetesVersion ?? null, cluster.platformVersion ?? null, cluster.region ?? null),
    }));
    const declared = [
      ...eksctlConfigs.map((config) => ({ file: config.path, folder: path.posix.dirname(config.path), profile: eksctlProfile(config) })),
      ...declaredClusters.map(declaredProfile),
    ].sort((a, b) => compareText(a.file, b.file) || compareText(JSON.stringify(a.profile), JSON.stringify(b.profile)));
    const byFolder = new Map<string, FolderCluster[]>();
    for (const cluster of declared) byFolder.set(cluster.folder, [...(byFolder.get(cluster.folder) ?? []), cluster]);
    // The deepest folder is the nearest.
    this.folders = [...byFolder].map(([folder, list]) => ({ folder, clusters: list })).sort((a, b) => b.folder.length - a.folder.length || compareText(a.folder, b.folder));
  }

  /** The profile for a file (relative POSIX path), or for objects with no file. */
  forPath(file: string | undefined): ClusterProfile {
    let profile = file === undefined ? undefined : this.byPath.get(file);
    if (!profile) {
      profile = this.choose(file);
      if (file !== undefined) this.byPath.set(file, profile);
    }
    this.used.add(profile);
    return profile;
  }

  /** The profiles handed out so far, by name. */
  profilesUsed(): ClusterProfile[] {
    return sortProfiles(this.used);
  }

  private choose(file: string | undefined): ClusterProfile {
    if (this.flagProfile) return this.flagProfile;
    if (file === undefined) return this.assumed;
    const configured = this.configured.length === 0 ? undefined : this.configuredFor(file);
    if (configured) return configured;
    for (const { folder, clusters } of this.folders) {
      if (folder !== '.' && !file.startsWith(`${folder}/`)) continue;
      const own = clusters.find((cluster) => cluster.file === file);
      return own ? own.profile : this.folderProfile(folder, clusters);
    }
    return this.assumed;
  }

  /** The profile the config file gives a file by its paths, if any. */
  private configuredFor(file: string): ClusterProfile | undefined {
    const underConfig = path.posix.relative(this.configFolder, file);
    if (underConfig.startsWith('../')) return undefined;
    return this.configured.find(({ globs }) => globs.some((glob) => minimatch(underConfig, glob, { dot: true })))?.profile;
  }

  /** The profile a folder's files take when they declare no cluster themselves. */
  private folderProfile(folder: string, clusters: readonly FolderCluster[]): ClusterProfile {
    let profile = this.folderProfiles.get(folder);
    if (profile) return profile;
    const [first, ...others] = clusters as [FolderCluster, ...FolderCluster[]];
    const differing = others.filter((other) => !sameCluster(other.profile, first.profile));
    profile = differing.length === 0
      ? first.profile
      : {
          ...first.profile,
          assumptions: [
            ...first.profile.assumptions,
            `${clusters.length} files in \`${folder}\` declare clusters that differ (${clusters.map((cluster) => `\`${cluster.file}\` ${cluster.profile.kubernetesVersion ?? 'no version'}`).join(', ')}): the files beside them that declare none are judged against the first, \`${first.file}\``,
          ],
        };
    this.folderProfiles.set(folder, profile);
    return profile;
  }
}
