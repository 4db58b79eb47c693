// Bundles entry points into dist/, where the modules they replace sit, so that the data, rules and
// schemas they read resolve the same way.
//   node scripts/bundle.mjs package  what the npm package ships, with no node_modules: every
//                                    dependency is inside the bundles, and their licences are in
//                                    dist/THIRD-PARTY-NOTICES.md.
//     dist/sts-audit.mjs   the command line's entry: checks the Node.js version, then runs
//                          dist/sts-audit-main.cjs, the rest of the command line as one CommonJS
//                          script, whose code V8 caches as it stands after a run (src/cli/code-cache.ts).
//                          What only some runs need (glob, for pattern targets; the Terraform reader)
//                          is in it, initialised at its first use; the cluster audit and its
//                          Kubernetes client are dist/sts-audit-cluster.mjs, loaded by `cluster`.
//     dist/sts-audit-worker.mjs, dist/sts-audit-screen-worker.mjs   the worker threads' scripts,
//                          which share their chunks (dist/sts-audit-chunk-*.mjs).
//     dist/index.js        the library the package exports, split the same way into dist/index-*.js.
//   node scripts/bundle.mjs action   dist/action.mjs: the GitHub Action, self-contained (it runs
//                                    without node_modules) and committed, with the cluster audit
//                                    and its Kubernetes client in dist/action-cluster.mjs, loaded
//                                    by `command: cluster` only: fixed names, no chunks to clean up.
//   node scripts/bundle.mjs action DIR   the same, written into DIR (the staleness test).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const [target = 'package', outdir] = process.argv.slice(2);

/**
 * Node.js built-in modules as modules of the bundle that take them by `process.getBuiltinModule`
 * (or `require` on a Node.js without it), each export read from the module where it is imported.
 * An ES import of a built-in makes Node.js build a facade of all its exports first, and reading
 * each one loads more of Node.js (`fs.ReadStream` loads the streams, `util.TextDecoder` the
 * encodings): a start paid about 6 ms for that. Exports no module imports are dropped with the
 * rest of the unused code, and an import of a name the built-in lacks fails the build, as an ES
 * import would fail at start. `node:child_process`, which commander imports for external
 * subcommands, loads at its first use: it has a default export alone (src/ loads it through
 * builtin()).
 */
const builtinsByName = {
  name: 'builtins-by-name',
  setup(plugin) {
    const requireHere = createRequire(import.meta.url);
    // Only for the ES imports of this project and commander, by name or default: a namespace
    // import or a CommonJS require (glob's, the Kubernetes client's) would keep every export.
    const importers = /^(?:src|node_modules\/commander)\//;
    const repository = fileURLToPath(new URL('..', import.meta.url));
    plugin.onResolve({ filter: /^[a-z_:/]+$/ }, (args) =>
      isBuiltin(args.path) && args.kind === 'import-statement' && importers.test(path.relative(repository, args.importer).split(path.sep).join('/'))
        ? { path: args.path.startsWith('node:') ? args.path : `node:${args.path}`, namespace: 'builtin' }
        : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => {
      const load = `((name) => process.getBuiltinModule?.(name) ?? require(name))(${JSON.stringify(args.path)})`;
      if (args.path === 'node:child_process') {
        return { contents: `let loaded;\nexport default new Proxy({}, { get: (_, key) => (loaded ??= ${load})[key] });\n`, loader: 'js' };
      }
      const names = Object.getOwnPropertyNames(requireHere(args.path)).filter((name) => name !== 'default' && /^[A-Za-z_$][\w$]*$/.test(name));
      const exports = names.map((name, index) => `const export${index} = /* @__PURE__ */ read(${JSON.stringify(name)});\nexport { export${index} as ${name} };`);
      return { contents: [`const builtin = ${load};`, 'const read = (name) => builtin[name];', 'export default builtin;', ...exports, ''].join('\n'), loader: 'js' };
    });
  },
};

/**
 * picocolors as this project's modules import it, loaded at its first use: as it loads, it makes
 * its default colours, and reads process.stdout to choose them, which makes stdout's stream
 * (about 2.7 ms of a start, and a report to a file never needs it). The project calls only its
 * `createColors`, with a choice of its own (src/cli/color.ts), and only for a text report.
 */
const picocolorsAtFirstUse = {
  name: 'picocolors-at-first-use',
  setup(plugin) {
    const real = createRequire(import.meta.url).resolve('picocolors');
    const repository = fileURLToPath(new URL('..', import.meta.url));
    plugin.onResolve({ filter: /^picocolors$/ }, (args) => (path.relative(repository, args.importer).split(path.sep)[0] === 'src' ? { path: 'picocolors', namespace: 'picocolors-at-first-use' } : undefined));
    plugin.onLoad({ filter: /.*/, namespace: 'picocolors-at-first-use' }, () => ({
      contents: `export default { createColors: (enabled) => require(${JSON.stringify(real)}).createColors(enabled) };\n`,
      loader: 'js',
      resolveDir: path.dirname(real),
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  // CommonJS dependencies (commander, ajv, @actions/core's) call require: give the bundle one.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [builtinsByName, picocolorsAtFirstUse],
};
/** The cluster audit module, as a bundle imports it: the file bundled beside it. */
const clusterAuditBeside = (file) => ({
  name: 'cluster-audit-beside',
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\/audit\.js$/ }, (args) => (path.basename(args.importer) === 'audit-request.ts' ? { path: file, external: true } : undefined));
  },
});

const split = { outdir: 'dist', splitting: true, metafile: true };
/** The command line as one CommonJS script: `import.meta.url` is the script's own file URL. */
const commandLine = {
  entryPoints: { 'sts-audit-main': 'src/cli/main.ts' },
  outdir: 'dist',
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  metafile: true,
  define: { 'import.meta.url': 'importMetaUrl' },
  // `import()` as `require()`: a script compiled from its text has no module loader of its own
  // (the cluster audit's ES module is required, as Node.js 22.12 and later can).
  supported: { 'dynamic-import': false },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [builtinsByName, picocolorsAtFirstUse, clusterAuditBeside('./sts-audit-cluster.mjs')],
};
/** The entry, built once the script it runs is: it names the script's text by a hash. */
const entry = (mainHash) => ({ entryPoints: { 'sts-audit': 'src/cli/start.ts' }, outdir: 'dist', outExtension: { '.js': '.mjs' }, metafile: true, define: { STS_AUDIT_MAIN_HASH: JSON.stringify(mainHash) } });
const packageBundles = [
  commandLine,
  { entryPoints: { 'sts-audit-cluster': 'src/cluster/audit.ts' }, outdir: 'dist', outExtension: { '.js': '.mjs' }, metafile: true },
  // The worker threads never find files: glob, which esbuild would split into a chunk that nothing loads, stays out.
  { ...split, entryPoints: { 'sts-audit-worker': 'src/engine/scan-worker.ts', 'sts-audit-screen-worker': 'src/loaders/screen-worker.ts' }, outExtension: { '.js': '.mjs' }, chunkNames: 'sts-audit-[name]-[hash]', external: ['glob'] },
  { ...split, entryPoints: { index: 'src/index.ts' }, chunkNames: 'index-[name]-[hash]' },
];

const actionBundles = [
  { entryPoints: { action: 'src/action/main.ts' }, outdir: outdir ?? 'dist', outExtension: { '.js': '.mjs' }, plugins: [builtinsByName, picocolorsAtFirstUse, clusterAuditBeside('./action-cluster.mjs')] },
  { entryPoints: { 'action-cluster': 'src/cluster/audit.ts' }, outdir: outdir ?? 'dist', outExtension: { '.js': '.mjs' } },
];

if (target === 'action') {
  for (const bundle of actionBundles) await build({ ...common, ...bundle });
} else if (target === 'package') {
  // Scripts and chunks of earlier builds.
  for (const name of readdirSync('dist')) if (/^(?:sts-audit|index)[-.].*\.[cm]?js$/.test(name)) rmSync(`dist/${name}`);
  const bundled = new Set();
  const built = async (bundle) => {
    const { metafile } = await build({ ...common, ...bundle });
    for (const input of Object.keys(metafile.inputs)) {
      const folder = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
      if (folder) bundled.add(folder);
    }
  };
  for (const bundle of packageBundles) await built(bundle);
  await built(entry(createHash('sha256').update(readFileSync('dist/sts-audit-main.cjs')).digest('hex').slice(0, 16)));
  writeFileSync('dist/THIRD-PARTY-NOTICES.md', notices([...bundled]));
} else {
  throw new Error(`unknown bundle ${target}: package or action`);
}

/** The name, version and licence text of each bundled package, as their licences ask copies to carry. */
function notices(folders) {
  const sections = folders
    .map((folder) => {
      const { name, version, license } = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
      const file = readdirSync(folder).find((entry) => /^(?:un)?(?:licen[cs]e|copying)(?:[-.][\w.-]+)?$/i.test(entry));
      const text = file ? readFileSync(path.join(folder, file), 'utf8').trim() : `${license} (the package has no licence file)`;
      return { heading: `${name}@${version}`, text: `## ${name}@${version} (${license})\n\n\`\`\`text\n${text}\n\`\`\`\n` };
    })
    .filter((section, index, all) => all.findIndex((other) => other.heading === section.heading) === index)
    .sort((a, b) => a.heading.localeCompare(b.heading));
  return `# Third-party notices\n\nThe bundles in dist/ contain these packages.\n\n${sections.map((section) => section.text).join('\n')}`;
}
