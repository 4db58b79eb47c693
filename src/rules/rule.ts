import type { ClusterProfile, Level, LocateOptions, PathSegment, Resource } from '../model/resource.js';
import type { RelatedObjects } from '../model/workload.js';
import type { SourceFile } from '../model/source.js';
import type { MessageIds, RuleId } from './message-ids.generated.js';

/** What a rule reports: a path into the object and a message id with its data. */
export interface Problem<MessageId extends string = string> {
  /** Path into the object's data of the node a person must edit. */
  path: readonly PathSegment[];
  /** A key of the rule's `messages`. */
  messageId: MessageId;
  /** Values for the message's and the remediation's placeholders. */
  data?: Readonly<Record<string, string>>;
  /** Point at the key of the last step instead of its value. */
  target?: LocateOptions['target'];
  /** Point at this text inside the scalar. */
  text?: LocateOptions['text'];
  /** Overrides the message's level where the rule's level depends on the cluster. */
  level?: Level;
}

/** What a rule sees besides the object. */
export interface RuleContext<Id extends RuleId = RuleId> extends RelatedObjects {
  /** The profile of the cluster the object belongs to. */
  readonly profile: ClusterProfile;
  report(problem: Problem<MessageIds[Id]>): void;
}

/** A rule's check. Its metadata lives in `rules/ID.yaml`, whose `messages` name the ids it may report. */
export interface Rule<Id extends RuleId = RuleId> {
  readonly id: Id;
  check(resource: Resource, context: RuleContext<Id>): void;
}

/** What a file rule reports: a range of the file's text. */
export interface FileProblem<MessageId extends string = string> {
  index: number;
  length: number;
  /** A key of the rule's `messages`. */
  messageId: MessageId;
  data?: Readonly<Record<string, string>>;
  level?: Level;
  /** The Region the reported code runs in when the code itself names it (a Terraform provider's); else the profile's. */
  region?: string;
}

/** What a file rule sees besides the file. */
export interface FileContext<Id extends RuleId = RuleId> {
  /** The profile of the cluster the file deploys to, as for manifests; read it only to report. */
  readonly profile: ClusterProfile;
  report(problem: FileProblem<MessageIds[Id]>): void;
}

/** A rule on application code, config and dependency manifests. Its metadata lives in `rules/ID.yaml`. */
export interface FileRule<Id extends RuleId = RuleId> {
  readonly id: Id;
  checkFile(file: SourceFile, context: FileContext<Id>): void;
}
