import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBlockYaml } from '../../src/loaders/block-yaml.js';
import { defaultManifestLimits, type ManifestLimits } from '../../src/loaders/manifest-limits.js';
import { kubernetesSchema, readWithJsYaml } from '../../src/loaders/yaml-stream.js';
import { sharedCorpus } from '../helpers.js';
import { manifestDocuments, mutate, mutations, toYaml, yamlStyle } from '../support/arbitraries.js';

/**
 * How the block reader does on a text against js-yaml: `read` when it read it to the very same
 * packed events and values, `left` when it left it to js-yaml. Anything else fails the test: a
 * text it reads that js-yaml refuses, or reads to other events or values.
 */
function compare(text: string, limits: ManifestLimits = defaultManifestLimits): 'read' | 'left' {
  const fast = readBlockYaml(text, kubernetesSchema, limits);
  let slow: ReturnType<typeof readWithJsYaml> | undefined;
  let refusal = '';
  try {
    slow = readWithJsYaml('test.yaml', text, limits, false);
  } catch (error) {
    refusal = error instanceof Error ? error.message : String(error);
  }
  if (!fast) return 'left';
  if (!slow) throw new Error(`read a text js-yaml refuses (${refusal}):\n${text}`);
  expect({ length: fast.events.length, roots: fast.events.documentRoots }, text).toEqual({ length: slow.events.length, roots: slow.events.documentRoots });
  expect(Array.from(fast.events.table), text).toEqual(Array.from(slow.events.table));
  expect(sameValue(fast.values, slow.values), `${text}\n${JSON.stringify(fast.values)}\n${JSON.stringify(slow.values)}`).toBe(true);
  return 'read';
}

/** Equal values, keys in the same order, NaN and -0 told apart as `Object.is` does, prototypes too. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  const keys = Object.keys(a);
  const otherKeys = Object.keys(b);
  return keys.length === otherKeys.length && keys.every((key, index) => key === otherKeys[index] && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

const manifest = `# a comment before the first document
apiVersion: v1
kind: ServiceAccount
metadata:
  name: app
  namespace: team-a   # trailing comment
  labels: {app.kubernetes.io/name: app, tier: "backend"}
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/app
    eks.amazonaws.com/sts-regional-endpoints: "true"
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  replicas: 3
  template:
    spec:
      serviceAccountName: app
      containers:
      - name: app
        image: registry.example/app:1.30.0
        args: ["--port=8080", '--mode=fast', -v]
        command:
          - /bin/app
        env:
          - name: AWS_ENDPOINT_URL_STS
            value: https://sts.amazonaws.com
          - name: EMPTY
            value:
          - name: SCRIPT
            value: |
              echo one
                echo two

              echo "three: 3"
        resources:
          limits: {cpu: 500m, memory: 256Mi}
---
---
apiVersion: v1
kind: ConfigMap
data:
  folded: >-
    one
    two

    three
  kept: |+
    x

  stripped: |-
    y
  quoted: 'it''s'
  empty: ""
  list: []
  map: {}
...
`;

describe('the block YAML reader', () => {
  it('reads plain block manifests to the events and values js-yaml reads', () => {
    expect(compare(manifest.replace(/\.\.\.\n$/, ''))).toBe('read');
  });

  it.each([
    ['scalars of every YAML 1.1 type', 'a: yes\nb: No\nc: on\nd: OFF\ne: ~\nf: null\ng: 0x1F\nh: 010\ni: 1_000\nj: +1\nk: -0\nl: .inf\nm: -.Inf\nn: .NaN\no: 1e3\np: 1.5\nq: 2024-01-02\nr: y\ns: n\nt: true\nu: "yes"\n'],
    ['keys of every type', '1: a\ntrue: b\n~: c\n2.5: d\n0x10: e\n"quoted": f\n\'single\': g\nk y: h\n'],
    ['colons and hashes inside values', 'a: http://x:80/#frag\nb: c#d\nc: "e: f"\nd: g # comment\ne: -f\nf: ?x\ng: :x\n'],
    ['sequences at the key\'s indent and nested', 'a:\n- b\n- c:\n    - d\n  e: f\n-\n- \ng: h\n'],
    ['compact mappings in sequences', 'items:\n  - name: x\n    value: "1"\n  - name: y\n    valueFrom:\n      fieldRef: {fieldPath: metadata.name}\n'],
    ['empty documents and comment lines', '---\n# c\n---\n\n---\na: 1\n# end\n'],
    ['an indented root', '  a: 1\n  b:\n    c: 2\n'],
    ['a root sequence', '- a\n- b: c\n'],
    ['trailing spaces', 'a: b   \nc:    \nd:\n  - e   \n'],
    ['block scalars ending at comments and dedents', 'a:\n  b: |\n    text\n   # comment\n  c: >\n    folded\n    more\n\n# end\nd: |-\n\n  late\n'],
    ['block scalars at the end with no newline', 'a: |\n  x\n  y'],
    ['block scalars with trailing blank lines', 'a: |+\n  x\n\n  \n\nb: 1\n'],
    ['flow collections', 'a: [1, "two", \'three\', {b: c}, [d, e], -1]\nf: {g: [h], i: {j: k}, "l": m}\n'],
    ['a key with a space before its colon', 'a : b\n'],
    ['keys with hashes, colons, dashes and dots in them', 'a#b: c\na:b: c\nhttp://x: y\n-a: b\n.a: b\n~a: b\na b : c\n?a: b\n'],
    ['escapes in double quotes', 'a: "x\\ty\\n\\u00e9\\x41\\U0001F600 \\"q\\" \\\\"\n"k\\u0079": [ "\\/" ]\n'],
    ['characters beyond the Basic Multilingual Plane', '# 😀\na: "😀" # 😀\nb: x😀y\n'],
    ['a value made of spaces only before a comment', 'a:    # c\n  b: 1\n'],
  ])('reads %s as js-yaml does', (_name, text) => {
    expect(compare(text)).toBe('read');
  });

  it.each([
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['tags', 'a: !!str 1\n'],
    ['merge keys', 'a: {b: 1}\nc:\n  <<: {d: 2}\n'],
    ['an escape YAML does not know', 'a: "x\\qy"\n'],
    ['a short hexadecimal escape', 'a: "\\x4"\n'],
    ['a surrogate that is not a pair', 'a: "\uD83D"\n'],
    ['plain scalars over lines', 'a: one\n  two\n'],
    ['quoted scalars over lines', 'a: "one\n  two"\n'],
    ['flow collections over lines', 'a: [1,\n  2]\n'],
    ['tabs', 'a:\tb\n'],
    ['carriage returns', 'a: b\r\n'],
    ['directives', '%YAML 1.1\n---\na: b\n'],
    ['document end markers', 'a: b\n...\n'],
    ['explicit keys', '? a\n: b\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a key and value on one line', 'a: b: c\n'],
    ['templates', 'name: {{ .Release.Name }}\n'],
    ['a block scalar with an indentation indicator', 'a: |2\n   x\n'],
    ['a scalar root', 'just text\n'],
    ['a byte-order mark', '\uFEFFa: b\n'],
    ['nesting past the limit', `${Array.from({ length: 70 }, (_, depth) => `${' '.repeat(depth)}k:`).join('\n')} v\n`],
    ['__proto__ keys', '__proto__: {a: 1}\n'],
  ])('leaves %s to js-yaml', (_name, text) => {
    expect(compare(text)).toBe('left');
  });

  it('reads a value that starts with a digit and holds any other character as js-yaml does', () => {
    const printable = Array.from({ length: 95 }, (_, code) => String.fromCharCode(code + 32)).filter((char) => !'#"\''.includes(char));
    for (const prefix of ['1', '0x1', '1.5e', '12:3', '0b1', '-1', '+.']) {
      const text = printable.map((char, index) => `k${index}: ${prefix}${char}0\n`).join('');
      expect(['read', 'left']).toContain(compare(text));
      for (const char of printable) compare(`- ${prefix}${char}0\n- [${prefix}${char}0]\n`);
    }
  });

  it('leaves a file past the document limit to js-yaml, which refuses it', () => {
    expect(compare('a: 1\n---\nb: 2\n---\nc: 3\n', { ...defaultManifestLimits, maxDocuments: 2 })).toBe('left');
  });

  it('reads every example manifest it reads as js-yaml does, and reads most of them', () => {
    const files = yamlFiles(path.resolve('fixtures'));
    const outcomes = files.map((file) => compare(readFileSync(file, 'utf8')));
    expect(files.length).toBeGreaterThan(50);
    expect(outcomes.filter((outcome) => outcome === 'read').length / files.length).toBeGreaterThan(0.6);
  });

  it('reads generated YAML as js-yaml does', () => {
    let read = 0;
    const random = seeded(20261201);
    for (let round = 0; round < 40000; round++) {
      if (compare(generatedYaml(random)) === 'read') read++;
    }
    expect(read).toBeGreaterThan(6000);
  });

  // The property tests' manifests in every style they write, whole and mutated (FUZZ_SEED, FUZZ_RUNS).
  const seed = Number(process.env.FUZZ_SEED ?? 42);
  const runs = Number(process.env.FUZZ_RUNS ?? 100) * 5;
  it(`reads generated manifests in many styles, whole and broken, as js-yaml does (seed ${seed}, ${runs} runs)`, () => {
    let read = 0;
    fc.assert(
      fc.property(manifestDocuments, yamlStyle, (documents, style) => {
        if (compare(toYaml(documents, style)) === 'read') read++;
      }),
      { seed, numRuns: runs },
    );
    expect(read).toBeGreaterThan(0);
    if (process.env.SHOW_READ) console.log("read", read, "of", runs);
    fc.assert(
      fc.property(manifestDocuments, yamlStyle, mutations, (documents, style, changes) => {
        compare(mutate(toYaml(documents, style), changes));
      }),
      { seed, numRuns: runs },
    );
  });

  const corpora = [sharedCorpus('realworld'), sharedCorpus('irsa-sources')];
  it.skipIf(!corpora.every((corpus) => corpus.present))(corpora[0]!.title('reads the public corpora as js-yaml does'), () => {
    const files = corpora.flatMap((corpus) => yamlFiles(corpus.folder));
    const outcomes = files.map((file) => compare(readFileSync(file, 'utf8')));
    expect(outcomes.filter((outcome) => outcome === 'read').length).toBeGreaterThan(files.length / 3);
  });
});

function yamlFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** A small deterministic generator (mulberry32). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const scalars = [
  'a', 'yes', 'No', 'on', '~', 'null', '', '0x1F', '010', '1_000', '+1', '-0', '.inf', '.NaN', '1e3', '1.5', '2024-01-02', 'true',
  '"q"', "'s'", "'it''s'", '""', "''", 'http://x:80/p', 'c#d', 'e # comment', '-f', '?g', ':h', 'k y', 'x: y', '"x: y"', '[a, b]',
  '{a: b}', '[]', '{}', '[a, [b, c], {d: e}]', '{a: [b], c: d}', '&anchor v', '*alias', '!!str v', 'a\tb', '"esc\\n"', '"a', '[a,', '{a}',
  '[a: b]', 'v   ', '@x', '`x', '%x', '|', '|-', '>+', '>2', '- x', 'a, b', '1:2', '"a" b', '[a, ]', '{a: b, }', '{"a":1}',
  '"\\t\\"x\\\\"', '"\\u00e9\\x41"', '"\\q"', '"\\x4g"', '"a\\', 'x😀', '"😀"',
  '1/2', '1 2', '0x1F/a', '12%', '1,000', '1@2', '1=2', '190:20:30', '1.5e+3', '0o17', '0b101', '1_0', '111122223333.dkr.ecr.us-west-2.amazonaws.com/a:1',
];

/** A random mapping or sequence, with keys and scalars from the list above, block scalars, comments and blank lines. */
function generatedYaml(random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const lines: string[] = [];
  const keys = ['a', 'b', 'c', 'name', 'value', 'k y', '"q"', "'s'", '1', 'true', '~', 'a', 'x:y', '<<'];
  const node = (indent: number, depth: number, inSequence: boolean): void => {
    const pad = ' '.repeat(indent);
    const entries = 1 + Math.floor(random() * 3);
    const sequence = random() < 0.35;
    for (let n = 0; n < entries; n++) {
      const lead = sequence ? '- ' : `${pick(keys)}:${random() < 0.9 ? ' ' : ''}`;
      const prefix = n === 0 && inSequence ? '' : pad;
      const roll = random();
      if (random() < 0.08) lines.push(`${' '.repeat(Math.floor(random() * (indent + 3)))}# note`);
      if (random() < 0.05) lines.push('');
      if (depth < 4 && roll < 0.3) {
        if (sequence && random() < 0.5) {
          lines.push(`${prefix}- ${''}`.trimEnd() + (random() < 0.5 ? '' : ' '));
          node(indent + 2, depth + 1, false);
          continue;
        }
        if (sequence) {
          lines.push(`${prefix}- ${pick(keys)}: ${pick(scalars)}`);
          node(indent + 2, depth + 1, false);
          continue;
        }
        lines.push(`${prefix}${lead}`);
        node(indent + (random() < 0.2 ? 0 : 2 + Math.floor(random() * 2)), depth + 1, false);
      } else if (roll < 0.38) {
        lines.push(`${prefix}${lead}${pick(['|', '|-', '|+', '>', '>-', '>+'])}`);
        const body = 1 + Math.floor(random() * 3);
        for (let line = 0; line < body; line++) lines.push(random() < 0.15 ? ' '.repeat(Math.floor(random() * 3)) : `${pad}  ${' '.repeat(random() < 0.2 ? 2 : 0)}${pick(scalars)}`);
      } else {
        lines.push(`${prefix}${lead}${pick(scalars)}${random() < 0.1 ? ' # c' : ''}`);
      }
    }
  };
  const documents = 1 + Math.floor(random() * 2);
  for (let document = 0; document < documents; document++) {
    if (document > 0 || random() < 0.3) lines.push(random() < 0.9 ? '---' : '--- # start');
    node(random() < 0.1 ? 2 : 0, 0, false);
  }
  return `${lines.join('\n')}${random() < 0.9 ? '\n' : ''}`;
}
