import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { languageOf, type Language } from '../../src/code/languages.js';
import { maskComments } from '../../src/code/mask-comments.js';
import { readPackageJson } from '../../src/package-files.js';

const mask = (file: string, text: string): string => maskComments(text, languageOf(file)!);

describe('blanking comments in code', () => {
  it.each([
    ['a.js', 'const a = "//x"; // c\n/* b\r\nc */ x', 'const a = "//x";     \n    \r\n     x'],
    ['a.js', 'const u = `a\n// b` /* open', 'const u = `a\n// b`        '],
    ['a.js', 'const s = "a\\"//" // c', 'const s = "a\\"//"     '],
    ['a.go', 'x := `\\` // c', 'x := `\\`     '],
    ['a.py', 's = """a # b""" # c\nt = \'#\'', 's = """a # b"""    \nt = \'#\''],
    ['a.kt', 'val s = """\\""" // c', 'val s = """\\"""     '],
    ['a.rb', "x = 1\n=begin\nnote\n=end\ny = '#' # c", "x = 1\n      \n    \n    \ny = '#'    "],
    ['a.php', '$a = 1; # c\n$b = 2; // d', '$a = 1;    \n$b = 2;     '],
    ['a.sh', 'echo $#a a#b # c', 'echo $#a a#b    '],
    ['a.sh', "echo 'a\\' # c", "echo 'a\\'    "],
    ['Dockerfile', '# c\n  # d\nRUN echo # e', '   \n     \nRUN echo # e'],
    ['a.ini', '; c\nkey = a ; b', '   \nkey = a ; b'],
    ['a.yaml', 'a: b#c # d\n"#": 1', 'a: b#c    \n"#": 1'],
    ['a.json', '{"a": "//b"}', '{"a": "//b"}'],
    ['a.js', 'const é = "ü"; // ä\n', 'const é = "ü";     \n'],
  ])('%s: %j', (file, text, masked) => {
    expect(mask(file, text)).toBe(masked);
  });
});

describe('blanking comments in any text', () => {
  const { languages } = readPackageJson<{ languages: Language[] }>('data', 'languages.json');

  it.each(languages.map((entry) => [entry.name, entry] as const))('%s: keeps every offset and line break, and changes only comment characters to spaces', (_, entry) => {
    const language = languageOf(`file${entry.extensions[0]}`)!;
    expect(language.name).toBe(entry.name);
    // Texts made of the language's own tokens, escapes, line breaks and plain characters.
    const pieces = [...entry.quotes, ...entry.blockComments.flat(), ...entry.lineComments, '\\', '\n', '\r', '\r\n', ' ', '\t', 'a', 'é', '😀', 'sts.amazonaws.com'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const masked = maskComments(text, language);
        expect(masked.length).toBe(text.length);
        for (let i = 0; i < text.length; i++) {
          if (masked[i] === text[i]) continue;
          expect(masked[i]).toBe(' ');
          expect(text[i]).not.toMatch(/[\r\n]/);
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it.each(languages.map((entry) => [entry.name, entry] as const))('%s: blanks what a scan a character at a time blanks', (_, entry) => {
    const language = languageOf(`file${entry.extensions[0]}`)!;
    const pieces = [...entry.quotes, ...entry.blockComments.flat(), ...entry.lineComments, '\\', '\n', '\r', ' ', '\t', 'a', '=', '#'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(maskComments(text, language)).toBe(blankedOneByOne(text, language));
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('returns a text in which no token starts as it is', () => {
    const text = 'const a = 1;\r\nlet b = a + 2;\n';
    expect(maskComments(text, languageOf('a.js')!)).toBe(text);
  });
});

/**
 * Comments blanked by a scan that looks at one character at a time: at each, the first token
 * (quotes longest first, then block comments, then line comments) that starts there, as
 * `maskComments` tries them.
 */
function blankedOneByOne(text: string, language: Language): string {
  const raw = new Set(language.rawQuotes ?? []);
  const quotes = [...language.quotes].sort((a, b) => b.length - a.length);
  const isBreak = (at: number) => text[at] === '\n' || text[at] === '\r';
  const out = [...text];
  const blank = (from: number, to: number) => {
    for (let at = from; at < to; at++) if (!isBreak(at)) out[at] = ' ';
  };
  let i = 0;
  scan: while (i < text.length) {
    for (const quote of quotes) {
      if (!text.startsWith(quote, i)) continue;
      const untilLineEnd = quote.length === 1 && quote !== '`';
      i += quote.length;
      while (i < text.length) {
        if (!raw.has(quote) && text[i] === '\\') i += 2;
        else if (text.startsWith(quote, i)) {
          i += quote.length;
          continue scan;
        } else if (untilLineEnd && isBreak(i)) continue scan;
        else i++;
      }
      continue scan;
    }
    for (const [open, close] of language.blockComments) {
      if (!text.startsWith(open, i)) continue;
      const end = text.indexOf(close, i + open.length);
      const to = end < 0 ? text.length : end + close.length;
      blank(i, to);
      i = to;
      continue scan;
    }
    for (const marker of language.lineComments) {
      if (!text.startsWith(marker, i)) continue;
      const before = text.slice(0, i).split(/\r|\n/).pop()!;
      if (language.lineCommentsAtStartOnly && before.trim() !== '') continue;
      if (language.lineCommentsAfterSpaceOnly && i > 0 && !/[ \t\r\n]/.test(text[i - 1]!)) continue;
      let to = i;
      while (to < text.length && !isBreak(to)) to++;
      blank(i, to);
      i = to;
      continue scan;
    }
    i++;
  }
  return out.join('');
}
