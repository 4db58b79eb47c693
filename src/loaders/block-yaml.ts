import { EVENT_ID, SCALAR_STYLE, type Schema } from 'js-yaml';
import { ANCHOR_END, ANCHOR_START, END, FLAGS, INDENT, START, STRIDE, flags, scalarText, type PackedEvents } from './packed-events.js';
import type { ManifestLimits } from './manifest-limits.js';

/**
 * A reader for the YAML that manifests are nearly always written in: block mappings and
 * sequences, one-line scalars (plain, or quoted with the escapes YAML knows), literal and folded
 * block scalars and one-line flow collections, with comments and `---` between documents. It
 * builds the values and the packed events in one pass over the text, as js-yaml's `parseEvents`
 * and `constructFromEvents` would build them, in less than half the time: it makes no object per
 * event. Anything else — anchors, aliases, tags, directives, `...`, scalars or flow collections
 * over several lines, `?` keys, merge keys, tabs, carriage returns, control characters, or
 * anything js-yaml would refuse — ends it with `undefined`, and the caller parses the text with
 * js-yaml instead. Scalars resolve through the caller's schema, and block and quoted scalars
 * decode through js-yaml's own `getScalarValue`.
 */
export function readBlockYaml(text: string, schema: Schema, limits: ManifestLimits, plain = false): { events: PackedEvents; values: unknown[] } | undefined {
  // A text known to be all line feeds and printable ASCII (its bytes were) holds none of the characters left to js-yaml.
  if (!plain && notPlainAscii.test(text) && unsupportedCharacter.test(text)) return undefined;
  const reader = new BlockReader(text, schema, limits);
  try {
    return reader.stream();
  } catch (error) {
    if (error === notBlockYaml) return undefined;
    throw error;
  }
}

/**
 * Characters the reader leaves to js-yaml: tabs and carriage returns (indentation and line breaks
 * have more forms than it follows), characters YAML does not allow or treats apart (controls, NEL,
 * byte-order marks, U+FFFE/U+FFFF), and UTF-16 surrogates that are not a pair.
 */
const unsupportedCharacter = /[\x00-\x09\x0B-\x1F\x7F-\x9F\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Any character but a line feed and printable ASCII: most manifests have none, and this test is the quicker. */
const notPlainAscii = /[^\n\x20-\x7E]/;

/** Thrown inside the reader where the text leaves what it reads. */
const notBlockYaml = new Error('not block YAML the reader follows');

/** The events of the text being read, reused from text to text: its events are copied out at the end. */
let scratchTable: Int32Array = new Int32Array(4096 * STRIDE);

/** A table grown past this many numbers for a large file is not kept for the next (4 MB). */
const maxScratchLength = 1 << 20;

/** Plain keys read before, by a hash of their text. */
const keyCache: string[] = new Array<string>(1024).fill('');

/**
 * A copy of a key that does not hold on to the text it was read from: V8 cuts a slice of 13
 * characters or more as a view of its text, which the cache would keep alive after the scan.
 */
function detached(key: string): string {
  return key.length < 13 ? key : Array.from(key).join('');
}

/** Nesting past which js-yaml reads the text, and applies the limit with its own message. */
const maxReadDepth = 64;

const SPACE = 0x20;
const NEWLINE = 0x0a;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const DOT = 0x2e;
const COMMA = 0x2c;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const PIPE = 0x7c;
const GREATER = 0x3e;
const PLUS = 0x2b;
const QUESTION = 0x3f;
const ZERO = 0x30;
const NINE = 0x39;

/** Characters that may not start a plain scalar here, or that start what the reader leaves to js-yaml (`&*!%@` and backquote). */
function isIndicator(code: number): boolean {
  return (
    code === HASH || code === COMMA || code === OPEN_BRACKET || code === CLOSE_BRACKET || code === OPEN_BRACE || code === CLOSE_BRACE ||
    code === PIPE || code === GREATER || code === DOUBLE_QUOTE || code === SINGLE_QUOTE || code === 0x26 || code === 0x2a ||
    code === 0x21 || code === 0x25 || code === 0x40 || code === 0x60
  );
}

/** What may follow a backslash in a double-quoted scalar, but for the hexadecimal escapes (x, u, U): `0abtnvfre "/` and backslash, `N_LP`. */
const simpleEscapes = new Uint8Array(128);
for (const char of '0abtnvfre "/\\N_LP') simpleEscapes[char.charCodeAt(0)] = 1;

function isHexDigit(code: number): boolean {
  return (code >= ZERO && code <= NINE) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

/**
 * ASCII characters a key written plain is scanned for: its colon, a comment, the line's end, and
 * what the reader leaves to js-yaml in a key (flow indicators and quotes).
 */
const keyScan = new Uint8Array(128);
for (const char of ':#\n[]{},"\'') keyScan[char.charCodeAt(0)] = 1;

/** ASCII characters no YAML 1.1 number holds. */
const notInNumber = new Uint8Array(128).fill(1);
for (const char of '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_+-.:') notInNumber[char.charCodeAt(0)] = 0;

/**
 * For each ASCII character, whether a plain scalar that starts with it may resolve to something
 * other than a string in `schema` (a number, a boolean, null): as js-yaml's own dispatch by first
 * character, from the schema's implicit tags. Other scalars are their own text.
 */
function resolvingFirstCharacters(schema: Schema): Uint8Array {
  const table = new Uint8Array(128);
  for (const tag of schema.implicitScalarTags) {
    if (tag.implicitFirstChars === null) return table.fill(1);
    for (const char of tag.implicitFirstChars) if (char.length === 1 && char.charCodeAt(0) < 128) table[char.charCodeAt(0)] = 1;
  }
  return table;
}

const resolvingTables = new WeakMap<Schema, Uint8Array>();

class BlockReader {
  private readonly length: number;
  private table: Int32Array;
  private events = 0;
  private readonly documentRoots: number[] = [];
  private depth = 0;
  private readonly maxDepth: number;
  /** Column of the content line {@link contentLine} found; -1 at a document marker or the end. */
  private lineColumn = -1;

  /** See {@link resolvingFirstCharacters}. */
  private readonly resolving: Uint8Array;

  constructor(
    private readonly text: string,
    private readonly schema: Schema,
    private readonly limits: ManifestLimits,
  ) {
    let resolving = resolvingTables.get(schema);
    if (!resolving) resolvingTables.set(schema, (resolving = resolvingFirstCharacters(schema)));
    this.resolving = resolving;
    this.length = text.length;
    this.table = scratchTable;
    this.maxDepth = Math.min(maxReadDepth, limits.maxDepth - 1);
  }

  stream(): { events: PackedEvents; values: unknown[] } {
    const text = this.text;
    const values: unknown[] = [];
    let at = this.contentLine(0);
    let first = true;
    while (at < this.length) {
      if (this.lineColumn < 0 && text.startsWith('---', at)) {
        at = this.contentLine(this.lineEnd(at + 3) + 1);
      } else if (!first) {
        throw notBlockYaml;
      }
      first = false;
      if (this.documentRoots.length >= this.limits.maxDocuments) throw notBlockYaml;
      this.emit(EVENT_ID.DOCUMENT, 0, 0, 0, 0, 0, 0);
      this.documentRoots.push(this.events);
      if (at >= this.length || this.lineColumn < 0) {
        values.push(this.emptyScalar());
      } else {
        values.push(this.blockNode(at, this.lineColumn));
        at = this.next;
      }
      this.emit(EVENT_ID.POP, 0, 0, 0, 0, 0, 0);
      if (at < this.length && !(this.lineColumn < 0 && text.startsWith('---', at))) throw notBlockYaml;
    }
    if (this.table.length <= maxScratchLength) scratchTable = this.table;
    return { events: { table: this.table.slice(0, this.events * STRIDE), length: this.events, documentRoots: this.documentRoots }, values };
  }

  /** Where the content line after the last node read starts (or the end), with {@link lineColumn} set. */
  private next = 0;

  /**
   * The first character of the first line from `from` (a line's start) that holds more than
   * spaces and a comment, or the end; sets {@link lineColumn}, -1 for a document marker.
   */
  private contentLine(from: number): number {
    const text = this.text;
    let lineStart = from;
    while (lineStart < this.length) {
      let at = lineStart;
      while (text.charCodeAt(at) === SPACE) at++;
      const code = text.charCodeAt(at);
      if (at >= this.length) break;
      if (code === NEWLINE) {
        lineStart = at + 1;
        continue;
      }
      if (code === HASH) {
        const end = text.indexOf('\n', at);
        if (end < 0) break;
        lineStart = end + 1;
        continue;
      }
      this.lineColumn = at - lineStart;
      if (this.lineColumn === 0 && (code === DASH || code === DOT) && this.isDocumentMarker(at)) {
        if (code === DOT) throw notBlockYaml;
        this.lineColumn = -1;
      }
      return at;
    }
    this.lineColumn = -1;
    return this.length;
  }

  private isDocumentMarker(at: number): boolean {
    const text = this.text;
    const code = text.charCodeAt(at);
    return text.charCodeAt(at + 1) === code && text.charCodeAt(at + 2) === code && this.isBlankOrEnd(at + 3);
  }

  private isBlankOrEnd(at: number): boolean {
    const code = this.text.charCodeAt(at);
    return at >= this.length || code === SPACE || code === NEWLINE;
  }

  /**
   * From just after a node, the end of its line (the newline's offset, or the text's end): only
   * spaces and a comment may follow it.
   */
  private lineEnd(from: number): number {
    const text = this.text;
    let at = from;
    while (text.charCodeAt(at) === SPACE) at++;
    if (at >= this.length) return this.length;
    const code = text.charCodeAt(at);
    if (code === NEWLINE) return at;
    if (code === HASH && at > from) {
      const end = text.indexOf('\n', at);
      return end < 0 ? this.length : end;
    }
    throw notBlockYaml;
  }

  /** The content line after the line that ends at `end`. */
  private lineAfter(end: number): number {
    return end >= this.length ? this.contentLine(this.length) : this.contentLine(end + 1);
  }

  private emit(type: number, start: number, end: number, style: number, chomping: number, indent: number, fast: number): void {
    const at = this.events * STRIDE;
    if (at + STRIDE > this.table.length) {
      const grown = new Int32Array(this.table.length * 2);
      grown.set(this.table);
      this.table = grown;
    }
    // The table is written over from a run before: every field is set.
    const table = this.table;
    table[at + FLAGS] = flags(type, style, chomping, fast === 1);
    table[at + START] = start;
    table[at + END] = end;
    table[at + INDENT] = indent;
    table[at + ANCHOR_START] = -1;
    table[at + ANCHOR_END] = -1;
    this.events++;
  }

  private emptyScalar(): unknown {
    this.emit(EVENT_ID.SCALAR, -1, -1, SCALAR_STYLE.PLAIN, 1, -1, 0);
    return this.schema.resolveImplicitScalarTag('').value;
  }

  /** The value of the plain scalar from `start` to `end`, not empty. */
  private plainValue(start: number, end: number): unknown {
    const source = this.text.slice(start, end);
    const first = source.charCodeAt(0);
    if (first < 128 && this.resolving[first] === 0) return source;
    // A number is written with digits, letters, `_+-.:` alone (YAML 1.1 has `190:20:30`): an image
    // reference or a path that starts with a digit is text, and the schema's patterns need not run.
    if (first >= ZERO && first <= NINE) {
      for (let at = 1; at < source.length; at++) if (source.charCodeAt(at) < 128 && notInNumber[source.charCodeAt(at)] === 1) return source;
    }
    return this.schema.resolveImplicitScalarTag(source).value;
  }

  private open(type: number, start: number): void {
    if (++this.depth > this.maxDepth) throw notBlockYaml;
    this.emit(type, start, 0, 0, 0, 0, 0);
  }

  private close(): void {
    this.depth--;
    this.emit(EVENT_ID.POP, 0, 0, 0, 0, 0, 0);
  }

  /** A node that starts a line, at `column`: a block sequence or mapping. */
  private blockNode(at: number, column: number): unknown {
    if (this.text.charCodeAt(at) === DASH && this.isBlankOrEnd(at + 1)) return this.blockSequence(at, column);
    const colon = this.keyColon(at);
    if (colon >= 0) return this.blockMapping(at, colon, column);
    throw notBlockYaml;
  }

  private blockSequence(first: number, column: number): unknown[] {
    const text = this.text;
    const items: unknown[] = [];
    this.open(EVENT_ID.SEQUENCE, first);
    let dash = first;
    let colon: number;
    for (;;) {
      let at = dash + 1;
      while (text.charCodeAt(at) === SPACE) at++;
      const code = text.charCodeAt(at);
      if (at >= this.length || code === NEWLINE || code === HASH) {
        const next = this.lineAfter(this.lineEnd(dash + 1));
        if (next < this.length && this.lineColumn > column) {
          items.push(this.blockNode(next, this.lineColumn));
        } else {
          items.push(this.emptyScalar());
          this.next = next;
        }
      } else if (code === DASH && this.isBlankOrEnd(at + 1)) {
        throw notBlockYaml;
      } else if ((colon = this.keyColon(at)) >= 0) {
        items.push(this.blockMapping(at, colon, column + (at - dash)));
      } else {
        items.push(this.inlineValue(at, column));
      }
      const next = this.next;
      if (next >= this.length || this.lineColumn < column) break;
      if (this.lineColumn > column) throw notBlockYaml;
      if (text.charCodeAt(next) !== DASH || !this.isBlankOrEnd(next + 1)) break;
      dash = next;
    }
    this.close();
    return items;
  }

  /** A block mapping whose first key starts at `first` and ends at the colon at `firstColon`. */
  private blockMapping(first: number, firstColon: number, column: number): Record<string, unknown> {
    const text = this.text;
    const mapping: Record<string, unknown> = {};
    this.open(EVENT_ID.MAPPING, first);
    let at = first;
    let colon = firstColon;
    for (;;) {
      const key = this.key(at, colon);
      // No value read is undefined: only a key already set, or one the prototype has, is looked up.
      if (mapping[key] !== undefined && Object.prototype.hasOwnProperty.call(mapping, key)) throw notBlockYaml;
      let valueAt = colon + 1;
      while (text.charCodeAt(valueAt) === SPACE) valueAt++;
      const code = text.charCodeAt(valueAt);
      let value: unknown;
      if (valueAt >= this.length || code === NEWLINE || code === HASH) {
        const next = this.lineAfter(this.lineEnd(colon + 1));
        if (next < this.length && this.lineColumn > column) {
          value = this.blockNode(next, this.lineColumn);
        } else if (next < this.length && this.lineColumn === column && text.charCodeAt(next) === DASH && this.isBlankOrEnd(next + 1)) {
          value = this.blockSequence(next, column);
        } else {
          value = this.emptyScalar();
          this.next = next;
        }
      } else {
        value = this.inlineValue(valueAt, column);
      }
      mapping[key] = value;
      const next = this.next;
      if (next >= this.length || this.lineColumn < column) break;
      if (this.lineColumn > column) throw notBlockYaml;
      at = next;
      colon = this.keyColon(at);
      if (colon < 0) throw notBlockYaml;
    }
    this.close();
    return mapping;
  }

  /**
   * The offset of the `:` that ends a key starting at `at` on its line, or -1 when the line holds
   * no key there. Throws for a key the reader leaves to js-yaml.
   */
  private keyColon(at: number): number {
    const text = this.text;
    const code = text.charCodeAt(at);
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      const close = this.quoteEnd(at);
      let after = close + 1;
      while (text.charCodeAt(after) === SPACE) after++;
      return text.charCodeAt(after) === COLON && this.isBlankOrEnd(after + 1) ? after : -1;
    }
    if (isIndicator(code) || ((code === DASH || code === QUESTION || code === COLON) && this.isBlankOrEnd(at + 1))) return -1;
    for (let scan = at; scan < this.length; scan++) {
      const char = text.charCodeAt(scan);
      if (char >= 128 || keyScan[char] === 0) continue;
      if (char === COLON) {
        if (this.isBlankOrEnd(scan + 1)) return scan;
      } else if (char !== HASH || text.charCodeAt(scan - 1) === SPACE) {
        return -1;
      }
    }
    return -1;
  }

  /** Emits the key that starts at `at` and ends before the colon at `colon`; returns its name as the mapping holds it. */
  private key(at: number, colon: number): string {
    const text = this.text;
    const code = text.charCodeAt(at);
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      const name = this.quoted(at);
      if (name === '__proto__') throw notBlockYaml;
      return name;
    }
    let end = colon;
    while (text.charCodeAt(end - 1) === SPACE) end--;
    if (end - at > 1000 || end === at) throw notBlockYaml;
    // Keys repeat from object to object: one read before, and written as it is read, is taken
    // from the cache, not sliced and looked up among V8's strings again.
    let hash = 0;
    for (let scan = at; scan < end; scan++) hash = (Math.imul(hash, 31) + text.charCodeAt(scan)) | 0;
    const slot = hash & (keyCache.length - 1);
    const cached = keyCache[slot] as string;
    let name: string;
    if (cached.length === end - at && text.startsWith(cached, at)) {
      name = cached;
    } else {
      if (end - at === 2 && text.startsWith('<<', at)) throw notBlockYaml;
      const key = this.plainValue(at, end);
      if (key !== null && typeof key === 'object') throw notBlockYaml;
      name = typeof key === 'string' ? key : String(key);
      if (name === '__proto__') throw notBlockYaml;
      if (name.length === end - at && text.startsWith(name, at)) keyCache[slot] = detached(name);
    }
    this.emit(EVENT_ID.SCALAR, at, end, SCALAR_STYLE.PLAIN, 1, -1, 1);
    return name;
  }

  /** A value that starts on the line of its key or dash: `parent` is that key's or dash's column. */
  private inlineValue(at: number, parent: number): unknown {
    const text = this.text;
    const code = text.charCodeAt(at);
    let value: unknown;
    let end: number;
    if (code === PIPE || code === GREATER) return this.blockScalar(at, parent);
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      value = this.quoted(at);
      end = this.quoteClose + 1;
    } else if (code === OPEN_BRACKET || code === OPEN_BRACE) {
      value = this.flowCollection(at);
      end = this.flowEnd;
    } else {
      if (isIndicator(code) || ((code === DASH || code === QUESTION || code === COLON) && this.isBlankOrEnd(at + 1))) throw notBlockYaml;
      let scan = at;
      for (; scan < this.length; scan++) {
        const char = text.charCodeAt(scan);
        if (char === NEWLINE) break;
        if (char === HASH && text.charCodeAt(scan - 1) === SPACE) break;
        if (char === COLON && this.isBlankOrEnd(scan + 1)) throw notBlockYaml;
      }
      end = scan;
      while (text.charCodeAt(end - 1) === SPACE) end--;
      // js-yaml looks past the end of a line for more of a plain scalar, and where it finds a
      // comment indented further than the key or dash, it marks the scalar as read over lines.
      const fast = scan < this.length && text.charCodeAt(scan) === NEWLINE && this.commentColumnAfter(scan) > parent ? 0 : 1;
      this.emit(EVENT_ID.SCALAR, at, end, SCALAR_STYLE.PLAIN, 1, -1, fast);
      value = this.plainValue(at, end);
    }
    this.next = this.lineAfter(this.lineEnd(end));
    // A line further in would continue a plain scalar over lines, or be an error.
    if (this.next < this.length && this.lineColumn > parent) throw notBlockYaml;
    return value;
  }

  /** The column of the first line after the newline at `newline` that holds more than spaces, when it is a comment; -1 otherwise. */
  private commentColumnAfter(newline: number): number {
    const text = this.text;
    let lineStart = newline + 1;
    while (lineStart < this.length) {
      let at = lineStart;
      while (text.charCodeAt(at) === SPACE) at++;
      const code = text.charCodeAt(at);
      if (code === NEWLINE) {
        lineStart = at + 1;
        continue;
      }
      return code === HASH ? at - lineStart : -1;
    }
    return -1;
  }

  /** Whether the last quoted scalar {@link quoteEnd} read holds an escape (a backslash, or `''`): its value is not its source. */
  private escaped = false;

  /**
   * Where the quoted scalar that starts at `at` ends (its closing quote), on the same line. A
   * double-quoted one may hold the escapes YAML knows, which js-yaml decodes; any other backslash
   * is left to js-yaml, which refuses it.
   */
  private quoteEnd(at: number): number {
    const text = this.text;
    const quote = text.charCodeAt(at);
    this.escaped = false;
    for (let scan = at + 1; scan < this.length; scan++) {
      const char = text.charCodeAt(scan);
      if (char === NEWLINE) throw notBlockYaml;
      if (char === BACKSLASH && quote === DOUBLE_QUOTE) {
        this.escaped = true;
        const escape = text.charCodeAt(++scan);
        if (escape < 128 && simpleEscapes[escape] === 1) continue;
        const digits = escape === 0x78 ? 2 : escape === 0x75 ? 4 : escape === 0x55 ? 8 : 0;
        if (digits === 0) throw notBlockYaml;
        for (let digit = 0; digit < digits; digit++) if (!isHexDigit(text.charCodeAt(++scan))) throw notBlockYaml;
        continue;
      }
      if (char === quote) {
        if (quote === SINGLE_QUOTE && text.charCodeAt(scan + 1) === SINGLE_QUOTE) {
          this.escaped = true;
          scan++;
          continue;
        }
        return scan;
      }
    }
    throw notBlockYaml;
  }

  /** Where the last quoted scalar {@link quoted} emitted closes: the offset of its closing quote. */
  private quoteClose = 0;

  /** Emits the quoted scalar that starts at `at`; returns its value. */
  private quoted(at: number): string {
    const text = this.text;
    const end = (this.quoteClose = this.quoteEnd(at));
    const style = text.charCodeAt(at) === DOUBLE_QUOTE ? SCALAR_STYLE.DOUBLE_QUOTED : SCALAR_STYLE.SINGLE_QUOTED;
    const fast = !this.escaped;
    this.emit(EVENT_ID.SCALAR, at + 1, end, style, 1, -1, fast ? 1 : 0);
    return fast ? text.slice(at + 1, end) : scalarText(text, at + 1, end, style, 1, -1, false);
  }

  /** A literal or folded block scalar whose header is at `at`, under a key or dash at column `parent`. */
  private blockScalar(at: number, parent: number): string {
    const text = this.text;
    const style = text.charCodeAt(at) === PIPE ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
    let header = at + 1;
    let chomping = 1;
    const mark = text.charCodeAt(header);
    if (mark === DASH) {
      chomping = 2;
      header++;
    } else if (mark === PLUS) {
      chomping = 3;
      header++;
    }
    const indicator = text.charCodeAt(header);
    if (indicator >= ZERO && indicator <= NINE) throw notBlockYaml;
    const headerEnd = this.lineEnd(header);
    if (headerEnd >= this.length || parent < 0) throw notBlockYaml;
    const start = headerEnd + 1;
    // The first line with more than spaces sets the indent; blank lines before it may not be deeper.
    let lineStart = start;
    let deepestBlank = 0;
    let indent = -1;
    while (lineStart < this.length) {
      let scan = lineStart;
      while (text.charCodeAt(scan) === SPACE) scan++;
      if (scan < this.length && text.charCodeAt(scan) !== NEWLINE) {
        indent = scan - lineStart;
        break;
      }
      deepestBlank = Math.max(deepestBlank, scan - lineStart);
      if (scan >= this.length) break;
      lineStart = scan + 1;
    }
    if (indent <= parent || deepestBlank > indent) throw notBlockYaml;
    // It ends at the first line with more than spaces that is not indented as far.
    let end = this.length;
    for (lineStart = start; lineStart < this.length; ) {
      let scan = lineStart;
      while (text.charCodeAt(scan) === SPACE && scan - lineStart < indent) scan++;
      if (scan - lineStart < indent && scan < this.length && text.charCodeAt(scan) !== NEWLINE) {
        end = lineStart;
        break;
      }
      const newline = text.indexOf('\n', scan);
      if (newline < 0) {
        // A last line of spaces alone, with no newline, is not part of it (as js-yaml reads it).
        while (text.charCodeAt(scan) === SPACE) scan++;
        if (scan >= this.length) end = lineStart;
        break;
      }
      lineStart = newline + 1;
    }
    this.emit(EVENT_ID.SCALAR, start, end, style, chomping, indent, 0);
    const value = scalarText(text, start, end, style, chomping, indent, false);
    this.next = this.contentLine(end);
    if (this.next < this.length && this.lineColumn > parent) throw notBlockYaml;
    return value;
  }

  /** Where the last flow collection read ends: just past its closing bracket. */
  private flowEnd = 0;

  /** A flow sequence or mapping written on one line, from its opening bracket at `at`. */
  private flowCollection(at: number): unknown {
    const text = this.text;
    const mapping = text.charCodeAt(at) === OPEN_BRACE;
    const close = mapping ? CLOSE_BRACE : CLOSE_BRACKET;
    this.open(mapping ? EVENT_ID.MAPPING : EVENT_ID.SEQUENCE, at);
    const items: unknown[] = [];
    const pairs: Record<string, unknown> = {};
    let scan = this.skipSpaces(at + 1);
    if (text.charCodeAt(scan) === close) {
      scan++;
    } else {
      for (;;) {
        if (mapping) {
          const keyStart = scan;
          const code = text.charCodeAt(scan);
          let key: string;
          if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
            key = this.quoted(scan);
            scan = this.quoteClose + 1;
          } else {
            scan = this.flowPlainEnd(scan);
            let end = scan;
            while (text.charCodeAt(end - 1) === SPACE) end--;
            key = this.key(keyStart, end);
          }
          if (pairs[key] !== undefined && Object.prototype.hasOwnProperty.call(pairs, key)) throw notBlockYaml;
          if (text.charCodeAt(scan) !== COLON || text.charCodeAt(scan + 1) !== SPACE) throw notBlockYaml;
          pairs[key] = this.flowNode(this.skipSpaces(scan + 1));
        } else {
          items.push(this.flowNode(scan));
        }
        scan = this.skipSpaces(this.flowEnd);
        const code = text.charCodeAt(scan);
        if (code === close) {
          scan++;
          break;
        }
        if (code !== COMMA) throw notBlockYaml;
        scan = this.skipSpaces(scan + 1);
        if (text.charCodeAt(scan) === close) throw notBlockYaml;
      }
    }
    this.close();
    this.flowEnd = scan;
    return mapping ? pairs : items;
  }

  /** A node inside a flow collection, at `at`; sets {@link flowEnd} past it. */
  private flowNode(at: number): unknown {
    const text = this.text;
    const code = text.charCodeAt(at);
    if (code === OPEN_BRACKET || code === OPEN_BRACE) return this.flowCollection(at);
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      const value = this.quoted(at);
      this.flowEnd = this.quoteClose + 1;
      return value;
    }
    const scan = this.flowPlainEnd(at);
    let end = scan;
    while (text.charCodeAt(end - 1) === SPACE) end--;
    this.emit(EVENT_ID.SCALAR, at, end, SCALAR_STYLE.PLAIN, 1, -1, 1);
    this.flowEnd = scan;
    return this.plainValue(at, end);
  }

  /**
   * Where a plain scalar inside a flow collection, from `at`, stops: at a comma, a bracket or the
   * colon of a key. Throws for an empty one, a comment, the end of the line, or a colon within.
   */
  private flowPlainEnd(at: number): number {
    const text = this.text;
    const first = text.charCodeAt(at);
    if (at >= this.length || isIndicator(first) || first === SPACE || first === NEWLINE || ((first === DASH || first === QUESTION || first === COLON) && this.isBlankOrEnd(at + 1))) {
      throw notBlockYaml;
    }
    for (let scan = at; scan < this.length; scan++) {
      const char = text.charCodeAt(scan);
      if (char === COMMA || char === CLOSE_BRACKET || char === CLOSE_BRACE) return scan;
      if (char === COLON) return text.charCodeAt(scan + 1) === SPACE ? scan : this.fail();
      if (char === NEWLINE || char === OPEN_BRACKET || char === OPEN_BRACE || (char === HASH && text.charCodeAt(scan - 1) === SPACE)) this.fail();
    }
    return this.fail();
  }

  private fail(): never {
    throw notBlockYaml;
  }

  private skipSpaces(from: number): number {
    let at = from;
    while (this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }
}
