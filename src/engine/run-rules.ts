import { buildFinding } from './findings.js';
import { describeProfile } from '../profiles/describe-profile.js';
import { describeRegionCase } from '../profiles/region-case.js';
import { parseSuppression, reasonOf, suppress, suppressionAnnotation, type MetaRules, type SuppressionSettings } from './suppressions.js';
import { isRecord, listAt, own, recordAt } from '../values.js';
import { podOf } from '../model/workload.js';
import type { RuleMetadata } from '../rules/catalogue.js';
import type { Finding, InputError } from './report.js';
import type { ClusterProfile, DocumentLocator, Level, PathSegment, Resource, SourcePosition } from '../model/resource.js';
import type { PodView } from '../model/workload.js';
import { LineIndex } from '../loaders/line-index.js';
import { occurrencesBefore } from '../text.js';
import type { FileContext, FileRule, Problem, Rule, RuleContext, SourceFile } from '../rules/rule.js';

/** Which rules run, and at which level. */
export interface RuleSettings extends MetaRules {
  rules: readonly Rule[];
  fileRules: readonly FileRule[];
  suppressions: SuppressionSettings;
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
  private readonly owners = new Map<string, Resource>();
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

  /** Makes workloads known as owners (by uid) to the objects checked from now on. */
  addOwners(resources: Iterable<Resource>): void {
    for (const resource of resources) {
      const uid = recordAt(resource.data, 'metadata').uid;
      if (typeof uid === 'string') this.owners.set(`${resource.profile.name}\u0000${uid}`, resource);
    }
  }

  private ownerOf(resource: Resource): { controller: Resource; top: Resource } | undefined {
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
    const outcome = this.checkOne(resource);
    if (outcome.missedAccount) this.deferred.push(resource);
    else this.keep(outcome);
    return outcome.missedAccount || outcome.findings.length > 0;
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
      ownerOf: (child) => this.ownerOf(child),
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
    if (this.settings.suppressions.inline !== false) findings.push(...this.applyAnnotations(resource, findings));
    return { findings, errors, missedAccount };
  }

  /**
   * Applies the object's `sts-audit.io/ignore` annotations (on the object and on its pod
   * template) and returns the engine's findings about them.
   */
  private applyAnnotations(resource: Resource, findings: readonly Finding[]): Finding[] {
    const metaFindings: Finding[] = [];
    const pod = podOf(resource);
    const places: Array<[PathSegment[], unknown]> = [[['metadata'], resource.data.metadata]];
    if (pod && resource.identity.kind !== 'Pod') places.push([pod.templateMetadataPath, pod.templateMetadata]);
    for (const [place, metadata] of places) {
      const value = own(recordAt(metadata, 'annotations'), suppressionAnnotation);
      const parsed = typeof value === 'string' ? parseSuppression(value) : undefined;
      if (!parsed) continue;
      const used = suppress(findings, (finding) => parsed.rules.includes(finding.ruleId), { kind: 'annotation', reason: reasonOf(parsed.reason) });
      const problem = { path: [...place, 'annotations', suppressionAnnotation], target: 'key' as const, data: { rules: parsed.rules.join(',') } };
      if (parsed.reason === '') metaFindings.push(...this.metaProblem(resource, 'STS901', { ...problem, messageId: 'annotation' }));
      if (!used && this.settings.suppressions.reportUnused) metaFindings.push(...this.metaProblem(resource, 'STS903', { ...problem, messageId: 'annotation' }));
    }
    return metaFindings;
  }

  /**
   * Runs the file rules on a source or config file that is not a manifest. The profile is
   * looked up only when a rule asks for it, so that files with no finding name no cluster.
   * Test code's findings are notes, whatever the rule or the config says: it is not deployed.
   */
  checkFile(file: SourceFile, profileOf: () => ClusterProfile, testCode = false): void {
    let profile: ClusterProfile | undefined;
    let lines: LineIndex | undefined;
    let rule: FileRule | undefined;
    let metadata: RuleMetadata | undefined;
    const context: FileContext = {
      get profile() {
        profile ??= profileOf();
        return profile;
      },
      report: (problem) => {
        lines ??= new LineIndex(file.text);
        const start = lines.position(problem.index);
        const end = lines.position(problem.index + problem.length);
        const text = file.text.slice(problem.index, problem.index + problem.length);
        const configuredLevel = testCode ? 'note' : this.settings.levels.get(rule!.id);
        this.findings.push(
          buildFinding({
            metadata: metadata!,
            messageId: problem.messageId,
            data: { file: file.path, cluster: describeProfile(context.profile), regionCase: describeRegionCase(problem.region === undefined ? context.profile : { region: problem.region }), ...problem.data },
            ...(problem.level ? { level: problem.level } : {}),
            ...(configuredLevel ? { configuredLevel } : {}),
            location: {
              path: file.path,
              position: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column, lineText: lines.lineText(start.line) },
            },
            identity: [file.path, problem.messageId, text, String(occurrencesBefore(file.text, text, problem.index))],
          }),
        );
      },
    };
    for (rule of this.settings.fileRules) {
      metadata = this.settings.catalogue.get(rule.id);
      if (!metadata) throw new Error(`rule ${rule.id} has no metadata in rules/`);
      try {
        rule.checkFile(file, context);
      } catch (error) {
        this.errors.push({ path: file.path, message: `${rule.id} could not check it: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
  }

  private metaProblem(resource: Resource, id: string, problem: Problem): Finding[] {
    const metadata = this.settings.catalogue.get(id);
    if (!metadata || !this.settings.enabled(id)) return [];
    return [toFinding(resource, metadata, problem, this.settings.levels.get(id))];
  }
}

function toFinding(resource: Resource, metadata: RuleMetadata, problem: Problem, configuredLevel: Level | undefined): Finding {
  const { identity, profile, document, rendering } = resource;
  const at = (locator: DocumentLocator): { path: string; position: SourcePosition } => ({
    path: locator.path,
    position: locator.locate(problem.path, {
      ...(problem.target ? { target: problem.target } : {}),
      ...(problem.text ? { text: problem.text } : {}),
    }),
  });
  return buildFinding({
    metadata,
    messageId: problem.messageId,
    data: {
      object: objectLabel(resource),
      kind: identity.kind,
      name: identity.name,
      namespace: identity.namespace ?? '(none)',
      cluster: describeProfile(profile),
      regionCase: describeRegionCase(profile),
      ...problem.data,
    },
    ...(problem.level ? { level: problem.level } : {}),
    ...(configuredLevel ? { configuredLevel } : {}),
    ...(document ? { location: at(document) } : {}),
    ...(rendering ? { renderedLocation: at(rendering) } : {}),
    object: { ...identity, cluster: profile.name },
    identity: [
      // Only a file's path: a live object's rendered path is made of the identity below, and its
      // fingerprint stays what it was before objects were rendered.
      document?.path ?? '',
      identity.apiVersion,
      identity.kind,
      identity.namespace ?? '',
      identity.name,
      profile.name,
      problem.path.join('.'),
      problem.target ?? 'value',
      problem.text?.value ?? '',
      String(problem.text?.occurrence ?? 0),
    ],
  });
}

