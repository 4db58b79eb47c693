// Bundles an entry point into one ES module in dist/, where the modules it replaces sit, so that
// the data, rules and schemas it reads resolve the same way.
//   node scripts/bundle.mjs cli      dist/sts-audit.mjs: a small entry that checks the Node.js
//                                    version, then loads the command line, one module for a fast
//                                    start; what only some commands need (the Kubernetes client, for
//                                    `cluster`) is split out too. The parts are dist/sts-audit-*.mjs
//                                    beside it (the same depth, so that data paths resolve alike).
//   node scripts/bundle.mjs action   dist/action.mjs: the GitHub Action, self-contained (it runs
//                                    without node_modules) and committed.
//   node scripts/bundle.mjs action FILE   the same, written elsewhere (the staleness test).
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const [target = 'cli', outfile] = process.argv.slice(2);
const targets = {
  cli: {
    entryPoints: { 'sts-audit': 'src/cli/start.ts' },
    outdir: 'dist',
    splitting: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'sts-audit-[name]-[hash]',
    // glob (and the streams it loads) is imported only for glob targets: keep it out of the start-up path.
    external: ['glob'],
  },
  action: { entryPoints: ['src/action/main.ts'], outfile: 'dist/action.mjs', external: [] },
};
const chosen = targets[target];
if (!chosen) throw new Error(`unknown bundle ${target}: cli or action`);

// Chunks of earlier builds.
if (target === 'cli') for (const name of readdirSync('dist')) if (/^sts-audit-.+\.mjs$/.test(name)) rmSync(`dist/${name}`);

await build({
  ...chosen,
  ...(chosen.outfile ? { outfile: outfile ?? chosen.outfile } : {}),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  // CommonJS dependencies (commander, ajv, @actions/core's) call require: give the bundle one.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
