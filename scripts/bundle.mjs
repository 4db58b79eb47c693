// Bundles the command line into one file, dist/sts-audit.mjs: one module to load instead of
// dozens makes every run start sooner. It sits in dist/ like the modules it replaces, so the
// data, rules and schemas it reads resolve the same way.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/sts-audit.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  // CommonJS dependencies (commander, ajv) call require: give the bundle one.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);" },
  // glob (and the streams it loads) is imported only for glob targets: keep it out of the start-up path.
  external: ['glob'],
  logLevel: 'warning',
});
