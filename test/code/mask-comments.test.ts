import { describe, expect, it } from 'vitest';
import { languageOf } from '../../src/code/languages.js';
import { maskComments } from '../../src/code/mask-comments.js';

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
