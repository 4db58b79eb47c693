import { describe, expect, it } from 'vitest';
import { readDeclarations } from '../../src/loaders/declared/read-declarations.js';
import type { DeclarationReader } from '../../src/model/declared.js';

/** A reader that records which files it was asked about and handed. */
function recordingReader(needs: DeclarationReader['needs']): DeclarationReader & { asked: string[]; handed: string[] } {
  const reader = {
    kind: 'argocd' as const,
    asked: [] as string[],
    handed: [] as string[],
    ...(needs ? { needs } : {}),
    wants: (path: string, text: string) => {
      reader.asked.push(path);
      return text.includes('wanted');
    },
    read: (files: ReadonlyArray<{ path: string }>) => {
      reader.handed.push(...files.map((file) => file.path));
    },
  };
  return reader;
}

describe('readDeclarations', () => {
  const files = [
    { path: 'a.yaml', text: 'kind: Thing # wanted' },
    { path: 'b.yaml', text: 'marker, wanted' },
    { path: 'c.ts', text: 'marker, wanted' },
    { path: 'd.yaml', text: 'marker' },
  ];

  it('asks a reader with needs only about files of its paths that hold one of its texts', () => {
    const gated = recordingReader({ paths: (path) => path.endsWith('.yaml'), texts: ['marker', 'other'] });
    readDeclarations(files, [gated]);
    expect(gated.asked).toEqual(['b.yaml', 'd.yaml']);
    expect(gated.handed).toEqual(['b.yaml']);
  });

  it('asks a reader without needs about every file', () => {
    const open = recordingReader(undefined);
    readDeclarations(files, [open]);
    expect(open.asked).toEqual(['a.yaml', 'b.yaml', 'c.ts', 'd.yaml']);
    expect(open.handed).toEqual(['a.yaml', 'b.yaml', 'c.ts']);
  });
});
