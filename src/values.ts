/** Narrowing helpers for untyped object data. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The mapping at `value[key]`, or an empty one. */
export function recordAt(value: unknown, key: string): Record<string, unknown> {
  if (!isRecord(value)) return {};
  const child = value[key];
  return isRecord(child) ? child : {};
}

/** The list at `value[key]`, or an empty one. */
export function listAt(value: unknown, key: string): unknown[] {
  if (!isRecord(value)) return [];
  const child = value[key];
  return Array.isArray(child) ? child : [];
}

/** Own property lookup that ignores keys inherited from Object.prototype. */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The non-empty string at `value[key]`, or undefined. */
export function stringAt(value: unknown, key: string): string | undefined {
  const child = isRecord(value) ? own(value, key) : undefined;
  return typeof child === 'string' && child !== '' ? child : undefined;
}

/**
 * The value at a path of mappings (own keys only) and lists (indexes in range), and whether every
 * step exists: a step through anything else, or to a missing key, is not found.
 */
export function valueAt(value: unknown, path: readonly (string | number)[]): { found: boolean; value?: unknown } {
  let node = value;
  for (const step of path) {
    if (typeof step === 'number' ? !Array.isArray(node) || step >= node.length : !isRecord(node) || !Object.hasOwn(node, step)) return { found: false };
    node = (node as Record<string | number, unknown>)[step];
  }
  return { found: true, value: node };
}
