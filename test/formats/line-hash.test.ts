import { describe, expect, it } from 'vitest';
import { lineHashes } from '../../src/engine/line-hash.js';

// The test vectors of GitHub's own implementation (codeql-action, fingerprints.test.ts).
describe('primaryLocationLineHash', () => {
  it('hashes the empty file', () => {
    expect(lineHashes('').slice(1)).toEqual(['c129715d7a2bc9a3:1']);
  });

  it('skips spaces and tabs and reads every line', () => {
    expect(lineHashes(' a\nb\n  \t\tc\n d').slice(1)).toEqual([
      '271789c17abda88f:1',
      '54703d4cd895b18:1',
      '180aee12dab6264:1',
      'a23a3dc5e078b07b:1',
    ]);
  });

  it('counts equal hashes in the file', () => {
    expect(lineHashes('Lorem ipsum dolor sit amet.\n'.repeat(10)).slice(1)).toEqual([
      'a7f2ff13bc495cf2:1',
      'a7f2ff13bc495cf2:2',
      'a7f2ff13bc495cf2:3',
      'a7f2ff13bc495cf2:4',
      'a7f2ff13bc495cf2:5',
      'a7f2ff13bc495cf2:6',
      'a7f2ff1481e87703:1',
      'a9cf91f7bbf1862b:1',
      '55ec222b86bcae53:1',
      'cc97dc7b1d7d8f7b:1',
      'c129715d7a2bc9a3:1',
    ]);
  });

  it('reads CR and CRLF as LF', () => {
    const lf = lineHashes('a\nb\nc\n');
    expect(lineHashes('a\r\nb\r\nc\r\n')).toEqual(lf);
    expect(lineHashes('a\rb\rc\r')).toEqual(lf);
  });

  it('stops once the lines asked for are hashed, with the same values', () => {
    const text = 'x: 1\n'.repeat(50) + 'y: 2\n'.repeat(50);
    expect(lineHashes(text, 60).slice(1, 61)).toEqual(lineHashes(text).slice(1, 61));
  });
});
