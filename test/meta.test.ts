import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fileRules, rules } from '../src/rules/index.js';
import { ruleCatalogue } from '../src/rules/catalogue.js';
import { schemaValidator } from '../src/schema-validation.js';
import type { ProfileFlags } from '../src/profiles/resolve-profiles.js';
import type { MessageIds, RuleId } from '../src/rules/message-ids.generated.js';
import type { FileRule, Rule } from '../src/rules/rule.js';
import { repoRoot, scanFiles } from './helpers.js';

const catalogue = ruleCatalogue();
/** Rules about suppressions, which the engine applies rather than a check of objects. */
const engineRules = [...catalogue.values()].filter((rule) => rule.category === 'suppressions').map((rule) => rule.id);

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

/**
 * The example that follows a `### Bad` or `### Good` heading of a help text, as a file: a YAML
 * manifest, Python code, or the file its first comment names (`# requirements.txt`).
 */
function example(help: string, heading: 'Bad' | 'Good'): Record<string, string> {
  const section = help.split(`### ${heading}`)[1] ?? '';
  const match = /```(\w+)\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error(`no code block under ### ${heading}`);
  const [, language, text] = match as unknown as [string, string, string];
  const named = /^# ([\w.-]+)\n/.exec(text)?.[1];
  const file = named ?? { yaml: `${heading.toLowerCase()}.yaml`, python: `${heading.toLowerCase()}.py` }[language];
  if (!file) throw new Error(`cannot tell the file of a ${language} example`);
  return { [file]: text };
}

describe('the rule catalogue', () => {
  it('has one implementation per metadata file, and the other way round', () => {
    expect([...rules.map((rule) => rule.id), ...fileRules.map((rule) => rule.id), ...engineRules].sort()).toEqual([...catalogue.keys()]);
  });

  it.each([...rules.map((rule) => rule.id), ...fileRules.map((rule) => rule.id), ...engineRules])('%s has its implementation, metadata, messages, docs and tests', (id) => {
    expect(existsSync(path.join(repoRoot, 'rules', `${id}.yaml`))).toBe(true);
    const metadata = catalogue.get(id)!;
    // A rule's check and its tests are named by its id and what it checks; the engine's own rules live with the suppressions.
    const module = engineRules.includes(id) ? path.join(repoRoot, 'src', 'engine', 'suppressions.ts') : path.join(repoRoot, 'src', 'rules', `${id}-${metadata.name}.ts`);
    const tests = path.join(repoRoot, 'test', 'rules', engineRules.includes(id) ? 'suppressions.test.ts' : `${id}-${metadata.name}.test.ts`);
    expect(existsSync(module)).toBe(true);
    const source = readFileSync(module, 'utf8');
    if (engineRules.includes(id)) expect(source).toContain(`'${id}'`);
    // And every message of the metadata is one the check can report.
    for (const messageId of Object.keys(metadata.messages)) expect(source).toContain(`'${messageId}'`);
    expect(metadata.help).toMatch(/### Why[\s\S]*### How to fix[\s\S]*### Bad[\s\S]*```\w+\n[\s\S]*### Good[\s\S]*```\w+\n/);
    expect(metadata.precisionBasis, 'rules/*.yaml: precisionBasis says what was measured, on what').toMatch(/\S/);
    expect(readFileSync(path.join(repoRoot, 'docs', 'rules.md'), 'utf8')).toContain(`## ${id}`);
    expect(readFileSync(tests, 'utf8')).toMatch(new RegExp(`'${id}[ ']`));
  });

  it('has no rule module or rule test file that names no rule', () => {
    const named = [...rules, ...fileRules].map((rule) => `${rule.id}-${catalogue.get(rule.id)!.name}`).sort();
    expect(readdirSync(path.join(repoRoot, 'src', 'rules')).filter((file) => /^STS\d/.test(file)).map((file) => file.replace(/\.ts$/, ''))).toEqual(named);
    expect(readdirSync(path.join(repoRoot, 'test', 'rules')).filter((file) => /^STS\d/.test(file)).map((file) => file.replace(/\.test\.ts$/, ''))).toEqual(named);
  });

  it('gives each rule either the object kinds it checks or a category, by the schema', () => {
    const validate = schemaValidator('rule.schema.json');
    const { kinds: _, ...withoutKinds } = catalogue.get('STS001')!;
    expect(validate(catalogue.get('STS001'))).toEqual([]);
    expect(validate(catalogue.get('STS008'))).toEqual([]);
    expect(validate(withoutKinds)).not.toEqual([]);
    expect(validate({ ...catalogue.get('STS001')!, category: 'code' })).not.toEqual([]);
    expect(validate({ ...withoutKinds, category: 'manifests' })).not.toEqual([]);
  });

  it.each([...rules, ...fileRules].map((rule) => rule.id))('%s fires on its bad example and not on its good one', (id) => {
    const help = catalogue.get(id)!.help;
    const flags = exampleFlags(help);
    expect(scanFiles(example(help, 'Bad'), { flags }).findings.map((f) => f.ruleId)).toContain(id);
    expect(scanFiles(example(help, 'Good'), { flags }).findings).toEqual([]);
  });

  it('types the message ids a check may report from its metadata, so a wrong id fails the type check', () => {
    expectTypeOf<MessageIds['STS013']>().toEqualTypeOf<'onlyRegion' | 'onlyDefaultRegion'>();
    expectTypeOf<RuleId>().toEqualTypeOf<`STS${'001' | '002' | '003' | '004' | '005' | '006' | '007' | '008' | '009' | '010' | '011' | '012' | '013' | '014' | '015' | '901' | '902' | '903'}`>();
    const reported: string[] = [];
    const rule: Rule<'STS001'> = {
      id: 'STS001',
      check(_resource, context) {
        // @ts-expect-error: STS001 has no message `enabled`.
        context.report({ path: [], messageId: 'enabled' });
        context.report({ path: [], messageId: 'disabled' });
      },
    };
    // @ts-expect-error: STS008 has no message `globalFormat` (STS012 has).
    const fileRule: FileRule<'STS008'> = { id: 'STS008', checkFile: (_file, context) => context.report({ index: 0, length: 1, messageId: 'globalFormat' }) };
    const context = { profile: undefined as never, serviceAccountFor: () => undefined, ownerOf: () => undefined, report: (problem: { messageId: string }) => reported.push(problem.messageId) };
    rule.check(undefined as never, context);
    fileRule.checkFile(undefined as never, context);
    expect(reported).toEqual(['enabled', 'disabled', 'globalFormat']);
  });

  it('docs/rules.md is generated from the metadata and up to date', () => {
    expect(() => execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'rule-docs.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
