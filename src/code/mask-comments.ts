import type { Language } from './languages.js';

const [lf, cr, space, tab, backslash] = [10, 13, 32, 9, 92];

function startsAt(text: string, index: number, token: string): boolean {
  return text.startsWith(token, index);
}

/**
 * The text with every comment blanked (each character a space, line breaks kept), so that
 * offsets, lines and columns stay as they were and no pattern can match inside a comment.
 * Strings are kept: a comment marker inside one (`"https://…"`) starts no comment.
 */
export function maskComments(text: string, language: Language): string {
  const { lineComments, blockComments, quotes } = language;
  const raw = new Set(language.rawQuotes ?? []);
  // Longer delimiters first, so that `"""` wins over `"`.
  const quoteList = [...quotes].sort((a, b) => b.length - a.length);
  const parts: string[] = [];
  let copiedUpTo = 0;
  let lineStart = true;
  const blank = (from: number, to: number): void => {
    parts.push(text.slice(copiedUpTo, from), text.slice(from, to).replace(/[^\r\n]/g, ' '));
    copiedUpTo = to;
  };
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === lf || code === cr) {
      lineStart = true;
      i++;
      continue;
    }
    const quote = quoteList.find((candidate) => startsAt(text, i, candidate));
    if (quote !== undefined) {
      i = endOfString(text, i + quote.length, quote, raw.has(quote));
      lineStart = false;
      continue;
    }
    const block = blockComments.find(([open]) => startsAt(text, i, open));
    if (block) {
      const close = text.indexOf(block[1], i + block[0].length);
      const end = close < 0 ? text.length : close + block[1].length;
      blank(i, end);
      i = end;
      lineStart = false;
      continue;
    }
    const previous = text.charCodeAt(i - 1);
    const wordStart = i === 0 || previous === space || previous === tab || previous === lf || previous === cr;
    const allowed = language.lineCommentsAtStartOnly ? lineStart : language.lineCommentsAfterSpaceOnly ? wordStart : true;
    if (allowed && lineComments.some((marker) => startsAt(text, i, marker))) {
      let end = i;
      while (end < text.length && text.charCodeAt(end) !== lf && text.charCodeAt(end) !== cr) end++;
      blank(i, end);
      i = end;
      continue;
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
  let i = from;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (!raw && code === backslash) {
      i += 2;
      continue;
    }
    if (text.startsWith(quote, i)) return i + quote.length;
    if (!multiline && (code === lf || code === cr)) return i;
    i++;
  }
  return i;
}
