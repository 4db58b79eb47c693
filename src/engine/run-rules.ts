import { objectLabel, objectPlace, textPlace, toFinding } from './findings.js';
import { applyAnnotationSuppressions, type SuppressionSettings } from './suppressions.js';
import { isRecord, listAt, recordAt } from '../values.js';
import { LineIndex } from '../loaders/line-index.js';
import type { BoundRule, RulePlan } from './rule-plan.js';
import type { Rule } from '../rules/rule.js';
import type { Finding, FindingLocation, InputError } from './report.js';
import type { ClusterProfile, Resource } from '../model/resource.js';
import type { Owners } from '../model/workload.js';
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
  for (const { location } of objectFindings) {
    if (!location) continue;
    const inFile = byPath.get(location.path);
    if (inFile) inFile.push(location);
    else byPath.set(location.path, [location]);
  }
  if (byPath.size === 0) return [...textFindings];
  return textFindings.filter(({ location }) => !location || !byPath.get(location.path)?.some((covering) => within(location, covering)));
}

/** A ServiceAccount a check looked up: its join key, and the account found, if any. */
type Join = [key: string, account: Resource | undefined];

/** What checking one object found, and the ServiceAccounts it looked up. */
export interface CheckOutcome {
  findings: Finding[];
  errors: InputError[];
  joins: Join[];
  /** Whether it looked up an account not known, which one read later may be. */
  missedAccount: boolean;
}

/** An object checked apart from the run (in a worker thread), as plain data. */
export interface CheckedObject {
  findings: Finding[];
  errors: InputError[];
  /** The accounts its check looked up: the index of the one found among those checked with it, or -1. */
  joins: Array<[key: string, account: number]>;
  missedAccount: boolean;
  /** Its file, and its place among the objects that file hands over: where to read it again. */
  path: string;
  index: number;
}

/** Files checked apart from the run (in a worker thread), in order, as plain data. */
export interface CheckedFiles {
  /** Their ServiceAccounts, as the check made them known (the first of each key), in order. */
  accounts: Resource[];
  /** Their objects that have findings or errors, or looked up an account. */
  objects: CheckedObject[];
  /** What the text rules found in them, and the errors of rules on texts. */
  findings: Finding[];
  errors: InputError[];
}

/** A rule that threw, as an error of what it was checking: the run goes on. */
function ruleError(id: string, path: string, what: string, error: unknown): InputError {
  return { path, message: `${id} could not check ${what}: ${error instanceof Error ? error.message : String(error)}` };
}

/**
 * What the rules of one object are run with: one for a runner, pointed at each object in turn
 * ({@link ObjectContext.start}), so that checking an object makes no closures. `report` files a
 * finding under the rule being run (`bound`); the accounts a check looks up are kept as its joins.
 */
class ObjectContext implements RuleContext {
  resource!: Resource;
  bound!: BoundRule & { readonly rule: Rule };
  findings: Finding[] = [];
  joins: Join[] = [];
  missedAccount = false;

  constructor(
    private readonly accountAt: (key: string) => Resource | undefined,
    private readonly ownerAt: (child: Resource) => Owners | undefined,
  ) {}

  /** Points the context at an object, with nothing found yet. */
  start(resource: Resource): this {
    this.resource = resource;
    this.findings = [];
    this.joins = [];
    this.missedAccount = false;
    return this;
  }

  get profile(): ClusterProfile {
    return this.resource.profile;
  }

  report(problem: Parameters<RuleContext['report']>[0]): void {
    this.findings.push(toFinding(this.bound, problem, objectPlace(this.resource, problem)));
  }

  serviceAccountFor(workload: Resource, pod: { serviceAccountName: string }): Resource | undefined {
    const { profile, builtBy, identity } = workload;
    // A built workload uses its own kustomization's account, else one applied as it is.
    const account =
      this.lookUp(accountKey(profile.name, builtBy, identity.namespace, pod.serviceAccountName)) ??
      (builtBy === undefined ? undefined : this.lookUp(accountKey(profile.name, undefined, identity.namespace, pod.serviceAccountName)));
    if (!account) this.missedAccount = true;
    return account;
  }

  ownerOf(child: Resource): Owners | undefined {
    return this.ownerAt(child);
  }

  private lookUp(key: string): Resource | undefined {
    const account = this.accountAt(key);
    this.joins.push([key, account]);
    return account;
  }
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
  /** Objects whose account was not known when checked; checked apart, with how to read them again. */
  private readonly deferred: Array<Resource | { checked: CheckedObject; accounts: readonly Resource[]; recheck: () => Resource }> = [];
  /** Objects deferred since the last {@link itemChecked}. */
  private readonly waitingSince: Resource[] = [];
  private readonly findings: Finding[] = [];
  private readonly textFindings: Finding[] = [];
  private readonly errors: InputError[] = [];

  /** Keys under which a declared ServiceAccount stands for the objects applied as they are. */
  private readonly declaredAliases = new Set<string>();

  /** The context every object's rules run with, pointed at each object in turn. */
  private readonly objectContext = new ObjectContext(
    (key) => this.accounts.get(key),
    (child) => this.ownerOf(child),
  );

  constructor(
    private readonly plan: RulePlan,
    private readonly suppressions: SuppressionSettings,
  ) {}

  /**
   * Makes ServiceAccounts known to the objects checked from now on; the first of a name wins. One
   * that a declaration makes (a Helm release, eksctl, Terraform) is also known to the objects
   * applied as they are, as it exists in the cluster like theirs, unless one of theirs has its name.
   * Returns the accounts made known, as kept.
   */
  addServiceAccounts(resources: Iterable<Resource>): Resource[] {
    const added: Resource[] = [];
    for (const resource of resources) {
      if (resource.identity.kind !== 'ServiceAccount') continue;
      const { identity, data, profile, builtBy, inputKind } = resource;
      // Only what the join needs is kept: holding the document would hold its whole file.
      const account = { identity, data, profile };
      const key = accountKey(profile.name, builtBy, identity.namespace, identity.name);
      if (!this.accounts.has(key) || (builtBy === undefined && this.declaredAliases.delete(key))) {
        this.accounts.set(key, account);
        added.push(account);
      }
      if (inputKind === undefined || inputKind === 'kustomize' || builtBy === undefined) continue;
      const unscoped = accountKey(profile.name, undefined, identity.namespace, identity.name);
      if (!this.accounts.has(unscoped)) {
        this.accounts.set(unscoped, account);
        this.declaredAliases.add(unscoped);
      }
    }
    return added;
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
    if (outcome.missedAccount) {
      this.deferred.push(resource);
      this.waitingSince.push(resource);
    } else {
      this.keep(outcome);
    }
    return outcome.missedAccount || outcome.findings.length > 0;
  }

  /**
   * Called once the objects of an item (a file) are checked: the documents of those left waiting
   * let go of their parse, as they may wait to the end of the run and most never need a position.
   * Not sooner: the file's other objects are checked with the same parse.
   */
  itemChecked(): void {
    for (const resource of this.waitingSince.splice(0)) resource.document?.release?.();
  }

  /**
   * Checks an object apart from the run (in a worker thread): what it found is returned, not kept,
   * with the accounts it looked up among those known here.
   */
  checkApart(resource: Resource): CheckOutcome {
    return this.checkObject(resource);
  }

  /**
   * Takes files checked apart (in a worker thread) as if checked here: their accounts become
   * known, and each object's findings are kept when the accounts its check looked up are the ones
   * this run joins it to, which only the accounts of files read earlier, or read later when its
   * own had none, can change. Otherwise it is read again (`recheck`) and checked here.
   */
  addChecked(files: CheckedFiles, recheck: (object: CheckedObject) => Resource): void {
    this.addServiceAccounts(files.accounts);
    // What the text rules found there may yet be covered by what an object's check finds.
    this.textFindings.push(...files.findings);
    this.errors.push(...files.errors);
    for (const checked of files.objects) {
      if (!this.joinsHold(checked, files.accounts)) this.check(recheck(checked));
      else if (checked.missedAccount) this.deferred.push({ checked, accounts: files.accounts, recheck: () => recheck(checked) });
      else this.keep(checked);
    }
  }

  /** Whether the accounts a check apart looked up are the ones known here (an account, or none, by key). */
  private joinsHold(checked: CheckedObject, accounts: readonly Resource[]): boolean {
    return checked.joins.every(([key, account]) => this.accounts.get(key)?.data === accounts[account]?.data);
  }

  /** Checks the deferred objects and returns everything found. */
  finish(): { findings: Finding[]; errors: InputError[] } {
    for (const deferred of this.deferred.splice(0)) {
      if (!('checked' in deferred)) this.keep(this.checkObject(deferred));
      else if (this.joinsHold(deferred.checked, deferred.accounts)) this.keep(deferred.checked);
      else this.keep(this.checkObject(deferred.recheck()));
    }
    return { findings: [...this.findings, ...uncoveredTextFindings(this.textFindings, this.findings)], errors: this.errors };
  }

  private keep(outcome: { findings: readonly Finding[]; errors: readonly InputError[] }): void {
    this.findings.push(...outcome.findings);
    this.errors.push(...outcome.errors);
  }

  private checkObject(resource: Resource): CheckOutcome {
    const errors: InputError[] = [];
    const context = this.objectContext.start(resource);
    for (const bound of this.plan.objectRules.get(resource.identity.kind) ?? []) {
      context.bound = bound;
      try {
        bound.rule.check(resource, context);
      } catch (error) {
        errors.push(ruleError(bound.rule.id, resource.document?.path ?? objectLabel(resource), objectLabel(resource), error));
      }
    }
    const { findings, joins, missedAccount } = context;
    findings.push(...applyAnnotationSuppressions(resource, findings, this.suppressions, this.plan));
    return { findings, errors, joins, missedAccount };
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
