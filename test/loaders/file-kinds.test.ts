import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCodeFile, isDependencyManifest, languageOf } from '../../src/code/languages.js';
import { inspectRead, readSize } from '../../src/loaders/code-screen.js';
import { isProgram } from '../../src/loaders/declared/markers.js';
import { discoverFiles } from '../../src/loaders/discover-files.js';
import { fileKind, readKind, type CodeKind } from '../../src/loaders/file-kinds.js';
import { isManifestFile } from '../../src/loaders/manifest-files.js';
import { makeTree } from '../helpers.js';

// A file's kind is worked out once, as discovery finds it, and what reads the file takes it from
// there: it must answer as the tests of the path it replaces would.

const part = fc.constantFrom('', '.', '/', 'a', 'src', 'test/', 'fixtures/', 'Dockerfile', '.env', 'package.json', 'requirements-dev.txt', 'x.csproj', 'main.go', 'app.test.ts', 'lib.py', 'stack.ts', 'values.yaml', 'values.yaml.gotmpl', 'app.JSON', 'aws_config', 'main.tf', 'README.md', 'Gemfile');
const somePath = fc.array(part, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

describe('file kinds', () => {
  it('tell what the tests of a path tell, from the path or from the path and its name', () => {
    fc.assert(
      fc.property(somePath, (file) => {
        const base = path.posix.basename(file);
        const kind = fileKind(file);
        expect(fileKind(file, base)).toBe(kind);
        expect(kind.manifest).toBe(isManifestFile(file));
        if (!kind.manifest) {
          expect(kind.language).toBe(languageOf(file));
          expect(kind.dependencies).toBe(isDependencyManifest(file));
          expect(isProgram(file, kind.language ?? null)).toBe(isProgram(file));
        }
        expect(readKind(file, base)).toBe(isManifestFile(file) || isCodeFile(file) ? kind : undefined);
      }),
      { numRuns: 5_000 },
    );
  });

  it('are looked up by the name a walk gives, the same past the bound on names kept', () => {
    const ts = fileKind('src/app.ts');
    for (let index = 0; index < 50_010; index++) expect(fileKind(`src/f${index}.ts`, `f${index}.ts`)).toBe(ts);
    expect(fileKind('deploy/f1.yaml', 'f1.yaml')).toBe(fileKind('deploy/app.yaml'));
    expect(fileKind('a/f1.ts', 'f1.ts')).toBe(ts);
  });

  it('are one object for each kind', () => {
    expect(fileKind('a/app.ts')).toBe(fileKind('b/other.mts'));
    expect(fileKind('a/app.yaml')).toBe(fileKind('b/c.json'));
    expect(fileKind('a/app.ts')).not.toBe(fileKind('a/app.py'));
    expect(fileKind('svc/requirements.txt')).toEqual({ manifest: false, language: undefined, dependencies: true });
    expect(readKind('notes/README.md')).toBeUndefined();
    expect(Object.isFrozen(fileKind('a/app.ts'))).toBe(true);
  });

  it('screen bytes as a screen by the path alone does', () => {
    const content = fc.constantFrom('', 'const x = 1;\n', 'sts.amazonaws.com', 'legacy sts_regional_endpoints', 'new ServiceAccount(cdk)', 'releases:\n', 'eks.amazonaws.com/role-arn', '\u0000binary');
    // The bytes are read from one file; the screen is by the path given, not the file's.
    const read = path.join(makeTree({}), 'bytes');
    fc.assert(
      fc.property(somePath, fc.array(content, { maxLength: 4 }), (file, parts) => {
        const kind = fileKind(file);
        if (kind.manifest) return;
        writeFileSync(read, parts.join('\n'));
        const size = readSize(read, 1 << 20);
        expect(inspectRead(file, size, kind as CodeKind)).toEqual(inspectRead(file, size));
      }),
      { numRuns: 2_000 },
    );
  });

  it('are kept with the files a walk finds, and a file named on the command line has its own or none', async () => {
    const root = makeTree({ 'deploy/app.yaml': 'kind: Pod\n', 'src/app.ts': '', 'src/go.mod': '', 'notes.md': '' });
    const wanted = (file: string) => readKind(file);
    const walked = await discoverFiles(['.'], { root, ignorePaths: [], ignoreFolder: '.', wanted });
    expect(walked.files.map((file) => [file.path, file.kind])).toEqual([
      ['deploy/app.yaml', fileKind('deploy/app.yaml')],
      ['src/app.ts', fileKind('src/app.ts')],
      ['src/go.mod', fileKind('src/go.mod')],
    ]);
    const named = await discoverFiles(['notes.md', 'src/app.ts'], { root, ignorePaths: [], ignoreFolder: '.', wanted });
    expect(named.files.map((file) => [file.path, file.kind])).toEqual([
      ['notes.md', undefined],
      ['src/app.ts', fileKind('src/app.ts')],
    ]);
  });
});
