import type { Language } from '../code/languages.js';
import type { InputError } from './inputs.js';
import type { ClusterProfile, DocumentLocator, ObjectIdentity } from './resource.js';

/**
 * How an object comes to exist in a cluster: the kind of input that declares it. A plain manifest
 * and a kustomize build are read as objects; the others declare objects that a tool makes at
 * deploy time (a Helm release, eksctl, Terraform's Kubernetes provider).
 */
export type InputKind =
  | 'manifest'
  | 'kustomize'
  | 'helm-chart'
  | 'helm-values'
  | 'helmfile'
  | 'argocd'
  | 'flux'
  | 'terraform'
  | 'eksctl'
  | 'cdk'
  | 'pulumi';

/**
 * A tree of values read from a file the user edits (a values file, an Argo CD `helm.values`
 * string, Terraform `set` blocks…), and where each path inside it was written. Values not known
 * until deploy time (a Terraform interpolation, a Go-template placeholder) are kept as the string
 * written, so a placeholder role ARN is still a role.
 */
export interface LocatedValues {
  readonly value: unknown;
  /** Paths inside `value` (not inside an object built from it) to positions in the source file. */
  readonly locator: DocumentLocator;
  /** What the layer is, for messages and the inventory (``values file `values-prod.yaml` ``). */
  readonly label?: string;
}

/** The chart a Helm release installs, as far as its declaration says. */
export interface ChartReference {
  /** The chart's name (`aws-load-balancer-controller`), without its repository. */
  readonly name?: string;
  /** The repository URL or alias (`https://aws.github.io/eks-charts`, `eks`, an OCI URL). */
  readonly repository?: string;
  readonly version?: string;
  /** A chart folder inside the scan root, relative to it, when the chart is in the repository. */
  readonly path?: string;
}

/** A Helm release that a repository declares, in whichever format. */
export interface HelmReleaseSpec {
  readonly kind: InputKind;
  /** The file that declares the release (the Application, the HelmRelease, the `helm_release`), relative to the root. */
  readonly file: string;
  /** The 1-based line of the declaration in `file`. */
  readonly line: number;
  /** The release name; undefined when not known. */
  readonly releaseName?: string;
  /** The release namespace; undefined when decided at install time. */
  readonly namespace?: string;
  readonly chart: ChartReference;
  /**
   * The values the release is given, lowest precedence first. The chart's own `values.yaml` is
   * not among them: the core adds it when the chart is in the repository.
   */
  readonly values: readonly LocatedValues[];
  /** What declares it, for messages: ``Argo CD ApplicationSet `addons-aws-lbc` ``. */
  readonly declaredBy: string;
  /**
   * A values file read on its own because it sets IRSA values, with no declaration naming it:
   * left out when a declaration uses the file (or, for a chart's `values.yaml`, its chart), as
   * read alone it lacks the layers that complete it.
   */
  readonly readAlone?: boolean;
}

/**
 * An object a declaration makes directly (an eksctl `iam.serviceAccounts[]` entry, a Terraform
 * `kubernetes_service_account`), with a locator from paths in `data` to where the user wrote them.
 */
export interface DeclaredObject {
  readonly kind: InputKind;
  readonly identity: ObjectIdentity;
  readonly data: Record<string, unknown>;
  readonly locator: DocumentLocator;
  /** What declares it, for messages: ``eksctl ClusterConfig `sandbox` ``. */
  readonly declaredBy: string;
  /** The profile of the cluster it is made in, when the declaration says (an eksctl file's own version). */
  readonly profile?: ClusterProfile;
  /** What was assumed to model it (a role that eksctl creates, a name a program computes), for the inventory. */
  readonly assumptions?: readonly string[];
}

/** An input recognised as declaring objects but not analysed, or only in part, and why. */
export interface UnanalysedInput {
  readonly path: string;
  readonly line?: number;
  readonly kind: InputKind;
  readonly reason: string;
}

/** A cluster a configuration declares (Terraform `aws_eks_cluster`, a `module` with `cluster_version`). */
export interface DeclaredCluster {
  /** The folder whose files deploy to this cluster, relative to the root (`.` for the root). */
  readonly folder: string;
  readonly file: string;
  readonly line: number;
  readonly name: string;
  /** `1.29`, or null when the version is not known (a variable with no default). */
  readonly kubernetesVersion: string | null;
  readonly region?: string | null;
  /** What was assumed to read it. */
  readonly assumptions: readonly string[];
}

/** What the declaration readers found among a scan's files. */
export interface Declarations {
  releases: HelmReleaseSpec[];
  objects: DeclaredObject[];
  clusters: DeclaredCluster[];
  unanalysed: UnanalysedInput[];
  errors: InputError[];
  /** The files a reader looked up and read as part of a declaration (a values file, a `templatefile()` template, a chart's `_helpers.tpl`). */
  read?: Set<string>;
}

/** The files of a scan, as the declaration readers see them: already read, nothing read again. */
export interface RepositoryView {
  /** The paths of every file read, relative to the root, POSIX separators. */
  readonly paths: readonly string[];
  /** A file's text, if it was read (a file outside the scan or never read gives undefined). */
  text(path: string): string | undefined;
}

/** The source or config files a declaration reader wants: by their path, then by a text they hold. */
export interface DeclarationMarkers {
  /** Whether a file's path is one the reader reads; `language` is the file's, when the caller knows it (null: none). */
  paths(path: string, language?: Language | null): boolean;
  readonly texts: readonly string[];
  /** Texts of which a file must hold one as well (a program's framework), when given. */
  readonly alongside?: readonly string[];
}

/** Reads one kind of declaration from the files of a scan. */
export interface DeclarationReader {
  readonly kind: InputKind;
  /**
   * What a source or config file (not a YAML or JSON file, which is always read) must be for this
   * reader to want it: one whose path `paths` accepts, holding one of `texts`. Such a file is read
   * even when it holds no STS text; other files are never searched for these texts.
   */
  readonly markers?: DeclarationMarkers;
  /**
   * Loads what reading needs (a parser) when a scan holds a file this reader wants: `read` runs
   * synchronously, so a reader whose code is loaded on demand is prepared before the scan runs.
   */
  prepare?(): Promise<void>;
  /**
   * What every file it wants is: one whose path `paths` accepts, holding one of `texts`. A scan
   * looks for every reader's texts at once, in the files whose path some reader's `needs` accepts,
   * and asks `wants` of a file only when it holds one.
   */
  readonly needs?: DeclarationMarkers;
  /** Whether a file may hold this reader's declarations: a cheap test of its path and text. */
  wants(path: string, text: string): boolean;
  /** Reads the declarations of the wanted files, appending to `into`. */
  read(files: ReadonlyArray<{ path: string; text: string }>, repository: RepositoryView, into: Declarations): void;
}
