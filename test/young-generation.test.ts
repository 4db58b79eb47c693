import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

/** Lets Node.js run the sources as they are written: `./builtins.js` is `./builtins.ts`. */
const tsSources = `
  import { registerHooks } from 'node:module';
  registerHooks({
    resolve(specifier, context, next) {
      try {
        return next(specifier, context);
      } catch (error) {
        if (!specifier.endsWith('.js')) throw error;
        return next(specifier.replace(/\\.js$/, '.ts'), context);
      }
    },
  });
`;

/**
 * A process that keeps 200,000 small objects, passing the checkpoint after each, and prints the
 * young generation's size in MB: in a process of its own, as the bound is a setting of the process.
 */
const youngGenerationAfterWork = (boundMb?: number, restored = false, copies = false): number => {
  const module = pathToFileURL(path.join(repoRoot, 'src', 'young-generation.ts')).href;
  // With `copies`, the bound is set through one copy of the module and looked at through another, as
  // the command line's script and the cluster audit's bundle each have theirs.
  const script = `
    const { boundYoungGeneration } = await import(${JSON.stringify(copies ? `${module}?bounds` : module)});
    const { youngGenerationCheckpoint, restoreYoungGenerationFlags } = await import(${JSON.stringify(module)});
    const { getHeapSpaceStatistics } = await import('node:v8');
    ${boundMb === undefined ? '' : `boundYoungGeneration(${boundMb});`}
    const kept = [];
    for (let i = 0; i < 200000; i++) { kept.push({ i, text: 'item ' + i }); youngGenerationCheckpoint(); }
    ${restored ? 'restoreYoungGenerationFlags(); for (let i = 0; i < 600000; i++) kept.push({ i, text: "item " + i });' : ''}
    console.log(getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size / 2 ** 20);
  `;
  const run = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(tsSources)}`, '--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return Number(run.stdout);
};

describe('bounding the young generation', () => {
  it('stops its growth near the bound, where it grows to 32 MB and more unbounded', () => {
    expect(youngGenerationAfterWork()).toBeGreaterThanOrEqual(32);
    // The size is looked at every 32 calls, and V8 may grow it twice between two looks: 4 MB can reach 16 MB at most.
    expect(youngGenerationAfterWork(4)).toBeLessThanOrEqual(16);
  });

  it('is one bound for the whole process, whichever copy of the module sets it', () => {
    expect(youngGenerationAfterWork(4, false, true)).toBeLessThanOrEqual(16);
  });

  it('grows again once its flag is set back, as it is before the command line caches its code', () => {
    expect(youngGenerationAfterWork(4, true)).toBeGreaterThan(16);
  });
});
