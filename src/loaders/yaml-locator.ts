import { EVENT_ID, SCALAR_STYLE } from 'js-yaml';
import { LineIndex } from './line-index.js';
import { ANCHOR_END, ANCHOR_START, END, FLAGS, INDENT, START, STRIDE, chompingOf, isFast, scalarText, styleOf, typeOf, type PackedEvents } from './packed-events.js';
import type { DocumentLocator, LocateOptions, PathSegment, SourcePosition } from '../model/resource.js';

/**
 * One parsed YAML or JSON file: its text and its parser events, packed ({@link PackedEvents}).
 */
export class YamlSource {
  private lines: LineIndex | undefined;
  /** The packed events: undefined once released ({@link release}), until a position is asked again. */
  private packed: Int32Array | undefined;
  /** Index of each document's root event. */
  private readonly documentRoots: number[];
  readonly length: number;

  /**
   * @param reparse parses the text again, to the same events: given it, the event table can be
   *   released and is rebuilt when a position is asked again.
   */
  constructor(
    readonly path: string,
    readonly text: string,
    events: PackedEvents,
    private readonly reparse?: () => PackedEvents,
  ) {
    this.length = events.length;
    this.packed = events.table;
    this.documentRoots = events.documentRoots;
  }

  private get table(): Int32Array {
    this.packed ??= this.reparse!().table;
    return this.packed;
  }

  /**
   * Lets go of the event table and line index, when the text can be parsed again: for a file whose
   * objects wait, perhaps to the end of the run, for a ServiceAccount, where most never need a
   * position. The table is several times the size of the text.
   */
  release(): void {
    if (!this.reparse) return;
    this.packed = undefined;
    this.lines = undefined;
  }

  /** The root event of the n-th document (0-based), empty ones included. */
  documentRoot(document: number): number {
    return this.documentRoots[document] ?? this.length;
  }

  /** Built on first use: most files never need a position. */
  get lineIndex(): LineIndex {
    this.lines ??= new LineIndex(this.text);
    return this.lines;
  }

  type(index: number): number {
    return index < this.length ? typeOf(this.table[index * STRIDE + FLAGS] as number) : EVENT_ID.POP;
  }

  /** A scalar's value offsets, or a collection's start (then `end` is unused). */
  start(index: number): number {
    return this.table[index * STRIDE + START] as number;
  }

  end(index: number): number {
    return this.table[index * STRIDE + END] as number;
  }

  style(index: number): number {
    return styleOf(this.table[index * STRIDE + FLAGS] as number);
  }

  /** The anchor (`&name`) or alias (`*name`) name of an event, if any. */
  anchor(index: number): string | undefined {
    const start = this.table[index * STRIDE + ANCHOR_START] as number;
    return start < 0 ? undefined : this.text.slice(start, this.table[index * STRIDE + ANCHOR_END]);
  }

  /** Offsets of an alias event's name. */
  anchorSpan(index: number): [number, number] {
    return [this.table[index * STRIDE + ANCHOR_START] as number, this.table[index * STRIDE + ANCHOR_END] as number];
  }

  /** The decoded text of a scalar event. */
  scalarValue(index: number): string {
    const at = index * STRIDE;
    const table = this.table;
    const flags = table[at + FLAGS] as number;
    if (isFast(flags) && styleOf(flags) === SCALAR_STYLE.PLAIN) return this.text.slice(table[at + START], table[at + END]);
    return scalarText(this.text, table[at + START] as number, table[at + END] as number, styleOf(flags), chompingOf(flags), table[at + INDENT] as number, isFast(flags));
  }
}

/** Offsets of a node in the source, end exclusive. */
interface Span {
  start: number;
  end: number;
}

/** A step that was found: the event of its key (-1 in a sequence) and of its value. */
interface Step {
  key: number;
  value: number;
}

/**
 * Locates paths inside one object of a YAML file by walking the event stream. Nothing is
 * built until a rule asks for a position.
 */
export class YamlLocator implements DocumentLocator {
  constructor(
    private readonly source: YamlSource,
    private readonly rootEvent: number,
    private readonly basePath: readonly PathSegment[] = [],
  ) {}

  get path(): string {
    return this.source.path;
  }

  release(): void {
    this.source.release();
  }

  /** A locator for paths inside the node at `path` (an item of a `kind: List`). */
  below(path: readonly PathSegment[]): YamlLocator {
    return path.length === 0 ? this : new YamlLocator(this.source, this.rootEvent, [...this.basePath, ...path]);
  }

  locate(path: readonly PathSegment[], options: LocateOptions = {}): SourcePosition {
    const full = [...this.basePath, ...path];
    let node = this.rootEvent;
    let lastKey = -1;
    let complete = true;
    for (const segment of full) {
      const step = this.findChild(node, segment);
      if (!step) {
        complete = false;
        break;
      }
      node = step.value;
      lastKey = step.key;
    }
    const keySpan = lastKey >= 0 ? this.nodeSpan(lastKey) : undefined;
    let span: Span | undefined;
    if (!complete || options.target === 'key') span = keySpan;
    else if (options.text) span = this.textSpan(node, options.text.value, options.text.occurrence);
    // An empty value (`key:`) has no text of its own: its key stands for it.
    span ??= this.nodeSpan(node) ?? keySpan ?? { start: 0, end: 0 };
    return this.toPosition(span);
  }

  private toPosition(span: Span): SourcePosition {
    const index = this.source.lineIndex;
    const start = index.position(span.start);
    const end = index.position(Math.max(span.end, span.start));
    return {
      startLine: start.line,
      startColumn: start.column,
      endLine: end.line,
      endColumn: end.column,
      lineText: index.lineText(start.line),
    };
  }

  /** Follows an alias to the node that carries its anchor. */
  private deref(index: number): number {
    const source = this.source;
    if (source.type(index) !== EVENT_ID.ALIAS) return index;
    const name = source.anchor(index);
    for (let i = index - 1; i >= 0; i--) {
      const type = source.type(i);
      if (type === EVENT_ID.DOCUMENT) break;
      if (type !== EVENT_ID.ALIAS && type !== EVENT_ID.POP && source.anchor(i) === name) return i;
    }
    return index;
  }

  /** The index just past the subtree that starts at `index`. */
  private skip(index: number): number {
    const source = this.source;
    const type = source.type(index);
    if (type !== EVENT_ID.MAPPING && type !== EVENT_ID.SEQUENCE) return index + 1;
    let depth = 0;
    for (let i = index; i < source.length; i++) {
      const t = source.type(i);
      if (t === EVENT_ID.MAPPING || t === EVENT_ID.SEQUENCE) depth++;
      else if (t === EVENT_ID.POP && --depth === 0) return i + 1;
    }
    return source.length;
  }

  private findChild(parent: number, segment: PathSegment, seen = new Set<number>()): Step | undefined {
    const source = this.source;
    const node = this.deref(parent);
    if (seen.has(node)) return undefined;
    seen.add(node);
    const type = source.type(node);
    if (type === EVENT_ID.SEQUENCE && typeof segment === 'number') {
      let i = node + 1;
      for (let n = 0; source.type(i) !== EVENT_ID.POP; n++) {
        if (n === segment) return { key: -1, value: i };
        i = this.skip(i);
      }
      return undefined;
    }
    if (type !== EVENT_ID.MAPPING) return undefined;
    const wanted = String(segment);
    const merges: number[] = [];
    let i = node + 1;
    while (source.type(i) !== EVENT_ID.POP) {
      const key = i;
      const value = this.skip(key);
      const name = source.type(key) === EVENT_ID.SCALAR ? source.scalarValue(key) : undefined;
      if (name === wanted) return { key, value };
      if (name === '<<') merges.push(value);
      i = this.skip(value);
    }
    // Merge keys (`<<: *base`) bring in the keys of other mappings.
    for (const merge of merges) {
      const target = this.deref(merge);
      const sources = source.type(target) === EVENT_ID.SEQUENCE ? this.children(target) : [target];
      for (const from of sources) {
        const found = this.findChild(from, segment, seen);
        if (found) return found;
      }
    }
    return undefined;
  }

  private children(collection: number): number[] {
    const result: number[] = [];
    for (let i = collection + 1; this.source.type(i) !== EVENT_ID.POP; i = this.skip(i)) result.push(i);
    return result;
  }

  private nodeSpan(index: number): Span | undefined {
    const source = this.source;
    const text = source.text;
    const type = source.type(index);
    if (type === EVENT_ID.SCALAR) return scalarSpan(text, source.start(index), source.end(index), source.style(index));
    if (type === EVENT_ID.ALIAS) {
      const [start, end] = source.anchorSpan(index);
      return { start: start - 1, end };
    }
    if (type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE) {
      // A collection is shown by its first line: the whole block would hide where to look.
      const start = source.start(index);
      let end = start;
      while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
      while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
      return { start, end };
    }
    return undefined;
  }

  /** The n-th occurrence of `value` inside a scalar's source, where it is written as is. */
  private textSpan(index: number, value: string, occurrence: number): Span | undefined {
    const source = this.source;
    const node = this.deref(index);
    const start = source.start(node);
    if (source.type(node) !== EVENT_ID.SCALAR || start < 0 || value === '') return undefined;
    const raw = source.text.slice(start, source.end(node));
    let at = -1;
    for (let n = 0; n <= occurrence; n++) {
      at = raw.indexOf(value, at + 1);
      if (at < 0) return undefined;
    }
    return { start: start + at, end: start + at + value.length };
  }
}

/** A scalar's span: quotes included, a block scalar from its first character to its last. */
function scalarSpan(text: string, valueStart: number, valueEnd: number, style: number): Span | undefined {
  if (valueStart < 0) return undefined;
  let start = valueStart;
  let end = valueEnd;
  if (style === SCALAR_STYLE.SINGLE_QUOTED || style === SCALAR_STYLE.DOUBLE_QUOTED) return { start: start - 1, end: end + 1 };
  if (style === SCALAR_STYLE.LITERAL_BLOCK || style === SCALAR_STYLE.FOLDED_BLOCK) {
    while (start < end && /\s/.test(text[start] as string)) start++;
    while (end > start && /\s/.test(text[end - 1] as string)) end--;
  }
  return { start, end };
}

/**
 * A locator for the subtree at `prefix` of another locator's document (`spec.values` of a Flux
 * HelmRelease, a kustomize patch's operation, a helmfile release's inline values).
 */
export function locatorAt(locator: DocumentLocator, prefix: readonly PathSegment[]): DocumentLocator {
  return { path: locator.path, locate: (path, options) => locator.locate([...prefix, ...path], options) };
}
