import { builtin } from './builtins.js';

// Bounds V8's young generation for the rest of the process, once `boundYoungGeneration` asked for
// it. V8 doubles the young generation while most of what it allocates survives, which a
// scan's file texts and objects do: at 10,000 manifest files it reached 128 MB (two 64 MB
// semi-spaces) and peak RSS 350 MB. `--max-semi-space-size` works only on the command line, when
// the heap is set up, and a launcher process or NODE_OPTIONS would cost a second start; the growth
// factor, though, is read at each growth. So the size is looked at as work goes, and growth stops
// once it reaches the bound: at 10,000 files, 350 → 253 MB, in the same time.

/**
 * The bound and what was done about it, one for the whole process: the cluster audit is a bundle of
 * its own (dist/sts-audit-cluster.mjs), with its own copy of this module, and its checkpoints
 * answer to the bound the command line set.
 */
interface YoungGeneration {
  bound: number | undefined;
  /** Whether the growth factor was set. */
  grown: boolean;
}
const state: YoungGeneration = ((globalThis as { [key: symbol]: YoungGeneration })[Symbol.for('sts-audit.young-generation')] ??= { bound: undefined, grown: false });
/** Calls since the time was last looked at. */
let calls = 0;
const callsBetweenLooks = 32;
/**
 * Calls before the first look. To grow to the bound, the young generation must first fill its
 * smaller sizes, 15 MB or more; a code scan, which decodes only the few files that hold what it
 * looks for, never nears it, and without a look it never loads `node:v8`.
 */
const callsBeforeFirstLook = 512;
let looked = false;
/**
 * The least time between two looks at the size, which cost about 10 µs each. V8 grows the young
 * generation only at a collection, after half of it has been filled: past the bound's 32 MB, it
 * would grow again only after 16 MB more were allocated, many milliseconds of work.
 */
const msBetweenLooks = 2;
let lastLook = 0;
/** `node:v8`, loaded at the first look: loading it costs a start about 2 ms. */
let v8: typeof import('node:v8') | undefined;

/**
 * Lets the young generation grow to `megabytes` (both semi-spaces) and no further, as far as
 * {@link youngGenerationCheckpoint} is called: a setting of the whole process, for a command line
 * and not for a library's callers.
 */
export function boundYoungGeneration(megabytes: number): void {
  state.bound = megabytes * 1024 * 1024;
}

/** Called for each file or object: stops the young generation's growth at the bound. */
export function youngGenerationCheckpoint(): void {
  if (state.bound === undefined || ++calls < (looked ? callsBetweenLooks : callsBeforeFirstLook)) return;
  calls = 0;
  looked = true;
  // Date.now, not performance.now: the global `performance` loads Node.js's ten performance
  // modules at its first use, about 2 ms of a start, and a millisecond is fine enough here.
  const now = Date.now();
  if (now - lastLook < msBetweenLooks) return;
  lastLook = now;
  v8 ??= builtin('node:v8');
  const newSpace = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  if (newSpace && newSpace.space_size >= state.bound) {
    v8.setFlagsFromString('--semi-space-growth-factor=1');
    state.bound = undefined;
    state.grown = true;
  }
}

/**
 * Sets the growth factor back to V8's default, once work is done: V8 refuses code it cached under
 * flags other than those a process starts with (src/cli/code-cache.ts).
 */
export function restoreYoungGenerationFlags(): void {
  if (!state.grown) return;
  builtin('node:v8').setFlagsFromString('--semi-space-growth-factor=2');
  state.grown = false;
}
