import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree, repoRoot } from '../helpers.js';

/** Runs `scripts/run-tests.mjs` (what `npm test` ends with) over a small suite of its own. */
function runSuite(files: Record<string, string>) {
  const root = makeTree(files);
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'run-tests.mjs'), '--root', root, '--globals'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: 'true' },
  });
  const closing = run.stdout.trim().split('\n').at(-1);
  return { code: run.status, closing, stdout: run.stdout, stderr: run.stderr };
}

describe('the closing line of npm test', () => {
  it('counts a test file that fails to load as a failure, and fails the run', () => {
    const run = runSuite({
      'good.test.mjs': "test('passes', () => {});\n",
      'broken.test.mjs': "throw new Error('no schema with key or ref');\n",
    });
    expect(run.closing).toBe('Tests: 1 passed, 1 failed, 0 skipped');
    expect(run.stderr).toContain('failed to run: ');
    expect(run.code).toBe(1);
  });

  it('counts failed and skipped tests', () => {
    const run = runSuite({
      'mixed.test.mjs': "test('passes', () => {});\ntest('fails', () => { throw new Error('x'); });\ntest.skip('later (needs what is absent)', () => {});\n",
    });
    expect(run.closing).toBe('Tests: 1 passed, 1 failed, 1 skipped');
    expect(run.stdout).toContain('skipped: later (needs what is absent)\n');
    expect(run.code).toBe(1);
  });

  it('passes a suite whose tests all pass', () => {
    const run = runSuite({ 'good.test.mjs': "test('passes', () => {});\n" });
    expect(run.closing).toBe('Tests: 1 passed, 0 failed, 0 skipped');
    expect(run.code).toBe(0);
  });
});
