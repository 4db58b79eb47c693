import { objectLabel, objectPlace, textPlace, toFinding } from './findings.js';
import { applyAnnotationSuppressions, type SuppressionSettings } from './suppressions.js';
import { isRecord, listAt, recordAt } from '../values.js';
import { LineIndex } from '../loaders/line-index.js';
import type { RulePlan } from './rule-plan.js';
import type { Finding, FindingLocation, InputError } from './report.js';
import type { ClusterProfile, Resource } from '../model/resource.js';
import type { Owners, RelatedObjects } from '../model/workload.js';
import type { FileContext, RuleContext } from '../rules/rule.js';
import type { SourceFile } from '../model/source.js';

/**
 * Key that joins a workload to its ServiceAccount: same cluster, same namespace (or both none), same
 * name, and built by the same kustomization (`builtBy`; empty for objects read as they are). Two
 * overlays build two versions of one account, and each overlay's workloads use their own.
 */
function accountKey(cluster: string, builtBy: string | undefined, namespace: string | undefined, name: string): string {
  return `${cluster}\u0000${builtBy ?? ''}\u0000${namespace ?? ''}\u0000${name}`;
}

/** Whether a range of a file lies within another: both 1-based, the end column exclusive. */
function within(inner: FindingLocation, outer: FindingLocation): boolean {
  const before = (line: number, column: number, otherLine: number, otherColumn: number): boolean => line < otherLine || (line === otherLine && column <= otherColumn);
  return before(outer.startLine, outer.startColumn, inner.startLine, inner.startColumn) && before(inner.endLine, inner.endColumn, outer.endLine, outer.endColumn);
}

/**
 * The text findings that no object finding covers. A values file is read both as text and, through
 * the objects its release makes, as settings of those objects: a setting both see (a container's
 * `AWS_STS_REGIONAL_ENDPOINTS: legacy`, a host in its env) is one problem, reported by the object's
 * rule, which knows the container and its account.
 */
function uncoveredTextFindings(textFindings: readonly Finding[], objectFindings: readonly Finding[]): Finding[] {
  const byPath = new Map<string, FindingLocation[]>();
  for (const { location } of objectFindings) if (location) byPath.set(location.path, [...(byPath.get(location.path) ?? []), location]);
  if (byPath.size === 0) return [...textFindings];
  return textFindings.filter(({ location }) => !location || !byPath.get(location.path)?.some((covering) => within(location, covering)));
}

/** A rule that threw, as an error of what it was checking: the run goes on. */
function ruleError(id: string, path: string, what: string, error: unknown): InputError {
  return { path, message: `${id} could not check ${what}: ${error instanceof Error ? error.message : String(error)}` };
}

/**
 * Runs a plan's rules on objects and texts as they are read, and turns what the rules report into
 * findings. Each object is checked by the rules of its kind. Workloads are joined to
 * ServiceAccounts by cluster, namespace and name: an object whose check asked for an account not
 * known yet is checked again by `finish`, once every account is, so objects need not be kept until
 * the end and rules need not know when accounts are read. A rule that throws is reported as an
 * error of what it checked, and the run goes on.
 */
export class RuleRunner {
  private readonly accounts = new Map<string, Resource>();
  private readonly owners = new Map<string, Resource>();
  private readonly deferred: Resource[] = [];
  private readonly findings: Finding[] = [];
  private readonly textFindings: Finding[] = [];
  private readonly errors: InputError[] = [];

  /** Keys under which a declared ServiceAccount stands for the objects applied as they are. */
  private readonly declaredAliases = new Set<string>();

  constructor(
    private readonly plan: RulePlan,
    private readonly suppressions: SuppressionSettings,
  ) {}

  /**
   * Makes ServiceAccounts known to the objects checked from now on; the first of a name wins. One
   * that a declaration makes (a Helm release, eksctl, Terraform) is also known to the objects
   * applied as they are, as it exists in the cluster like theirs, unless one of theirs has its name.
   */
  addServiceAccounts(resources: Iterable<Resource>): void {
    for (const resource of resources) {
      if (resource.identity.kind !== 'ServiceAccount') continue;
      const { identity, data, profile, builtBy, inputKind } = resource;
      // Only what the join needs is kept: holding the document would hold its whole file.
      const account = { identity, data, profile };
      const key = accountKey(profile.name, builtBy, identity.namespace, identity.name);
      if (!this.accounts.has(key) || (builtBy === undefined && this.declaredAliases.delete(key))) this.accounts.set(key, account);
      if (inputKind === undefined || inputKind === 'kustomize' || builtBy === undefined) continue;
      const unscoped = accountKey(profile.name, undefined, identity.namespace, identity.name);
      if (!this.accounts.has(unscoped)) {
        this.accounts.set(unscoped, account);
        this.declaredAliases.add(unscoped);
      }
    }
  }

  /** Makes workloads known as owners (by uid) to the objects checked from now on. */
  addOwners(resources: Iterable<Resource>): void {
    for (const resource of resources) {
      const uid = recordAt(resource.data, 'metadata').uid;
      if (typeof uid === 'string') this.owners.set(`${resource.profile.name}\u0000${uid}`, resource);
    }
  }

  private ownerOf(resource: Resource): Owners | undefined {
    const controllerOf = (child: Resource): Resource | undefined => {
      const references = listAt(recordAt(child.data, 'metadata'), 'ownerReferences').filter(isRecord);
      const reference = references.find((owner) => owner.controller === true) ?? references[0];
      return typeof reference?.uid === 'string' ? this.owners.get(`${child.profile.name}\u0000${reference.uid}`) : undefined;
    };
    const controller = controllerOf(resource);
    if (!controller) return undefined;
    return { controller, top: controllerOf(controller) ?? controller };
  }

  /** Checks an object; true when it has findings, or may have them once its ServiceAccount is known. */
  check(resource: Resource): boolean {
    const outcome = this.checkObject(resource);
    if (outcome.missedAccount) this.deferred.push(resource);
    else this.keep(outcome);
    return outcome.missedAccount || outcome.findings.length > 0;
  }

  /** Checks the deferred objects and returns everything found. */
  finish(): { findings: Finding[]; errors: InputError[] } {
    for (const resource of this.deferred.splice(0)) this.keep(this.checkObject(resource));
    return { findings: [...this.findings, ...uncoveredTextFindings(this.textFindings, this.findings)], errors: this.errors };
  }

  private keep(outcome: { findings: Finding[]; errors: InputError[] }): void {
    this.findings.push(...outcome.findings);
    this.errors.push(...outcome.errors);
  }

  private checkObject(resource: Resource): { findings: Finding[]; errors: InputError[]; missedAccount: boolean } {
    const findings: Finding[] = [];
    const errors: InputError[] = [];
    let missedAccount = false;
    const related: RelatedObjects = {
      serviceAccountFor: (workload, pod) => {
        const { profile, builtBy, identity } = workload;
        // A built workload uses its own kustomization's account, else one applied as it is.
        const account =
          this.accounts.get(accountKey(profile.name, builtBy, identity.namespace, pod.serviceAccountName)) ??
          (builtBy === undefined ? undefined : this.accounts.get(accountKey(profile.name, undefined, identity.namespace, pod.serviceAccountName)));
        if (!account) missedAccount = true;
        return account;
      },
      ownerOf: (child) => this.ownerOf(child),
    };
    for (const bound of this.plan.objectRules.get(resource.identity.kind) ?? []) {
      const context: RuleContext = {
        ...related,
        profile: resource.profile,
        report: (problem) => findings.push(toFinding(bound, problem, objectPlace(resource, problem))),
      };
      try {
        bound.rule.check(resource, context);
      } catch (error) {
        errors.push(ruleError(bound.rule.id, resource.document?.path ?? objectLabel(resource), objectLabel(resource), error));
      }
    }
    findings.push(...applyAnnotationSuppressions(resource, findings, this.suppressions, this.plan));
    return { findings, errors, missedAccount };
  }

  /**
   * Runs the text rules on a source or config file that is not a manifest. The profile is
   * looked up only when a rule asks for it, so that files with no finding name no cluster.
   * Test code's findings are notes, whatever the rule or the config says: it is not deployed.
   */
  checkText(file: SourceFile, profileOf: () => ClusterProfile, testCode = false): void {
    let profile: ClusterProfile | undefined;
    let lines: LineIndex | undefined;
    for (const bound of this.plan.textRules) {
      const context: FileContext = {
        get profile() {
          profile ??= profileOf();
          return profile;
        },
        report: (problem) => {
          lines ??= new LineIndex(file.text);
          this.textFindings.push(toFinding(bound, problem, textPlace(file, lines, context.profile, problem), testCode ? 'note' : bound.configuredLevel));
        },
      };
      try {
        bound.rule.checkFile(file, context);
      } catch (error) {
        this.errors.push(ruleError(bound.rule.id, file.path, 'it', error));
      }
    }
  }
}
