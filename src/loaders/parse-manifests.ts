import { YAMLException, EVENT_ID } from 'js-yaml';
import { END, FLAGS, START, STRIDE, typeOf, type PackedEvents } from './packed-events.js';
import { LineIndex } from './line-index.js';
import { defaultManifestLimits, type ManifestLimits } from './manifest-limits.js';
import { YamlLocator, YamlSource } from './yaml-locator.js';
import { NotReadError, readYamlStream, tooDeep } from './yaml-stream.js';
import type { ObjectIdentity, PathSegment } from '../model/resource.js';
import { isRecord } from '../values.js';
import { parseTemplateYaml } from './declared/template-yaml.js';
import type { InputKind } from '../model/declared.js';

export { parseYamlDocuments, type YamlDocuments } from './yaml-stream.js';

/** A Kubernetes object found in a file, before its cluster profile is known. */
export interface ParsedObject {
  identity: ObjectIdentity;
  data: Record<string, unknown>;
  locator: YamlLocator;
  /** Set for an object written in a chart template (`helm-chart`). */
  inputKind?: InputKind;
}

/** What one file held. */
export type ParsedFile =
  | {
      outcome: 'parsed';
      documents: number;
      /** Every Kubernetes object in the file. */
      objectCount: number;
      /** The objects that `keep` accepted. */
      objects: ParsedObject[];
      /** A Go/Helm template read without rendering it: why it is read only in part. */
      template?: string;
    }
  | {
      outcome: 'skipped';
      reason: string;
      /** The text is not a manifest at all (it is read as text instead). */
      notManifest?: true;
      /** A template that is not YAML even with its actions masked: only its text is read. */
      template?: true;
    }
  | { outcome: 'error'; message: string; line?: number; column?: number };

const templateHint = 'render it first (for example `helm template`) and scan the output';

/** A file in a `templates` folder, as a Helm chart keeps its templates. */
export const chartTemplatePath = /(?:^|\/)templates\//;

/** Why a template is read only in part. */
const templateReason = `Go/Helm template ({{ … }}): only what is written literally is read (an annotation, an env value, a host), at its line; the rest is decided when it is rendered: ${templateHint}`;

/**
 * Reads the Kubernetes objects of a YAML stream or JSON file: every document, `kind: List`
 * expanded. A Go/Helm template is read without rendering it (`parseTemplateYaml`): its literal
 * objects and values, with the reason it is read only in part; one that even so is not YAML is
 * skipped with a reason. Text that does not parse is an error when it looks like a manifest,
 * and skipped otherwise.
 */
export function parseManifests(
  path: string,
  rawText: string,
  options: { json?: boolean; keep?: (identity: ObjectIdentity) => boolean; limits?: Partial<ManifestLimits>; plain?: boolean } = {},
): ParsedFile {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  if (path.endsWith('.tpl')) return { outcome: 'skipped', reason: `Helm template helper; ${templateHint}` };
  if (path.endsWith('.tftpl')) return { outcome: 'skipped', reason: 'Terraform template: read only as the values of a `templatefile()` call that names it' };
  const limits = { ...defaultManifestLimits, ...options.limits };
  // Read here, and again for its events alone when a position is asked of an object kept past its file.
  const readStream = () => readYamlStream(path, text, limits, options.json === true, options.plain === true);
  let events: PackedEvents;
  let values: unknown[];
  try {
    ({ events, values } = readStream());
  } catch (error) {
    return (text.includes('{{') ? templateObjects(path, text, options.keep) : undefined) ?? unparsable(text, error, limits);
  }
  // A chart's template is one even when its actions stand only inside values (`name: {{ .Release.Name }}`).
  if (text.includes('{{') && (chartTemplatePath.test(path) || hasTemplateActions(text, events))) {
    return templateObjects(path, text, options.keep) ?? { outcome: 'skipped', reason: `Go/Helm template ({{ … }}) that is not YAML without rendering; ${templateHint}`, template: true };
  }
  const found: Array<{ value: Record<string, unknown>; identity: ObjectIdentity; document: number; path: PathSegment[] }> = [];
  let documents = 0;
  values.forEach((value, document) => {
    if (value === null || value === undefined) return;
    documents++;
    collectObjects(value, [], (object, identity, path) => found.push({ value: object, identity, document, path }));
  });
  const kept = options.keep ? found.filter((object) => options.keep!(object.identity)) : found;
  // Positions are only ever asked of kept objects: a file without any needs no event table.
  const source = kept.length > 0 ? new YamlSource(path, text, events, () => readStream().events) : undefined;
  const objects = kept.map(({ value, identity, document, path: objectPath }) => ({
    identity,
    data: value,
    locator: new YamlLocator(source!, source!.documentRoot(document), objectPath),
  }));
  return { outcome: 'parsed', documents, objectCount: found.length, objects };
}


/** The objects a template writes literally, read without rendering it; undefined when even so it is not YAML, or writes none. */
function templateObjects(path: string, text: string, keep: ((identity: ObjectIdentity) => boolean) | undefined): ParsedFile | undefined {
  const parsed = parseTemplateYaml(path, text);
  if (parsed.outcome === 'error') return undefined;
  const objects: ParsedObject[] = [];
  let documents = 0;
  let objectCount = 0;
  for (const { value, locator } of parsed.documents) {
    if (value === null || value === undefined) continue;
    documents++;
    collectObjects(value, [], (data, identity, objectPath) => {
      objectCount++;
      if (!keep || keep(identity)) objects.push({ identity, data, locator: locator.below(objectPath), inputKind: 'helm-chart' });
    });
  }
  // A template of no object (a fragment, values) is skipped as before: there is nothing to judge in it.
  return objectCount === 0 ? undefined : { outcome: 'parsed', documents, objectCount, objects, template: templateReason };
}

function unparsable(text: string, rawError: unknown, limits: ManifestLimits): ParsedFile {
  const error = rawError instanceof YAMLException && rawError.reason.startsWith('nesting exceeded maxDepth') ? tooDeep(limits, rawError.mark?.position ?? 0) : rawError;
  if (!(error instanceof NotReadError) && /\{\{|\{%|%\{/.test(text)) {
    return { outcome: 'skipped', reason: `template directives ({{ … }}, %{ … }) make it invalid YAML; ${templateHint}`, template: true };
  }
  const message = error instanceof YAMLException ? error.reason : error instanceof Error ? error.message : String(error);
  if (!/\bapiVersion\b/.test(text) || !/\bkind\b/.test(text)) {
    return { outcome: 'skipped', reason: `not valid YAML or JSON (${message}) and not a Kubernetes manifest`, notManifest: true };
  }
  if (error instanceof NotReadError) {
    return { outcome: 'error', message: `not read: ${message}`, ...new LineIndex(text).position(error.offset) };
  }
  if (error instanceof YAMLException && error.mark) {
    return { outcome: 'error', message: `invalid YAML: ${message}`, line: error.mark.line + 1, column: error.mark.column + 1 };
  }
  return { outcome: 'error', message: `invalid YAML: ${message}` };
}


/**
 * True when a `{{` stands outside every scalar and comment: the file is a template, and what it
 * renders to is not what it says. `{{` inside a string value (a helm-unittest suite, an
 * annotation that carries a template) is ordinary text.
 */
function hasTemplateActions(text: string, events: PackedEvents): boolean {
  const spans: Array<[number, number]> = [];
  const table = events.table;
  for (let at = 0; at < events.length * STRIDE; at += STRIDE) {
    if (typeOf(table[at + FLAGS]!) === EVENT_ID.SCALAR && table[at + START]! >= 0) spans.push([table[at + START]!, table[at + END]!]);
  }
  for (let at = text.indexOf('{{'); at >= 0; at = text.indexOf('{{', at + 2)) {
    if (spans.some(([start, end]) => at >= start && at < end)) continue;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    if (text.slice(lineStart, at).includes('#')) continue;
    return true;
  }
  return false;
}

type ObjectSink = (value: Record<string, unknown>, identity: ObjectIdentity, path: PathSegment[]) => void;

function collectObjects(value: unknown, path: PathSegment[], sink: ObjectSink): void {
  if (!isRecord(value) || typeof value.apiVersion !== 'string' || typeof value.kind !== 'string') return;
  if (value.kind === 'List' && Array.isArray(value.items)) {
    value.items.forEach((item, index) => collectObjects(item, [...path, 'items', index], sink));
    return;
  }
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  const identity: ObjectIdentity = {
    apiVersion: value.apiVersion,
    kind: value.kind,
    name: typeof metadata.name === 'string' ? metadata.name : '',
  };
  if (typeof metadata.namespace === 'string' && metadata.namespace !== '') identity.namespace = metadata.namespace;
  sink(value, identity, path);
}

