import {
  EVENT_ID,
  SCALAR_STYLE,
  Schema,
  YAMLException,
  boolYaml11Tag,
  constructFromEvents,
  floatYaml11Tag,
  intYaml11Tag,
  mapTag,
  mergeTag,
  nullYaml11Tag,
  parseEvents,
  seqTag,
  strTag,
  type Event,
} from 'js-yaml';
import { LineIndex } from './line-index.js';
import { defaultManifestLimits, type ManifestLimits } from './manifest-limits.js';
import { YamlLocator, YamlSource } from './yaml-locator.js';
import type { ObjectIdentity, PathSegment } from '../model/resource.js';
import { isRecord } from '../values.js';

/**
 * Scalars resolve as kubectl's YAML decoder (go-yaml v2, YAML 1.1) reads them, so an unquoted
 * `yes` or `on` is a boolean as the API server will see it. Timestamps stay strings: decoded into
 * untyped maps, go-yaml v2 keeps them as text. Merge keys (`<<`) are honoured as kubectl does.
 */
const kubernetesSchema = new Schema([
  strTag,
  seqTag,
  mapTag,
  nullYaml11Tag,
  boolYaml11Tag,
  intYaml11Tag,
  floatYaml11Tag,
  mergeTag,
]);

/** Why a file that parses is not read: beyond one of the {@link ManifestLimits}, say. At an offset of its text. */
class NotReadError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** A Kubernetes object found in a file, before its cluster profile is known. */
export interface ParsedObject {
  identity: ObjectIdentity;
  data: Record<string, unknown>;
  locator: YamlLocator;
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
    }
  | { outcome: 'skipped'; reason: string; /** The text is not a manifest at all (it is read as text instead). */ notManifest?: true }
  | { outcome: 'error'; message: string; line?: number; column?: number };

const templateHint = 'render it first (for example `helm template`) and scan the output';

/**
 * Reads the Kubernetes objects of a YAML stream or JSON file: every document, `kind: List`
 * expanded. Templates are skipped with a reason; text that does not parse is an error when it
 * looks like a manifest, and skipped otherwise.
 */
export function parseManifests(
  path: string,
  rawText: string,
  options: { json?: boolean; keep?: (identity: ObjectIdentity) => boolean; limits?: Partial<ManifestLimits> } = {},
): ParsedFile {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  if (path.endsWith('.tpl')) return { outcome: 'skipped', reason: `Helm template helper; ${templateHint}` };
  const limits = { ...defaultManifestLimits, ...options.limits };
  let events: Event[];
  let values: unknown[];
  try {
    ({ events, values } = readYamlStream(path, text, limits, options.json === true));
  } catch (error) {
    return unparsable(text, error, limits);
  }
  if (text.includes('{{') && hasTemplateActions(text, events)) {
    return { outcome: 'skipped', reason: `Go/Helm template ({{ … }}); ${templateHint}` };
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
  const source = kept.length > 0 ? new YamlSource(path, text, events) : undefined;
  const objects = kept.map(({ value, identity, document, path: objectPath }) => ({
    identity,
    data: value,
    locator: new YamlLocator(source!, source!.documentRoot(document), objectPath),
  }));
  return { outcome: 'parsed', documents, objectCount: found.length, objects };
}

/** A YAML stream's events and documents, read as kubectl reads them and held to the limits; throws when it does not parse. */
function readYamlStream(path: string, text: string, limits: ManifestLimits, json: boolean): { events: Event[]; values: unknown[] } {
  // The parser's own bound keeps its stack safe; it counts levels its own way (the document,
  // sometimes the innermost scalar), so the exact bound is checked on its events.
  const events = parseEvents(text, { filename: path, maxDepth: limits.maxDepth + 2 });
  checkEvents(text, events, limits);
  return { events, values: constructFromEvents(events, { source: text, schema: kubernetesSchema, json }) };
}

/** A YAML file's documents, each with a locator for paths inside it: for YAML that need not hold objects (kustomize files, patches). */
export type YamlDocuments =
  | { outcome: 'parsed'; documents: Array<{ value: unknown; locator: YamlLocator }> }
  | { outcome: 'error'; message: string; line?: number; column?: number };

/** Reads any YAML stream (a kustomization, a patch) as {@link parseManifests} reads manifests, within the default limits. */
export function parseYamlDocuments(path: string, rawText: string): YamlDocuments {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  try {
    const { events, values } = readYamlStream(path, text, defaultManifestLimits, false);
    const source = new YamlSource(path, text, events);
    return { outcome: 'parsed', documents: values.map((value, document) => ({ value, locator: new YamlLocator(source, source.documentRoot(document)) })) };
  } catch (error) {
    const mark = error instanceof YAMLException ? error.mark : undefined;
    const at = mark ? ` (line ${mark.line + 1})` : '';
    const message = `invalid YAML: ${error instanceof YAMLException ? error.reason : error instanceof Error ? error.message : String(error)}${at}`;
    return { outcome: 'error', message, ...(mark ? { line: mark.line + 1, column: mark.column + 1 } : {}) };
  }
}

function unparsable(text: string, rawError: unknown, limits: ManifestLimits): ParsedFile {
  const error = rawError instanceof YAMLException && rawError.reason.startsWith('nesting exceeded maxDepth') ? tooDeep(limits, rawError.mark?.position ?? 0) : rawError;
  if (!(error instanceof NotReadError) && /\{\{|\{%|%\{/.test(text)) {
    return { outcome: 'skipped', reason: `template directives ({{ … }}, %{ … }) make it invalid YAML; ${templateHint}` };
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

function tooDeep(limits: ManifestLimits, offset: number): NotReadError {
  return new NotReadError(`collections nested deeper than ${limits.maxDepth} levels (--max-depth)`, offset);
}

function tooManyDocuments(limits: ManifestLimits): NotReadError {
  return new NotReadError(`more than ${limits.maxDocuments} documents (--max-documents)`, 0);
}

/**
 * Refuses, before anything is built, a file beyond the limits. Each alias stands for its
 * anchor's whole node, so a few lines of aliases of aliases can stand for a billion nodes ("billion
 * laughs"), and rules that read a value would expand them: the nodes aliases stand for are
 * counted, with the nesting they reach. An alias inside its own anchor's node (a cycle, which
 * kubectl refuses) is refused, and so is a plain scalar that starts with a byte-order mark: the
 * mark of a file pasted into a stream, which kubectl drops but would hide the key it precedes.
 */
function checkEvents(text: string, events: readonly Event[], limits: ManifestLimits): void {
  // Without an anchor no alias stands for anything, and without U+FEFF no mark hides a key: only
  // documents and nesting are left to count, in a tighter loop (most files).
  if (!text.includes('&') && !text.includes('\uFEFF')) {
    checkShape(events, limits);
    return;
  }
  /** Open documents and collections: their nodes so far, and how deep their children reach. */
  const open: Array<{ anchor: string | undefined; nodes: number; height: number }> = [];
  /** What each anchor stands for; `open` while its own node is being read, as the constructor does. */
  let anchors = new Map<string, { nodes: number; height: number } | 'open'>();
  let documents = 0;
  let aliasNodes = 0;
  const add = (nodes: number, height: number): void => {
    const parent = open.at(-1);
    if (parent) {
      parent.nodes += nodes;
      parent.height = Math.max(parent.height, height);
    }
  };
  const name = (start: number, end: number): string | undefined => (start < 0 ? undefined : text.slice(start, end));
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        if (++documents > limits.maxDocuments) throw tooManyDocuments(limits);
        anchors = new Map();
        open.push({ anchor: undefined, nodes: 0, height: 0 });
        break;
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING:
      {
        if (open.length > limits.maxDepth) throw tooDeep(limits, event.start);
        const anchor = name(event.anchorStart, event.anchorEnd);
        if (anchor !== undefined) anchors.set(anchor, 'open');
        open.push({ anchor, nodes: 1, height: 0 });
        break;
      }
      case EVENT_ID.SCALAR: {
        if (event.style === SCALAR_STYLE.PLAIN && text.charCodeAt(event.valueStart) === 0xfeff) {
          throw new NotReadError('a byte-order mark (U+FEFF) inside a document, where it becomes part of a key or value; remove it', event.valueStart);
        }
        const anchor = name(event.anchorStart, event.anchorEnd);
        if (anchor !== undefined) anchors.set(anchor, { nodes: 1, height: 0 });
        add(1, 0);
        break;
      }
      case EVENT_ID.ALIAS: {
        const alias = text.slice(event.anchorStart, event.anchorEnd);
        const target = anchors.get(alias);
        if (target === 'open') throw new NotReadError(`alias *${alias} inside its own anchor's node (a cycle)`, event.anchorStart);
        if (!target) break; // the constructor reports the unknown alias
        aliasNodes += target.nodes;
        if (aliasNodes > limits.maxAliasNodes) {
          throw new NotReadError(`aliases stand for more than ${limits.maxAliasNodes} nodes (--max-alias-nodes)`, event.anchorStart);
        }
        if (open.length - 1 + target.height > limits.maxDepth) {
          throw new NotReadError(`collections nested deeper than ${limits.maxDepth} levels through aliases (--max-depth)`, event.anchorStart);
        }
        add(target.nodes, target.height);
        break;
      }
      case EVENT_ID.POP: {
        const node = open.pop()!;
        if (node.anchor !== undefined) anchors.set(node.anchor, { nodes: node.nodes, height: node.height + 1 });
        add(node.nodes, node.height + 1);
        break;
      }
    }
  }
}

/** Documents and nesting only, as {@link checkEvents} counts them (a document is a level too). */
function checkShape(events: readonly Event[], limits: ManifestLimits): void {
  let documents = 0;
  let depth = 0;
  for (const event of events) {
    const type = event.type;
    if (type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE) {
      if (depth > limits.maxDepth) throw tooDeep(limits, event.start);
      depth++;
    } else if (type === EVENT_ID.POP) {
      depth--;
    } else if (type === EVENT_ID.DOCUMENT) {
      if (++documents > limits.maxDocuments) throw tooManyDocuments(limits);
      depth++;
    }
  }
}

/**
 * True when a `{{` stands outside every scalar and comment: the file is a template, and what it
 * renders to is not what it says. `{{` inside a string value (a helm-unittest suite, an
 * annotation that carries a template) is ordinary text.
 */
function hasTemplateActions(text: string, events: Event[]): boolean {
  const spans: Array<[number, number]> = [];
  for (const event of events) {
    if (event.type === EVENT_ID.SCALAR && event.valueStart >= 0) spans.push([event.valueStart, event.valueEnd]);
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
