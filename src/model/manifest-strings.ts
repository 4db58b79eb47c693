import { findEndpointUses, mayNameEndpoint, type EndpointUse } from '../endpoints/find-endpoint-uses.js';
import { listAt, recordAt } from '../values.js';
import { authoredPod, envPath } from './workload.js';
import { occurrencesBefore } from '../text.js';
import type { PathSegment, Resource } from './resource.js';

/** A string a workload or ConfigMap hands to an application, with what names it. */
export interface ManifestString {
  path: PathSegment[];
  value: string;
  /** The env var name, ConfigMap key, or the flag that precedes a command argument. */
  key?: string;
  /** Where the string comes from. */
  field: 'env' | 'command' | 'args' | 'data';
}

/**
 * The strings an application reads from its manifest: container env values, args and command
 * (init containers too), and ConfigMap data. Only those `wanted` accepts are built.
 */
export function manifestStrings(resource: Resource, wanted: (value: string, key: string | undefined) => boolean = () => true): ManifestString[] {
  if (resource.identity.kind === 'ConfigMap') {
    return Object.entries(recordAt(resource.data, 'data')).flatMap(([key, value]) =>
      typeof value === 'string' && wanted(value, key) ? [{ path: ['data', key], value, key, field: 'data' as const }] : [],
    );
  }
  const pod = authoredPod(resource);
  if (!pod) return [];
  const strings: ManifestString[] = [];
  for (const container of pod.containers) {
    for (const entry of container.env) {
      if (typeof entry.value !== 'string' || !wanted(entry.value, entry.name)) continue;
      strings.push({ path: envPath(container, entry, 'value'), value: entry.value, key: entry.name, field: 'env' });
    }
    for (const field of ['command', 'args'] as const) {
      const items = listAt(container.data, field);
      items.forEach((item, index) => {
        if (typeof item !== 'string') return;
        const previous = items[index - 1];
        const flag = typeof previous === 'string' && /^--?[A-Za-z][\w-]*$/.test(previous) ? previous : undefined;
        if (!wanted(item, flag)) return;
        strings.push({ path: [...container.path, field, index], value: item, field, ...(flag ? { key: flag } : {}) });
      });
    }
  }
  return strings;
}

/** An endpoint use in one of an object's manifest strings, counted among equal texts of that string. */
export interface ManifestEndpointUse {
  string: ManifestString;
  use: EndpointUse;
  /** How many equal texts precede this one in the same string, found or not: locates it in the source. */
  occurrence: number;
}

/** Every STS endpoint use in the strings an object hands to applications; found once per object. */
export function manifestEndpointUses(resource: Resource): ManifestEndpointUse[] {
  const derived = (resource.derived ??= {});
  if (derived.endpointUses) return derived.endpointUses;
  const found: ManifestEndpointUse[] = [];
  for (const string of manifestStrings(resource, mayNameEndpoint)) {
    for (const use of findEndpointUses(string.value, string.key === undefined ? {} : { key: string.key })) {
      found.push({ string, use, occurrence: occurrencesBefore(string.value, use.text, use.index) });
    }
  }
  derived.endpointUses = found;
  return found;
}

