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
 * Runs the rules on objects as they are read and turns what the rules report into findings.
 * Workloads are joined to ServiceAccounts by cluster, namespace and name: an object that asked
 * for an account not known yet is checked again by `finish`, once every account is, so objects
 * need not be kept until the end. A rule that throws is reported as an error of that object, and
 * the run goes on.
 */
export class RuleRunner {
  private readonly accounts = new Map<string, Resource>();
  private readonly deferred: Resource[] = [];
  private readonly findings: Finding[] = [];
  private readonly errors: InputError[] = [];

  constructor(private readonly settings: RuleSettings) {}

  /** Makes ServiceAccounts known to the objects checked from now on; the first of a name wins. */
  addServiceAccounts(resources: Iterable<Resource>): void {
    for (const resource of resources) {
      if (resource.identity.kind !== 'ServiceAccount') continue;
      const key = accountKey(resource.profile.name, resource.identity.namespace, resource.identity.name);
      // Only what the join needs is kept: holding the document would hold its whole file.
      const { identity, data, profile } = resource;
      if (!this.accounts.has(key)) this.accounts.set(key, { identity, data, profile });
    }
  }

  check(resource: Resource): void {
    const outcome = this.checkOne(resource);
    if (outcome.missedAccount) this.deferred.push(resource);
    else this.keep(outcome);
  }

  /** Checks the deferred objects and returns everything found. */
  finish(): { findings: Finding[]; errors: InputError[] } {
    for (const resource of this.deferred.splice(0)) this.keep(this.checkOne(resource));
    return { findings: this.findings, errors: this.errors };
  }

  private keep(outcome: { findings: Finding[]; errors: InputError[] }): void {
    this.findings.push(...outcome.findings);
    this.errors.push(...outcome.errors);
  }

  private checkOne(resource: Resource): { findings: Finding[]; errors: InputError[]; missedAccount: boolean } {
    const findings: Finding[] = [];
    const errors: InputError[] = [];
    let missedAccount = false;
    const serviceAccountFor = (workload: Resource, pod: PodView): Resource | undefined => {
      const account = this.accounts.get(accountKey(workload.profile.name, workload.identity.namespace, pod.serviceAccountName));
      if (!account) missedAccount = true;
      return account;
    };
    let rule: Rule | undefined;
    let metadata: RuleMetadata | undefined;
    const context: RuleContext = {
      profile: resource.profile,
      serviceAccountFor,
      report: (problem) => findings.push(toFinding(resource, metadata!, problem, this.settings.levels.get(rule!.id))),
    };
    for (rule of this.settings.rules) {
      metadata = this.settings.catalogue.get(rule.id);
      if (!metadata) throw new Error(`rule ${rule.id} has no metadata in rules/`);
      try {
        rule.check(resource, context);
      } catch (error) {
        errors.push({
          path: resource.document?.path ?? objectLabel(resource),
          message: `${rule.id} could not check ${objectLabel(resource)}: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    }
    return { findings, errors, missedAccount };
  }
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
    remediation: interpolate(message.remediation ?? metadata.remediation, data),
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
    finding.location = { path: resource.document.path, ...range, ...snippetOf(lineText, range.startColumn) };
  }
  return finding;
}

/** Lines longer than this (minified JSON, long commands) are shown only around the finding. */
const maxSnippet = 240;
const snippetLeadIn = 80;

function snippetOf(line: string, startColumn: number): { snippet: string; snippetColumn?: number } {
  if (line.length <= maxSnippet) return { snippet: line };
  const start = Math.max(0, Math.min(startColumn - 1 - snippetLeadIn, line.length - maxSnippet));
  return { snippet: line.slice(start, start + maxSnippet), snippetColumn: start + 1 };
}
