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
