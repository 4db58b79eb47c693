import { fingerprint } from './fingerprint.js';
import { describeProfile } from '../profiles/describe-profile.js';
import { interpolate, type Level, type RuleMetadata } from '../rules/catalogue.js';
import type { Finding, InputError } from './report.js';
import type { Resource } from '../model/resource.js';
import type { PodView } from '../model/workload.js';
import type { Problem, Rule, RuleContext } from '../rules/rule.js';

/** Which rules run, and at which level. */
export interface RuleSettings {
  rules: readonly Rule[];
  catalogue: ReadonlyMap<string, RuleMetadata>;
  /** Levels set by the config file, overriding each message's own. */
  levels: ReadonlyMap<string, Level>;
}

/** Key that joins a workload to its ServiceAccount: same cluster, same namespace (or both none), same name. */
function accountKey(cluster: string, namespace: string | undefined, name: string): string {
  return `${cluster}\u0000${namespace ?? ''}\u0000${name}`;
}

function objectLabel(resource: Resource): string {
  const { kind, namespace, name } = resource.identity;
  return `${kind} ${namespace ? `${namespace}/` : ''}${name}`;
}

/**
 * Runs every rule on every object and turns what they report into findings. A rule that throws
 * on an object is reported as an error of that object, and the run goes on.
 */
export function runRules(resources: readonly Resource[], settings: RuleSettings): { findings: Finding[]; errors: InputError[] } {
  const accounts = new Map<string, Resource>();
  for (const resource of resources) {
    if (resource.identity.kind !== 'ServiceAccount') continue;
    const key = accountKey(resource.profile.name, resource.identity.namespace, resource.identity.name);
    if (!accounts.has(key)) accounts.set(key, resource);
  }
  const serviceAccountFor = (resource: Resource, pod: PodView): Resource | undefined =>
    accounts.get(accountKey(resource.profile.name, resource.identity.namespace, pod.serviceAccountName));

  const findings: Finding[] = [];
  const errors: InputError[] = [];
  for (const resource of resources) {
    for (const rule of settings.rules) {
      const metadata = settings.catalogue.get(rule.id);
      if (!metadata) throw new Error(`rule ${rule.id} has no metadata in rules/`);
      const context: RuleContext = {
        profile: resource.profile,
        serviceAccountFor,
        report: (problem) => findings.push(toFinding(resource, metadata, problem, settings.levels.get(rule.id))),
      };
      try {
        rule.check(resource, context);
      } catch (error) {
        errors.push({
          path: resource.document?.path ?? objectLabel(resource),
          message: `${rule.id} could not check ${objectLabel(resource)}: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    }
  }
  return { findings, errors };
}

function toFinding(resource: Resource, metadata: RuleMetadata, problem: Problem, configuredLevel: Level | undefined): Finding {
  const message = metadata.messages[problem.messageId];
  if (!message) throw new Error(`${metadata.id} has no message '${problem.messageId}'`);
  const { identity, profile } = resource;
  const data = {
    object: objectLabel(resource),
    kind: identity.kind,
    name: identity.name,
    namespace: identity.namespace ?? '(none)',
    cluster: describeProfile(profile),
    ...problem.data,
  };
  const finding: Finding = {
    ruleId: metadata.id,
    ruleName: metadata.name,
    level: configuredLevel ?? problem.level ?? message.level ?? metadata.level,
    message: interpolate(message.text, data),
    remediation: interpolate(metadata.remediation, data),
    object: { ...identity, cluster: profile.name },
    fingerprint: fingerprint([
      metadata.id,
      resource.document?.path ?? '',
      identity.apiVersion,
      identity.kind,
      identity.namespace ?? '',
      identity.name,
      profile.name,
      problem.path.join('.'),
      problem.target ?? 'value',
      problem.text?.value ?? '',
      String(problem.text?.occurrence ?? 0),
    ]),
    suppressed: null,
  };
  if (resource.document) {
    const { lineText, ...range } = resource.document.locate(problem.path, {
      ...(problem.target ? { target: problem.target } : {}),
      ...(problem.text ? { text: problem.text } : {}),
    });
    finding.location = { path: resource.document.path, ...range, snippet: lineText };
  }
  return finding;
}
