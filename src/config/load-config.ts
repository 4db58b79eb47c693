import { readFileSync } from 'node:fs';
import path from 'node:path';
import { YAMLException, load } from 'js-yaml';
import { ruleCatalogue, type Level } from '../rules/catalogue.js';
import { schemaValidator } from '../schema-validation.js';
import type { ConfiguredCluster } from '../profiles/resolve-profiles.js';

/** The config file `.sts-audit.yaml` (`schemas/config.schema.json`). */
export interface Config {
  clusters: ConfiguredCluster[];
  rules: Record<string, Level | 'off'>;
  ignorePaths: string[];
  /** Absolute folder of the config file: its globs are relative to it. */
  folder: string;
}

/** A config file that cannot be used: exit 2, nothing scanned. */
export class ConfigError extends Error {}

/** The config file looked for in the working directory when `--config` is not given. */
export const defaultConfigName = '.sts-audit.yaml';

let validateConfig: ReturnType<typeof schemaValidator> | undefined;

/** Reads and validates a config file; every problem names its key and what was expected. */
export function loadConfig(file: string): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let value: unknown;
  try {
    value = load(text, { filename: file }) ?? {};
  } catch (error) {
    if (error instanceof YAMLException) {
      const at = error.mark ? `:${error.mark.line + 1}:${error.mark.column + 1}` : '';
      throw new ConfigError(`${file}${at}: invalid YAML: ${error.reason}`);
    }
    throw error;
  }
  validateConfig ??= schemaValidator('config.schema.json');
  const problems = validateConfig(value);
  const parsed = value as Partial<Omit<Config, 'folder'>>;
  if (problems.length === 0) {
    const catalogue = ruleCatalogue();
    for (const id of Object.keys(parsed.rules ?? {})) {
      if (!catalogue.has(id)) problems.push(`\`rules.${id}\`: no such rule (run \`sts-audit rules\` for the list)`);
    }
  }
  if (problems.length > 0) throw new ConfigError(`${file}: invalid configuration:\n  ${problems.join('\n  ')}`);
  return {
    clusters: parsed.clusters ?? [],
    rules: parsed.rules ?? {},
    ignorePaths: parsed.ignorePaths ?? [],
    folder: path.dirname(path.resolve(file)),
  };
}
