import path from 'node:path';
import { isRecord } from '../values.js';

/** A dependency a manifest declares or a lock file resolved, and where its name is written. */
export interface Dependency {
  ecosystem: 'npm' | 'pypi' | 'go' | 'maven' | 'nuget' | 'rubygems' | 'packagist';
  name: string;
  /** As written: `^2.1.0`, `==1.26.0`, `>=1.20,<1.30`, or empty. */
  spec: string;
  /** The highest version the spec allows (exact for locks and pins); undefined when unbounded. */
  highest?: string;
  /** Whether `highest` is itself excluded (`<1.30`). */
  highestExcluded?: boolean;
  index: number;
  length: number;
}

/** Compares dotted versions numerically: `1.9.0` < `1.40.0`. */
export function compareVersions(a: string, b: string): number {
  const left = a.replace(/^v/, '').split(/[.+-]/).map((part) => Number.parseInt(part, 10));
  const right = b.replace(/^v/, '').split(/[.+-]/).map((part) => Number.parseInt(part, 10));
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = Number.isNaN(left[i] ?? 0) ? 0 : (left[i] ?? 0);
    const y = Number.isNaN(right[i] ?? 0) ? 0 : (right[i] ?? 0);
    if (x !== y) return x - y;
  }
  return 0;
}

/** The upper bound of a PEP 440 specifier set (`==1.2`, `<1.3`, `<=1.3`, `~=1.2.0`, `>=1`), if any. */
function pythonUpperBound(spec: string): Pick<Dependency, 'highest' | 'highestExcluded'> {
  let bound: Pick<Dependency, 'highest' | 'highestExcluded'> = {};
  for (const clause of spec.split(',').map((part) => part.trim())) {
    const match = /^(===?|~=|<=|<|!=|>=|>)\s*([0-9][0-9A-Za-z.*+-]*)$/.exec(clause);
    if (!match) continue;
    const [, operator, version] = match as unknown as [string, string, string];
    let candidate: Pick<Dependency, 'highest' | 'highestExcluded'> | undefined;
    if (operator === '==' || operator === '===') candidate = version.includes('*') ? { highest: version.replace(/\.?\*$/, '.999999'), highestExcluded: false } : { highest: version, highestExcluded: false };
    else if (operator === '<=') candidate = { highest: version, highestExcluded: false };
    else if (operator === '<') candidate = { highest: version, highestExcluded: true };
    else if (operator === '~=') {
      const parts = version.split('.');
      parts.pop();
      const last = parts.length - 1;
      parts[last] = String(Number(parts[last]) + 1);
      candidate = { highest: parts.join('.'), highestExcluded: true };
    }
    if (candidate?.highest && (bound.highest === undefined || compareVersions(candidate.highest, bound.highest) < 0)) bound = candidate;
  }
  return bound;
}

/** The upper bound of a Poetry constraint: exact, `~1.2`, `^1.2`, or a PEP 440 set. */
function poetryUpperBound(spec: string): Pick<Dependency, 'highest' | 'highestExcluded'> {
  const trimmed = spec.trim();
  if (/^[0-9][0-9.]*$/.test(trimmed)) return { highest: trimmed, highestExcluded: false };
  const tilde = /^~\s*([0-9][0-9.]*)$/.exec(trimmed);
  if (tilde) {
    const parts = (tilde[1] as string).split('.');
    const index = parts.length > 1 ? 1 : 0;
    return { highest: [...parts.slice(0, index), String(Number(parts[index]) + 1)].join('.'), highestExcluded: true };
  }
  const caret = /^\^\s*([0-9][0-9.]*)$/.exec(trimmed);
  if (caret) {
    const parts = (caret[1] as string).split('.').map(Number);
    const index = Math.max(0, parts.findIndex((part) => part !== 0));
    return { highest: [...parts.slice(0, index), (parts[index] ?? 0) + 1].join('.'), highestExcluded: true };
  }
  return pythonUpperBound(trimmed);
}

const normalizePython = (name: string): string => name.toLowerCase().replace(/[_.]+/g, '-');

/** The position of a JSON string's content (without its quotes), from `from`; the start of the text when absent. */
function findJsonString(text: string, value: string, from = 0): { index: number; length: number } {
  const quoted = JSON.stringify(value);
  const index = text.indexOf(quoted, Math.max(0, from));
  return index < 0 ? { index: 0, length: 0 } : { index: index + 1, length: quoted.length - 2 };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function npmManifest(text: string): Dependency[] {
  const value = parseJson(text);
  if (!isRecord(value)) return [];
  const found: Dependency[] = [];
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
    const group = value[field];
    if (!isRecord(group)) continue;
    for (const [name, spec] of Object.entries(group)) {
      if (typeof spec !== 'string') continue;
      const at = findJsonString(text, name, text.indexOf(JSON.stringify(field)));
      found.push({ ecosystem: 'npm', name, spec, ...at });
    }
  }
  return found;
}

function npmLock(text: string): Dependency[] {
  const value = parseJson(text);
  if (!isRecord(value)) return [];
  const found: Dependency[] = [];
  const packages = isRecord(value.packages) ? value.packages : {};
  for (const [key, entry] of Object.entries(packages)) {
    if (!key.startsWith('node_modules/') || !isRecord(entry) || typeof entry.version !== 'string') continue;
    const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    found.push({ ecosystem: 'npm', name, spec: entry.version, highest: entry.version, highestExcluded: false, ...findJsonString(text, key) });
  }
  if (found.length === 0 && isRecord(value.dependencies)) {
    for (const [name, entry] of Object.entries(value.dependencies)) {
      if (!isRecord(entry) || typeof entry.version !== 'string') continue;
      found.push({ ecosystem: 'npm', name, spec: entry.version, highest: entry.version, highestExcluded: false, ...findJsonString(text, name) });
    }
  }
  return found;
}

function requirements(text: string): Dependency[] {
  const found: Dependency[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const content = line.replace(/(^|\s)#.*$/, '');
    const match = /^(\s*)([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*([^;]*)/.exec(content);
    if (match && !content.trimStart().startsWith('-')) {
      const [, lead, name, , spec] = match as unknown as [string, string, string, string, string];
      found.push({ ecosystem: 'pypi', name: normalizePython(name), spec: spec.trim(), ...pythonUpperBound(spec), index: offset + lead.length, length: name.length });
    }
    offset += line.length + 1;
  }
  return found;
}

function pipfileLock(text: string): Dependency[] {
  const value = parseJson(text);
  if (!isRecord(value)) return [];
  const found: Dependency[] = [];
  for (const group of [value.default, value.develop]) {
    if (!isRecord(group)) continue;
    for (const [name, entry] of Object.entries(group)) {
      if (!isRecord(entry) || typeof entry.version !== 'string') continue;
      found.push({ ecosystem: 'pypi', name: normalizePython(name), spec: entry.version, ...pythonUpperBound(entry.version), ...findJsonString(text, name) });
    }
  }
  return found;
}

function poetryLock(text: string): Dependency[] {
  const found: Dependency[] = [];
  for (const match of text.matchAll(/^\[\[package\]\]\s*\nname\s*=\s*"([^"]+)"\s*\nversion\s*=\s*"([^"]+)"/gm)) {
    const [, name, version] = match as unknown as [string, string, string];
    const at = match.index + match[0].indexOf(`"${name}"`) + 1;
    found.push({ ecosystem: 'pypi', name: normalizePython(name), spec: version, highest: version, highestExcluded: false, index: at, length: name.length });
  }
  return found;
}

function pyproject(text: string): Dependency[] {
  const found: Dependency[] = [];
  // PEP 621 arrays: "boto3==1.26.0" anywhere in a dependencies list.
  for (const match of text.matchAll(/["']([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*((?:[<>=!~]=?|===)[^"';]*)?(?:;[^"']*)?["']/g)) {
    const [, name, , spec = ''] = match as unknown as [string, string, string, string | undefined];
    if (spec === '' && !/dependencies\s*=\s*\[[^\]]*$/.test(text.slice(Math.max(0, match.index - 2000), match.index))) continue;
    found.push({ ecosystem: 'pypi', name: normalizePython(name), spec: spec.trim(), ...pythonUpperBound(spec), index: match.index + 1, length: name.length });
  }
  // Poetry tables: boto3 = "^1.26" or boto3 = { version = "1.26.0" }.
  for (const match of text.matchAll(/^([A-Za-z0-9][A-Za-z0-9._-]*)\s*=\s*(?:"([^"]*)"|\{[^}]*version\s*=\s*"([^"]*)")/gm)) {
    const [, name, plain, nested] = match as unknown as [string, string, string | undefined, string | undefined];
    const spec = plain ?? nested ?? '';
    if (['python', 'name', 'version', 'description', 'requires-python'].includes(name)) continue;
    found.push({ ecosystem: 'pypi', name: normalizePython(name), spec, ...poetryUpperBound(spec), index: match.index, length: name.length });
  }
  return found;
}

function goMod(text: string): Dependency[] {
  const found: Dependency[] = [];
  for (const match of text.matchAll(/^(?:require\s+|\s+)([A-Za-z0-9._~/-]+)\s+(v[0-9][^\s]*)/gm)) {
    const [, name, version] = match as unknown as [string, string, string];
    found.push({ ecosystem: 'go', name, spec: version, highest: version, highestExcluded: false, index: match.index + match[0].indexOf(name), length: name.length });
  }
  return found;
}

function pom(text: string): Dependency[] {
  const found: Dependency[] = [];
  for (const block of text.matchAll(/<(dependency|plugin)>([\s\S]*?)<\/\1>/g)) {
    const group = /<groupId>\s*([^<\s]+)\s*<\/groupId>/.exec(block[2] as string)?.[1];
    const artifact = /<artifactId>\s*([^<\s]+)\s*<\/artifactId>/.exec(block[2] as string);
    if (!group || !artifact) continue;
    const version = /<version>\s*([^<\s]+)\s*<\/version>/.exec(block[2] as string)?.[1] ?? '';
    const index = block.index + block[0].indexOf(artifact[0]) + artifact[0].indexOf(artifact[1] as string);
    found.push({ ecosystem: 'maven', name: `${group}:${artifact[1]}`, spec: version, index, length: (artifact[1] as string).length });
  }
  return found;
}

function gradle(text: string): Dependency[] {
  const found: Dependency[] = [];
  for (const match of text.matchAll(/["']([A-Za-z0-9._-]+):([A-Za-z0-9._-]+)(?::([^"'@]+))?["']/g)) {
    const [, group, artifact, version = ''] = match as unknown as [string, string, string, string | undefined];
    found.push({ ecosystem: 'maven', name: `${group}:${artifact}`, spec: version, index: match.index + 1, length: match[0].length - 2 });
  }
  for (const match of text.matchAll(/group\s*[:=]\s*["']([^"']+)["']\s*,\s*name\s*[:=]\s*["']([^"']+)["']/g)) {
    const [, group, artifact] = match as unknown as [string, string, string];
    found.push({ ecosystem: 'maven', name: `${group}:${artifact}`, spec: '', index: match.index, length: match[0].length });
  }
  return found;
}

function csproj(text: string): Dependency[] {
  const found: Dependency[] = [];
  for (const match of text.matchAll(/<PackageReference\s+Include\s*=\s*"([^"]+)"(?:\s+Version\s*=\s*"([^"]*)")?/g)) {
    const [, name, version = ''] = match as unknown as [string, string, string | undefined];
    const exact = /^\[?([0-9][0-9.]*)\]?$/.exec(version)?.[1];
    found.push({ ecosystem: 'nuget', name, spec: version, ...(exact ? { highest: exact, highestExcluded: false } : {}), index: match.index + match[0].indexOf(name), length: name.length });
  }
  return found;
}

function gemfileLock(text: string): Dependency[] {
  const found: Dependency[] = [];
  for (const match of text.matchAll(/^ {4}([A-Za-z0-9._-]+) \(([0-9][^)]*)\)/gm)) {
    const [, name, version] = match as unknown as [string, string, string];
    found.push({ ecosystem: 'rubygems', name, spec: version, highest: version, highestExcluded: false, index: match.index + 4, length: name.length });
  }
  return found;
}

function composerLock(text: string): Dependency[] {
  const value = parseJson(text);
  if (!isRecord(value)) return [];
  const found: Dependency[] = [];
  for (const group of [value.packages, value['packages-dev']]) {
    if (!Array.isArray(group)) continue;
    for (const entry of group) {
      if (!isRecord(entry) || typeof entry.name !== 'string' || typeof entry.version !== 'string') continue;
      const version = entry.version.replace(/^v/, '');
      found.push({ ecosystem: 'packagist', name: entry.name, spec: entry.version, highest: version, highestExcluded: false, ...findJsonString(text, entry.name) });
    }
  }
  return found;
}

/** The dependencies a manifest or lock file names, by its file name; empty for other files. */
export function dependenciesOf(file: string, text: string): Dependency[] {
  const base = path.posix.basename(file);
  if (base === 'package.json') return npmManifest(text);
  if (base === 'package-lock.json') return npmLock(text);
  if (/^requirements.*\.txt$/.test(base)) return requirements(text);
  if (base === 'Pipfile.lock') return pipfileLock(text);
  if (base === 'poetry.lock') return poetryLock(text);
  if (base === 'pyproject.toml') return pyproject(text);
  if (base === 'go.mod') return goMod(text);
  if (base === 'pom.xml') return pom(text);
  if (base === 'build.gradle' || base === 'build.gradle.kts') return gradle(text);
  if (base.endsWith('.csproj')) return csproj(text);
  if (base === 'Gemfile.lock') return gemfileLock(text);
  if (base === 'composer.lock') return composerLock(text);
  return [];
}
