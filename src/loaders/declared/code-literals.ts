import { LineIndex } from '../line-index.js';
import type { DocumentLocator, LocateOptions, PathSegment, SourcePosition } from '../../model/resource.js';

/**
 * A value written in program code (TypeScript, JavaScript, Python, Go, Java), read without running
 * anything: string, number and boolean literals, object and dict literals, lists, Python keyword
 * arguments, Go composite literals and Java builder chains. Anything else is an expression whose
 * value is known only when the program runs: `computed`, kept as the text written.
 */
export interface CodeNode {
  readonly start: number;
  readonly end: number;
  readonly value: unknown;
  readonly computed?: true;
  /** Where the literal itself is written, when the node wraps it (`pulumi.String("x")`): findings point there. */
  readonly literal?: { readonly start: number; readonly end: number };
  /** An object's entries, by key, with where each key is written. */
  readonly entries?: ReadonlyMap<string, { readonly keyStart: number; readonly keyEnd: number; readonly node: CodeNode }>;
  readonly items?: readonly CodeNode[];
}

/** One argument of a call: positional, or a keyword argument (`name='x'`, Python). */
export interface CodeArgument {
  readonly name?: string;
  readonly nameStart?: number;
  readonly node: CodeNode;
}

const identifierChar = /[\w$]/;
const closers: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** Calls that wrap a literal to make it a pointer or an output (`jsii.String("x")`, `pulumi.String("x")`): their value is the literal's. */
const literalWrapper = /(?:^|\.)(?:String|StringPtr|Number|Bool|Int)$/;

/**
 * Reads values out of one file's code. The text is the file's with its comments blanked
 * (`maskComments`), so offsets are the file's own.
 */
export class CodeReader {
  constructor(
    readonly text: string,
    /** Python reads `f'…'` strings and keyword arguments; others do not have them. */
    private readonly python: boolean,
  ) {}

  private skipSpace(at: number): number {
    while (at < this.text.length && /\s/.test(this.text[at]!)) at++;
    return at;
  }

  /** The offset just past a string that starts at `at` (its quote), or undefined when none starts there. */
  private stringEnd(at: number): { end: number; quote: string } | undefined {
    const text = this.text;
    const quote = text.startsWith('"""', at) || text.startsWith("'''", at) ? text.slice(at, at + 3) : text[at];
    if (quote !== '"' && quote !== "'" && quote !== '`' && quote !== '"""' && quote !== "'''") return undefined;
    let i = at + quote.length;
    while (i < text.length && !text.startsWith(quote, i)) i += text[i] === '\\' ? 2 : 1;
    return { end: Math.min(i + quote.length, text.length), quote };
  }

  /** The offset of the bracket that closes the one at `open`, minding strings; the text's end when unclosed. */
  closing(open: number): number {
    const stack = [closers[this.text[open]!]];
    let i = open + 1;
    while (i < this.text.length && stack.length > 0) {
      const string = this.stringEnd(i);
      if (string) {
        i = string.end;
        continue;
      }
      const char = this.text[i]!;
      if (closers[char]) stack.push(closers[char]);
      else if (char === stack.at(-1)) stack.pop();
      i++;
    }
    return i - 1;
  }

  /** The end of an expression at `at`: the next `,` or unmatched closer at depth 0. */
  private expressionEnd(at: number): number {
    let i = at;
    while (i < this.text.length) {
      const string = this.stringEnd(i);
      if (string) {
        i = string.end;
        continue;
      }
      const char = this.text[i]!;
      if (closers[char]) i = this.closing(i) + 1;
      else if (char === ',' || char === ')' || char === ']' || char === '}' || char === ';') break;
      else if (this.python && char === '\n' && this.text.slice(at, i).trim() !== '') break;
      else i++;
    }
    return i;
  }

  private computed(start: number, end: number): CodeNode {
    return { start, end, value: this.text.slice(start, end).replace(/\s+/g, ' ').trim(), computed: true };
  }

  /** The identifier path (`k8s.core.v1.ServiceAccount`, `self.cluster`) that starts at `at`, if any. */
  private identifierPath(at: number): { path: string; end: number } | undefined {
    let i = at;
    while (i < this.text.length && (identifierChar.test(this.text[i]!) || (this.text[i] === '.' && identifierChar.test(this.text[i + 1] ?? '')))) i++;
    return i > at ? { path: this.text.slice(at, i), end: i } : undefined;
  }

  /** Reads the value that starts at `at`. */
  value(at: number): CodeNode {
    const start = this.skipSpace(at);
    const text = this.text;
    const char = text[start];
    if (char === '{') return this.object(start);
    if (char === '[') return this.list(start);
    const prefix = this.python ? /^[rRbBuUfF]{1,2}(?=["'])/.exec(text.slice(start, start + 3))?.[0] ?? '' : '';
    const string = this.stringEnd(start + prefix.length);
    if (string) {
      const inner = text.slice(start + prefix.length + string.quote.length, string.end - string.quote.length);
      const interpolated = /f/i.test(prefix) || (string.quote === '`' && inner.includes('${'));
      if (interpolated) return this.computed(start, string.end);
      return { start, end: string.end, value: /r/i.test(prefix) ? inner : unescape(inner) };
    }
    const number = /^-?\d+(?:\.\d+)?(?![\w.])/.exec(text.slice(start, start + 32));
    if (number) return { start, end: start + number[0].length, value: Number(number[0]) };
    // Go takes a composite literal's address: `&awseks.ServiceAccountOptions{ … }`.
    const pointer = char === '&' ? 1 : 0;
    const path = this.identifierPath(start + pointer);
    if (path) {
      const keyword = keywords.get(path.path);
      if (keyword !== undefined) return { start, end: path.end, value: keyword.value };
      const after = this.skipSpace(path.end);
      // Go: `pulumi.StringMap{ … }`, `&corev1.ServiceAccountArgs{ … }`: a type, then its fields.
      if (text[after] === '{' && (pointer === 1 || /(?:^|\.)[A-Z]\w*$/.test(path.path))) return { ...this.object(after), start };
      if (text[after] === '(') return this.call(start, path.path, after);
    }
    return this.computed(start, this.expressionEnd(start));
  }

  /** A call: a literal wrapper's literal, keyword arguments as an object, a builder chain's settings; else computed. */
  private call(start: number, callee: string, open: number): CodeNode {
    const close = this.closing(open);
    const args = this.arguments(open);
    let end = close + 1;
    const single = args.length === 1 ? args[0]! : undefined;
    if (single && !single.name && literalWrapper.test(callee) && !single.node.computed) return { ...single.node, start, end, literal: { start: single.node.start, end: single.node.end } };
    if (this.python && args.length > 0 && args.every((arg) => arg.name !== undefined)) {
      const entries = new Map(args.map((arg) => [arg.name!, { keyStart: arg.nameStart!, keyEnd: arg.nameStart! + arg.name!.length, node: arg.node }]));
      return objectNode(start, end, entries);
    }
    // Java: `ServiceAccountOptions.builder().name("x").namespace("y").build()`.
    if (/(?:\.builder|\.Builder\.create)$/.test(callee)) {
      const entries = new Map<string, { keyStart: number; keyEnd: number; node: CodeNode }>();
      for (;;) {
        const step = /^\s*\.\s*(\w+)\s*\(/.exec(this.text.slice(end, end + 200));
        if (!step) break;
        const stepOpen = end + step[0].length - 1;
        const stepArgs = this.arguments(stepOpen);
        const keyStart = end + step[0].indexOf(step[1]!);
        if (stepArgs.length === 1) entries.set(step[1]!, { keyStart, keyEnd: keyStart + step[1]!.length, node: stepArgs[0]!.node });
        end = this.closing(stepOpen) + 1;
      }
      return objectNode(start, end, entries);
    }
    return this.computed(start, end);
  }

  /** The arguments of the call whose `(` is at `open`. */
  arguments(open: number): CodeArgument[] {
    const close = this.closing(open);
    const args: CodeArgument[] = [];
    let at = this.skipSpace(open + 1);
    while (at < close) {
      const keyword = this.python ? /^(\w+)\s*=(?!=)/.exec(this.text.slice(at, at + 100)) : null;
      const node = this.value(keyword ? at + keyword[0].length : at);
      args.push(keyword ? { name: keyword[1]!, nameStart: at, node } : { node });
      at = this.skipSpace(this.expressionEnd(node.end));
      if (this.text[at] === ',') at = this.skipSpace(at + 1);
      else break;
    }
    return args;
  }

  private object(open: number): CodeNode {
    const close = this.closing(open);
    const entries = new Map<string, { keyStart: number; keyEnd: number; node: CodeNode }>();
    let at = this.skipSpace(open + 1);
    while (at < close) {
      const string = this.stringEnd(at);
      const identifier = string ? undefined : this.identifierPath(at);
      const keyEnd = string ? string.end : identifier && !identifier.path.includes('.') ? identifier.end : undefined;
      const separator = keyEnd === undefined ? -1 : this.skipSpace(keyEnd);
      if (keyEnd !== undefined && this.text[separator] === ':') {
        const key = string ? unescape(this.text.slice(at + string.quote.length, string.end - string.quote.length)) : fieldName(identifier!.path);
        const node = this.value(separator + 1);
        entries.set(key, { keyStart: at, keyEnd, node });
        at = this.skipSpace(this.expressionEnd(node.end));
      } else if (identifier && keyEnd !== undefined && (this.text[separator] === ',' || separator >= close)) {
        // A shorthand property (`{ cluster }`): the key is written, its value is the variable's.
        entries.set(identifier.path, { keyStart: at, keyEnd, node: this.computed(at, keyEnd) });
        at = separator;
      } else {
        // A spread, a computed key: nothing a literal says.
        at = this.skipSpace(this.expressionEnd(at));
      }
      if (this.text[at] === ',' || this.text[at] === ';') at = this.skipSpace(at + 1);
      else break;
    }
    return objectNode(open, close + 1, entries);
  }

  private list(open: number): CodeNode {
    const close = this.closing(open);
    const items: CodeNode[] = [];
    let at = this.skipSpace(open + 1);
    while (at < close) {
      const node = this.value(at);
      items.push(node);
      at = this.skipSpace(this.expressionEnd(node.end));
      if (this.text[at] === ',') at = this.skipSpace(at + 1);
      else break;
    }
    return { start: open, end: close + 1, value: items.map((item) => item.value), items };
  }
}

const keywords = new Map<string, { value: unknown }>([
  ['true', { value: true }],
  ['false', { value: false }],
  ['True', { value: true }],
  ['False', { value: false }],
  ['null', { value: null }],
  ['None', { value: null }],
  ['nil', { value: null }],
]);

/** Go's exported field names are capitalised (`Metadata`, `Annotations`): read as the Kubernetes field. */
function fieldName(key: string): string {
  return /^[A-Z][a-z]/.test(key) ? `${key[0]!.toLowerCase()}${key.slice(1)}` : key;
}

function objectNode(start: number, end: number, entries: ReadonlyMap<string, { keyStart: number; keyEnd: number; node: CodeNode }>): CodeNode {
  return { start, end, value: Object.fromEntries([...entries].map(([key, entry]) => [key, entry.node.value])), entries };
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, (_, char: string) => ({ n: '\n', t: '\t', r: '\r' })[char] ?? char);
}

/** The node at a path inside a node, as far as the path goes: the last node reached, and the key of the last step. */
export function nodeAt(root: CodeNode, path: readonly PathSegment[]): { node: CodeNode; key?: { start: number; end: number }; complete: boolean } {
  let node = root;
  let key: { start: number; end: number } | undefined;
  for (const segment of path) {
    const entry = typeof segment === 'string' ? node.entries?.get(segment) : undefined;
    const item = typeof segment === 'number' ? node.items?.[segment] : undefined;
    if (entry) {
      node = entry.node;
      key = { start: entry.keyStart, end: entry.keyEnd };
    } else if (item) {
      node = item;
      key = undefined;
    } else return { node, ...(key ? { key } : {}), complete: false };
  }
  return { node, ...(key ? { key } : {}), complete: true };
}

/** Positions in a file of code, from offsets. */
export class CodePositions {
  private readonly lines: LineIndex;

  constructor(
    readonly path: string,
    text: string,
  ) {
    this.lines = new LineIndex(text);
  }

  /** The position of a span of the text. */
  at(start: number, end: number): SourcePosition {
    const from = this.lines.position(start);
    const to = this.lines.position(Math.max(start, end));
    // A span over several lines is shown from its start to the end of that line.
    return { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column, lineText: this.lines.lineText(from.line) };
  }

  /** A locator of paths inside a node: the value, or the key when asked or when the path goes further than the code says. */
  locator(root: CodeNode, fallback: { start: number; end: number }): DocumentLocator {
    return {
      path: this.path,
      locate: (path, options?: LocateOptions) => {
        const { node, key, complete } = nodeAt(root, path);
        if (path.length === 0 || (!key && !complete)) return this.at(fallback.start, fallback.end);
        const span = key && (!complete || options?.target === 'key') ? key : (node.literal ?? node);
        return this.at(span.start, span.end);
      },
    };
  }
}
