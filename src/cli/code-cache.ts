import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import module, { createRequire } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';

// The command line runs as one script compiled with V8's code cache as it stands after a run: the
// code of every function that run compiled, not only the module's top level. Node.js's own compile
// cache (which the command line enables too, for the modules it loads later) keeps a module's code
// as compiled before it ran, so each start compiled again the functions it called: measured on an
// empty folder, a sixth of a start's instructions. The cache sits beside Node.js's, under a name
// that holds a hash of the script's text; V8 refuses a cache made by another version of itself or
// with other flags, and the cache is then made again. Beside it, a file says what work the runs
// that made it did (read files, parsed manifests, reported findings, wrote a format: a bit each):
// a run that did other work makes it again, with that work's code as well. A first run that did
// nothing (`--help`, an empty folder) left a cache without the code of a scan, which every later
// scan then compiled: a 17,000-file code scan took 1.04 of the time.

/** Where the cache of a script is kept: none when Node.js's compile cache is off or unavailable. */
function cacheFile(script: string, hash: string): string | undefined {
  const folder = module.getCompileCacheDir?.();
  return folder === undefined ? undefined : path.join(folder, `${path.basename(script)}-${hash}-${process.version}-${process.arch}.cache`);
}

/** How a script's cache was used: taken, refused by V8 (and made again), absent (and made), or off. */
export type CodeCacheUse = 'accepted' | 'rejected' | 'absent' | 'off';

/** The work the runs behind a cache did (see the top of this file): 0 when unknown. */
function workBehind(cache: string): number {
  try {
    return Number.parseInt(readFileSync(`${cache}.work`, 'latin1'), 10) || 0;
  } catch {
    return 0;
  }
}

/** Writes a file whole under a name of its own, then renames it: a run that starts meanwhile reads no part of it. */
function writeWhole(file: string, data: string | Uint8Array): void {
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, data, { mode: 0o600 });
  renameSync(partial, file);
}

/**
 * Runs a CommonJS script (a bundle) and returns its exports, its code taken from the cache when
 * there is one that V8 accepts, and the cache written as the process exits when there was none,
 * or when the run did work the runs behind it did not (the script's export `codeCacheWork`, a bit
 * for each kind). `hash` names the script's text (made when it was built). A script that changes
 * V8's flags as it runs sets them back in its export `beforeCodeCache`, called before the cache is
 * made: V8 refuses a cache made under flags other than those a process starts with.
 */
export function runCached(script: string, hash: string): { exports: unknown; cache: CodeCacheUse } {
  const cache = cacheFile(script, hash);
  let cachedData: Buffer | undefined;
  try {
    if (cache !== undefined) cachedData = readFileSync(cache);
  } catch {
    // No cache yet.
  }
  const compiled = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(script, 'utf8')}\n})`, {
    filename: script,
    ...(cachedData ? { cachedData } : {}),
  });
  const loaded: { exports: Record<string, unknown> } = { exports: {} };
  const use: CodeCacheUse = cache === undefined ? 'off' : cachedData === undefined ? 'absent' : compiled.cachedDataRejected === true ? 'rejected' : 'accepted';
  if (cache !== undefined) {
    const before = use === 'accepted' ? workBehind(cache) : 0;
    process.once('exit', () => {
      const work = (loaded.exports.codeCacheWork as (() => number) | undefined)?.() ?? 0;
      if (use === 'accepted' && (work & ~before) === 0) return;
      try {
        (loaded.exports.beforeCodeCache as (() => void) | undefined)?.();
        writeWhole(cache, compiled.createCachedData());
        writeWhole(`${cache}.work`, String(before | work));
      } catch {
        // A cache that cannot be written leaves the next start as it was.
      }
    });
  }
  (compiled.runInThisContext() as (...args: unknown[]) => void)(loaded.exports, createRequire(script), loaded, script, path.dirname(script));
  return { exports: loaded.exports, cache: use };
}
