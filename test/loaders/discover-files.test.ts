import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NoSuchTargetError, discoverFiles, isManifestFile } from '../../src/loaders/discover-files.js';
import { fileKind } from '../../src/loaders/file-kinds.js';
import { makeTree } from '../helpers.js';

const options = (root: string, ignorePaths: string[] = []) => ({ root, ignorePaths, ignoreFolder: '.', wanted: (file: string) => (isManifestFile(file) ? fileKind(file) : undefined) });
const paths = (discovery: { files: Array<{ path: string }> }) => discovery.files.map((file) => file.path);

describe('discoverFiles', () => {
  it('opens files by their absolute path, or by their path relative to the root when asked and the root is the working folder', async () => {
    const fixture = path.join('fixtures', 'example-repo');
    const absolute = await discoverFiles([fixture], options(process.cwd()));
    expect(absolute.files.length).toBeGreaterThan(3);
    for (const file of absolute.files) expect(file.openPath).toBe(path.join(process.cwd(), file.path));
    const relative = await discoverFiles([fixture], { ...options(process.cwd()), openRelative: true });
    for (const file of relative.files) expect(file.openPath).toBe(file.path);
    const elsewhere = await discoverFiles(['.'], { ...options(path.resolve(fixture)), openRelative: true });
    for (const file of elsewhere.files) expect(path.isAbsolute(file.openPath)).toBe(true);
  });

  it('walks folders for manifest files, honouring .gitignore at every level and the default excludes', async () => {
    const root = makeTree({
      '.gitignore': 'build/\n*.generated.yaml\n',
      'deploy/app.yaml': 'a: 1',
      'deploy/app.generated.yaml': 'a: 1',
      'deploy/notes.md': '# no',
      'deploy/.gitignore': 'secret*.yaml\n!secret-ok.yaml\n',
      'deploy/secret-1.yaml': 'a: 1',
      'deploy/secret-ok.yaml': 'a: 1',
      'build/out.yaml': 'a: 1',
      'node_modules/pkg/x.yaml': 'a: 1',
      'vendor/y.yml': 'a: 1',
      '.git/config.json': '{}',
      'config.json': '{}',
    });
    expect(paths(await discoverFiles(['.'], options(root)))).toEqual(['config.json', 'deploy/app.yaml', 'deploy/secret-ok.yaml']);
  });

  it('reads a .gitignore that is a link to a file inside the root, and passes over one that is a folder or a broken link', async () => {
    const root = makeTree({ 'rules.txt': 'b.yaml\n', 'linked/a.yaml': '', 'linked/b.yaml': '', 'folder/.gitignore/x.txt': '', 'folder/a.yaml': '', 'broken/a.yaml': '' });
    symlinkSync(path.join(root, 'rules.txt'), path.join(root, 'linked', '.gitignore'));
    symlinkSync(path.join(root, 'nowhere'), path.join(root, 'broken', '.gitignore'));
    expect(paths(await discoverFiles(['.'], options(root)))).toEqual(['broken/a.yaml', 'folder/a.yaml', 'linked/a.yaml']);
  });

  it('applies the config’s extra ignore patterns', async () => {
    const root = makeTree({ 'a/x.yaml': '', 'b/y.yaml': '' });
    expect(paths(await discoverFiles(['.'], options(root, ['b/'])))).toEqual(['a/x.yaml']);
  });

  it('expands globs, and scans a file named on the command line even when ignored', async () => {
    const root = makeTree({ '.gitignore': 'x.yaml\n', 'k8s/a.yaml': '', 'k8s/b.yml': '', 'k8s/deep/c.yaml': '', 'x.yaml': '' });
    expect(paths(await discoverFiles(['k8s/*.yaml'], options(root)))).toEqual(['k8s/a.yaml']);
    expect(paths(await discoverFiles(['k8s/**/*.{yaml,yml}'], options(root)))).toEqual(['k8s/a.yaml', 'k8s/b.yml', 'k8s/deep/c.yaml']);
    expect(paths(await discoverFiles(['x.yaml'], options(root)))).toEqual(['x.yaml']);
    // A glob that matches a folder and the files in it, and targets that overlap, give each file once.
    expect(paths(await discoverFiles(['k8s/**'], options(root)))).toEqual(['k8s/a.yaml', 'k8s/b.yml', 'k8s/deep/c.yaml']);
    expect(paths(await discoverFiles(['k8s', 'k8s/deep', 'k8s/a.yaml', '.'], options(root)))).toEqual(['k8s/a.yaml', 'k8s/b.yml', 'k8s/deep/c.yaml']);
  });

  it('scans a folder named on the command line even when the rules above it leave it out', async () => {
    const root = makeTree({ '.gitignore': 'generated/\n', 'generated/a.yaml': '', 'generated/.gitignore': 'b.yaml\n', 'generated/b.yaml': '' });
    expect(paths(await discoverFiles(['generated'], options(root)))).toEqual(['generated/a.yaml']);
  });

  it('refuses a target that names nothing to scan, and passes it over with allowUnmatched', async () => {
    const root = makeTree({ '.gitignore': 'generated/\n', 'a.yaml': '', 'generated/b.yaml': '', 'docs/notes.md': '', 'empty/.keep': '' });
    await expect(discoverFiles(['missing/'], options(root))).rejects.toBeInstanceOf(NoSuchTargetError);
    await expect(discoverFiles(['nothing/**/*.yaml'], options(root))).rejects.toThrow('nothing to scan in nothing/**/*.yaml: no such file, folder or glob match');
    const unread = 'no file in it is one sts-audit reads (manifests, code, dependency manifests), or every one is ignored';
    await expect(discoverFiles(['empty'], options(root))).rejects.toThrow(`nothing to scan in empty: ${unread}`);
    await expect(discoverFiles(['docs'], options(root))).rejects.toThrow(`nothing to scan in docs: ${unread}`);
    await expect(discoverFiles(['docs/*.md'], options(root))).rejects.toThrow('nothing to scan in docs/*.md: no file it matches is one sts-audit reads, or every one is ignored');
    await expect(discoverFiles(['a.yaml', 'generated/*.yaml'], options(root))).rejects.toThrow('nothing to scan in generated/*.yaml');
    // A target already covered by another still names files.
    expect(paths(await discoverFiles(['.', 'a.yaml'], options(root)))).toEqual(['a.yaml']);
    const allowed = { ...options(root), allowUnmatched: true };
    expect(paths(await discoverFiles(['a.yaml', 'missing/', 'empty', 'docs'], allowed))).toEqual(['a.yaml']);
    expect(await discoverFiles(['empty'], allowed)).toEqual({ files: [], skipped: [] });
  });

  it('skips symbolic links that leave the root or are broken, and survives link loops', async () => {
    const outside = makeTree({ 'secret.yaml': 'a: 1', 'dir/other.yaml': 'a: 1' });
    const root = makeTree({ 'in/a.yaml': 'a: 1' });
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, 'in', 'leak.yaml'));
    symlinkSync(path.join(outside, 'dir'), path.join(root, 'in', 'leakdir'));
    symlinkSync(path.join(root, 'nowhere.yaml'), path.join(root, 'in', 'broken.yaml'));
    symlinkSync(path.join(root, 'in'), path.join(root, 'in', 'loop'));
    symlinkSync(path.join(root, 'in', 'a.yaml'), path.join(root, 'in', 'alias.yaml'));
    const discovery = await discoverFiles(['.'], options(root));
    expect(paths(discovery)).toEqual(['in/a.yaml', 'in/alias.yaml']);
    expect(discovery.skipped).toEqual([
      { path: 'in/broken.yaml', reason: 'broken symbolic link' },
      { path: 'in/leak.yaml', reason: 'symbolic link to a place outside the scan root' },
      { path: 'in/leakdir', reason: 'symbolic link to a place outside the scan root' },
    ]);
  });

  it('refuses a target outside the root, even with allowUnmatched: it names something that is not read', async () => {
    const outside = path.join(tmpdir(), `sts-audit-outside-${process.pid}.yaml`);
    writeFileSync(outside, 'a: 1');
    const root = makeTree({ 'a.yaml': '' });
    mkdirSync(path.join(root, 'sub'));
    const message = `nothing to scan in ${outside}: outside the scan root (the scan root is ${root})`;
    await expect(discoverFiles(['a.yaml', outside], options(root))).rejects.toThrow(message);
    await expect(discoverFiles([outside], { ...options(root), allowUnmatched: true })).rejects.toThrow(message);
    symlinkSync(path.dirname(outside), path.join(root, 'link'));
    await expect(discoverFiles(['link'], options(root))).rejects.toThrow(`nothing to scan in link: symbolic link to a place outside the scan root (the scan root is ${root})`);
  });
});
