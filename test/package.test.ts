// The npm package as a user gets it: what `npm pack` puts in the tarball, and what
// `npm install --global` of that tarball installs and runs, with nothing else beside it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { repoRoot, runCli } from './helpers.js';

type PackageJson = { license: string; bin: Record<string, string>; exports: { '.': { types: string; default: string } }; dependencies?: Record<string, string> };
const packageJson = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as PackageJson;

// The build is the test run's own (`npm test` builds first): packing must not rebuild under it.
const npm = (args: string[], cwd: string) => {
  const result = spawnSync('npm', [...args, '--ignore-scripts', '--no-audit', '--no-fund', '--no-update-notifier'], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
};
const [packed] = JSON.parse(npm(['pack', '--dry-run', '--json'], repoRoot)) as Array<{ files: Array<{ path: string }> }>;
const shipped = packed!.files.map((file) => file.path);

/**
 * The modules beside `file` that it imports, statically or dynamically, relative to the package
 * root: how esbuild's output loads its chunks (statements at line starts, double quotes).
 */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(repoRoot, file), 'utf8');
  // ES imports, and what the command line's entry runs (`new URL("./…", import.meta.url)`) and its script requires.
  return [...text.matchAll(/(?:^import [^;]*?from |\bimport\(|\bnew URL\(|\brequire\()"(\.\/[^"]+)"/gm)].map((match) => path.posix.join(path.posix.dirname(file), match[1]!));
}

/** The packages that dist/THIRD-PARTY-NOTICES.md says the bundles contain. */
const bundledPackages = (): string[] => [...readFileSync(path.join(repoRoot, 'dist', 'THIRD-PARTY-NOTICES.md'), 'utf8').matchAll(/^## ((?:@[^/\s]+\/)?[^@\s]+)@/gm)].map((match) => match[1]!);

describe('the npm package', () => {
  it('ships the licence package.json names, and the notices of what the bundles contain', () => {
    expect(packageJson.license).toBe('Apache-2.0');
    expect(shipped).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'dist/THIRD-PARTY-NOTICES.md']));
    const licence = readFileSync(path.join(repoRoot, 'LICENSE'), 'utf8');
    expect(licence.trim().split('\n').slice(0, 3).map((line) => line.trim())).toEqual(['Apache License', 'Version 2.0, January 2004', 'http://www.apache.org/licenses/']);
    expect(licence).toContain('END OF TERMS AND CONDITIONS');
  });

  it('ships no Action bundle, no source map without its sources, and no module that nothing loads', () => {
    expect(shipped).not.toContain('dist/action.mjs');
    expect(shipped).not.toContain('dist/action-cluster.mjs');
    const unshippedSources = shipped
      .filter((file) => file.endsWith('.map'))
      .flatMap((map) => (JSON.parse(readFileSync(path.join(repoRoot, map), 'utf8')) as { sources: string[] }).sources.map((source) => path.posix.join(path.posix.dirname(map), source)))
      .filter((source) => !shipped.includes(source));
    expect(unshippedSources).toEqual([]);
    // What the entry points load, module by module; the validators are loaded by schema name, and
    // the worker threads' scripts by their file names (`builtFile`).
    const loaded = new Set<string>();
    const queue = [packageJson.bin['sts-audit']!, packageJson.exports['.'].default, 'dist/sts-audit-worker.mjs', 'dist/sts-audit-screen-worker.mjs'].map((entry) => path.posix.normalize(entry));
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      if (loaded.has(file)) continue;
      loaded.add(file);
      queue.push(...importsOf(file));
    }
    const validators = readdirSync(path.join(repoRoot, 'schemas'))
      .filter((name) => name.endsWith('.schema.json'))
      .map((name) => `dist/validators/${name.replace(/\.json$/, '.cjs')}`);
    expect(loaded.size).toBeGreaterThan(3);
    expect(shipped.filter((file) => /\.[cm]?js$/.test(file)).sort()).toEqual([...loaded, ...validators].sort());
  });

  it('installs no run-time dependency that the bundles already contain', () => {
    const bundled = bundledPackages();
    expect(bundled).toEqual(expect.arrayContaining(['js-yaml', 'commander', 'glob', 'minimatch', '@kubernetes/client-node']));
    expect(Object.keys(packageJson.dependencies ?? {}).filter((name) => bundled.includes(name))).toEqual([]);
  });

  it('installs globally from the tarball alone, and its command, library and types work', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'sts-audit-package-'));
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
    npm(['pack', '--pack-destination', folder], repoRoot);
    const tarball = readdirSync(folder).find((name) => name.endsWith('.tgz'))!;
    const prefix = path.join(folder, 'prefix');
    npm(['install', '--global', '--offline', '--prefix', prefix, path.join(folder, tarball)], folder);
    const installed = path.join(prefix, 'lib', 'node_modules', 'sts-audit');
    expect(existsSync(path.join(installed, 'node_modules'))).toBe(false);

    // The command, as the global bin link runs it, with this Node first on the PATH.
    const env = { ...process.env, NO_COLOR: '1', PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}` };
    const example = path.join(repoRoot, 'fixtures', 'example-repo');
    const command = (args: string[]) => spawnSync(path.join(prefix, 'bin', 'sts-audit'), args, { cwd: example, encoding: 'utf8', env });
    const scan = command(['scan', '--format', 'json']);
    const fromSources = runCli(['scan', '--format', 'json'], { cwd: example });
    expect(scan.status, scan.stderr).toBe(fromSources.code);
    expect(JSON.parse(scan.stdout).findings).toEqual(JSON.parse(fromSources.stdout).findings);
    expect(JSON.parse(scan.stdout).findings.length).toBeGreaterThan(10);
    // A glob target loads glob, which is split out of the start-up bundle.
    const globbed = command(['scan', 'clusters/**/*.yaml', '--format', 'json']);
    expect(JSON.parse(globbed.stdout).inputs.files, globbed.stderr).toBeGreaterThan(0);
    const clusterHelp = command(['cluster', '--help']);
    expect(clusterHelp.status).toBe(0);
    expect(clusterHelp.stdout).toContain('--kubeconfig');

    // The library, imported by a project that has installed the package.
    const project = path.join(folder, 'project');
    npm(['install', '--offline', '--prefix', project, path.join(folder, tarball)], folder);
    writeFileSync(
      path.join(project, 'check.mjs'),
      [
        "import { scanTexts } from 'sts-audit';",
        "const text = 'kind: ServiceAccount\\napiVersion: v1\\nmetadata:\\n  name: a\\n  annotations:\\n    eks.amazonaws.com/sts-regional-endpoints: \"false\"\\n';",
        "const { findings } = scanTexts([{ path: 'sa.yaml', text }]);",
        'console.log(findings.map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine}:${f.location.startColumn}`).join("\\n"));',
      ].join('\n'),
    );
    const imported = spawnSync(process.execPath, ['check.mjs'], { cwd: project, encoding: 'utf8' });
    expect(imported.stderr).toBe('');
    expect(imported.stdout.trim()).toBe('STS005 sa.yaml:6:5');
    // Its types, checked strictly (skipLibCheck off) without @types/node: they name nothing the
    // package does not ship, and they are real types (a missing option is an error), not `any`.
    const typeCheck = (options: string) => {
      writeFileSync(path.join(project, 'check.mts'), `import { scan, type ScanOptions } from 'sts-audit';\nconst options: ScanOptions = ${options};\nexport const findings = (await scan(options)).findings.map((finding) => finding.ruleId);\n`);
      writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', target: 'es2023', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['check.mts'] }));
      const result = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
      return result.stdout + result.stderr;
    };
    expect(typeCheck("{ root: '/srv/repo', targets: ['.'] }")).toBe('');
    expect(typeCheck("{ root: '/srv/repo' }")).toMatch(/check\.mts\(2,7\): error TS2741: Property 'targets' is missing/);
  });
});
