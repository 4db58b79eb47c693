import { isDependencyManifest, languageOf, type Language } from '../code/languages.js';
import { isManifestFile } from './manifest-files.js';

/**
 * What a file's name tells of how a scan reads it, worked out once, as discovery finds the file.
 * Reading it takes the kind from there: the byte screens and the declaration readers' path tests
 * ran for every source file, and cut its name out of its path and tested it again each time.
 * One object for each kind, shared by the files of that kind.
 */
export type FileKind =
  /** Read as Kubernetes manifests (YAML or JSON), whatever else its name says. */
  { readonly manifest: true } | CodeKind;

/** The kind of a source or config file: any file not read as manifests. */
export interface CodeKind {
  readonly manifest: false;
  /** Its language, by its name. */
  readonly language: Language | undefined;
  /** A dependency manifest (`requirements.txt`, `go.mod` …), read whatever it holds. */
  readonly dependencies: boolean;
}

const manifestKind: FileKind = Object.freeze({ manifest: true });

/** The kinds of source and config files: by language (none for a file in no language), without and with dependencies. */
const otherKinds = new Map<Language | undefined, readonly [CodeKind, CodeKind]>();

/**
 * Kinds by the names a walk gives: a file's kind is its name's, and a tree repeats its names
 * (`index.ts`, `package.json`), so most files are one lookup. Started again past a bound.
 */
const kindsByName = new Map<string, FileKind>();
const namesKept = 50_000;

/**
 * The kind of any file, read or not: a file named on the command line is scanned whatever it is.
 * @param name its name, when the caller has it (a walk): the kind is then looked up by it.
 */
export function fileKind(file: string, name?: string): FileKind {
  if (name === undefined) return kindOf(file);
  let kind = kindsByName.get(name);
  if (kind === undefined) {
    kind = kindOf(file, name);
    if (kindsByName.size >= namesKept) kindsByName.clear();
    kindsByName.set(name, kind);
  }
  return kind;
}

function kindOf(file: string, name?: string): FileKind {
  if (isManifestFile(file)) return manifestKind;
  const language = languageOf(file, name);
  let kinds = otherKinds.get(language);
  if (kinds === undefined) {
    kinds = [Object.freeze({ manifest: false, language, dependencies: false }), Object.freeze({ manifest: false, language, dependencies: true })];
    otherKinds.set(language, kinds);
  }
  return kinds[isDependencyManifest(file, name) ? 1 : 0];
}

/**
 * The kind of a file a scan reads, by its path and, when the caller has it, its name: a manifest,
 * a source or config file in a language it knows, or a dependency manifest. Undefined for any other.
 */
export function readKind(file: string, name?: string): FileKind | undefined {
  const kind = fileKind(file, name);
  return kind.manifest || kind.language !== undefined || kind.dependencies ? kind : undefined;
}
