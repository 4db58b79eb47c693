// Compiles each JSON Schema in schemas/ into a standalone validator in dist/validators/, so that
// data is validated at load without compiling schemas at every start. Each is bundled with the
// few ajv helpers it calls, so it also runs where node_modules is absent (the GitHub Action).
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
// A fixed scratch folder: esbuild names it in the output, which is committed and must not churn.
const scratch = path.join(root, 'node_modules', '.validators');
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
try {
  for (const file of readdirSync(path.join(root, 'schemas')).filter((name) => name.endsWith('.schema.json'))) {
    const ajv = new Ajv({ allErrors: true, strict: true, code: { source: true } });
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(root, 'schemas', file), 'utf8')));
    const source = path.join(scratch, file.replace(/\.json$/, '.cjs'));
    writeFileSync(source, standaloneCode.default(ajv, validate));
    await build({ entryPoints: [source], outfile: path.join(root, 'dist', 'validators', path.basename(source)), bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
