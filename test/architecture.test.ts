import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

const src = path.join(repoRoot, 'src');

/**
 * The layers of `src/`, lowest first: a module imports only from its own layer or lower ones.
 * `base` is the files at the top of `src/` (facts, texts, package files), which stay there because
 * they find the package's files relative to themselves, as the bundles in `dist/` do; `index.ts`
 * is the library's entry, above everything.
 */
const layers = ['base', 'code', 'endpoints', 'model', 'profiles', 'loaders', 'rules', 'engine', 'config', 'formats', 'cluster', 'cli', 'action', 'index.ts'];

/** The layer of a file under `src/`. */
function layerOf(file: string): string {
  const relative = path.relative(src, file).split(path.sep);
  if (relative.length > 1) return relative[0]!;
  return relative[0] === 'index.ts' ? 'index.ts' : 'base';
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Relative specifiers of `import … from`, `import type … from`, `export … from`, `import '…'` and `import('…')`. */
function relativeImports(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]!);
}

/** Every relative import in `src/` that crosses layers, as `from → to`. */
function crossingImports(): Array<{ from: string; to: string; edge: string }> {
  return sourceFiles(src).flatMap((file) =>
    relativeImports(readFileSync(file, 'utf8')).flatMap((imported) => {
      const target = path.resolve(path.dirname(file), imported).replace(/\.js$/, '.ts');
      const [from, to] = [layerOf(file), layerOf(target)];
      return from === to ? [] : [{ from, to, edge: `${path.relative(src, file)} → ${path.relative(src, target)}` }];
    }),
  );
}

/** The layers that import each other in a circle: the strongly connected parts of the layer graph with more than one layer. */
function cycles(edges: ReadonlyArray<{ from: string; to: string }>): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) next.set(from, (next.get(from) ?? new Set()).add(to));
  const reaches = (start: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length > 0) for (const to of next.get(stack.pop()!) ?? []) if (!seen.has(to)) seen.add(to), stack.push(to);
    return seen;
  };
  const reach = new Map([...next.keys()].map((layer) => [layer, reaches(layer)]));
  const groups = new Map<string, string[]>();
  for (const layer of next.keys()) {
    const group = [...next.keys()].filter((other) => other === layer || (reach.get(layer)!.has(other) && reach.get(other)?.has(layer)));
    if (group.length > 1) groups.set(group.sort().join(), group);
  }
  return [...groups.values()];
}

describe('the import graph of src/', () => {
  const imports = crossingImports();

  it('sees every kind of import, and finds circles', () => {
    const text = "import { a } from './a.js';\nimport type {\n  B,\n} from '../b.js';\nexport { c } from './c.js';\nimport './d.js';\nconst e = await import('./e.js');\nimport f from 'node:fs';\n";
    expect(relativeImports(text)).toEqual(['./a.js', '../b.js', './c.js', './d.js', './e.js']);
    expect(cycles([{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'a' }, { from: 'c', to: 'd' }])).toEqual([['a', 'b', 'c']]);
  });

  it('has no cycle between folders', () => {
    const circles = cycles(imports).map((group) =>
      imports.filter(({ from, to }) => group.includes(from) && group.includes(to)).map(({ edge }) => edge),
    );
    expect(circles).toEqual([]);
  });

  it('puts every folder in a layer', () => {
    const folders = readdirSync(src, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(folders.filter((folder) => !layers.includes(folder))).toEqual([]);
  });

  it('imports only from lower layers', () => {
    const upward = imports.filter(({ from, to }) => layers.indexOf(to) > layers.indexOf(from)).map(({ edge }) => edge);
    expect(upward).toEqual([]);
  });
});
