import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { readPackageJson } from './package-files.js';
import type { ErrorObject, ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

/** A validator for one of the package's JSON Schemas: returns readable problems, empty when valid. */
export type Validator = (value: unknown) => string[];

/**
 * The validation function of `schemas/NAME`: the one `npm run build` compiled into
 * `dist/validators/`, or, when running from sources, one compiled now with ajv.
 */
function validationFunction(name: string): ValidateFunction {
  const compiled = fileURLToPath(new URL(`./validators/${name.replace(/\.json$/, '.cjs')}`, import.meta.url));
  if (existsSync(compiled)) return require(compiled) as ValidateFunction;
  const { Ajv } = require('ajv') as typeof import('ajv');
  return new Ajv({ allErrors: true, strict: true }).compile(readPackageJson<object>('schemas', name));
}

/** A validator for `schemas/NAME` that names each bad key. */
export function schemaValidator(name: string): Validator {
  const validate = validationFunction(name);
  return (value) => (validate(value) ? [] : (validate.errors ?? []).map(describeError));
}
/** `/clusters/0/region` → `clusters[0].region`. */
function keyPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === '' ? part : `${path}.${part}`), '');
}

function describeError(error: ErrorObject): string {
  const at = keyPath(error.instancePath);
  const where = at === '' ? 'top level' : `\`${at}\``;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where}: unknown key \`${String(params.additionalProperty)}\``;
    case 'required':
      return `${where}: missing key \`${String(params.missingProperty)}\``;
    case 'enum':
      return `${where}: must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'propertyNames':
      return `${where}: key \`${String(params.propertyName)}\` is not allowed`;
    default:
      return `${where}: ${error.message ?? 'is invalid'}`;
  }
}
