import { EVENT_ID, SCALAR_STYLE, getScalarValue, type Event, type ScalarEvent } from 'js-yaml';
import { LineIndex } from './line-index.js';
import type { DocumentLocator, LocateOptions, PathSegment, SourcePosition } from '../model/resource.js';

/** One parsed YAML or JSON file: its text and the parser's event stream with source offsets. */
export class YamlSource {
  private lines: LineIndex | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
    readonly events: Event[],
  ) {}

  /** Built on first use: most files never need a position. */
  get lineIndex(): LineIndex {
    this.lines ??= new LineIndex(this.text);
    return this.lines;
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

  /** A locator for an object nested in this one, such as an item of a `kind: List`. */
  child(path: readonly PathSegment[]): YamlLocator {
    return new YamlLocator(this.source, this.rootEvent, [...this.basePath, ...path]);
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

  private event(index: number): Event {
    return this.source.events[index] as Event;
  }

  /** Follows an alias to the node that carries its anchor. */
  private deref(index: number): number {
    const event = this.event(index);
    if (event.type !== EVENT_ID.ALIAS) return index;
    const text = this.source.text;
    const name = text.slice(event.anchorStart, event.anchorEnd);
    for (let i = index - 1; i >= 0; i--) {
      const candidate = this.event(i);
      if (candidate.type === EVENT_ID.DOCUMENT) break;
      if ('anchorStart' in candidate && candidate.anchorStart >= 0 && candidate.type !== EVENT_ID.ALIAS) {
        if (text.slice(candidate.anchorStart, candidate.anchorEnd) === name) return i;
      }
    }
    return index;
  }

  /** The index just past the subtree that starts at `index`. */
  private skip(index: number): number {
    const type = this.event(index).type;
    if (type !== EVENT_ID.MAPPING && type !== EVENT_ID.SEQUENCE) return index + 1;
    let depth = 0;
    for (let i = index; i < this.source.events.length; i++) {
      const t = this.event(i).type;
      if (t === EVENT_ID.MAPPING || t === EVENT_ID.SEQUENCE) depth++;
      else if (t === EVENT_ID.POP && --depth === 0) return i + 1;
    }
    return this.source.events.length;
  }

  private scalarText(index: number): string | undefined {
    const event = this.event(index);
    return event.type === EVENT_ID.SCALAR ? getScalarValue(this.source.text, event) : undefined;
  }

  private findChild(parent: number, segment: PathSegment, seen = new Set<number>()): Step | undefined {
    const node = this.deref(parent);
    if (seen.has(node)) return undefined;
    seen.add(node);
    const event = this.event(node);
    if (event.type === EVENT_ID.SEQUENCE && typeof segment === 'number') {
      let i = node + 1;
      for (let n = 0; this.event(i).type !== EVENT_ID.POP; n++) {
        if (n === segment) return { key: -1, value: i };
        i = this.skip(i);
      }
      return undefined;
    }
    if (event.type !== EVENT_ID.MAPPING) return undefined;
    const merges: number[] = [];
    let i = node + 1;
    while (this.event(i).type !== EVENT_ID.POP) {
      const key = i;
      const value = this.skip(key);
      const name = this.scalarText(key);
      if (name === String(segment)) return { key, value };
      if (name === '<<') merges.push(value);
      i = this.skip(value);
    }
    // Merge keys (`<<: *base`) bring in the keys of other mappings.
    for (const merge of merges) {
      const target = this.deref(merge);
      const sources = this.event(target).type === EVENT_ID.SEQUENCE ? this.children(target) : [target];
      for (const source of sources) {
        const found = this.findChild(source, segment, seen);
        if (found) return found;
      }
    }
    return undefined;
  }

  private children(collection: number): number[] {
    const result: number[] = [];
    for (let i = collection + 1; this.event(i).type !== EVENT_ID.POP; i = this.skip(i)) result.push(i);
    return result;
  }

  private nodeSpan(index: number): Span | undefined {
    const event = this.event(index);
    const text = this.source.text;
    if (event.type === EVENT_ID.SCALAR) return scalarSpan(text, event);
    if (event.type === EVENT_ID.ALIAS) return { start: event.anchorStart - 1, end: event.anchorEnd };
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      // A collection is shown by its first line: the whole block would hide where to look.
      let end = event.start;
      while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
      while (end > event.start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
      return { start: event.start, end };
    }
    return undefined;
  }

  /** The n-th occurrence of `value` inside a scalar's source, where it is written as is. */
  private textSpan(index: number, value: string, occurrence: number): Span | undefined {
    const event = this.event(this.deref(index));
    if (event.type !== EVENT_ID.SCALAR || event.valueStart < 0 || value === '') return undefined;
    const raw = this.source.text.slice(event.valueStart, event.valueEnd);
    let at = -1;
    for (let n = 0; n <= occurrence; n++) {
      at = raw.indexOf(value, at + 1);
      if (at < 0) return undefined;
    }
    return { start: event.valueStart + at, end: event.valueStart + at + value.length };
  }
}

/** A scalar's span: quotes included, a block scalar from its first character to its last. */
function scalarSpan(text: string, event: ScalarEvent): Span | undefined {
  if (event.valueStart < 0) return undefined;
  let { valueStart: start, valueEnd: end } = event;
  if (event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED) {
    return { start: start - 1, end: end + 1 };
  }
  if (event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK) {
    while (start < end && /\s/.test(text[start] as string)) start++;
    while (end > start && /\s/.test(text[end - 1] as string)) end--;
  }
  return { start, end };
}
