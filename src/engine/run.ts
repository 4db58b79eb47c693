import { RuleRunner, type CheckedFiles, type CheckedObject } from './run-rules.js';
import { planRules, type RuleSelection } from './rule-plan.js';
import { buildReport } from './build-report.js';
import { addLineHashes } from './findings.js';
import { countByKind, inventoryEntry, irsaInputKind, sortInventory, type InventoryEntry } from './inventory.js';
import { youngGenerationCheckpoint } from '../young-generation.js';
import type { InputKind } from '../model/declared.js';
import { applyBaseline, applyConfigSuppressions, applyInlineSuppressions, type SuppressionSettings } from './suppressions.js';
import type { Report } from './report.js';
import type { RenderedDocument, Resource } from '../model/resource.js';
import type { Inputs, Source, SourceItem, SourceNeeds } from '../model/source.js';

/** What decides a run besides its source. */
export interface RunSettings extends RuleSelection {
  /** Give each finding GitHub's line hash (for SARIF); it costs a pass over each text with findings. */
  lineHashes?: boolean;
  /** Suppressions (annotations, comments, the config's `ignore:` list) and the baseline. */
  suppressions?: SuppressionSettings;
  /** List every IRSA ServiceAccount modeled in the report (`inventory`). */
  inventory?: boolean;
}

/** Files checked apart from the run (in worker threads), and how to read one of their objects again. */
export interface CheckedItem {
  readonly checked: CheckedFiles;
  /** Those read as test code (the config's `testCode`). */
  readonly testCode: readonly string[];
  /** The inventory entries of their IRSA ServiceAccounts. */
  readonly inventory: readonly InventoryEntry[];
  recheck(object: CheckedObject): Resource;
}

/** A source some of whose files are checked apart from the run (in worker threads). */
export interface CheckingSource extends Omit<Source, 'read'> {
  read(needs: SourceNeeds, inputs: Inputs): AsyncIterable<SourceItem | CheckedItem>;
}

/** A run's report, and the rendered objects its findings point into (live objects have no file). */
export interface RunResult {
  report: Report;
  rendered: RenderedDocument[];
}

/**
 * The one run for every input: plan the rules, read the source (which resolves each object's
 * profile), run the rules on what it hands over, apply suppressions and the baseline, report.
 * Synchronous for a source that reads synchronously (files), else a promise.
 */
export function run(source: Source<Iterable<SourceItem>>, settings: RunSettings): RunResult;
export function run(source: Source<AsyncIterable<SourceItem>> | CheckingSource, settings: RunSettings): Promise<RunResult>;
export function run(source: Source | CheckingSource, settings: RunSettings): RunResult | Promise<RunResult> {
  const plan = planRules(settings);
  const suppressions = settings.suppressions ?? {};
  const runner = new RuleRunner(plan, suppressions);
  const inputs: Inputs = { files: 0, documents: 0, objects: 0, skipped: [], errors: [] };
  const testCode: string[] = [];
  const inventory: InventoryEntry[] | undefined = settings.inventory ? [] : undefined;
  const counts = new Map<InputKind, number>();
  // Objects are not kept once checked, but for the renderings of those with findings.
  const rendered: RenderedDocument[] = [];
  const count = (entry: InventoryEntry): void => {
    counts.set(entry.input, (counts.get(entry.input) ?? 0) + 1);
    inventory?.push(entry);
  };
  // Without an inventory, an account is only counted: its entry would locate its role in the source.
  const countAccount = (resource: Resource): void => {
    if (inventory) {
      const entry = inventoryEntry(resource);
      if (entry) count(entry);
      return;
    }
    const input = irsaInputKind(resource);
    if (input !== undefined) counts.set(input, (counts.get(input) ?? 0) + 1);
  };
  const take = (item: SourceItem | CheckedItem): void => {
    if ('checked' in item) {
      testCode.push(...item.testCode);
      runner.addChecked(item.checked, item.recheck);
      for (const entry of item.inventory) count(entry);
      return;
    }
    if ('text' in item) {
      youngGenerationCheckpoint();
      if (item.testCode) testCode.push(item.text.path);
      runner.checkText(item.text, item.profile, item.testCode);
      return;
    }
    runner.addServiceAccounts(item.objects);
    for (const resource of item.objects) countAccount(resource);
    if (item.owners) runner.addOwners(item.objects);
    // Each object, not each item: a live cluster's items are pages of hundreds.
    for (const resource of item.objects) {
      youngGenerationCheckpoint();
      if (runner.check(resource) && resource.rendering) rendered.push(resource.rendering);
    }
    runner.itemChecked();
  };
  const finish = (): RunResult => {
    const { findings: checked, errors } = runner.finish();
    const texts = [...source.texts()];
    const findings = [...checked, ...applyInlineSuppressions(checked, texts, suppressions, plan), ...applyConfigSuppressions(checked, suppressions, plan)];
    const baseline = suppressions.baseline ? applyBaseline(findings, suppressions.baseline) : undefined;
    const withFindings = new Set(findings.map((finding) => finding.renderedLocation?.path));
    const renderedWithFindings = rendered.filter((object) => withFindings.has(object.path));
    if (settings.lineHashes) {
      addLineHashes(findings, texts);
      addLineHashes(findings, renderedWithFindings, 'renderedLocation');
    }
    const serviceAccounts = countByKind(counts);
    const report = buildReport(
      source.profiles(),
      findings,
      { ...inputs, errors: [...inputs.errors, ...errors], ...(testCode.length > 0 ? { testCode } : {}), ...(serviceAccounts ? { serviceAccounts } : {}) },
      baseline,
    );
    if (inventory) report.inventory = sortInventory(inventory);
    return { report, rendered: renderedWithFindings };
  };
  const items = source.read(plan.needs, inputs);
  if (Symbol.asyncIterator in items) {
    return (async () => {
      for await (const item of items) take(item);
      return finish();
    })();
  }
  for (const item of items) take(item);
  return finish();
}
