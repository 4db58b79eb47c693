import { FileSource, type FileSourceSettings, type ProfileInputs, type SourceText } from '../loaders/file-source.js';
import { planRules, type RuleSelection } from './rule-plan.js';
import { RuleRunner, type CheckedFiles, type CheckedObject } from './run-rules.js';
import { inventoryEntry, type InventoryEntry } from './inventory.js';
import type { SuppressionSettings } from './suppressions.js';
import type { ClusterProfile, Resource } from '../model/resource.js';
import type { Inputs } from '../model/source.js';

/** What a worker thread is given: files to read and check as the run would, and how. */
export interface ApartTask {
  files: SourceText[];
  /** The file source's settings, but for the scan root: files read apart build no kustomization. */
  settings: Omit<FileSourceSettings, 'root'>;
  /** What sets profiles besides the settings: the eksctl ClusterConfigs and declared clusters the run found. */
  profileInputs: ProfileInputs;
  selection: RuleSelection;
  /** What checking an object reads of the suppressions: its own annotations, and whether to report unused ones. */
  suppressions: Pick<SuppressionSettings, 'inline' | 'reportUnused'>;
}

/** What a worker thread sends back: plain data, never the parsed objects. */
export interface ApartResult {
  checked: CheckedFiles;
  /** The inventory entries of the IRSA ServiceAccounts among the files, for the report's counts and inventory. */
  inventory: InventoryEntry[];
  inputs: Inputs;
  testCode: string[];
  profiles: ClusterProfile[];
}

/**
 * Reads and checks files as the run would read and check them after every other file (in a
 * worker thread): their objects are checked against the accounts found among them, and each
 * object's outcome names the accounts it looked up, so that the run can tell whether one of
 * another file changes it (`RuleRunner.addChecked`).
 */
export function checkApart(task: ApartTask): ApartResult {
  const plan = planRules(task.selection);
  const runner = new RuleRunner(plan, task.suppressions);
  const source = new FileSource({ texts: task.files }, task.settings);
  const inputs: Inputs = { files: 0, documents: 0, objects: 0, skipped: [], errors: [] };
  const testCode: string[] = [];
  const inventory: InventoryEntry[] = [];
  const accounts: Resource[] = [];
  const accountIndex = new Map<Resource, number>();
  const objects: CheckedObject[] = [];
  const waiting: Array<{ resource: Resource; index: number }> = [];
  const record = (resource: Resource, index: number, outcome = runner.checkApart(resource)): void => {
    const { findings, errors, joins, missedAccount } = outcome;
    if (findings.length === 0 && errors.length === 0 && joins.length === 0) return;
    const path = resource.document?.path ?? '';
    objects.push({ findings, errors, joins: joins.map(([key, account]) => [key, account ? accountIndex.get(account)! : -1]), missedAccount, path, index });
  };
  for (const item of source.readEach(plan.needs, inputs, task.profileInputs)) {
    if ('text' in item) {
      if (item.testCode) testCode.push(item.text.path);
      runner.checkText(item.text, item.profile, item.testCode);
      continue;
    }
    for (const account of runner.addServiceAccounts(item.objects)) accountIndex.set(account, accounts.push(account) - 1);
    for (const resource of item.objects) {
      const entry = inventoryEntry(resource);
      if (entry) inventory.push(entry);
    }
    item.objects.forEach((resource, index) => {
      const outcome = runner.checkApart(resource);
      // An account of a file further on: checked again once every file is read, as the run would.
      if (outcome.missedAccount) waiting.push({ resource, index });
      else record(resource, index, outcome);
    });
  }
  for (const { resource, index } of waiting) record(resource, index);
  const { findings, errors } = runner.finish();
  return { checked: { accounts, objects, findings, errors }, inventory, inputs, testCode, profiles: source.profiles() };
}

/** The object of a file that a check apart names, read again as the run reads it. */
export function readAgain(file: SourceText, object: CheckedObject, task: Omit<ApartTask, 'files'>, needs: Parameters<FileSource['readEach']>[0]): Resource {
  const scratch: Inputs = { files: 0, documents: 0, objects: 0, skipped: [], errors: [] };
  for (const item of new FileSource({ texts: [file] }, task.settings).readEach(needs, scratch, task.profileInputs)) {
    if ('objects' in item && item.objects[object.index]) return item.objects[object.index]!;
  }
  throw new Error(`${file.path}: object ${object.index} checked apart is not there when read again`);
}
