// Compiles each JSON Schema in schemas/ into a standalone validator module in dist/validators/
// (CommonJS: ajv's standalone code requires its runtime helpers),
// so the command line validates its data at load without compiling schemas at every start.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(root, 'dist', 'validators');
mkdirSync(out, { recursive: true });
for (const file of readdirSync(path.join(root, 'schemas')).filter((name) => name.endsWith('.schema.json'))) {
  const ajv = new Ajv({ allErrors: true, strict: true, code: { source: true } });
  const validate = ajv.compile(JSON.parse(readFileSync(path.join(root, 'schemas', file), 'utf8')));
  writeFileSync(path.join(out, file.replace(/\.json$/, '.cjs')), standaloneCode.default(ajv, validate));
}
