import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extensionOf } from '../src/file-names.js';

describe('extensionOf', () => {
  it('is extname lowercased, for POSIX and Windows paths', () => {
    const cases = ['a.yaml', 'deploy/App.YML', '.bashrc', 'a/.gitignore', 'a.', 'a..b', '..', '...', 'a/..b', 'a.b/', 'a.b/c', 'C:.x', 'C:\\a.Json', 'a\\b.c', 'a.b\\c', 'x\\.bashrc', 'noext', ''];
    for (const paths of [path.posix, path.win32]) for (const file of cases) expect(extensionOf(file, paths), `${file}`).toBe(paths.extname(file).toLowerCase());
  });

  it('agrees with extname on any name made of dots, separators, colons and letters', () => {
    const name = fc.array(fc.constantFrom('.', '/', '\\', ':', 'a', 'B', 'yaml'), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(name, (file) => extensionOf(file, path.posix) === path.posix.extname(file).toLowerCase() && extensionOf(file, path.win32) === path.win32.extname(file).toLowerCase()),
      { numRuns: 20_000 },
    );
  });
});
