/**
 * The HCL native syntax as Terraform writes it (`.tf`, `.tfvars`), parsed into a tree whose every
 * node keeps its source offsets, so that a finding can point at the attribute the user edits.
 * Nothing is evaluated here: see `evaluate.ts`.
 */

/** Offsets of a node in its file's text: `end` is exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A part of a template: literal text, an interpolation `${...}`, or a directive `%{...}` kept unread. */
export type TemplatePart = { kind: 'text'; text: string; span: Span } | { kind: 'interpolation'; expression: Expression; span: Span } | { kind: 'directive'; span: Span };

/** An HCL expression. */
export type Expression =
  | { type: 'literal'; value: string | number | boolean | null; span: Span }
  | { type: 'template'; parts: TemplatePart[]; span: Span; heredoc?: { content: Span } }
  | { type: 'variable'; name: string; span: Span }
  | { type: 'tuple'; items: Expression[]; span: Span }
  | { type: 'object'; items: Array<{ key: Expression; value: Expression }>; span: Span }
  | { type: 'call'; name: string; args: Expression[]; span: Span }
  | { type: 'attribute'; target: Expression; name: string; span: Span }
  | { type: 'index'; target: Expression; key: Expression; span: Span }
  | { type: 'splat'; target: Expression; span: Span }
  | { type: 'unary'; operator: string; operand: Expression; span: Span }
  | { type: 'binary'; operator: string; left: Expression; right: Expression; span: Span }
  | { type: 'conditional'; condition: Expression; then: Expression; else: Expression; span: Span }
  | { type: 'for'; keyName?: string; valueName: string; collection: Expression; key?: Expression; value: Expression; condition?: Expression; object: boolean; span: Span }
  | { type: 'parenthesis'; expression: Expression; span: Span };

/** `name = expression` in a body. */
export interface Attribute {
  readonly type: 'attribute';
  readonly name: string;
  readonly nameSpan: Span;
  readonly value: Expression;
}

/** `type "label" ... { body }`. */
export interface Block {
  readonly type: 'block';
  readonly blockType: string;
  readonly typeSpan: Span;
  readonly labels: ReadonlyArray<{ value: string; span: Span }>;
  readonly body: Body;
  readonly span: Span;
}

/** The attributes and blocks of a file or of a block, in the order written. */
export interface Body {
  readonly items: ReadonlyArray<Attribute | Block>;
}

/** HCL that does not parse: the reason and the offset it was found at. */
export class HclSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Deeper nesting than any real configuration has, kept well inside the JavaScript stack. */
const maxDepth = 200;

/** Binary operators by precedence, lowest first, as the HCL specification orders them. */
const precedence: ReadonlyArray<readonly string[]> = [['||'], ['&&'], ['==', '!='], ['<', '>', '<=', '>='], ['+', '-'], ['*', '/', '%']];
const operatorLevel = new Map(precedence.flatMap((operators, level) => operators.map((operator) => [operator, level] as const)));

const isIdentifierStart = (char: string | undefined): boolean => char !== undefined && /[\p{L}_]/u.test(char);
const isIdentifierPart = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}_-]/u.test(char);
const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9';

/**
 * Parses a whole HCL file: its body, and the syntax errors found. An attribute or block that does
 * not parse is reported and passed over up to the end of its line (or of its brackets), and the
 * rest of the file is still read, as a template with placeholders (`argocd_<NAME> = {...}`) often
 * breaks only one attribute.
 */
export function parseHcl(text: string): { body: Body; errors: HclSyntaxError[] } {
  const parser = new Parser(text);
  return { body: parser.file(), errors: parser.errors };
}

class Parser {
  private at = 0;
  /** Whether a newline ends the expression being read (a body or object item), or is blank (inside brackets). */
  private newlineEnds = true;
  private depth = 0;
  readonly errors: HclSyntaxError[] = [];

  constructor(private readonly text: string) {}

  file(): Body {
    return this.body(false);
  }

  private fail(message: string, offset = this.at): never {
    throw new HclSyntaxError(message, offset);
  }

  private enter(): void {
    if (++this.depth > maxDepth) this.fail(`nested more than ${maxDepth} levels deep`);
  }

  /** Skips blanks and comments; newlines too when `newlines` (else stops at one). */
  private skip(newlines = !this.newlineEnds): void {
    const text = this.text;
    while (this.at < text.length) {
      const char = text[this.at];
      if (char === ' ' || char === '\t' || char === '\r') this.at++;
      else if (char === '\n' && newlines) this.at++;
      else if (char === '#' || (char === '/' && text[this.at + 1] === '/')) {
        const end = text.indexOf('\n', this.at);
        this.at = end < 0 ? text.length : end;
      } else if (char === '/' && text[this.at + 1] === '*') {
        const end = text.indexOf('*/', this.at + 2);
        if (end < 0) this.fail('unterminated comment `/*`');
        this.at = end + 2;
      } else break;
    }
  }

  private peek(word: string): boolean {
    return this.text.startsWith(word, this.at);
  }

  private expect(word: string, what = `\`${word}\``): void {
    this.skip();
    if (!this.peek(word)) this.fail(`expected ${what}${this.at < this.text.length ? `, found \`${this.text[this.at]}\`` : ', found the end of the file'}`);
    this.at += word.length;
  }

  private identifier(): { value: string; span: Span } {
    const start = this.at;
    if (!isIdentifierStart(this.text[this.at])) this.fail(this.at < this.text.length ? `expected a name, found \`${this.text[this.at]}\`` : 'expected a name, found the end of the file');
    while (isIdentifierPart(this.text[this.at])) this.at++;
    return { value: this.text.slice(start, this.at), span: { start, end: this.at } };
  }

  /** Attributes and blocks up to `}` (inside a block) or the end of the text. */
  private body(inBlock: boolean): Body {
    const items: Array<Attribute | Block> = [];
    for (;;) {
      this.skip(true);
      if (this.at >= this.text.length || (inBlock && this.peek('}'))) return { items };
      const [start, newlineEnds, depth] = [this.at, this.newlineEnds, this.depth];
      try {
        const name = this.identifier();
        this.skip(false);
        if (this.peek('=') && !this.peek('==')) {
          this.at++;
          this.newlineEnds = true;
          const value = this.expression();
          items.push({ type: 'attribute', name: name.value, nameSpan: name.span, value });
        } else items.push(this.block(name));
        this.newlineEnds = newlineEnds;
        this.endOfLine();
      } catch (error) {
        if (!(error instanceof HclSyntaxError)) throw error;
        this.errors.push(error);
        [this.at, this.newlineEnds, this.depth] = [start, newlineEnds, depth];
        this.passOver(inBlock);
      }
    }
  }

  /**
   * Passes over an item that does not parse: to the end of its line, past any brackets it opens,
   * strings, comments and heredocs; inside a block, not past the block's closing `}`.
   */
  private passOver(inBlock: boolean): void {
    const text = this.text;
    let nesting = 0;
    while (this.at < text.length) {
      const char = text[this.at]!;
      if (char === '\n' && nesting === 0) return;
      if (char === '"') {
        this.at++;
        while (this.at < text.length && text[this.at] !== '"' && text[this.at] !== '\n') this.at += text[this.at] === '\\' ? 2 : 1;
      } else if (char === '#' || (char === '/' && text[this.at + 1] === '/')) {
        const end = text.indexOf('\n', this.at);
        this.at = end < 0 ? text.length : end;
        continue;
      } else if (char === '/' && text[this.at + 1] === '*') {
        const end = text.indexOf('*/', this.at + 2);
        this.at = end < 0 ? text.length : end + 1;
      } else if (this.peek('<<')) {
        const marker = /^<<-?([\p{L}_][\p{L}\p{N}_-]*)[ \t]*\r?\n/u.exec(text.slice(this.at, this.at + 256));
        if (marker) {
          const close = new RegExp(`\\n[ \\t]*${marker[1]}[ \\t]*(?:\\r?\\n|$)`).exec(text.slice(this.at));
          this.at = close ? this.at + close.index + close[0].trimEnd().length : text.length;
          continue;
        }
      } else if (char === '{' || char === '(' || char === '[') nesting++;
      else if (char === '}' || char === ')' || char === ']') {
        if (nesting === 0 && char === '}' && inBlock) return;
        nesting = Math.max(0, nesting - 1);
      }
      this.at++;
    }
  }

  /** After an attribute or a one-line block: a newline, a comment, `}` or the end. */
  private endOfLine(): void {
    this.skip(false);
    if (this.at < this.text.length && this.text[this.at] !== '\n' && this.text[this.at] !== '}') this.fail(`unexpected \`${this.text[this.at]}\` after an attribute or block`);
  }

  private block(type: { value: string; span: Span }): Block {
    this.enter();
    const labels: Array<{ value: string; span: Span }> = [];
    for (;;) {
      this.skip(false);
      if (this.peek('"')) {
        const label = this.quoted();
        if (label.parts.some((part) => part.kind !== 'text')) this.fail('a block label cannot hold `${` or `%{`', label.span.start);
        labels.push({ value: label.parts.map((part) => (part.kind === 'text' ? part.text : '')).join(''), span: label.span });
      } else if (isIdentifierStart(this.text[this.at])) labels.push(this.identifier());
      else break;
    }
    this.expect('{', `\`=\` or \`{\` after \`${type.value}\``);
    const saved = this.newlineEnds;
    this.newlineEnds = true;
    const body = this.body(true);
    this.newlineEnds = saved;
    this.expect('}', `\`}\` to close block \`${type.value}\``);
    this.depth--;
    return { type: 'block', blockType: type.value, typeSpan: type.span, labels, body, span: { start: type.span.start, end: this.at } };
  }

  /** An expression with `newlineEnds` as the context sets it. */
  private expression(): Expression {
    this.enter();
    const condition = this.binary(0);
    this.skip();
    let result = condition;
    if (this.peek('?')) {
      this.at++;
      const then = this.expression();
      this.expect(':', '`:` of a conditional');
      const otherwise = this.expression();
      result = { type: 'conditional', condition, then, else: otherwise, span: { start: condition.span.start, end: otherwise.span.end } };
    }
    this.depth--;
    return result;
  }

  private operatorHere(): string | undefined {
    for (const operator of ['||', '&&', '==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '%']) {
      if (!this.peek(operator)) continue;
      // `<<` opens a heredoc, `=>` belongs to a for expression, `/*` and `//` are comments.
      if (operator === '<' && this.peek('<<')) return undefined;
      if (operator === '/' && (this.peek('//') || this.peek('/*'))) return undefined;
      return operator;
    }
    return undefined;
  }

  /** Binary operators by precedence climbing, left-associative. */
  private binary(minimum: number): Expression {
    let left = this.unary();
    for (;;) {
      this.skip();
      const operator = this.operatorHere();
      const level = operator === undefined ? undefined : operatorLevel.get(operator);
      if (operator === undefined || level === undefined || level < minimum) return left;
      this.at += operator.length;
      const right = this.binary(level + 1);
      left = { type: 'binary', operator, left, right, span: { start: left.span.start, end: right.span.end } };
    }
  }

  private unary(): Expression {
    this.skip();
    const start = this.at;
    if (this.peek('!') || (this.peek('-') && !this.peek('->'))) {
      const operator = this.text[this.at]!;
      this.at++;
      this.enter();
      const operand = this.unary();
      this.depth--;
      return { type: 'unary', operator, operand, span: { start, end: operand.span.end } };
    }
    return this.postfix(this.primary());
  }

  /** Attribute access, indexes and splats after a value. */
  private postfix(target: Expression): Expression {
    let result = target;
    for (;;) {
      const before = this.at;
      this.skip();
      if (this.peek('.*') || this.peek('[*]')) {
        this.at += this.peek('.*') ? 2 : 3;
        result = { type: 'splat', target: result, span: { start: result.span.start, end: this.at } };
      } else if (this.peek('.') && !this.peek('...')) {
        this.at++;
        this.skip(false);
        if (isDigit(this.text[this.at])) {
          const start = this.at;
          while (isDigit(this.text[this.at])) this.at++;
          const key: Expression = { type: 'literal', value: Number(this.text.slice(start, this.at)), span: { start, end: this.at } };
          result = { type: 'index', target: result, key, span: { start: result.span.start, end: this.at } };
        } else {
          const name = this.identifier();
          result = { type: 'attribute', target: result, name: name.value, span: { start: result.span.start, end: this.at } };
        }
      } else if (this.peek('[')) {
        this.at++;
        const key = this.bracketed(() => this.expression());
        this.expect(']', '`]` to close an index');
        result = { type: 'index', target: result, key, span: { start: result.span.start, end: this.at } };
      } else {
        this.at = before;
        return result;
      }
    }
  }

  /** Reads inside brackets, where newlines are blanks. */
  private bracketed<T>(read: () => T): T {
    const saved = this.newlineEnds;
    this.newlineEnds = false;
    try {
      return read();
    } finally {
      this.newlineEnds = saved;
    }
  }

  private primary(): Expression {
    this.skip();
    const start = this.at;
    const char = this.text[this.at];
    if (char === undefined) this.fail('expected a value, found the end of the file');
    if (char === '\n' || char === '\r') this.fail('expected a value, found the end of the line');
    if (char === '"') return this.quoted();
    if (this.peek('<<')) return this.heredoc();
    if (isDigit(char)) return this.number();
    if (char === '(') {
      this.at++;
      const expression = this.bracketed(() => this.expression());
      this.expect(')', '`)` to close a parenthesis');
      return { type: 'parenthesis', expression, span: { start, end: this.at } };
    }
    if (char === '[') return this.tuple();
    if (char === '{') return this.object();
    if (isIdentifierStart(char)) {
      const name = this.identifier();
      if (name.value === 'true' || name.value === 'false') return { type: 'literal', value: name.value === 'true', span: name.span };
      if (name.value === 'null') return { type: 'literal', value: null, span: name.span };
      if (this.peek('(') || this.peek('::')) return this.call(name);
      return { type: 'variable', name: name.value, span: name.span };
    }
    this.fail(`unexpected \`${char}\``);
  }

  private number(): Expression {
    const start = this.at;
    const match = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.at, this.at + 64))!;
    this.at += match[0].length;
    return { type: 'literal', value: Number(match[0]), span: { start, end: this.at } };
  }

  /** `name(args...)`, with provider functions `provider::p::f(...)`. */
  private call(name: { value: string; span: Span }): Expression {
    let full = name.value;
    while (this.peek('::')) {
      this.at += 2;
      full += `::${this.identifier().value}`;
    }
    this.expect('(');
    const args = this.bracketed(() => {
      const list: Expression[] = [];
      for (;;) {
        this.skip();
        if (this.peek(')')) return list;
        list.push(this.expression());
        this.skip();
        if (this.peek('...')) this.at += 3;
        this.skip();
        if (this.peek(',')) this.at++;
        else if (!this.peek(')')) this.fail('expected `,` or `)` in a function call');
      }
    });
    this.at++;
    return { type: 'call', name: full, args, span: { start: name.span.start, end: this.at } };
  }

  /** Whether a `for` expression opens here (`[for ...` / `{for ...`). */
  private forHere(): boolean {
    const saved = this.at;
    this.skip(true);
    const found = this.peek('for') && !isIdentifierPart(this.text[this.at + 3]);
    this.at = saved;
    return found;
  }

  private tuple(): Expression {
    const start = this.at;
    this.at++;
    this.enter();
    const result = this.bracketed((): Expression => {
      if (this.forHere()) return this.forExpression(start, false);
      const items: Expression[] = [];
      for (;;) {
        this.skip();
        if (this.peek(']')) break;
        items.push(this.expression());
        this.skip();
        if (this.peek(',')) this.at++;
        else if (!this.peek(']')) this.fail('expected `,` or `]` in a list');
      }
      this.at++;
      return { type: 'tuple', items, span: { start, end: this.at } };
    });
    this.depth--;
    return result;
  }

  private object(): Expression {
    const start = this.at;
    this.at++;
    this.enter();
    const saved = this.newlineEnds;
    let result: Expression;
    if (this.forHere()) result = this.bracketed(() => this.forExpression(start, true));
    else {
      const items: Array<{ key: Expression; value: Expression }> = [];
      // Items end at a newline or a comma; inside a value, brackets make newlines blank again.
      this.newlineEnds = true;
      for (;;) {
        this.skip(true);
        if (this.peek('}')) break;
        const key = this.objectKey();
        this.skip(false);
        if (this.peek('=') && !this.peek('==')) this.at++;
        else if (this.peek(':')) this.at++;
        else this.fail('expected `=` or `:` after an object key');
        const value = this.expression();
        items.push({ key, value });
        this.skip(false);
        if (this.peek(',')) this.at++;
        else if (!this.peek('\n') && !this.peek('}') && !this.peek('#') && !this.peek('//') && !this.peek('/*')) this.fail('expected a newline, `,` or `}` after an object item');
      }
      this.at++;
      result = { type: 'object', items, span: { start, end: this.at } };
    }
    this.newlineEnds = saved;
    this.depth--;
    return result;
  }

  /** A bare name is the key's own text, not a variable (`{ name = ... }`). */
  private objectKey(): Expression {
    const start = this.at;
    if (isIdentifierStart(this.text[this.at])) {
      const name = this.identifier();
      this.skip(false);
      if (this.peek('=') || this.peek(':')) return { type: 'literal', value: name.value, span: name.span };
      this.at = start;
    }
    return this.binary(0);
  }

  /** `[for k, v in coll : value if cond]` or `{for k, v in coll : key => value... if cond}`. */
  private forExpression(start: number, object: boolean): Expression {
    this.skip();
    this.at += 3;
    this.skip();
    const first = this.identifier().value;
    this.skip();
    let keyName: string | undefined;
    let valueName = first;
    if (this.peek(',')) {
      this.at++;
      this.skip();
      keyName = first;
      valueName = this.identifier().value;
    }
    this.skip();
    if (!this.peek('in') || isIdentifierPart(this.text[this.at + 2])) this.fail('expected `in` in a for expression');
    this.at += 2;
    const collection = this.expression();
    this.expect(':', '`:` in a for expression');
    let key: Expression | undefined;
    let value = this.expression();
    if (object) {
      this.expect('=>', '`=>` in an object for expression');
      key = value;
      value = this.expression();
      this.skip();
      if (this.peek('...')) this.at += 3;
    }
    this.skip();
    let condition: Expression | undefined;
    if (this.peek('if') && !isIdentifierPart(this.text[this.at + 2])) {
      this.at += 2;
      condition = this.expression();
    }
    this.expect(object ? '}' : ']', `\`${object ? '}' : ']'}\` to close a for expression`);
    return { type: 'for', ...(keyName !== undefined ? { keyName } : {}), valueName, collection, ...(key ? { key } : {}), value, ...(condition ? { condition } : {}), object, span: { start, end: this.at } };
  }

  /** A quoted template `"..."`: escapes, `${...}` and `%{...}`. */
  private quoted(): Extract<Expression, { type: 'template' }> {
    const start = this.at;
    this.at++;
    const parts: TemplatePart[] = [];
    let text = '';
    let textStart = this.at;
    const flush = () => {
      if (text !== '') parts.push({ kind: 'text', text, span: { start: textStart, end: this.at } });
      text = '';
    };
    for (;;) {
      const char = this.text[this.at];
      if (char === undefined || char === '\n') this.fail('unterminated string: a quoted string must end on its line', start);
      if (char === '"') break;
      if (char === '\\') {
        const [value, length] = this.escape();
        text += value;
        this.at += length;
      } else if ((char === '$' || char === '%') && this.text[this.at + 1] === char && this.text[this.at + 2] === '{') {
        text += `${char}{`;
        this.at += 3;
      } else if ((char === '$' || char === '%') && this.text[this.at + 1] === '{') {
        flush();
        parts.push(this.templateSequence(char));
        textStart = this.at;
      } else {
        text += char;
        this.at++;
      }
    }
    flush();
    this.at++;
    return { type: 'template', parts, span: { start, end: this.at } };
  }

  private escape(): [string, number] {
    const next = this.text[this.at + 1];
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
    if (next !== undefined && Object.hasOwn(simple, next)) return [simple[next]!, 2];
    const digits = next === 'u' ? 4 : next === 'U' ? 8 : 0;
    const hex = this.text.slice(this.at + 2, this.at + 2 + digits);
    if (digits > 0 && /^[0-9a-fA-F]+$/.test(hex) && hex.length === digits) {
      const code = Number.parseInt(hex, 16);
      if (code <= 0x10ffff) return [String.fromCodePoint(code), 2 + digits];
    }
    this.fail(`invalid escape \`\\${next ?? ''}\` in a string`);
  }

  /** `${ expression }` or `%{ directive }` inside a template, with `~` strip markers. */
  private templateSequence(char: string): TemplatePart {
    const start = this.at;
    this.at += 2;
    if (this.peek('~')) this.at++;
    if (char === '%') {
      // Directives (`if`, `for`, `else`, `end...`) make the text unknown: skip to their `}`.
      let nesting = 0;
      for (; this.at < this.text.length; this.at++) {
        const current = this.text[this.at];
        if (current === '"') {
          this.quoted();
          this.at--;
        } else if (current === '{') nesting++;
        else if (current === '}' && nesting-- === 0) break;
      }
      if (this.at >= this.text.length) this.fail('unterminated template directive `%{`', start);
      this.at++;
      return { kind: 'directive', span: { start, end: this.at } };
    }
    const expression = this.bracketed(() => this.expression());
    this.skip(true);
    if (this.peek('~')) this.at++;
    this.expect('}', '`}` to close `${`');
    return { kind: 'interpolation', expression, span: { start, end: this.at } };
  }

  /** `<<EOF` ... `EOF` and `<<-EOF` (indented): a template with no backslash escapes. */
  private heredoc(): Expression {
    const start = this.at;
    this.at += 2;
    const indented = this.peek('-');
    if (indented) this.at++;
    const marker = this.identifier().value;
    const lineEnd = this.text.indexOf('\n', this.at);
    if (lineEnd < 0 || this.text.slice(this.at, lineEnd).trim() !== '') this.fail(`expected a newline after \`<<${indented ? '-' : ''}${marker}\``);
    const contentStart = lineEnd + 1;
    let lineStart = contentStart;
    let contentEnd = -1;
    while (lineStart <= this.text.length) {
      const end = this.text.indexOf('\n', lineStart);
      const line = this.text.slice(lineStart, end < 0 ? this.text.length : end).replace(/\r$/, '');
      if (line.trim() === marker) {
        contentEnd = lineStart;
        this.at = lineStart + line.indexOf(marker) + marker.length;
        break;
      }
      if (end < 0) break;
      lineStart = end + 1;
    }
    if (contentEnd < 0) this.fail(`unterminated heredoc: no line \`${marker}\` closes \`<<${indented ? '-' : ''}${marker}\``, start);
    const end = this.at;
    const parts = this.heredocParts(contentStart, contentEnd);
    return { type: 'template', parts, span: { start, end }, heredoc: { content: { start: contentStart, end: contentEnd } } };
  }

  /** The parts of a heredoc's content; its text is kept as written (indentation included). */
  private heredocParts(start: number, end: number): TemplatePart[] {
    const saved = this.at;
    const parts: TemplatePart[] = [];
    let textStart = start;
    this.at = start;
    while (this.at < end) {
      const char = this.text[this.at];
      if ((char === '$' || char === '%') && this.text[this.at + 1] === '{') {
        if (this.at > textStart) parts.push({ kind: 'text', text: this.text.slice(textStart, this.at), span: { start: textStart, end: this.at } });
        parts.push(this.templateSequence(char));
        textStart = this.at;
      } else this.at += (char === '$' || char === '%') && this.text[this.at + 1] === char && this.text[this.at + 2] === '{' ? 3 : 1;
    }
    if (end > textStart) parts.push({ kind: 'text', text: this.text.slice(textStart, end), span: { start: textStart, end } });
    this.at = saved;
    return parts;
  }
}
