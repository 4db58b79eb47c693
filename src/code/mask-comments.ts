import type { Language } from './languages.js';

const [lf, cr, space, tab, backslash] = [10, 13, 32, 9, 92];

/** What a token opens: a string (raw: a backslash in it escapes nothing), or a comment. */
type Opens = 'string' | 'raw-string' | 'block-comment' | 'line-comment';

/** A token that opens a string or a comment, and what closes it (a block comment's end, a string's quote). */
interface Token {
  text: string;
  opens: Opens;
  close: string;
}

/**
 * A language's tokens by their first character, each list in the order they are tried: quotes
 * (longer first, so that `"""` wins over `"`), then block comments, then line comments. The main
 * loop looks up one character at a time and moves on at once where no token starts.
 */
interface TokenTable {
  byFirst: Map<number, Token[]>;
  /** For characters below 128: 1 where a token starts, so that most characters cost one array read. */
  starts: Uint8Array;
}

const tables = new WeakMap<Language, TokenTable>();

function tokenTable(language: Language): TokenTable {
  let table = tables.get(language);
  if (table) return table;
  const raw = new Set(language.rawQuotes ?? []);
  const tokens: Token[] = [
    ...[...language.quotes].sort((a, b) => b.length - a.length).map((quote) => ({ text: quote, opens: raw.has(quote) ? ('raw-string' as const) : ('string' as const), close: quote })),
    ...language.blockComments.map(([open, close]) => ({ text: open, opens: 'block-comment' as const, close })),
    ...language.lineComments.map((marker) => ({ text: marker, opens: 'line-comment' as const, close: '' })),
  ];
  table = { byFirst: new Map(), starts: new Uint8Array(128) };
  for (const token of tokens) {
    const first = token.text.charCodeAt(0);
    const list = table.byFirst.get(first);
    if (list) list.push(token);
    else table.byFirst.set(first, [token]);
    if (first < 128) table.starts[first] = 1;
  }
  tables.set(language, table);
  return table;
}

/** Spaces for every character of a stretch but line breaks, which are kept. */
function blanked(text: string, from: number, to: number): string {
  return text.slice(from, to).replace(/[^\r\n]/g, ' ');
}

/**
 * The text with every comment blanked (each character a space, line breaks kept), so that
 * offsets, lines and columns stay as they were and no pattern can match inside a comment.
 * Strings are kept: a comment marker inside one (`"https://…"`) starts no comment.
 */
export function maskComments(text: string, language: Language): string {
  const { byFirst, starts } = tokenTable(language);
  const { lineCommentsAtStartOnly, lineCommentsAfterSpaceOnly } = language;
  const parts: string[] = [];
  let copiedUpTo = 0;
  let lineStart = true;
  let i = 0;
  const length = text.length;
  scan: while (i < length) {
    const code = text.charCodeAt(i);
    if (code === lf || code === cr) {
      lineStart = true;
      i++;
      continue;
    }
    const candidates = code < 128 ? (starts[code] === 1 ? byFirst.get(code) : undefined) : byFirst.get(code);
    if (candidates !== undefined) {
      for (const token of candidates) {
        if (!text.startsWith(token.text, i)) continue;
        if (token.opens === 'string' || token.opens === 'raw-string') {
          i = endOfString(text, i + token.text.length, token.close, token.opens === 'raw-string');
          lineStart = false;
          continue scan;
        }
        if (token.opens === 'block-comment') {
          const close = text.indexOf(token.close, i + token.text.length);
          const end = close < 0 ? length : close + token.close.length;
          parts.push(text.slice(copiedUpTo, i), blanked(text, i, end));
          copiedUpTo = end;
          i = end;
          lineStart = false;
          continue scan;
        }
        const previous = text.charCodeAt(i - 1);
        const wordStart = i === 0 || previous === space || previous === tab || previous === lf || previous === cr;
        if (lineCommentsAtStartOnly ? lineStart : lineCommentsAfterSpaceOnly ? wordStart : true) {
          let end = i;
          while (end < length && text.charCodeAt(end) !== lf && text.charCodeAt(end) !== cr) end++;
          parts.push(text.slice(copiedUpTo, i), blanked(text, i, end));
          copiedUpTo = end;
          i = end;
          continue scan;
        }
      }
    }
    if (code !== space && code !== tab) lineStart = false;
    i++;
  }
  if (copiedUpTo === 0) return text;
  parts.push(text.slice(copiedUpTo));
  return parts.join('');
}

/** The index just past a string's closing quote; a one-character quote ends at the line's end. */
function endOfString(text: string, from: number, quote: string, raw: boolean): number {
  const multiline = quote.length > 1 || quote === '`';
  const first = quote.charCodeAt(0);
  let i = from;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (!raw && code === backslash) {
      i += 2;
      continue;
    }
    if (code === first && text.startsWith(quote, i)) return i + quote.length;
    if (!multiline && (code === lf || code === cr)) return i;
    i++;
  }
  return i;
}
