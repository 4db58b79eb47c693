import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { isCodeFile, isDependencyManifest, isTestCode, languageOf } from '../../src/code/languages.js';
import { repoRoot } from '../helpers.js';

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

  it('matches a file name by any of the table\'s patterns, as each pattern alone does', () => {
    const table = JSON.parse(readFileSync(path.join(repoRoot, 'data', 'languages.json'), 'utf8')) as {
      dependencyManifests: string[];
      dependencyManifestPatterns: string[];
      testCode: { folders: string[]; fileNamePatterns: string[] };
    };
    const part = fc.constantFrom('requirements', '-dev', '.txt', '.csproj', 'app', '_test', '.go', '.test', '.spec', '.ts', '.', 'x', 'package.json', 'tests/', 'src/');
    const file = fc.array(part, { maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(file, (each) => {
        const base = path.posix.basename(each);
        const anyOf = (patterns: string[], text: string) => patterns.some((pattern) => new RegExp(pattern).test(text));
        expect(isDependencyManifest(each), each).toBe(table.dependencyManifests.includes(base) || anyOf(table.dependencyManifestPatterns, base));
        const inFolder = each.split('/').slice(0, -1).some((folder) => table.testCode.folders.includes(folder));
        expect(isTestCode(each), each).toBe(inFolder || anyOf(table.testCode.fileNamePatterns, each.slice(each.lastIndexOf('/') + 1)));
      }),
      { numRuns: 3_000 },
    );
  });

  it('tells test code by the folders of a path asked before as by those of a new one', () => {
    // Asked folder by folder, as a scan asks, then back and forth.
    const asked = ['tests/a.ts', 'tests/b.ts', 'tests/c.test.ts', 'src/tests/d.ts', 'src/tests/e.ts', 'src/f.ts', 'src/g.spec.ts', 'src/h.ts', 'tests/i.ts', 'src/j.ts', 'k.ts', 'k_test.go', 'testsx/l.ts', 'x/tests/', 'x/tests/m.ts'];
    expect(asked.map((file) => isTestCode(file))).toEqual([true, true, true, true, true, false, true, false, true, false, false, true, false, true, true]);
  });

  it('names a few by their name alone', () => {
    expect(languageOf('infra/Dockerfile.dev')?.name).toBe('dockerfile');
    expect(languageOf('a/b/')).toBe(languageOf('a/b'));
    expect(isDependencyManifest('svc/requirements-dev.txt')).toBe(true);
    expect(isCodeFile('notes/README')).toBe(false);
  });
});
