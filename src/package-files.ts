import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * The package's root folder. Source files sit in `src/` and built files in `dist/`
 * at the same depth, so one relative step serves both.
 */
export const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** Absolute path of a file shipped in the package (`data/…`, `rules/…`, `schemas/…`). */
export function packageFile(...segments: string[]): string {
  return path.join(packageRoot, ...segments);
}

/**
 * Absolute path of a file `npm run build` wrote into `dist/` beside the built modules; undefined
 * when running from sources, which have none. This module sits at the top of `src/` and of
 * `dist/`, and the bundles in `dist/`, so that `./` is `dist/` for every built form.
 */
export function builtFile(name: string): string | undefined {
  const file = fileURLToPath(new URL(`./${name}`, import.meta.url));
  return existsSync(file) ? file : undefined;
}

/** Reads and parses a JSON file shipped in the package. */
export function readPackageJson<T>(...segments: string[]): T {
  return JSON.parse(readFileSync(packageFile(...segments), 'utf8')) as T;
}

const packageJson = readPackageJson<{ version: string; homepage: string }>('package.json');

/** The package's own version, from package.json. */
export const toolVersion: string = packageJson.version;

/** Where the project lives, from package.json: rule docs are under it. */
export const toolHomepage: string = packageJson.homepage;
