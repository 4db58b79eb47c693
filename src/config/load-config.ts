import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CORE_SCHEMA, YAMLException, constructFromEvents, parseEvents } from 'js-yaml';
import { YamlLocator, YamlSource } from '../loaders/yaml-locator.js';
import { packEvents } from '../loaders/packed-events.js';
import { ruleCatalogue } from '../rules/catalogue.js';
import { schemaValidator } from '../schema-validation.js';
import type { ConfiguredCluster } from '../profiles/resolve-profiles.js';
import { readKubernetesVersion } from '../profiles/eks-versions.js';
import type { TestCodePolicy } from '../engine/scan.js';
import type { IgnoreEntry } from '../engine/suppressions.js';
import type { Level, PathSegment, SourcePosition } from '../model/resource.js';

/** The config file `.sts-audit.yaml` (`schemas/config.schema.json`). */
export interface Config {
  clusters: ConfiguredCluster[];
  rules: Record<string, Level | 'off'>;
  ignorePaths: string[];
  ignore: IgnoreEntry[];
  /** How the code rules report test code. */
  testCode: TestCodePolicy;
  /** Absolute path of the config file. */
  file: string;
  /** Absolute folder of the config file: its globs are relative to it. */
  folder: string;
  /** Where a key of the file is written, for findings about its `ignore:` entries. */
  locate(path: readonly PathSegment[]): SourcePosition;
}

/** A config file that cannot be used: exit 2, nothing scanned. */
export class ConfigError extends Error {}

/** The config file looked for in the working directory when `--config` is not given. */
export const defaultConfigName = '.sts-audit.yaml';

let validateConfig: ReturnType<typeof schemaValidator> | undefined;

/**
 * Adds what the schema cannot say of `kubernetesVersion`: that an unquoted `1.30` is the YAML
 * number 1.3 (the schema says only "must be string"), and that EKS never had a version such as 1.3.
 */
function withVersionProblems(problems: string[], clusters: unknown): string[] {
  if (!Array.isArray(clusters)) return problems;
  const result = [...problems];
  clusters.forEach((cluster: unknown, index) => {
    const version = (cluster as { kubernetesVersion?: unknown } | null)?.kubernetesVersion;
    const key = `\`clusters[${index}].kubernetesVersion\``;
    if (typeof version === 'number') {
      const problem = readKubernetesVersion(String(version)).problem ?? `quote it, "${String(version)}"`;
      const at = result.findIndex((text) => text.startsWith(`${key}:`));
      result.splice(at < 0 ? result.length : at, at < 0 ? 0 : 1, `${key}: ${version} is a YAML number, not text: ${problem}`);
    } else if (typeof version === 'string' && /^1\.\d+$/.test(version)) {
      const { problem } = readKubernetesVersion(version);
      if (problem !== undefined) result.push(`${key}: ${problem}`);
    }
  });
  return result;
}

/** Reads and validates a config file; every problem names its key and what was expected. */
export function loadConfig(file: string): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let value: unknown;
  let locator: YamlLocator;
  try {
    // YAML 1.2: `off` is text (a rule level), and so is a date such as `expires: 2026-12-31`.
    const events = parseEvents(text, { filename: file });
    value = constructFromEvents(events, { source: text, schema: CORE_SCHEMA })[0] ?? {};
    const source = new YamlSource(file, text, packEvents(events));
    locator = new YamlLocator(source, source.documentRoot(0));
  } catch (error) {
    if (error instanceof YAMLException) {
      const at = error.mark ? `:${error.mark.line + 1}:${error.mark.column + 1}` : '';
      throw new ConfigError(`${file}${at}: invalid YAML: ${error.reason}`);
    }
    throw error;
  }
  validateConfig ??= schemaValidator('config.schema.json');
  const parsed = value as Partial<Pick<Config, 'clusters' | 'rules' | 'ignorePaths' | 'ignore' | 'testCode'>>;
  const problems = withVersionProblems(validateConfig(value), parsed.clusters);
  if (problems.length === 0) {
    const catalogue = ruleCatalogue();
    for (const id of Object.keys(parsed.rules ?? {})) {
      if (!catalogue.has(id)) problems.push(`\`rules.${id}\`: no such rule (run \`sts-audit rules\` for the list)`);
    }
    (parsed.ignore ?? []).forEach((entry, index) => {
      for (const id of [entry.rule ?? []].flat()) {
        if (!catalogue.has(id)) problems.push(`\`ignore[${index}].rule\`: no such rule ${id} (run \`sts-audit rules\` for the list)`);
      }
    });
  }
  if (problems.length > 0) throw new ConfigError(`${file}: invalid configuration:\n  ${problems.join('\n  ')}`);
  return {
    clusters: parsed.clusters ?? [],
    rules: parsed.rules ?? {},
    ignorePaths: parsed.ignorePaths ?? [],
    ignore: parsed.ignore ?? [],
    testCode: parsed.testCode ?? 'note',
    file: path.resolve(file),
    folder: path.dirname(path.resolve(file)),
    locate: (keyPath) => locator.locate(keyPath),
  };
}
