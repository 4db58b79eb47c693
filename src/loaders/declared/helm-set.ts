import type { LocatedValues } from '../../model/declared.js';
import type { DocumentLocator, PathSegment, SourcePosition } from '../../model/resource.js';

/**
 * The path a Helm `--set` name stands for (`serviceAccount.annotations.eks\.amazonaws\.com/role-arn`,
 * `env[0].name`): dots separate keys unless escaped with a backslash, `[n]` indexes a list, as
 * Helm's `--set` parser reads it. A string when the name is not valid `--set` syntax, saying why.
 */
export function parseSetName(name: string): PathSegment[] | string {
  if (name === '') return 'an empty name';
  const path: PathSegment[] = [];
  let at = 0;
  while (at < name.length) {
    let key = '';
    while (at < name.length && name[at] !== '.' && name[at] !== '[') {
      if (name[at] === '\\') {
        if (at + 1 >= name.length) return `\`${name}\` ends with a lone backslash`;
        key += name[at + 1];
        at += 2;
      } else key += name[at++];
    }
    if (key === '') return `\`${name}\` has an empty key at character ${at + 1}`;
    path.push(key);
    while (name[at] === '[') {
      const close = name.indexOf(']', at);
      const index = close < 0 ? '' : name.slice(at + 1, close);
      if (!/^\d+$/.test(index)) return `\`${name}\` has a list index that is not a number at character ${at + 1}`;
      path.push(Number(index));
      at = close + 1;
    }
    if (at < name.length) {
      if (name[at] !== '.') return `\`${name}\` has text right after a list index at character ${at + 1}`;
      if (++at === name.length) return `\`${name}\` ends with an empty key`;
    }
  }
  return path;
}

/** One `--set` value as a declaration writes it: its path, its value, and where its name and value are written. */
export interface SetEntry {
  readonly path: readonly PathSegment[];
  readonly value: unknown;
  /** The position of the name (`name = "…"`, `- name: …`). */
  readonly name: SourcePosition;
  /** The position of the value; the name's when the value is not written (a computed value). */
  readonly valueAt: SourcePosition;
}

/** True when `path` starts with `prefix`. */
function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}

/**
 * A values layer made of `--set` entries (Argo CD `parameters`, Terraform `set` blocks), applied
 * in order as Helm applies them: the tree they build, and a locator that points a path at the
 * value of the last entry that sets it, or at the name of the nearest entry.
 */
export function setLayer(file: string, entries: readonly SetEntry[], label: string): LocatedValues {
  const value: Record<string, unknown> = {};
  for (const entry of entries) assign(value, entry.path, entry.value);
  const locator: DocumentLocator = {
    path: file,
    locate(path, options) {
      const exact = entries.findLast((entry) => entry.path.length === path.length && startsWith(entry.path, path));
      if (exact) return options?.target === 'key' ? exact.name : exact.valueAt;
      // Else the name of the last entry that shares the longest start with the path.
      let nearest: SetEntry | undefined;
      let shared = -1;
      for (const entry of entries) {
        let length = 0;
        while (length < path.length && length < entry.path.length && entry.path[length] === path[length]) length++;
        if (length >= shared) [nearest, shared] = [entry, length];
      }
      return nearest ? nearest.name : { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1, lineText: '' };
    },
  };
  return { value, locator, label };
}

/** Sets a value at a path, making the mappings and lists on the way (a list index makes a list). */
function assign(root: Record<string, unknown>, path: readonly PathSegment[], value: unknown): void {
  let node: Record<string | number, unknown> = root;
  path.forEach((segment, index) => {
    if (index === path.length - 1) {
      node[segment] = value;
      return;
    }
    const next = node[segment];
    const wantList = typeof path[index + 1] === 'number';
    if (typeof next !== 'object' || next === null || Array.isArray(next) !== wantList) node[segment] = wantList ? [] : {};
    node = node[segment] as Record<string | number, unknown>;
  });
}

/**
 * The value a `--set` entry gives, typed as Helm's `--set` parser types it (`strvals.typedVal`):
 * `true`, `false` and `null` in any case, and integers without a leading zero, are not strings;
 * `--set-string` (Argo CD `forceString`) keeps the text.
 */
export function typedSetValue(text: string, forceString = false): unknown {
  if (forceString) return text;
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (text === '0' || (!text.startsWith('0') && /^[+-]?\d+$/.test(text) && Number.isSafeInteger(Number(text)))) return Number(text);
  return text;
}
