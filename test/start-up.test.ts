import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, makeTree, yaml } from './helpers.js';

/** The Node.js modules a run of the command line loaded, as `process.moduleLoadList` names them. */
function modulesLoaded(args: string[], cwd: string): string[] {
  const list = path.join(cwd, 'modules.json');
  const hook = path.join(cwd, 'hook.mjs');
  // The hook takes node:fs as the bundle does: an import of its own would load what it looks for.
  writeFileSync(hook, `process.on('exit', () => process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(process.moduleLoadList)));\n`);
  const run = spawnSync(process.execPath, ['--import', hook, cliPath, ...args], { cwd, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(spawnSync(process.execPath, ['-e', `process.stdout.write(require('fs').readFileSync(${JSON.stringify(list)}, 'utf8'))`], { encoding: 'utf8' }).stdout) as string[];
}

// A start pays for every Node.js module it loads. An ES import of a built-in has Node.js read
// all its exports, which loads what their getters stand for (the file streams, the text
// decoders, util's diff), and commander imports node:child_process: the bundle takes built-ins
// by name, child processes and worker threads load at their first use.
describe('the start of the command line', () => {
  it('loads no built-in module that a scan of a few manifests does not use', () => {
    const root = makeTree({ 'sa.yaml': yaml('apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: app') });
    const loaded = modulesLoaded(['scan', '.', '--format', 'json', '--output', 'report.json'], root);
    expect(loaded).toContain('NativeModule fs');
    for (const module of ['child_process', 'worker_threads', 'internal/fs/streams', 'internal/util/diff', 'internal/worker']) {
      expect(loaded).not.toContain(`NativeModule ${module}`);
    }
  });
});
