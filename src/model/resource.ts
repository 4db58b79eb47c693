import type { DefaultEndpoint } from '../facts.js';
import type { ManifestEndpointUse } from './manifest-strings.js';
import type { PodView } from './workload.js';
import type { IrsaSettings } from './irsa.js';
import type { InputKind } from './declared.js';

/** A finding's level; maps 1:1 to SARIF `level`. */
export type Level = 'error' | 'warning' | 'note';

/** One step into a document: a mapping key or a sequence index. */
export type PathSegment = string | number;

/** A 1-based range in a file; the end column is exclusive and counts UTF-16 code units. */
export interface Range {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** Where to point inside the node a path leads to. */
export interface LocateOptions {
  /** `key` points at the mapping key of the last step instead of its value. */
  target?: 'key' | 'value';
  /** Point at this text inside the scalar (its n-th occurrence, counted from 0). */
  text?: { value: string; occurrence: number };
}

/** A resolved position: the range and the full text of its first line, for display. */
export interface SourcePosition extends Range {
  lineText: string;
  /** The file the position is in, when a locator spans files (a kustomize build) and it is not the locator's own. */
  file?: string;
  /** Why the position is not the line that gives the value, for the finding's message. */
  note?: string;
}

/** A document in a file that can turn a path inside an object into a position. */
export interface DocumentLocator {
  /** The file's path relative to the scan root (or a live object's synthetic path), POSIX separators. */
  readonly path: string;
  /**
   * Resolves a path into the object. A step that does not exist falls back to its nearest
   * existing parent.
   */
  locate(path: readonly PathSegment[], options?: LocateOptions): SourcePosition;
  /**
   * Lets go of what makes positions fast to find, where it can be built again: for an object that
   * is kept waiting. A position asked later is found all the same.
   */
  release?(): void;
}

/** A live object written out as YAML: its text, and a locator into that text. */
export interface RenderedDocument extends DocumentLocator {
  readonly text: string;
}

/** Identifies a Kubernetes object. */
export interface ObjectIdentity {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** Where a cluster profile came from (`rules.md`, "The cluster profile"). */
export type ProfileSource = 'flag' | 'config' | 'eksctl' | 'terraform' | 'api' | 'assumed';

/** The cluster an object belongs to, as far as the version-dependent rules need it. */
export interface ClusterProfile {
  name: string;
  /** `1.24`; null when unknown and assumed current. */
  kubernetesVersion: string | null;
  /** `eks.2`; null when unknown (the newest for its version is assumed). */
  platformVersion: string | null;
  region: string | null;
  defaultEndpoint: DefaultEndpoint;
  source: ProfileSource;
  /** What was assumed to build this profile. */
  assumptions: string[];
}

/** A Kubernetes object from a file or a live cluster: what every rule reads. */
export interface Resource {
  readonly identity: ObjectIdentity;
  readonly data: Record<string, unknown>;
  /** Present for objects read from files. */
  readonly document?: DocumentLocator;
  /** Present for live objects: the object as YAML, as `--dump-objects` writes it and SARIF points into it. */
  readonly rendering?: RenderedDocument;
  profile: ClusterProfile;
  /** What built the object from its files, for messages (``in overlay `overlays/prod` ``). */
  readonly builtBy?: string;
  /** The kind of input that declares it, when not a plain manifest or a kustomize build (`declared.ts`). */
  readonly inputKind?: InputKind;
  /** What was assumed to model it from its declaration (`DeclaredObject.assumptions`), for the inventory. */
  readonly assumptions?: readonly string[];
  /**
   * Views of `data` that several rules read, computed once by the model's readers. Kept on the
   * object itself: a WeakMap holding one entry per object slows every garbage collection.
   */
  derived?: { pod?: PodView | null; endpointUses?: ManifestEndpointUse[]; irsa?: IrsaSettings };
}
