import { ruleCatalogue, type RuleMetadata } from '../rules/catalogue.js';
import { fileRules, rules } from '../rules/index.js';
import type { Level } from '../model/resource.js';
import type { FileRule, Rule } from '../rules/rule.js';
import type { SourceNeeds } from '../model/source.js';

/** Which rules run, and at which level: `--rule`, `--skip-rule` and the config file decide. */
export interface RuleSelection {
  /** Per rule: `off` or a level, from the config file. */
  ruleLevels?: Readonly<Record<string, Level | 'off'>>;
  /** Run only these rules (`--rule`). */
  onlyRules?: readonly string[];
  /** Leave out these rules (`--skip-rule`). */
  skipRules?: readonly string[];
}

/** A rule bound, once per run, to its metadata and to the level the config file sets for it. */
export interface BoundRule {
  readonly metadata: RuleMetadata;
  readonly configuredLevel: Level | undefined;
}

/** The rules of a run, each bound once; made before anything is read. */
export interface RulePlan {
  /** The object rules that run on each kind, in id order. */
  readonly objectRules: ReadonlyMap<string, ReadonlyArray<BoundRule & { readonly rule: Rule }>>;
  /** The rules on code, config and dependency manifests that run, in id order. */
  readonly textRules: ReadonlyArray<BoundRule & { readonly rule: FileRule }>;
  /** The engine's own rules about suppressions that run, by id. */
  readonly engineRules: ReadonlyMap<string, BoundRule>;
  /** What a source must read for these rules. */
  readonly needs: SourceNeeds;
}

/** The engine's own rules: findings about suppressions rather than about what is scanned. */
export const engineRuleIds = ['STS901', 'STS902', 'STS903'] as const;

/** The id of one of the engine's own rules. */
export type EngineRuleId = (typeof engineRuleIds)[number];

/**
 * Chooses the rules of a run and binds each to its metadata and level. A rule without metadata is
 * a defect of the package, so it throws, whether or not the run would have reported it.
 */
export function planRules(selection: RuleSelection, catalogue: ReadonlyMap<string, RuleMetadata> = ruleCatalogue()): RulePlan {
  const only = selection.onlyRules && selection.onlyRules.length > 0 ? new Set(selection.onlyRules) : undefined;
  const skip = new Set(selection.skipRules ?? []);
  const bind = (id: string): BoundRule => {
    const metadata = catalogue.get(id);
    if (!metadata) throw new Error(`rule ${id} has no metadata in rules/`);
    const level = selection.ruleLevels?.[id];
    return { metadata, configuredLevel: level === 'off' ? undefined : level };
  };
  const runs = (id: string): boolean => (only === undefined || only.has(id)) && !skip.has(id) && selection.ruleLevels?.[id] !== 'off';
  const chosen = <R extends { readonly id: string }>(list: readonly R[]): Array<BoundRule & { rule: R }> =>
    list.map((rule) => ({ ...bind(rule.id), rule })).filter(({ rule }) => runs(rule.id));
  const objectRules = new Map<string, Array<BoundRule & { rule: Rule }>>();
  for (const entry of chosen(rules)) for (const kind of entry.metadata.kinds ?? []) objectRules.set(kind, [...(objectRules.get(kind) ?? []), entry]);
  const textRules = chosen(fileRules);
  return {
    objectRules,
    textRules,
    engineRules: new Map(chosen(engineRuleIds.map((id) => ({ id }))).map((entry) => [entry.rule.id, entry])),
    needs: { rulesByKind: new Map([...objectRules].map(([kind, bound]) => [kind, bound.map(({ rule }) => rule.id)])), texts: textRules.length > 0 },
  };
}
