import { existsSync, lstatSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { compareText } from '../compare.js';
import type { SkippedInput } from '../model/inputs.js';
import type { FileKind } from './file-kinds.js';

export { isManifestFile, manifestExtensions } from './manifest-files.js';

/** A file to scan. */
export interface InputFile {
  /** Relative to the scan root, POSIX separators. */
  path: string;
  /**
   * The path to open it by: absolute, or {@link path} when asked for ({@link DiscoverOptions.openRelative})
   * and the scan root is the working folder.
   */
  openPath: string;
  /**
   * What its name tells of how it is read, as {@link DiscoverOptions.wanted} gave it: none for a
   * file named on the command line that the scan would not have wanted.
   */
  kind?: FileKind;
}

/** The files found, and those passed over with a reason. */
export interface Discovery {
  files: InputFile[];
  skipped: SkippedInput[];
}

/** A target that names nothing to scan: a usage error, not an incomplete scan. */
export class NoSuchTargetError extends Error {}

/** Folders that hold other people's code or tool state, never the repository's manifests. */
const excludedFolders = new Set(['.git', '.hg', '.svn', 'node_modules', 'bower_components', 'vendor', 'third_party', '.terraform', '.venv']);

const toPosix = (relative: string): string => relative.split(path.sep).join('/');

/** A folder's `.gitignore` rules, with the length of its path's prefix (`a/b/`) in the paths below it. */
interface FolderRules {
  rules: Ignore;
  prefixLength: number;
}

/**
 * `.gitignore` rules of the root and of every folder below it, read once a folder, plus the config
 * file's extra ignore patterns. Later (deeper) files can re-include what earlier ones left out.
 * A walk carries the rules of the folders above it ({@link FolderRules}), so that no path is
 * split or joined again for each file.
 */
class IgnoreRules {
  private readonly perFolder = new Map<string, Ignore | null>();
  private readonly extra: Ignore | undefined;
  /** The config file's folder as a prefix of the paths below it: '' for the root. */
  private readonly extraPrefix: string;

  constructor(
    private readonly root: string,
    extraPatterns: readonly string[],
    extraFolder: string,
  ) {
    this.extra = extraPatterns.length > 0 ? ignore().add([...extraPatterns]) : undefined;
    const folder = path.posix.normalize(extraFolder);
    this.extraPrefix = folder === '.' ? '' : `${folder.replace(/\/$/, '')}/`;
  }

  /**
   * The rules of the folders that hold `relative` (a folder, '' for the root), from `fromDepth`
   * folders down: what a walk starting there carries.
   */
  above(relative: string, fromDepth: number): readonly FolderRules[] {
    const parts = relative === '' ? [] : relative.split('/');
    let stack: readonly FolderRules[] = [];
    for (let depth = fromDepth; depth < parts.length; depth++) stack = this.push(stack, parts.slice(0, depth).join('/'));
    return stack;
  }

  /**
   * `stack` with the rules of `folder` (relative; '' for the root) on top, when it has a `.gitignore`.
   * @param listed whether its entries (already read) name a `.gitignore`; unknown when not given.
   */
  push(stack: readonly FolderRules[], folder: string, listed?: boolean): readonly FolderRules[] {
    const rules = this.rulesOf(folder, listed);
    return rules ? [...stack, { rules, prefixLength: folder === '' ? 0 : folder.length + 1 }] : stack;
  }

  /**
   * @param stack the rules of the folders above `relative`, as {@link above} and {@link push} give them.
   * @param withExtra whether the config's patterns apply: not inside a folder named on the command
   *   line, which is scanned even when the rules above it leave it out.
   */
  ignores(relative: string, isFolder: boolean, stack: readonly FolderRules[], withExtra: boolean): boolean {
    if (withExtra && this.extra && relative.length > this.extraPrefix.length && relative.startsWith(this.extraPrefix)) {
      const underExtra = relative.slice(this.extraPrefix.length);
      if (this.extra.ignores(isFolder ? `${underExtra}/` : underExtra)) return true;
    }
    let ignored = false;
    for (let index = 0; index < stack.length; index++) {
      const { rules, prefixLength } = stack[index]!;
      const below = relative.slice(prefixLength);
      const verdict = rules.test(isFolder ? `${below}/` : below);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }

  private rulesOf(folder: string, listed?: boolean): Ignore | null {
    let rules = this.perFolder.get(folder);
    if (rules === undefined) {
      // A folder whose entries name no `.gitignore` has none: no path is made for it.
      const file = listed === false ? undefined : path.join(this.root, folder, '.gitignore');
      rules = file !== undefined && (listed ?? existsSync(file)) ? readRules(file) : null;
      this.perFolder.set(folder, rules);
    }
    return rules;
  }
}

/** A `.gitignore` file's rules; none when it cannot be read as a file (a folder of that name, say), as Git has it. */
function readRules(file: string): Ignore | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  return ignore().add(text);
}

/** Characters that make a target a glob. */
const globCharacters = /[*?[\]{}]/;

/** Options of {@link discoverFiles}. */
export interface DiscoverOptions {
  /** Absolute scan root: nothing outside it is read. */
  root: string;
  ignorePaths: readonly string[];
  /** The folder, relative to the root, that `ignorePaths` are relative to (the config file's). */
  ignoreFolder: string;
  /**
   * Whether a file, by its path relative to the root (and its name, when a walk has it), is one
   * the scan reads: its kind, kept with it, when it is.
   */
  wanted: (relative: string, name?: string) => FileKind | undefined;
  /**
   * A target that matches no file (a missing path, a glob without matches, a folder with nothing
   * to read) is passed over instead of refused, as ESLint's `--no-error-on-unmatched-pattern` does.
   */
  allowUnmatched?: boolean;
  /**
   * Files are opened by their path relative to the root when it is the working folder, which the
   * caller keeps while it scans: this spares the kernel the folders above the root for each file.
   */
  openRelative?: boolean;
  /** Told of each file as it is found, before discovery ends (files come in walking order, not sorted). */
  onFound?: (file: InputFile) => void;
}

/**
 * Expands paths, folders and globs into the files to scan, honouring `.gitignore`, the default
 * excludes and the config's ignore patterns. A file named on the command line is scanned even if
 * ignored. Symbolic links that leave the root, and broken ones, are skipped with a reason.
 * Throws NoSuchTargetError for a target that gives no file to scan: one that matches nothing
 * (unless `allowUnmatched`), or whose every match is skipped, such as a folder outside the root.
 */
export async function discoverFiles(targets: readonly string[], options: DiscoverOptions): Promise<Discovery> {
  const realRoot = realpathSync.native(options.root);
  const rules = new IgnoreRules(options.root, options.ignorePaths, options.ignoreFolder);
  const found: InputFile[] = [];
  /**
   * The paths found, kept once a target may repeat one: a second target, or a glob (whose matches
   * may be a folder and files in it). One walk finds each path once (a folder is walked once, by
   * its real path), so a scan of one folder needs none.
   */
  let seen: Set<string> | undefined;
  const skipped: SkippedInput[] = [];
  const visitedFolders = new Set<string>();

  const relativeOf = (absolute: string): string => toPosix(path.relative(options.root, absolute));
  const openRelative = options.openRelative === true && path.resolve(options.root) === process.cwd();
  const inside = (real: string): boolean => real === realRoot || real.startsWith(realRoot + path.sep);
  const wanted = options.wanted;

  /** Checks a link's target; returns its real path, or undefined after recording why it is skipped. */
  const followLink = (absolute: string): string | undefined => {
    let real: string;
    try {
      real = realpathSync.native(absolute);
    } catch (error) {
      const loop = (error as NodeJS.ErrnoException).code === 'ELOOP';
      skipped.push({ path: relativeOf(absolute), reason: loop ? 'symbolic link loop' : 'broken symbolic link' });
      return undefined;
    }
    if (!inside(real)) {
      skipped.push({ path: relativeOf(absolute), reason: 'symbolic link to a place outside the scan root' });
      return undefined;
    }
    return real;
  };

  /** Files the current target gave, counting those an earlier target gave too. */
  let matched = 0;
  /** Adds a file found, to be opened by `openPath`: its relative path when {@link openRelative}, else its absolute one. */
  const addFound = (relative: string, openPath: string, kind: FileKind | undefined): void => {
    matched++;
    if (seen) {
      if (seen.has(relative)) return;
      seen.add(relative);
    }
    const file: InputFile = kind === undefined ? { path: relative, openPath } : { path: relative, openPath, kind };
    found.push(file);
    options.onFound?.(file);
  };

  /**
   * Walks a folder (absolute, real, and relative to the root: '' for the root), building each
   * entry's paths from its folder's as it goes, with the `.gitignore` rules of the folders above.
   * Only a symbolic link's real path is asked of the file system.
   */
  const walk = (folder: string, real: string, relativeFolder: string, above: readonly FolderRules[], withExtra: boolean): void => {
    if (visitedFolders.has(real)) return;
    visitedFolders.add(real);
    const prefix = relativeFolder === '' ? '' : `${relativeFolder}/`;
    // Paths are built by joining names to a folder that is already normal: no path.join a file.
    const absolutePrefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
    const realPrefix = real.endsWith(path.sep) ? real : real + path.sep;
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => compareText(a.name, b.name));
    // A folder's own `.gitignore`, known from its entries when it is a plain file or is absent.
    const gitignore = entries.find((entry) => entry.name === '.gitignore');
    const stack = rules.push(above, relativeFolder, gitignore === undefined ? false : gitignore.isFile() || undefined);
    // Counted by index: this loop runs for every entry of every folder, and a `for…of` loop makes
    // garbage each step until V8's last compiler takes it.
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[index]!;
      const relative = prefix + entry.name;
      let isFolder = entry.isDirectory();
      let linked: string | undefined;
      let kind: FileKind | undefined;
      if (entry.isSymbolicLink()) {
        const absolute = absolutePrefix + entry.name;
        const linksToFolder = isFolderLink(absolute);
        if (!linksToFolder) kind = wanted(relative, entry.name);
        if ((!linksToFolder && kind === undefined) || rules.ignores(relative, linksToFolder, stack, withExtra)) continue;
        linked = followLink(absolute);
        if (linked === undefined) continue;
        isFolder = linksToFolder;
      }
      if (isFolder) {
        if (excludedFolders.has(entry.name) || rules.ignores(relative, true, stack, withExtra)) continue;
        walk(absolutePrefix + entry.name, linked ?? realPrefix + entry.name, relative, stack, withExtra);
      } else if ((kind ??= wanted(relative, entry.name)) !== undefined && !rules.ignores(relative, false, stack, withExtra)) {
        // A FIFO, socket or device is never read (it may not end), but it is not passed over in silence.
        if (entry.isFile() || entry.isSymbolicLink()) addFound(relative, openRelative ? relative : absolutePrefix + entry.name, kind);
        else skipped.push({ path: relative, reason: 'not a regular file (a FIFO, socket or device)' });
      }
    }
  };

  const addTarget = (absolute: string, explicit: boolean): void => {
    const stats = lstatSync(absolute);
    let isFolder = stats.isDirectory();
    let real: string | undefined;
    if (stats.isSymbolicLink()) {
      real = followLink(absolute);
      if (real === undefined) return;
      isFolder = statSync(real).isDirectory();
    } else {
      real = realpathSync.native(absolute);
      if (!inside(real)) {
        skipped.push({ path: relativeOf(absolute), reason: 'outside the scan root' });
        return;
      }
    }
    const relative = relativeOf(absolute);
    if (isFolder) {
      const named = explicit && relative !== '' && rules.ignores(relative, true, rules.above(relative, 0), true);
      // A named folder the rules above it leave out is scanned by its own rules and those below.
      walk(absolute, real, relative, rules.above(relative, named ? relative.split('/').length : 0), !named);
    } else {
      const kind = wanted(relative);
      if (explicit || (kind !== undefined && !rules.ignores(relative, false, rules.above(relative, 0), true))) addFound(relative, openRelative ? relative : absolute, kind);
    }
  };

  /** Adds the files a target names; returns what to say should it name none. */
  const expand = async (target: string): Promise<string> => {
    const absolute = path.resolve(options.root, target);
    if (existsSync(absolute) || isBrokenLink(absolute)) {
      addTarget(absolute, true);
      return 'no file in it is one sts-audit reads (manifests, code, dependency manifests), or every one is ignored';
    }
    // glob is loaded only when a target is a pattern: most runs name folders.
    const matches = globCharacters.test(target)
      ? await (await import('glob')).glob(target, { cwd: options.root, absolute: true, dot: true, nodir: false, follow: false })
      : [];
    if (matches.length === 0) return 'no such file, folder or glob match';
    for (const match of matches.sort()) {
      const relative = relativeOf(match);
      if (relative.split('/').some((part) => excludedFolders.has(part))) continue;
      addTarget(match, false);
    }
    return 'no file it matches is one sts-audit reads, or every one is ignored';
  };

  for (const [index, target] of targets.entries()) {
    if (index > 0 || globCharacters.test(target)) seen ??= new Set(found.map((file) => file.path));
    // Each target walks its folders, those an earlier one walked too: its files are matched, then found once.
    visitedFolders.clear();
    matched = 0;
    const skippedBefore = skipped.length;
    const unmatched = await expand(target);
    if (matched > 0) continue;
    const reasons = [...new Set(skipped.slice(skippedBefore).map((item) => item.reason))];
    if (reasons.length > 0) {
      const root = reasons.some((reason) => reason.includes('scan root')) ? ` (the scan root is ${options.root})` : '';
      throw new NoSuchTargetError(`nothing to scan in ${target}: ${reasons.join('; ')}${root}`);
    }
    if (!options.allowUnmatched) throw new NoSuchTargetError(`nothing to scan in ${target}: ${unmatched}`);
  }
  return {
    files: found.sort((a, b) => compareText(a.path, b.path)),
    skipped,
  };
}

function isFolderLink(absolute: string): boolean {
  try {
    return statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}

function isBrokenLink(absolute: string): boolean {
  try {
    return lstatSync(absolute).isSymbolicLink();
  } catch {
    return false;
  }
}
