import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

/**
 * The README's example outputs, each a ```text block introduced by "Output of `npm run NAME`",
 * checked against a real run of that script, so that they cannot drift from what users see.
 * As the README says, `…` inside a line stands for text left out of it, and a line that is only
 * `…` for lines left out; the block may start and end anywhere in the output.
 */
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const examples = [...readme.matchAll(/^Output of `([^`]+)`[^\n]*:\n\n```text\n([\s\S]*?)\n```$/gm)].map((match) => ({ command: match[1]!, lines: match[2]!.split('\n') }));
const scripts = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** The script `npm run NAME` runs, less its build step: the suite runs after the build. */
function scriptOf(command: string): string {
  const name = /^npm run ([\w:-]+)$/.exec(command)?.[1];
  const script = name === undefined ? undefined : scripts[name];
  if (script === undefined) throw new Error(`README example output of \`${command}\`: not an npm script of package.json`);
  const build = 'npm run build && ';
  if (!script.startsWith(build)) throw new Error(`README example output of \`${command}\`: the script no longer starts with \`${build}\`; update this test`);
  return script.slice(build.length);
}

/** A README line as a pattern: `…` stands for any text. */
const linePattern = (line: string): RegExp => new RegExp(`^${line.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

/**
 * Undefined when the block is the output abridged; else the README lines from where it drifted,
 * with the output line found there. Runs of lines between `…` lines must be consecutive output
 * lines, each run after the one before.
 */
function mismatch(example: readonly string[], output: readonly string[]): { readme: string[]; output: string | undefined } | undefined {
  const runs: string[][] = [[]];
  for (const line of example) {
    if (line.trim() === '…') runs.push([]);
    else runs.at(-1)!.push(line);
  }
  let from = 0;
  for (const run of runs.filter((lines) => lines.length > 0)) {
    const patterns = run.map(linePattern);
    let at = from;
    while (at + patterns.length <= output.length && !patterns.every((pattern, index) => pattern.test(output[at + index]!))) at++;
    if (at + patterns.length > output.length) {
      // Where the run's first line matches, the first README line that does not: where it drifted.
      const start = output.findIndex((line, index) => index >= from && patterns[0]!.test(line));
      if (start < 0) return { readme: run, output: undefined };
      const drift = patterns.findIndex((pattern, index) => !pattern.test(output[start + index] ?? ''));
      return { readme: run.slice(drift), output: output[start + drift] };
    }
    from = at + patterns.length;
  }
  return undefined;
}

describe('the README', () => {
  it('has example output to check', () => {
    expect(examples.map((example) => example.command)).toContain('npm run example');
  });

  it.each(examples)('shows the real output of `$command`, abridged only where it says …', ({ command, lines }) => {
    const run = spawnSync('sh', ['-c', scriptOf(command)], {
      cwd: repoRoot,
      encoding: 'utf8',
      // `node` is the project's own, as under npm.
      env: { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`, NO_COLOR: '1' },
    });
    expect(run.stderr).toBe('');
    expect(mismatch(lines, run.stdout.split('\n'))).toBeUndefined();
  });

  it('tells a faithful abridgement from a drifted one', () => {
    const output = ['a.yaml', '  1:1  warning  ServiceAccount team/app is wrong  STS001', '     fix: do it', '', '✖ 1 problem'];
    expect(mismatch(['  1:1  warning  ServiceAccount … is wrong  STS001', '     fix: …', '…', '✖ 1 problem'], output)).toBeUndefined();
    expect(mismatch(['  1:1  warning  ServiceAccount kube-system/app … STS001'], output)).toEqual({ readme: ['  1:1  warning  ServiceAccount kube-system/app … STS001'], output: undefined });
    // Lines left out must be marked.
    expect(mismatch(['a.yaml', '     fix: do it'], output)).toEqual({ readme: ['     fix: do it'], output: '  1:1  warning  ServiceAccount team/app is wrong  STS001' });
  });
});
