import { webhook } from '../facts.js';
import { own, recordAt } from '../values.js';
import type { ClusterProfile, Resource } from './resource.js';

const trueSpellings = new Set(webhook.parseBool.true);
const falseSpellings = new Set(webhook.parseBool.false);

/**
 * Go's `strconv.ParseBool`, as the webhook reads `sts-regional-endpoints`: twelve exact
 * spellings, no trimming. Anything else is undefined, and the webhook silently ignores it.
 */
export function parseBool(value: unknown): boolean | undefined {
  if (typeof value !== 'string') return undefined;
  if (trueSpellings.has(value)) return true;
  if (falseSpellings.has(value)) return false;
  return undefined;
}

/**
 * True for a value that is wholly a `${name}` variable (with or without a default) or one Go
 * template action (`{{ .Values.x | quote }}`) left for a later step to fill: Flux's `postBuild`
 * substitution, envsubst templates, a Helm chart's templates, a Terraform value decided at apply
 * time. Its value is unknown, so no rule claims what it is.
 */
export function isPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && (wholeVariable.test(value) || wholeTemplateAction.test(value) || terraformValue.test(value));
}

/** One Go template action and nothing else. */
const wholeTemplateAction = /^\{\{(?:(?!\}\})[\s\S])*\}\}$/;

/** A value that is wholly a Terraform reference or call (`${var.sts_mode}`): how a Terraform declaration keeps a value decided at apply time. */
const terraformValue = /^\$\{[A-Za-z_][\w-]*[.[(][^{}]*\}$/;

/** A `${name}` variable, with an optional default (`:=`, `:-`, `=`, `-`, as envsubst reads them): the name, then the default. */
export const variablePattern = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-=]([^}]*))?\}/;
const wholeVariable = new RegExp(`^${variablePattern.source}$`);

/** What a ServiceAccount's annotations tell the webhook. */
export interface IrsaSettings {
  /** The non-empty `role-arn`, if any: only then are pods mutated. */
  roleArn: string | undefined;
  /**
   * Whether `sts-regional-endpoints` is present, its raw value, what ParseBool makes of it, and
   * whether the value is not known yet (`isPlaceholder`).
   */
  stsRegionalEndpoints: { present: boolean; value: unknown; parsed: boolean | undefined; unknown: boolean };
}

/** True for a core ServiceAccount object. */
export function isServiceAccount(resource: Resource): boolean {
  return resource.identity.kind === 'ServiceAccount' && resource.identity.apiVersion === 'v1';
}

/** Path of an annotation in an object's data. */
export function annotationPath(key: string): string[] {
  return ['metadata', 'annotations', key];
}

/** Reads the IRSA annotations of a ServiceAccount, once per object: every ServiceAccount rule asks. */
export function irsaSettings(serviceAccount: Resource): IrsaSettings {
  const derived = (serviceAccount.derived ??= {});
  derived.irsa ??= readIrsaSettings(serviceAccount);
  return derived.irsa;
}

function readIrsaSettings(serviceAccount: Resource): IrsaSettings {
  const annotations = recordAt(recordAt(serviceAccount.data, 'metadata'), 'annotations');
  const roleArn = own(annotations, webhook.annotations.roleArn);
  const present = Object.hasOwn(annotations, webhook.annotations.stsRegionalEndpoints);
  const value = own(annotations, webhook.annotations.stsRegionalEndpoints);
  return {
    roleArn: typeof roleArn === 'string' && roleArn !== '' ? roleArn : undefined,
    stsRegionalEndpoints: { present, value, parsed: present ? parseBool(value) : undefined, unknown: isPlaceholder(value) },
  };
}

/**
 * Whether the webhook treats this ServiceAccount as regional: its annotation when it parses,
 * else the cluster's default; never on a cluster that has only the global endpoint.
 */
export function effectiveRegional(settings: IrsaSettings, profile: ClusterProfile): boolean {
  if (profile.defaultEndpoint === 'unsupported') return false;
  return settings.stsRegionalEndpoints.parsed ?? profile.defaultEndpoint === 'regional';
}

/** The `AWS_STS_REGIONAL_ENDPOINTS` value the webhook injects for pods of this account, if any. */
export function injectedStsSetting(settings: IrsaSettings, profile: ClusterProfile): string | undefined {
  return settings.roleArn !== undefined && effectiveRegional(settings, profile) ? webhook.injectedStsValue : undefined;
}

/** Container names the webhook leaves untouched (pod annotation `skip-containers`). */
export function skippedContainers(podMetadata: Record<string, unknown>): Set<string> {
  const value = own(recordAt(podMetadata, 'annotations'), webhook.annotations.skipContainers);
  if (typeof value !== 'string') return new Set();
  return new Set(value.split(',').map((name) => name.trim()).filter((name) => name !== ''));
}
