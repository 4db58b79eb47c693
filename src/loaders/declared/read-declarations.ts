import { declarationReaders } from './readers.js';
import { addReleaseObjects } from './release-objects.js';
import { escapeRegExp } from '../../text.js';
import type { DeclarationReader, Declarations, RepositoryView } from '../../model/declared.js';

/** Declarations with nothing in them yet. */
export function emptyDeclarations(): Declarations {
  return { releases: [], objects: [], clusters: [], unanalysed: [], errors: [] };
}

/**
 * Loads what the readers need to read the given files (`DeclarationReader.prepare`), or, with no
 * files, what every reader may need: for scans of texts in memory, which cannot wait for it.
 */
export async function prepareDeclarations(
  files?: ReadonlyArray<{ path: string; text?: string }>,
  readers: readonly DeclarationReader[] = declarationReaders,
): Promise<void> {
  for (const reader of readers) {
    if (!reader.prepare) continue;
    if (files === undefined || files.some((file) => file.text !== undefined && reader.wants(file.path, file.text))) await reader.prepare();
  }
}

/**
 * Whether each of a list of texts holds one of the texts the readers need (`DeclarationReader.needs`),
 * or one of `more`: one search of a text for all of them, at most, shared by whoever asks. Most
 * texts hold none, and are not asked of the readers.
 */
export class NeededTexts {
  private readonly pattern: RegExp;
  private readonly holds: Array<boolean | undefined> = [];

  constructor(
    private readonly files: ReadonlyArray<{ text: string }>,
    readers: readonly DeclarationReader[] = declarationReaders,
    more: readonly string[] = [],
  ) {
    this.pattern = new RegExp([...readers.flatMap((reader) => reader.needs?.texts ?? []), ...more].map(escapeRegExp).join('|') || '(?!)');
  }

  /** Whether the text at `index` holds one of the texts. */
  holdsAny(index: number): boolean {
    return (this.holds[index] ??= this.pattern.test(this.files[index]!.text));
  }
}

/**
 * What the declaration readers find among files already read: each reader is handed the files it
 * wants, in path order, and may look up any other file read (a values file an Argo CD Application
 * names) through the repository view, never on disk. The objects the Helm releases make are
 * added to the declared objects.
 */
export function readDeclarations(
  files: ReadonlyArray<{ path: string; text: string }>,
  readers: readonly DeclarationReader[] = declarationReaders,
  needed: NeededTexts = new NeededTexts(files, readers),
): Declarations {
  const declarations = emptyDeclarations();
  if (readers.length === 0) return declarations;
  const byPath = new Map(files.map((file) => [file.path, file.text]));
  const read = (declarations.read = new Set<string>());
  const repository: RepositoryView = {
    paths: [...byPath.keys()],
    text(path) {
      const text = byPath.get(path);
      if (text !== undefined) read.add(path);
      return text;
    },
  };
  const holdsNeeds = (_file: { text: string }, index: number): boolean => needed.holdsAny(index);
  for (const reader of readers) {
    const { needs } = reader;
    const wanted = files.filter(
      (file, index) =>
        (needs === undefined || (needs.paths(file.path) && holdsNeeds(file, index) && (needs.alongside?.some((text) => file.text.includes(text)) ?? true))) &&
        reader.wants(file.path, file.text),
    );
    if (wanted.length > 0) reader.read(wanted, repository, declarations);
  }
  addReleaseObjects(declarations, repository);
  return declarations;
}
