import type { Language } from './languages.js';

const [lf, cr, space, tab, backslash] = [10, 13, 32, 9, 92];

/** What a token opens: a string (raw: a backslash in it escapes nothing), or a comment. */
type Opens = 'string' | 'raw-string' | 'block-comment' | 'line-comment';

/** A token that opens a string or a comment, and what closes it (a block comment's end, a string's quote). */
interface Token {
  text: string;
  opens: Opens;
  close: string;
  /**
   * In a string, the characters {@link endOfString} stops at (global: searched from its
   * `lastIndex`): the quote's first, a backslash unless the string is raw, and line breaks where
   * the string ends at the line's end.
   */
  stops?: RegExp;
}

/** Line breaks (global: searched from its `lastIndex`). */
const lineBreak = /[\n\r]/g;

/** Whether a string opened by `quote` goes on past a line's end: one of more than one character, or a backtick. */
const multiline = (quote: string): boolean => quote.length > 1 || quote === '`';

/** The stops of a string opened by `quote`: see {@link Token.stops}. */
function stopsOf(quote: string, raw: boolean): RegExp {
  const code = (character: number) => `\\u${character.toString(16).padStart(4, '0')}`;
  return new RegExp(`[${code(quote.charCodeAt(0))}${raw ? '' : code(backslash)}${multiline(quote) ? '' : code(lf) + code(cr)}]`, 'g');
}

/**
 * A language's tokens by their first character, each list in the order they are tried: quotes
 * (longer first, so that `"""` wins over `"`), then block comments, then line comments. The main
 * loop finds the next character that starts a token with one pattern search, which skips the
 * characters between natively.
 */
interface TokenTable {
  byFirst: Map<number, Token[]>;
  /** Any character that starts a token (global: searched from its `lastIndex`). */
  nextStart: RegExp;
}

const tables = new WeakMap<Language, TokenTable>();

function tokenTable(language: Language): TokenTable {
  let table = tables.get(language);
  if (table) return table;
  const raw = new Set(language.rawQuotes ?? []);
  const tokens: Token[] = [
    ...[...language.quotes].sort((a, b) => b.length - a.length).map((quote) => ({ text: quote, opens: raw.has(quote) ? ('raw-string' as const) : ('string' as const), close: quote, stops: stopsOf(quote, raw.has(quote)) })),
    ...language.blockComments.map(([open, close]) => ({ text: open, opens: 'block-comment' as const, close })),
    ...language.lineComments.map((marker) => ({ text: marker, opens: 'line-comment' as const, close: '' })),
  ];
  const byFirst = new Map<number, Token[]>();
  for (const token of tokens) {
    const first = token.text.charCodeAt(0);
    const list = byFirst.get(first);
    if (list) list.push(token);
    else byFirst.set(first, [token]);
  }
  const characters = [...byFirst.keys()].map((code) => `\\u${code.toString(16).padStart(4, '0')}`).join('');
  table = { byFirst, nextStart: new RegExp(characters ? `[${characters}]` : '(?!)', 'g') };
  tables.set(language, table);
  return table;
}

/**
 * Spaces for every character of a stretch but line breaks, which are kept: a run of spaces for
 * each line (a replacement of every character by a pattern costs ten times as much).
 */
function blanked(text: string, from: number, to: number): string {
  let blank = '';
  let start = from;
  for (;;) {
    lineBreak.lastIndex = start;
    if (!lineBreak.test(text) || lineBreak.lastIndex > to) break;
    const at = lineBreak.lastIndex - 1;
    blank += ' '.repeat(at - start) + text[at];
    start = at + 1;
  }
  return blank + ' '.repeat(to - start);
}

/**
 * The text with every comment blanked (each character a space, line breaks kept), so that
 * offsets, lines and columns stay as they were and no pattern can match inside a comment.
 * Strings are kept: a comment marker inside one (`"https://…"`) starts no comment.
 */
export function maskComments(text: string, language: Language): string {
  const { byFirst, nextStart } = tokenTable(language);
  const { lineCommentsAtStartOnly, lineCommentsAfterSpaceOnly } = language;
  const parts: string[] = [];
  let copiedUpTo = 0;
  let i = 0;
  const length = text.length;
  scan: while (i < length) {
    nextStart.lastIndex = i;
    if (!nextStart.test(text)) break;
    i = nextStart.lastIndex - 1;
    // By index: a `for…of` loop makes an iterator each step until V8's last compiler takes it.
    const tokens = byFirst.get(text.charCodeAt(i))!;
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]!;
      if (!text.startsWith(token.text, i)) continue;
      if (token.stops) {
        i = endOfString(text, i + token.text.length, token.close, token.opens === 'raw-string', token.stops);
        continue scan;
      }
      if (token.opens === 'block-comment') {
        const close = text.indexOf(token.close, i + token.text.length);
        const end = close < 0 ? length : close + token.close.length;
        parts.push(text.slice(copiedUpTo, i), blanked(text, i, end));
        copiedUpTo = end;
        i = end;
        continue scan;
      }
      if (lineCommentsAtStartOnly ? atLineStart(text, i) : lineCommentsAfterSpaceOnly ? afterSpace(text, i) : true) {
        lineBreak.lastIndex = i;
        const end = lineBreak.test(text) ? lineBreak.lastIndex - 1 : length;
        parts.push(text.slice(copiedUpTo, i), ' '.repeat(end - i));
        copiedUpTo = end;
        i = end;
        continue scan;
      }
    }
    i++;
  }
  if (copiedUpTo === 0) return text;
  parts.push(text.slice(copiedUpTo));
  return parts.join('');
}

/** Whether only spaces and tabs come before an index on its line. */
function atLineStart(text: string, index: number): boolean {
  let before = index - 1;
  while (before >= 0 && (text.charCodeAt(before) === space || text.charCodeAt(before) === tab)) before--;
  return before < 0 || text.charCodeAt(before) === lf || text.charCodeAt(before) === cr;
}

/** Whether an index starts the text or follows a space, a tab or a line break. */
function afterSpace(text: string, index: number): boolean {
  const previous = text.charCodeAt(index - 1);
  return index === 0 || previous === space || previous === tab || previous === lf || previous === cr;
}

/**
 * The index just past a string's closing quote; a one-character quote ends at the line's end.
 * `stops`: the string's {@link Token.stops}, searched for natively between the characters it
 * passes over. A backslash (in a string that is not raw) escapes the character after it, even a
 * line break.
 */
function endOfString(text: string, from: number, quote: string, raw: boolean, stops: RegExp): number {
  const endsAtLineEnd = !multiline(quote);
  let i = from;
  while (i < text.length) {
    stops.lastIndex = i;
    if (!stops.test(text)) return text.length;
    i = stops.lastIndex - 1;
    const code = text.charCodeAt(i);
    if (!raw && code === backslash) {
      i += 2;
      continue;
    }
    if (code === quote.charCodeAt(0) && text.startsWith(quote, i)) return i + quote.length;
    if (endsAtLineEnd && (code === lf || code === cr)) return i;
    i++;
  }
  return i;
}
