// Reads and validates rules/*.yaml once, at build time, into dist/rule-catalogue.json: the
// command line and the library read that one JSON file at every start instead (see
// src/rules/catalogue.ts). Runs after scripts/build-validators.mjs, whose validator it uses.
import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

// The reader, bundled into dist/ for the time it runs, where the package's files resolve as from
// the other bundles.
const reader = new URL('../dist/rule-catalogue-build.mjs', import.meta.url);
await build({
  entryPoints: ['src/rules/catalogue.ts'],
  outfile: reader.pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);" },
  logLevel: 'warning',
});
try {
  const { readRuleFiles } = await import(reader.href);
  writeFileSync(new URL('../dist/rule-catalogue.json', import.meta.url), JSON.stringify(readRuleFiles()));
} finally {
  rmSync(reader);
}
