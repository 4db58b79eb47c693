import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isManifestFile, manifestExtensions } from '../../src/loaders/manifest-files.js';
import { isKustomization } from '../../src/loaders/kustomize.js';

// isManifestFile and isKustomization tell most paths apart by their last character before they
// cut a name or an ending out of them: held here to the plain definitions on paths made of the
// characters that matter (dots, separators, the endings' letters in both cases).

const pathCharacter = fc.constantFrom(...'./\\aymlAYMLjsonJSONtpfTPFkKuszizaio');
const somePath = fc.oneof(
  fc.array(pathCharacter, { maxLength: 24 }).map((characters) => characters.join('')),
  fc
    .tuple(fc.constantFrom('', 'a/', 'a/b.c/', './'), fc.constantFrom('x', 'kustomization', 'Kustomization', 'values', '.yaml'), fc.constantFrom('', '.yaml', '.YML', '.json', '.tpl', '.tftpl', '.yaml.gotmpl', '.js'), fc.constantFrom('', '/', '//', '\\'))
    .map((parts) => parts.join('')),
);

describe('file endings', () => {
  it('isManifestFile answers as the ending path.extname gives, in lower case', () => {
    fc.assert(
      fc.property(somePath, (file) => {
        expect(isManifestFile(file), file).toBe(manifestExtensions.has(path.extname(file).toLowerCase()));
      }),
      { numRuns: 3000 },
    );
    expect(isManifestFile('deploy/app.YAML')).toBe(true);
    expect(isManifestFile('deploy/app.yaml/')).toBe(true);
    expect(isManifestFile('src/app.js')).toBe(false);
  });

  it('isKustomization answers as the name path.posix.basename gives', () => {
    fc.assert(
      fc.property(somePath, (file) => {
        expect(isKustomization(file), file).toBe(['kustomization.yaml', 'kustomization.yml', 'Kustomization'].includes(path.posix.basename(file)));
      }),
      { numRuns: 3000 },
    );
    expect(isKustomization('overlays/prod/kustomization.yaml')).toBe(true);
    expect(isKustomization('overlays/prod/Kustomization/')).toBe(true);
  });
});
