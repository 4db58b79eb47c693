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
import { defaultManifestLimits, type ManifestLimits } from './manifest-limits.js';
import { YamlLocator, YamlSource } from './yaml-locator.js';
import { packEvents, type PackedEvents } from './packed-events.js';
import { readBlockYaml } from './block-yaml.js';

/**
 * Scalars resolve as kubectl's YAML decoder (go-yaml v2, YAML 1.1) reads them, so an unquoted
 * `yes` or `on` is a boolean as the API server will see it. Timestamps stay strings: decoded into
 * untyped maps, go-yaml v2 keeps them as text. Merge keys (`<<`) are honoured as kubectl does.
 */
export const kubernetesSchema = new Schema([
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
export class NotReadError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}
/**
 * A YAML stream's events and documents, read as kubectl reads them and held to the limits; throws
 * when it does not parse. Plain block YAML, most manifests, is read by {@link readBlockYaml} to the
 * same events and values; the rest by js-yaml. `plain`: the text is known to be all line feeds and
 * printable ASCII.
 */
export function readYamlStream(path: string, text: string, limits: ManifestLimits, json: boolean, plain = false): { events: PackedEvents; values: unknown[] } {
  return (json ? undefined : readBlockYaml(text, kubernetesSchema, limits, plain)) ?? readWithJsYaml(path, text, limits, json);
}

/** {@link readYamlStream} by js-yaml alone. */
export function readWithJsYaml(path: string, text: string, limits: ManifestLimits, json: boolean): { events: PackedEvents; values: unknown[] } {
  // The parser's own bound keeps its stack safe; it counts levels its own way (the document,
  // sometimes the innermost scalar), so the exact bound is checked on its events.
  const events = parseEvents(text, { filename: path, maxDepth: limits.maxDepth + 2 });
  checkEvents(text, events, limits);
  return { events: packEvents(events), values: constructFromEvents(events, { source: text, schema: kubernetesSchema, json }) };
}

/** A YAML file's documents, each with a locator for paths inside it: for YAML that need not hold objects (kustomize files, patches). */
export type YamlDocuments =
  | { outcome: 'parsed'; documents: Array<{ value: unknown; locator: YamlLocator }> }
  | { outcome: 'error'; message: string; line?: number; column?: number };

/**
 * Reads any YAML stream (a kustomization, a patch) as {@link parseManifests} reads manifests, within
 * the default limits. `parsed` is a text of the same length read in place of the file's own (a
 * template with its actions masked): the locators still show the file's own lines, and a key
 * written twice (in two branches of an `if`) is read as its last value instead of refused.
 */
export function parseYamlDocuments(path: string, rawText: string, parsed?: string): YamlDocuments {
  const bom = rawText.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = rawText.slice(bom);
  try {
    const { events, values } = readYamlStream(path, parsed?.slice(bom) ?? text, defaultManifestLimits, parsed !== undefined);
    const source = new YamlSource(path, text, events);
    return { outcome: 'parsed', documents: values.map((value, document) => ({ value, locator: new YamlLocator(source, source.documentRoot(document)) })) };
  } catch (error) {
    const mark = error instanceof YAMLException ? error.mark : undefined;
    const at = mark ? { line: mark.line + 1, column: mark.column + 1 } : {};
    return { outcome: 'error', message: `invalid YAML: ${error instanceof YAMLException ? error.reason : error instanceof Error ? error.message : String(error)}${mark ? ` (line ${mark.line + 1})` : ''}`, ...at };
  }
}

export function tooDeep(limits: ManifestLimits, offset: number): NotReadError {
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
