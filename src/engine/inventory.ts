import { compareText } from '../compare.js';
import { annotationPath, irsaSettings, isServiceAccount } from '../model/irsa.js';
import { webhook } from '../facts.js';
import type { InputKind } from '../model/declared.js';
import type { ProfileSource, Resource } from '../model/resource.js';

/** One IRSA ServiceAccount a run modeled: where it is written, how it comes to exist, what it is judged against. */
export interface InventoryEntry {
  /** The file that sets its role, relative to the root, and the line and column of the role. */
  path: string;
  line: number;
  column: number;
  /** The kind of input it comes from. */
  input: InputKind;
  /** How it comes to exist, when not written as an object of its own (``Helm release `x` …``). */
  builtBy?: string;
  namespace?: string;
  name: string;
  roleArn: string;
  /** Its `sts-regional-endpoints` annotation as written, and where; absent when not set. */
  endpoint?: { value: unknown; path: string; line: number; column: number };
  /** The cluster profile it was judged against. */
  profile: { name: string; kubernetesVersion: string | null; source: ProfileSource };
  /** What was assumed to model it from its declaration (a role a tool creates, a name a program computes). */
  assumptions?: string[];
}

/** The kind of input of a ServiceAccount from a file that names a role, or undefined for any other object. */
export function irsaInputKind(resource: Resource): InputKind | undefined {
  if (!resource.document || !isServiceAccount(resource) || irsaSettings(resource).roleArn === undefined) return undefined;
  return resource.inputKind ?? (resource.builtBy === undefined ? 'manifest' : 'kustomize');
}

/** The entry of a ServiceAccount from a file that names a role, or undefined for any other object. */
export function inventoryEntry(resource: Resource): InventoryEntry | undefined {
  const input = irsaInputKind(resource);
  if (input === undefined) return undefined;
  const settings = irsaSettings(resource);
  const locator = resource.document!;
  const role = locator.locate(annotationPath(webhook.annotations.roleArn));
  const { name, kubernetesVersion, source } = resource.profile;
  const entry: InventoryEntry = {
    path: role.file ?? locator.path,
    line: role.startLine,
    column: role.startColumn,
    input,
    ...(resource.builtBy !== undefined ? { builtBy: resource.builtBy.replace(/^(in|of|made by) /, '') } : {}),
    ...(resource.identity.namespace !== undefined ? { namespace: resource.identity.namespace } : {}),
    name: resource.identity.name,
    roleArn: settings.roleArn!,
    profile: { name, kubernetesVersion, source },
  };
  if (settings.stsRegionalEndpoints.present) {
    const at = locator.locate(annotationPath(webhook.annotations.stsRegionalEndpoints));
    entry.endpoint = { value: settings.stsRegionalEndpoints.value, path: at.file ?? locator.path, line: at.startLine, column: at.startColumn };
  }
  if (resource.assumptions && resource.assumptions.length > 0) entry.assumptions = [...resource.assumptions];
  return entry;
}

/** Orders an inventory by file and position. */
export function sortInventory(entries: InventoryEntry[]): InventoryEntry[] {
  return entries.sort((a, b) => compareText(a.path, b.path) || a.line - b.line || a.column - b.column || compareText(a.name, b.name));
}

/** The IRSA ServiceAccounts of a run counted by input kind, in a fixed order of kinds; undefined when there are none. */
export function countByKind(counts: ReadonlyMap<InputKind, number>): Partial<Record<InputKind, number>> | undefined {
  if (counts.size === 0) return undefined;
  return Object.fromEntries([...counts].sort(([a], [b]) => compareText(a, b)));
}
