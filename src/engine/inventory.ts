import { compareText } from '../compare.js';
import { annotationPath, irsaSettings, isServiceAccount } from '../model/irsa.js';
import { webhook } from '../facts.js';
import type { InputKind } from '../model/declared.js';
import type { Resource } from '../model/resource.js';

/** One IRSA ServiceAccount a run modeled: where it is written, how it comes to exist, what it is judged against. */
export interface InventoryEntry {
  /** The file that sets its role, relative to the root, and the line and column of the role. */
  path: string;
  line: number;
  column: number;
  /** The kind of input it comes from. */
  input: InputKind;
  /** How it comes to exist, when not written as an object of its own (``in Helm release `x` …``). */
  builtBy?: string;
  namespace?: string;
  name: string;
  roleArn: string;
  /** Its `sts-regional-endpoints` annotation as written, and where; absent when not set. */
  endpoint?: { value: unknown; path: string; line: number; column: number };
  /** The cluster profile it was judged against. */
  profile: string;
}

/** The entry of a ServiceAccount that names a role, or undefined for any other object. */
export function inventoryEntry(resource: Resource): InventoryEntry | undefined {
  if (!isServiceAccount(resource)) return undefined;
  const settings = irsaSettings(resource);
  if (settings.roleArn === undefined || !resource.document) return undefined;
  const locator = resource.document;
  const role = locator.locate(annotationPath(webhook.annotations.roleArn));
  const entry: InventoryEntry = {
    path: role.file ?? locator.path,
    line: role.startLine,
    column: role.startColumn,
    input: resource.inputKind ?? (resource.builtBy === undefined ? 'manifest' : 'kustomize'),
    ...(resource.builtBy !== undefined ? { builtBy: resource.builtBy.replace(/^(in|of) /, '') } : {}),
    ...(resource.identity.namespace !== undefined ? { namespace: resource.identity.namespace } : {}),
    name: resource.identity.name,
    roleArn: settings.roleArn,
    profile: resource.profile.name,
  };
  if (settings.stsRegionalEndpoints.present) {
    const at = locator.locate(annotationPath(webhook.annotations.stsRegionalEndpoints));
    entry.endpoint = { value: settings.stsRegionalEndpoints.value, path: at.file ?? locator.path, line: at.startLine, column: at.startColumn };
  }
  return entry;
}

/** Orders an inventory by file and position. */
export function sortInventory(entries: InventoryEntry[]): InventoryEntry[] {
  return entries.sort((a, b) => compareText(a.path, b.path) || a.line - b.line || a.column - b.column || compareText(a.name, b.name));
}
