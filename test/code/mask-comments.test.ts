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

  it('returns a text in which no token starts as it is', () => {
    const text = 'const a = 1;\r\nlet b = a + 2;\n';
    expect(maskComments(text, languageOf('a.js')!)).toBe(text);
  });
});
