import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { minimumNode, nodeVersionProblem } from '../src/cli/node-version.js';
import { cliPath, makeTree } from './helpers.js';
import { roleArn, serviceAccount } from './rules/fixtures.js';

/** A Node.js on PATH, outside node_modules, older than `cluster` needs (the machine's own, often). */
function olderNode(): { binary: string; version: string } | undefined {
  for (const folder of (process.env.PATH ?? '').split(path.delimiter)) {
    const binary = path.join(folder, 'node');
    if (folder.includes('node_modules') || !existsSync(binary)) continue;
    const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (nodeVersionProblem(['cluster'], version) !== undefined) return { binary, version };
  }
  return undefined;
}

describe('the Node.js version check', () => {
  it.each([
    [['cluster'], 'v22.18.0', '`sts-audit cluster` needs Node.js 22.19.0 or later; this is Node.js 22.18.0'],
    [['--quiet', 'cluster', '--context', 'x'], 'v20.20.2', '`sts-audit cluster` needs Node.js 22.19.0 or later; this is Node.js 20.20.2'],
    [['cluster'], 'v22.19.0', undefined],
    [['cluster'], 'v24.0.0-pre', undefined],
    [['scan', '.'], 'v20.20.2', undefined],
    [['rules'], 'v20.0.0', undefined],
    [['scan'], 'v18.20.4', 'sts-audit needs Node.js 20.0.0 or later; this is Node.js 18.20.4'],
    [[], 'v16.0.0', 'sts-audit needs Node.js 20.0.0 or later; this is Node.js 16.0.0'],
  ])('%j on %s', (args, version, problem) => {
    expect(nodeVersionProblem(args, version)).toBe(problem);
  });

  const older = olderNode();
  it.skipIf(older === undefined)(`refuses \`cluster\` with exit 2 on an older Node.js on PATH (${older?.binary ?? 'none found'}), and scans on it when it can`, () => {
    const { binary, version } = older!;
    const cluster = spawnSync(binary, [cliPath, 'cluster'], { encoding: 'utf8', env: { ...process.env, KUBECONFIG: '/nonexistent' } });
    expect(cluster.status).toBe(2);
    expect(cluster.stderr).toBe(`sts-audit: \`sts-audit cluster\` needs Node.js ${minimumNode.cluster} or later; this is Node.js ${version.slice(1)}\n`);
    const scan = spawnSync(binary, [cliPath, 'scan', '--format', 'json'], {
      cwd: makeTree({ 'sa.yaml': serviceAccount([roleArn, 'eks.amazonaws.com/sts-regional-endpoints: "false"']) }),
      encoding: 'utf8',
    });
    if (nodeVersionProblem(['scan'], version) === undefined) {
      expect(scan.stderr).toBe('sts-audit: 0 error(s), 1 warning(s), 0 note(s)\n');
      expect(scan.status).toBe(1);
      expect((JSON.parse(scan.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId)).toEqual(['STS001']);
    } else {
      expect(scan.status).toBe(2);
      expect(scan.stderr).toMatch(/needs Node\.js/);
    }
  });
});
