import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCodeFile, isDependencyManifest, languageOf } from '../../src/code/languages.js';

describe('file names in the languages table', () => {
  it('reads a path as its name would be read: the walk gives the name, other callers the path', () => {
    const part = fc.constantFrom('', '.', '/', 'a', 'src', 'Dockerfile', 'Dockerfile.dev', '.env', '.env.prod', 'package.json', 'requirements-dev.txt', 'x.csproj', 'main.go', 'app.test.ts', 'values.yaml.gotmpl', 'aws_config', 'Gemfile');
    const file = fc.array(part, { maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(file, (each) => {
        const base = path.posix.basename(each);
        expect(languageOf(each)).toBe(languageOf(each, base));
        expect(isDependencyManifest(each)).toBe(isDependencyManifest(each, base));
        expect(isCodeFile(each)).toBe(isCodeFile(each, base));
      }),
      { numRuns: 5_000 },
    );
  });

  it('names a few by their name alone', () => {
    expect(languageOf('infra/Dockerfile.dev')?.name).toBe('dockerfile');
    expect(languageOf('a/b/')).toBe(languageOf('a/b'));
    expect(isDependencyManifest('svc/requirements-dev.txt')).toBe(true);
    expect(isCodeFile('notes/README')).toBe(false);
  });
});
