import type { InputError, SkippedInput } from './inputs.js';
import type { InputKind, UnanalysedInput } from './declared.js';
import type { ClusterProfile, Resource } from './resource.js';

/** A source or config file that is not a Kubernetes manifest, as the text rules read it. */
export interface SourceFile {
  /** Relative to the scan root, POSIX separators. */
  readonly path: string;
  readonly text: string;
  /** The text with every comment blanked: same length, same lines and columns. */
  readonly code: string;
}

/** What a source hands the run, in the order the run checks it. */
export type SourceItem =
  | {
      /**
       * Objects whose fields know their source position, each with its cluster's profile. The
       * ServiceAccounts among them are known to the objects checked from then on.
       */
      readonly objects: readonly Resource[];
      /** Known as owners too, by uid, to the objects checked from then on (live objects). */
      readonly owners?: boolean;
    }
  | {
      /** A code, config or dependency file for the text rules. */
      readonly text: SourceFile;
      /** The profile of the cluster the file deploys to: resolved only when a rule reports. */
      profile(): ClusterProfile;
      /** Test code, whose findings are notes (the config's `testCode`). */
      readonly testCode: boolean;
    };

/** What was read, and what was passed over or could not be. */
export interface Inputs {
  files: number;
  documents: number;
  objects: number;
  skipped: SkippedInput[];
  errors: InputError[];
  /** Inputs recognised as declaring objects (a Helm release, a Terraform resource) but not analysed, or only in part. */
  unanalysed?: UnanalysedInput[];
  /** Files the code rules read as test code, their findings at note (the config's `testCode`). */
  testCode?: string[];
  /** IRSA ServiceAccounts modeled (those that name a role), by the kind of input that declares them; absent when none. */
  serviceAccounts?: Partial<Record<InputKind, number>>;
}

/** What the rules of a run read: a source need not keep anything else. */
export interface SourceNeeds {
  /** The object rules that run on each kind; objects of other kinds are read for joins only. */
  readonly rulesByKind: ReadonlyMap<string, readonly string[]>;
  /** Whether any text rule runs. */
  readonly texts: boolean;
}

/**
 * One kind of input, read into the model: objects whose every field knows its source position,
 * and texts for the text rules. The run pulls the items as it checks them, so a source that reads
 * lazily (a cluster's pods, page by page) need not hold what was checked.
 */
export interface Source<Items extends Iterable<SourceItem> | AsyncIterable<SourceItem> = Iterable<SourceItem> | AsyncIterable<SourceItem>> {
  /** Reads the input; what is skipped or cannot be read is recorded in `inputs`. */
  read(needs: SourceNeeds, inputs: Inputs): Items;
  /** The profiles of the clusters what was read belongs to, once it is all read. */
  profiles(): ClusterProfile[];
  /** The texts read, once it is all read: findings point into them, and their comments may suppress findings. */
  texts(): Iterable<{ path: string; text: string }>;
}
