import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/rules/index.js';
import { ruleCatalogue } from '../src/rules/catalogue.js';
import type { ProfileFlags } from '../src/profiles/resolve-profiles.js';
import { repoRoot, scanFiles } from './helpers.js';

const catalogue = ruleCatalogue();
/** Rules about suppressions, which the engine applies rather than a check of objects. */
const engineRules = [...catalogue.values()].filter((rule) => rule.appliesTo.includes('suppressions')).map((rule) => rule.id);
const testText = readdirSync(path.join(repoRoot, 'test', 'rules'))
  .map((file) => readFileSync(path.join(repoRoot, 'test', 'rules', file), 'utf8'))
  .join('\n');

/** The flags a help example says it was scanned with: "Scanned with `--cluster-version 1.21 …`". */
function exampleFlags(help: string): ProfileFlags {
  const line = /Scanned with `([^`]+)`/.exec(help)?.[1] ?? '';
  const flag = (name: string) => new RegExp(`--${name} (\\S+)`).exec(line)?.[1];
  const flags: ProfileFlags = {};
  const clusterVersion = flag('cluster-version');
  const platformVersion = flag('platform-version');
  const region = flag('region');
  if (clusterVersion) flags.clusterVersion = clusterVersion;
  if (platformVersion) flags.platformVersion = platformVersion;
  if (region) flags.region = region;
  return flags;
}

/** The YAML block that follows a `### Bad` or `### Good` heading of a help text. */
function example(help: string, heading: 'Bad' | 'Good'): string {
  const section = help.split(`### ${heading}`)[1] ?? '';
  const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
  if (block === undefined) throw new Error(`no yaml block under ### ${heading}`);
  return block;
}

describe('the rule catalogue', () => {
  it('has one implementation per metadata file, and the other way round', () => {
    expect([...rules.map((rule) => rule.id), ...engineRules].sort()).toEqual([...catalogue.keys()]);
  });

  it.each([...rules.map((rule) => rule.id), ...engineRules])('%s has its implementation, metadata, messages, docs and tests', (id) => {
    const module = engineRules.includes(id) ? path.join(repoRoot, 'src', 'engine', 'suppressions.ts') : path.join(repoRoot, 'src', 'rules', `${id}.ts`);
    expect(existsSync(module)).toBe(true);
    expect(existsSync(path.join(repoRoot, 'rules', `${id}.yaml`))).toBe(true);
    const metadata = catalogue.get(id)!;
    const source = engineRules.includes(id)
      ? ['suppressions.ts', 'run-rules.ts'].map((file) => readFileSync(path.join(repoRoot, 'src', 'engine', file), 'utf8')).join('\n')
      : readFileSync(module, 'utf8');
    if (engineRules.includes(id)) expect(source).toContain(`'${id}'`);
    const used = [...source.matchAll(/messageId: (?:'(\w+)'|messageIds\[)/g)].map((match) => match[1]).filter(Boolean);
    if (!engineRules.includes(id)) for (const messageId of used) expect(Object.keys(metadata.messages)).toContain(messageId);
    // And every message of the metadata is one the check can report.
    for (const messageId of Object.keys(metadata.messages)) expect(source).toContain(`'${messageId}'`);
    expect(metadata.help).toMatch(/### Why[\s\S]*### How to fix[\s\S]*### Bad[\s\S]*```yaml[\s\S]*### Good[\s\S]*```yaml/);
    expect(readFileSync(path.join(repoRoot, 'docs', 'rules.md'), 'utf8')).toContain(`## ${id}`);
    expect(testText).toContain(`'${id} `);
  });

  it.each(rules.map((rule) => rule.id))('%s fires on its bad example and not on its good one', (id) => {
    const help = catalogue.get(id)!.help;
    const flags = exampleFlags(help);
    expect(scanFiles({ 'bad.yaml': example(help, 'Bad') }, { flags }).findings.map((f) => f.ruleId)).toContain(id);
    expect(scanFiles({ 'good.yaml': example(help, 'Good') }, { flags }).findings).toEqual([]);
  });

  it('docs/rules.md is generated from the metadata and up to date', () => {
    expect(() => execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'rule-docs.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
