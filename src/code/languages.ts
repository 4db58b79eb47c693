import path from 'node:path';
import { readPackageJson } from '../package-files.js';
import { escapeRegExp } from '../text.js';
import { extensionOf } from '../file-names.js';

/** How a kind of file writes comments and strings (`data/languages.json`). */
export interface Language {
  name: string;
  extensions: string[];
  names?: string[];
  namePrefixes?: string[];
  /** Patterns of whole file names, for files without an ending such as `mock_shared_config`. */
  namePatterns?: string[];
  lineComments: string[];
  /** Line comments count only where nothing but blanks precedes them on the line. */
  lineCommentsAtStartOnly?: boolean;
  /** Line comments count only at the start of a word (shell: `$#` and `a#b` are not comments). */
  lineCommentsAfterSpaceOnly?: boolean;
  blockComments: Array<[string, string]>;
  quotes: string[];
  /** Quotes inside which a backslash escapes nothing. */
  rawQuotes?: string[];
  /** The info string of its Markdown code fences, when it is not `name`. */
  fence?: string;
  /** Fence info strings of file endings that are a dialect of their own (TypeScript in `javascript`). */
  fenceByExtension?: Record<string, string>;
}

interface LanguageTable {
  languages: Language[];
  testCode: { folders: string[]; fileNamePatterns: string[] };
  dependencyManifests: string[];
  dependencyManifestPatterns: string[];
}

const table = readPackageJson<LanguageTable>('data', 'languages.json');
const byExtension = new Map<string, Language>();
const byName = new Map<string, Language>();
for (const language of table.languages) {
  for (const extension of language.extensions) byExtension.set(extension, language);
  for (const name of language.names ?? []) byName.set(name, language);
}
const patterns = new Map(table.languages.map((language) => [language, (language.namePatterns ?? []).map((pattern) => new RegExp(pattern))]));
/** Matches a file name that some language's name prefix or pattern matches. */
const anyNameRule = new RegExp(
  table.languages.flatMap((language) => [...(language.namePrefixes ?? []).map((prefix) => `^${escapeRegExp(prefix)}`), ...(language.namePatterns ?? []).map((pattern) => `(?:${pattern})`)]).join('|') || '(?!)',
);
const dependencyNames = new Set(table.dependencyManifests);
/**
 * A list of patterns as one, which matches where any of them does: these run for every file found,
 * and one search costs about as much as each of several.
 */
const anyOf = (patterns: readonly string[]): RegExp => new RegExp(patterns.map((pattern) => `(?:${pattern})`).join('|') || '(?!)');
const dependencyPattern = anyOf(table.dependencyManifestPatterns);
/** A path with a test folder among its folders (not its file name). */
const inTestFolder = new RegExp(`(?:^|/)(?:${table.testCode.folders.map(escapeRegExp).join('|') || '(?!)'})/`);
const testFileName = anyOf(table.testCode.fileNamePatterns);

/** `path.posix.basename`, without its walk over the path for the usual one that does not end in a slash. */
function baseName(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < file.length - 1 ? file.slice(slash + 1) : path.posix.basename(file);
}

/**
 * The language of a file, by its name; undefined for files the code scanner does not read.
 * @param base the file's name, when the caller has it (a folder walk).
 */
export function languageOf(file: string, base = baseName(file)): Language | undefined {
  const named = byName.get(base);
  if (named) return named;
  // Most names match no language's prefix or pattern: one test tells, before each is tried in turn.
  if (!anyNameRule.test(base)) return byExtension.get(extensionOf(base, path.posix));
  for (const language of table.languages) {
    if (language.namePrefixes?.some((prefix) => base.startsWith(prefix))) return language;
    if (patterns.get(language)?.some((pattern) => pattern.test(base))) return language;
  }
  return byExtension.get(extensionOf(base, path.posix));
}

/** The info string that labels a snippet of the file in a Markdown code fence; undefined when unknown. */
export function fenceLanguage(file: string): string | undefined {
  const language = languageOf(file);
  if (!language) return undefined;
  return language.fenceByExtension?.[extensionOf(file, path.posix)] ?? language.fence ?? language.name;
}

/** True for the files STS014 reads: package.json, requirements*.txt, go.mod, pom.xml … */
export function isDependencyManifest(file: string, base = baseName(file)): boolean {
  return dependencyNames.has(base) || dependencyPattern.test(base);
}

/** Every file ending the scanner reads, for discovery. */
export const codeExtensions: ReadonlySet<string> = new Set(byExtension.keys());

/** True for a file the scanner reads for code or dependencies, whatever its ending (`base`: its name, when the caller has it). */
export function isCodeFile(file: string, base = baseName(file)): boolean {
  return languageOf(file, base) !== undefined || isDependencyManifest(file, base);
}

/**
 * The folders of the path {@link isTestCode} was last asked of, and whether one is a test folder:
 * files are asked of in order, folder by folder, so most are told by their folders' name alone.
 */
let lastFolder = '';
let lastFolderIsTest = false;

/**
 * True for test code (`test/`, `__tests__/`, `testdata/`, `fixtures/`, `*_test.go`, `*.test.ts`,
 * `*.spec.js` …), by the path relative to the scan root: a scan rooted inside a fixture reads it
 * as the repository it stands for.
 */
export function isTestCode(file: string): boolean {
  const slash = file.lastIndexOf('/');
  // Its folders, with their last `/`: a test folder's name ends before a `/`, so a match is in them.
  const folder = file.slice(0, slash + 1);
  if (folder !== lastFolder) {
    lastFolder = folder;
    lastFolderIsTest = inTestFolder.test(folder);
  }
  return lastFolderIsTest || testFileName.test(file.slice(slash + 1));
}
