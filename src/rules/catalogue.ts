import { readFileSync, readdirSync } from 'node:fs';
import { load } from 'js-yaml';
import { builtFile, packageFile } from '../package-files.js';
import { schemaValidator } from '../schema-validation.js';
import type { Level } from '../model/resource.js';

/** A rule's metadata, from `rules/ID.yaml` (validated by `schemas/rule.schema.json`). */
export interface RuleMetadata {
  id: string;
  name: string;
  level: Level;
  shortDescription: string;
  fullDescription: string;
  messages: Record<string, { text: string; level?: Level; remediation?: string }>;
  remediation: string;
  help: string;
  tags: string[];
  cwe?: string;
  precision: 'very-high' | 'high' | 'medium' | 'low';
  /** What the precision rests on: what was measured, on what, and when. */
  precisionBasis?: string;
  securitySeverity: string;
  /** The object kinds an object rule checks. */
  kinds?: string[];
  /** What a rule that checks no object reads. */
  category?: 'code' | 'dependencies' | 'suppressions';
}

/** The folder of rule metadata files. */
export const rulesFolder = packageFile('rules');

let cached: Map<string, RuleMetadata> | undefined;

/**
 * Every rule's metadata by id. `npm run build` reads and validates `rules/*.yaml` once into
 * `dist/rule-catalogue.json` (see {@link readRuleFiles}), which is read as it is: a start then
 * parses no YAML and runs no validator. Running from sources, the YAML files are read.
 */
export function ruleCatalogue(): Map<string, RuleMetadata> {
  if (cached) return cached;
  const built = builtFile('rule-catalogue.json');
  const rules = built === undefined ? readRuleFiles() : (JSON.parse(readFileSync(built, 'utf8')) as RuleMetadata[]);
  cached = new Map(rules.map((rule) => [rule.id, rule]));
  return cached;
}

/**
 * Every rule's metadata, read from `rules/*.yaml` in id order and validated. A broken file is a
 * defect of the package, so it throws.
 */
export function readRuleFiles(): RuleMetadata[] {
  const validate = schemaValidator('rule.schema.json');
  return readdirSync(rulesFolder)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const metadata = load(readFileSync(`${rulesFolder}/${file}`, 'utf8'));
      const problems = validate(metadata);
      if (problems.length > 0) throw new Error(`rules/${file}: ${problems.join('; ')}`);
      const rule = metadata as RuleMetadata;
      if (`${rule.id}.yaml` !== file) throw new Error(`rules/${file}: id ${rule.id} does not match the file name`);
      return rule;
    });
}
