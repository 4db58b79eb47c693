// Bundles an entry point into one ES module in dist/, where the modules it replaces sit, so that
// the data, rules and schemas it reads resolve the same way.
//   node scripts/bundle.mjs cli      dist/sts-audit.mjs: a small entry that checks the Node.js
//                                    version, then loads the command line, one module for a fast
//                                    start; what only some commands need (the Kubernetes client, for
//                                    `cluster`) is split out too. The parts are dist/sts-audit-*.mjs
//                                    beside it (the same depth, so that data paths resolve alike).
//   node scripts/bundle.mjs action   dist/action.mjs: the GitHub Action, self-contained (it runs
//                                    without node_modules) and committed, with the cluster audit
//                                    and its Kubernetes client in dist/action-cluster.mjs, loaded
//                                    by `command: cluster` only: fixed names, no chunks to clean up.
//   node scripts/bundle.mjs action DIR   the same, written into DIR (the staleness test).
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const [target = 'cli', outdir] = process.argv.slice(2);

/** The cluster audit module, as the Action's bundle imports it: the file bundled beside it. */
const clusterAuditBeside = {
  name: 'cluster-audit-beside',
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\/audit\.js$/ }, (args) =>
      path.basename(args.importer) === 'audit-request.ts' ? { path: './action-cluster.mjs', external: true } : undefined,
    );
  },
};

const targets = {
  cli: [
    {
      entryPoints: { 'sts-audit': 'src/cli/start.ts' },
      outdir: 'dist',
      splitting: true,
      outExtension: { '.js': '.mjs' },
      chunkNames: 'sts-audit-[name]-[hash]',
      // glob (and the streams it loads) is imported only for glob targets: keep it out of the start-up path.
      external: ['glob'],
    },
  ],
  action: [
    { entryPoints: { action: 'src/action/main.ts' }, outdir: outdir ?? 'dist', outExtension: { '.js': '.mjs' }, plugins: [clusterAuditBeside] },
    { entryPoints: { 'action-cluster': 'src/cluster/audit.ts' }, outdir: outdir ?? 'dist', outExtension: { '.js': '.mjs' } },
  ],
};
const chosen = targets[target];
if (!chosen) throw new Error(`unknown bundle ${target}: cli or action`);

// Chunks of earlier builds.
if (target === 'cli') for (const name of readdirSync('dist')) if (/^sts-audit-.+\.mjs$/.test(name)) rmSync(`dist/${name}`);

for (const options of chosen) {
  await build({
    ...options,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // CommonJS dependencies (commander, ajv, @actions/core's) call require: give the bundle one.
    banner: { js: "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
  });
}
