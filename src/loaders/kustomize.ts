import { builtin } from '../builtins.js';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { isManifestFile } from './discover-files.js';
import { LineIndex } from './line-index.js';
import { locatorAt } from './yaml-locator.js';
import { parseManifests, parseYamlDocuments } from './parse-manifests.js';
import { variablePattern } from '../model/irsa.js';
import { isRecord, valueAt } from '../values.js';
import type { FileText } from './read-files.js';
import type { DocumentLocator, LocateOptions, ObjectIdentity, PathSegment, SourcePosition } from '../model/resource.js';

/** The file names kustomize looks for in a folder, in its order. */
const kustomizationNames = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** True for a kustomization file. */
export function isKustomization(file: string): boolean {
  // Each name ends in `l` or `n`: most files are told apart without their name cut out of their
  // path. A path that ends in `/` is asked in full: its name is the one before.
  const last = file.charCodeAt(file.length - 1);
  return (last === 0x6c || last === 0x6e || last === 0x2f) && kustomizationNames.includes(path.posix.basename(file));
}

/**
 * Fields that make kustomize run code or reach the network: Helm charts (`--enable-helm`),
 * generator, transformer and validator plugins (KRM functions in containers or executables, with
 * `--enable-alpha-plugins`). They are refused rather than left to fail, so the reason is clear.
 */
const refusedFields: Record<string, string> = {
  helmCharts: '`helmCharts` would run Helm',
  helmChartInflationGenerator: '`helmChartInflationGenerator` would run Helm',
  helmGlobals: '`helmGlobals` would run Helm',
  generators: '`generators` may run plugins (KRM functions, executables)',
  transformers: '`transformers` may run plugins (KRM functions, executables)',
  validators: '`validators` may run plugins (KRM functions, executables)',
};

/** A build may take this long and write this much before it is stopped. */
const buildTimeoutMs = 60_000;
const maxBuildOutput = 64 * 1024 * 1024;
/** Lines of kustomize's message kept in an error. */
const errorLines = 3;

/** A place a value may come from: a YAML value, and a locator for paths inside it. */
interface Origin {
  value: unknown;
  locator: DocumentLocator;
}

/** Which objects a patch applies to: by kind and name (a regular expression, as kustomize reads `target`). */
interface PatchTarget {
  kind?: string;
  name?: string;
}

/** A patch of a kustomization: strategic-merge documents, or JSON 6902 operations. */
type Patch =
  | { type: 'strategic'; target?: PatchTarget; documents: Origin[] }
  | { type: 'json6902'; target: PatchTarget; operations: Origin[] };

/** One kustomization reached from a root, with what it includes. */
interface Tree {
  /** Files it and the kustomizations it reaches include, relative to the scan root. */
  files: Set<string>;
  /** Of those, the patch files. */
  patchFiles: Set<string>;
  /** Every patch, in the order kustomize applies them (inner kustomizations first). */
  patches: Patch[];
  /** Every kustomization's own document, in the same order: its `commonAnnotations` and `commonLabels` set values too. */
  kustomizations: Origin[];
}

/** A root kustomization: built, or why not, and what it includes either way. */
export interface KustomizeRoot {
  /** The kustomization file, relative to the scan root. */
  file: string;
  folder: string;
  /** Its first line: where a finding points when no line of its files gives the value. */
  firstLine: string;
  tree: Tree;
  /** Why it cannot be built safely (it reaches outside the scan root, runs code…). */
  refused?: string;
  /** Set when a Flux `Kustomization` object (in `file`) applies the folder. */
  flux?: FluxKustomization;
}

/** What a Flux `Kustomization` adds to the build of its `spec.path`. */
interface FluxKustomization {
  /** `namespace/name`, as messages name it. */
  name: string;
  /** The folder's manifests, when it has no kustomization file: Flux generates one including them. */
  generated?: string[];
  /** Kustomizations in subfolders of a generated folder, included as folders. */
  generatedFolders?: string[];
  /** The wrapper kustomization's fields taken from the object (`patches`, `namespace`, common metadata). */
  fields: Record<string, unknown>;
  /** `spec.postBuild.substitute`'s variables, when Flux substitutes at all. */
  substitute?: Record<string, string>;
}

class Refused extends Error {}

/**
 * Finds the root kustomizations among the scanned files (those no other scanned kustomization
 * includes) and reads, from the scan root, every file they reach: nothing outside the root is
 * read, and what kustomize would fetch or run is refused.
 */
function findKustomizeRoots(root: string, scanned: readonly string[]): KustomizeRoot[] {
  const kustomizations = scanned.filter(isKustomization);
  if (kustomizations.length === 0) return [];
  const realRoot = realpathSync(root);
  const trees = kustomizations.map((file) => {
    const folder = path.posix.dirname(file);
    let firstLine = '';
    try {
      firstLine = readFileSync(path.join(root, file), 'utf8').split(/\r?\n/, 1)[0] ?? '';
      return { file, folder, firstLine, tree: readTree(root, realRoot, folder, []) };
    } catch (error) {
      // A file that cannot be read (permissions, a race) is refused like any other reason not to build.
      const refused = error instanceof Refused ? error.message : `not read: ${error instanceof Error ? error.message : String(error)}`;
      return { file, folder, firstLine, tree: { files: new Set<string>(), patchFiles: new Set<string>(), patches: [], kustomizations: [] }, refused };
    }
  });
  const included = new Set(trees.flatMap(({ file, tree }) => [...tree.files].filter((other) => other !== file)));
  return trees.filter(({ file }) => !included.has(file));
}

const fluxApiVersions = new Set(['kustomize.toolkit.fluxcd.io/v1', 'kustomize.toolkit.fluxcd.io/v1beta2']);

/**
 * The Flux `Kustomization` objects among the manifests the scan has read, each as a root over its
 * `spec.path`. Flux reads the path from the root of its source; offline no source can be told
 * apart from another, so every path is taken from the scan root.
 */
function findFluxKustomizations(root: string, scanned: readonly string[], read: readonly FileText[]): KustomizeRoot[] {
  const realRoot = realpathSync(root);
  // Filtered first: most files of a code scan are unread, and a list made for each was garbage.
  const candidates = read.filter((file): file is FileText & { text: string } => file.text !== undefined && isManifestFile(file.path) && file.text.includes('kustomize.toolkit.fluxcd.io'));
  return candidates.flatMap(({ path: file, text }) => {
    const parsed = parseYamlDocuments(file, text);
    if (parsed.outcome === 'error') return [];
    return parsed.documents.flatMap(({ value, locator }): KustomizeRoot[] => {
      if (!isRecord(value) || value.kind !== 'Kustomization' || typeof value.apiVersion !== 'string' || !fluxApiVersions.has(value.apiVersion)) return [];
      const metadata = isRecord(value.metadata) ? value.metadata : {};
      const name = `${typeof metadata.namespace === 'string' ? `${metadata.namespace}/` : ''}${nameOf(value)}`;
      const firstLine = locator.locate([]).lineText;
      const spec = isRecord(value.spec) ? value.spec : {};
      const specPath = typeof spec.path === 'string' ? spec.path : '.';
      const empty: Tree = { files: new Set<string>(), patchFiles: new Set<string>(), patches: [], kustomizations: [] };
      try {
        const folder = localReference(root, realRoot, '.', specPath, 'spec.path');
        if (!folder.directory) throw new Refused(`\`spec.path\` \`${specPath}\` is not a folder`);
        const flux = fluxOf(name, spec);
        const tree = kustomizationIn(root, folder.file) === undefined ? generatedTree(root, realRoot, folder.file, scanned, flux) : readTree(root, realRoot, folder.file, []);
        const patches = Array.isArray(spec.patches) ? spec.patches : [];
        patches.forEach((entry, index) => {
          if (!isRecord(entry) || typeof entry.patch !== 'string') return;
          tree.patches.push(toPatch(inlineDocuments(file, text, locator, ['spec', 'patches', index, 'patch'], entry.patch), isRecord(entry.target) ? targetOf(entry.target) : undefined));
        });
        // Its common metadata is applied last, and is read where a kustomization's `commonAnnotations` and `commonLabels` are.
        const common = isRecord(spec.commonMetadata) ? spec.commonMetadata : {};
        const commonField = (field: PathSegment | undefined): PathSegment => (field === 'commonAnnotations' ? 'annotations' : 'labels');
        tree.kustomizations.push({
          value: { commonAnnotations: common.annotations, commonLabels: common.labels },
          locator: { path: file, locate: ([field, ...rest], options) => locator.locate(['spec', 'commonMetadata', commonField(field), ...rest], options) },
        });
        return [{ file, folder: folder.file, firstLine, tree, flux }];
      } catch (error) {
        if (!(error instanceof Refused)) throw error;
        return [{ file, folder: specPath, firstLine, tree: empty, refused: `Flux Kustomization \`${name}\`: ${error.message}` }];
      }
    });
  });
}

/**
 * What Flux generates for a folder without a kustomization file: every YAML manifest under it,
 * and each subfolder that has a kustomization file as a folder (whose own files it includes).
 * Recorded in `flux` for the build.
 */
function generatedTree(root: string, realRoot: string, folder: string, scanned: readonly string[], flux: FluxKustomization): Tree {
  const under = (file: string): boolean => folder === '.' || file.startsWith(`${folder}/`);
  const folders = scanned.filter((file) => isKustomization(file) && under(file)).map((file) => path.posix.dirname(file));
  const outer = folders.filter((inner) => !folders.some((other) => other !== inner && inner.startsWith(`${other}/`)));
  const inFolder = (file: string): boolean => outer.some((inner) => file.startsWith(`${inner}/`));
  const manifests = scanned.filter((file) => under(file) && /\.ya?ml$/i.test(file) && !inFolder(file) && !isKustomization(file));
  flux.generated = manifests;
  flux.generatedFolders = outer;
  const tree: Tree = { files: new Set(manifests), patchFiles: new Set(), patches: [], kustomizations: [] };
  // Discovery does not leave the root, but a file may be a link that does: checked as a reference is.
  for (const file of manifests) localReference(root, realRoot, '.', file, 'spec.path');
  for (const inner of outer) addTree(tree, readTree(root, realRoot, inner, []));
  return tree;
}

/** Adds what an included kustomization reaches to a tree. */
function addTree(tree: Tree, inner: Tree): void {
  for (const included of inner.files) tree.files.add(included);
  for (const patch of inner.patchFiles) tree.patchFiles.add(patch);
  tree.patches.push(...inner.patches);
  tree.kustomizations.push(...inner.kustomizations);
}

/** The wrapper fields and variables a Flux `Kustomization` spec gives its build. */
function fluxOf(name: string, spec: Record<string, unknown>): FluxKustomization {
  const fields: Record<string, unknown> = {};
  const patches = (Array.isArray(spec.patches) ? spec.patches : []).filter((entry) => isRecord(entry) && typeof entry.patch === 'string');
  if (patches.length > 0) fields.patches = patches.map((entry) => ({ patch: entry.patch, ...(isRecord(entry.target) ? { target: entry.target } : {}) }));
  if (typeof spec.targetNamespace === 'string') fields.namespace = spec.targetNamespace;
  const common = isRecord(spec.commonMetadata) ? spec.commonMetadata : {};
  if (isRecord(common.annotations)) fields.commonAnnotations = common.annotations;
  if (isRecord(common.labels)) fields.labels = [{ pairs: common.labels }];
  const postBuild = isRecord(spec.postBuild) ? spec.postBuild : {};
  // Flux substitutes only when either is set; `substituteFrom` names ConfigMaps and Secrets in the cluster, unknown here.
  if (postBuild.substitute === undefined && postBuild.substituteFrom === undefined) return { name, fields };
  const known = isRecord(postBuild.substitute) ? postBuild.substitute : {};
  return { name, fields, substitute: Object.fromEntries(Object.entries(known).filter((entry): entry is [string, string] => typeof entry[1] === 'string')) };
}

/** A local reference of a kustomization, checked to stay inside the scan root and to exist there. */
function localReference(root: string, realRoot: string, folder: string, reference: string, field: string): { file: string; directory: boolean } {
  // kustomize fetches what is not a local path (a URL, `github.com/…`, `git::…`): refused before it can.
  if (/^[a-z][a-z0-9+.-]*:\/\/|^git::|^git@|\?ref=/i.test(reference)) throw new Refused(`\`${field}\` entry \`${reference}\` is remote; only files in the repository are built`);
  const file = path.posix.normalize(path.posix.join(folder, reference));
  if (path.posix.isAbsolute(reference) || file === '..' || file.startsWith('../')) throw new Refused(`\`${field}\` entry \`${reference}\` is outside the scan root`);
  const absolute = path.join(root, file);
  if (!existsSync(absolute)) throw new Refused(`\`${field}\` entry \`${reference}\` is not in the repository (kustomize would try to fetch it)`);
  const real = realpathSync(absolute);
  if (real !== realRoot && !real.startsWith(`${realRoot}${path.sep}`)) throw new Refused(`\`${field}\` entry \`${reference}\` leads outside the scan root`);
  return { file, directory: statSync(real).isDirectory() };
}

function kustomizationIn(root: string, folder: string): string | undefined {
  const name = kustomizationNames.find((candidate) => existsSync(path.join(root, folder, candidate)));
  return name === undefined ? undefined : path.posix.join(folder, name);
}

function readTree(root: string, realRoot: string, folder: string, reaching: readonly string[]): Tree {
  const file = kustomizationIn(root, folder);
  if (file === undefined) throw new Refused(`\`${folder}\` has no kustomization file`);
  if (reaching.includes(file)) throw new Refused(`\`${file}\` includes itself`);
  const text = readFileSync(path.join(root, file), 'utf8');
  const parsed = parseYamlDocuments(file, text);
  if (parsed.outcome === 'error') throw new Refused(`\`${file}\`: ${parsed.message}`);
  const document = parsed.documents[0];
  if (!document) throw new Refused(`\`${file}\` is empty`);
  const data = isRecord(document.value) ? document.value : {};
  for (const [field, reason] of Object.entries(refusedFields)) if (data[field] !== undefined) throw new Refused(`\`${file}\`: ${reason}, which is not done for a scan`);
  const tree: Tree = { files: new Set([file]), patchFiles: new Set(), patches: [], kustomizations: [] };
  for (const field of ['resources', 'bases', 'components']) {
    for (const entry of Array.isArray(data[field]) ? data[field] : []) {
      if (typeof entry !== 'string') continue;
      const reference = localReference(root, realRoot, folder, entry, field);
      if (reference.directory) addTree(tree, readTree(root, realRoot, reference.file, [...reaching, file]));
      else tree.files.add(reference.file);
    }
  }
  const patchText = (reference: string, field: string): { file: string; text: string } => {
    const { file: patchFile } = localReference(root, realRoot, folder, reference, field);
    tree.files.add(patchFile);
    tree.patchFiles.add(patchFile);
    return { file: patchFile, text: readFileSync(path.join(root, patchFile), 'utf8') };
  };
  const locator = document.locator;
  const inline = (fieldPath: PathSegment[], patch: string): Origin[] => inlineDocuments(file, text, locator, fieldPath, patch);
  const fromFile = (reference: string, field: string): Origin[] => {
    const { file: patchFile, text: patch } = patchText(reference, field);
    const patchDocuments = parseYamlDocuments(patchFile, patch);
    if (patchDocuments.outcome === 'error') throw new Refused(`\`${patchFile}\`: ${patchDocuments.message}`);
    return patchDocuments.documents;
  };
  const listOf = (field: string): unknown[] => (Array.isArray(data[field]) ? data[field] : []);
  listOf('patches').forEach((entry, index) => {
    if (!isRecord(entry)) return;
    const documents = typeof entry.path === 'string' ? fromFile(entry.path, 'patches') : typeof entry.patch === 'string' ? inline(['patches', index, 'patch'], entry.patch) : [];
    tree.patches.push(toPatch(documents, isRecord(entry.target) ? targetOf(entry.target) : undefined));
  });
  listOf('patchesStrategicMerge').forEach((entry, index) => {
    if (typeof entry !== 'string') return;
    const documents = entry.includes('\n') ? inline(['patchesStrategicMerge', index], entry) : fromFile(entry, 'patchesStrategicMerge');
    tree.patches.push({ type: 'strategic', documents });
  });
  listOf('patchesJson6902').forEach((entry, index) => {
    if (!isRecord(entry) || !isRecord(entry.target)) return;
    const documents = typeof entry.path === 'string' ? fromFile(entry.path, 'patchesJson6902') : typeof entry.patch === 'string' ? inline(['patchesJson6902', index, 'patch'], entry.patch) : [];
    tree.patches.push(toPatch(documents, targetOf(entry.target)));
  });
  tree.kustomizations.push({ value: data, locator });
  return tree;
}

function targetOf(target: Record<string, unknown>): PatchTarget {
  return {
    ...(typeof target.kind === 'string' ? { kind: target.kind } : {}),
    ...(typeof target.name === 'string' ? { name: target.name } : {}),
  };
}

/** A patch is JSON 6902 when its document is a list of operations, as kustomize tells them apart. */
function toPatch(documents: Origin[], target: PatchTarget | undefined): Patch {
  const operations = documents[0];
  if (operations && Array.isArray(operations.value)) {
    const list = operations.value;
    return { type: 'json6902', target: target ?? {}, operations: list.map((value, index) => ({ value, locator: locatorAt(operations.locator, [index]) })) };
  }
  return { type: 'strategic', ...(target ? { target } : {}), documents };
}

/**
 * The documents of a patch written inline in a kustomization. A literal block scalar (`|`) keeps
 * its lines as they are, shifted by its indentation: positions inside the patch map to the
 * kustomization's lines. Any other style points at the patch as a whole.
 */
function inlineDocuments(file: string, text: string, kustomization: DocumentLocator, fieldPath: PathSegment[], patch: string): Origin[] {
  const parsed = parseYamlDocuments(file, patch);
  if (parsed.outcome === 'error') throw new Refused(`\`${file}\`: inline patch: ${parsed.message}`);
  const start = kustomization.locate(fieldPath);
  const lines = new LineIndex(text);
  const keyLine = kustomization.locate(fieldPath, { target: 'key' }).lineText;
  const literal = /:\s*\|[0-9+-]*\s*(#.*)?$/.test(keyLine) || /^\s*-\s*\|[0-9+-]*\s*(#.*)?$/.test(keyLine);
  return parsed.documents.map(({ value, locator }) => ({
    value,
    locator: {
      path: file,
      locate: (inner: readonly PathSegment[], options?: LocateOptions): SourcePosition => {
        if (!literal) return start;
        const at = locator.locate(inner, options);
        const [lineShift, columnShift] = [start.startLine - 1, start.startColumn - 1];
        return {
          startLine: at.startLine + lineShift,
          startColumn: at.startColumn + columnShift,
          endLine: at.endLine + lineShift,
          endColumn: at.endColumn + columnShift,
          lineText: lines.lineText(at.startLine + lineShift),
        };
      },
    },
  }));
}

/** What became of a build. */
export type BuildResult = { outcome: 'built'; output: string; wrapper: string } | { outcome: 'failed'; message: string } | { outcome: 'no-kubectl' };

/** A root kustomization and what became of its build (a refused one failed, with the reason). */
export interface OverlayBuild {
  overlay: KustomizeRoot;
  build: BuildResult;
}

/**
 * Finds the root kustomizations among the scanned files and builds them, as many at once as the
 * machine has cores: each build is mostly kubectl starting up.
 */
export async function buildOverlays(root: string, scanned: readonly string[], read: readonly FileText[]): Promise<OverlayBuild[]> {
  const flux = findFluxKustomizations(root, scanned, read);
  // What a Flux Kustomization applies is built through it only: that is what the cluster receives.
  const applied = new Set(flux.flatMap(({ tree }) => [...tree.files]));
  const overlays = [...flux, ...findKustomizeRoots(root, scanned).filter(({ file }) => !applied.has(file))];
  const builds: Array<BuildResult | undefined> = overlays.map(({ refused }) => (refused === undefined ? undefined : { outcome: 'failed', message: `kustomization not built: ${refused}` }));
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < overlays.length; index = next++) builds[index] ??= await buildOverlay(root, overlays[index]!);
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), overlays.length) }, worker));
  return overlays.map((overlay, index) => ({ overlay, build: builds[index]! }));
}

/**
 * Builds an overlay with `kubectl kustomize`, from a kustomization in a temporary folder that
 * includes it and asks for `buildMetadata` (each object's origin file), so the user's files are
 * never written. kustomize loads a folder it includes with that folder as its own root, so the
 * overlay's loads stay restricted to it (`LoadRestrictionsRootOnly`, the default). No plugin,
 * Helm or exec flag is passed; kubectl gets no stdin, a bare environment, a time and an output
 * bound. The temporary folder's path is returned (it is removed): origins are relative to it.
 */
async function buildOverlay(root: string, overlay: KustomizeRoot): Promise<BuildResult> {
  const wrapper = mkdtempSync(path.join(tmpdir(), 'sts-audit-kustomize-'));
  try {
    const fromWrapper = (folder: string): string => path.relative(wrapper, path.join(root, folder)).split(path.sep).join('/');
    const { flux } = overlay;
    let resources = [fromWrapper(overlay.folder)];
    if (flux?.generated) {
      // kustomize loads a wrapper's own files only from below it: the folder's manifests are copied there.
      for (const file of flux.generated) {
        mkdirSync(path.join(wrapper, copiesFolder, path.posix.dirname(file)), { recursive: true });
        writeFileSync(path.join(wrapper, copiesFolder, file), readFileSync(path.join(root, file)));
      }
      resources = [...flux.generated.map((file) => `${copiesFolder}/${file}`), ...(flux.generatedFolders ?? []).map(fromWrapper)];
    }
    const kustomization = { resources, ...flux?.fields, buildMetadata: ['originAnnotations'] };
    // JSON is YAML, and quotes whatever the Flux object's fields hold.
    writeFileSync(path.join(wrapper, 'kustomization.yaml'), `${JSON.stringify(kustomization, null, 2)}\n`);
    const result = await runKubectl(['kustomize', wrapper], wrapper);
    if (result.outcome !== 'exited') return result.outcome === 'missing' ? { outcome: 'no-kubectl' } : { outcome: 'failed', message: result.message };
    if (result.status !== 0) return { outcome: 'failed', message: kustomizeMessage(result.stderr, root, wrapper) };
    return { outcome: 'built', output: result.stdout, wrapper };
  } finally {
    rmSync(wrapper, { recursive: true, force: true });
  }
}

/** The folder of a wrapper where a generated kustomization's files are copied, under their paths from the scan root. */
const copiesFolder = 'files';

/**
 * Flux's `postBuild` substitution in every string of a built object: `${name}` takes its
 * `substitute` value, else its default (`${name:=default}`, `${name:-default}`, as envsubst reads
 * them), else stays as it is, a value the rules take as present but unknown (`isPlaceholder`).
 * Flux substitutes in the YAML text, where a value such as `false` may turn a string into another
 * type; here strings stay strings, so the rules judge the value and not its re-typing.
 */
function substitute(value: unknown, variables: Record<string, string>): unknown {
  if (typeof value === 'string') return value.replace(new RegExp(variablePattern.source, 'g'), (placeholder, name: string, fallback: string | undefined) => (Object.hasOwn(variables, name) ? variables[name]! : (fallback ?? placeholder)));
  if (Array.isArray(value)) return value.map((item) => substitute(item, variables));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, variables)]));
  return value;
}

type KubectlResult = { outcome: 'exited'; status: number | null; stdout: string; stderr: string } | { outcome: 'missing' } | { outcome: 'stopped'; message: string };

/** Runs kubectl with no stdin and a bare environment, stopping it past the time or output bound. */
function runKubectl(args: string[], home: string): Promise<KubectlResult> {
  return new Promise((resolve) => {
    const child = builtin('node:child_process').spawn('kubectl', args, { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '', HOME: home } });
    const output: Record<'stdout' | 'stderr', Buffer[]> = { stdout: [], stderr: [] };
    let bytes = 0;
    let stopped: string | undefined;
    const stop = (message: string): void => {
      stopped ??= message;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(`kustomize took longer than ${buildTimeoutMs / 1000} s`), buildTimeoutMs);
    for (const stream of ['stdout', 'stderr'] as const) {
      child[stream].on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > maxBuildOutput) stop(`kustomize wrote more than ${maxBuildOutput / 1024 / 1024} MiB`);
        else output[stream].push(chunk);
      });
    }
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(error.code === 'ENOENT' ? { outcome: 'missing' } : { outcome: 'stopped', message: `kubectl could not be started: ${error.message}` });
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      if (stopped !== undefined) resolve({ outcome: 'stopped', message: stopped });
      else resolve({ outcome: 'exited', status, stdout: Buffer.concat(output.stdout).toString('utf8'), stderr: Buffer.concat(output.stderr).toString('utf8') });
    });
  });
}

/** kustomize's own words, without kubectl's log prefix and with paths relative to the scan root. */
function kustomizeMessage(stderr: string, root: string, wrapper: string): string {
  const quoted = /err="((?:[^"\\]|\\.)*)"/.exec(stderr)?.[1];
  const message = quoted === undefined ? stderr : quoted.replace(/\\"/g, '"').replace(/\\n/g, '\n');
  // kustomize names the overlay from the temporary folder: those prefixes mean nothing to the user.
  const prefixes = [`${path.relative(wrapper, root).split(path.sep).join('/')}/`, `${root}${path.sep}`, `${wrapper}${path.sep}`];
  const relative = prefixes.reduce((text, prefix) => text.split(prefix).join(''), message);
  return `kustomize could not build it: ${relative.trim().split('\n').slice(0, errorLines).join(' ')}`;
}

const originAnnotation = 'config.kubernetes.io/origin';

/** An object an overlay built. */
export interface BuiltObject {
  identity: ObjectIdentity;
  data: Record<string, unknown>;
  locator: DocumentLocator;
}

/**
 * The objects an overlay built, each with a locator that points a path at the line the user
 * edits: the last patch that sets the value, else the value in its origin file, else (a
 * transformer set it, say) the overlay's kustomization with the reason.
 */
export function builtObjects(root: string, kustomization: KustomizeRoot, build: { output: string; wrapper: string }, keep: (identity: ObjectIdentity) => boolean): { objects: BuiltObject[]; documents: number; objectCount: number } {
  const parsed = parseManifests(kustomization.file, build.output, { keep });
  if (parsed.outcome !== 'parsed') return { objects: [], documents: 0, objectCount: 0 };
  const variables = kustomization.flux?.substitute;
  // Most objects of a build come from a few files: each is read and parsed once.
  const originDocuments = new Map<string, Origin[]>();
  const documentsOf = (file: string): Origin[] => {
    let documents = originDocuments.get(file);
    if (documents === undefined) originDocuments.set(file, (documents = readDocuments(root, file)));
    return documents;
  };
  const objects = parsed.objects.map((object) => {
    if (variables) object.data = substitute(object.data, variables) as Record<string, unknown>;
    const metadata = isRecord(object.data.metadata) ? object.data.metadata : {};
    const annotations = isRecord(metadata.annotations) ? metadata.annotations : {};
    const origin = typeof annotations[originAnnotation] === 'string' ? /^path:\s*(.+)$/m.exec(annotations[originAnnotation])?.[1]?.trim() : undefined;
    delete annotations[originAnnotation];
    if (Object.keys(annotations).length === 0) delete metadata.annotations;
    const resolved = origin === undefined ? undefined : path.resolve(build.wrapper, origin);
    const copies = path.join(build.wrapper, copiesFolder, path.sep);
    const originAbsolute = resolved?.startsWith(copies) ? path.join(root, resolved.slice(copies.length)) : resolved;
    const originFile = originAbsolute === undefined ? undefined : path.posix.normalize(path.relative(root, originAbsolute).split(path.sep).join('/'));
    const base = originFile === undefined || originFile.startsWith('../') ? undefined : baseDocument(documentsOf(originFile), object.identity);
    return { identity: object.identity, data: object.data, locator: new OverlayLocator(kustomization, object.data, object.identity, base) };
  });
  return { objects, documents: parsed.documents, objectCount: parsed.objectCount };
}

/** The documents of an object's origin file; none when it cannot be read or parsed. */
function readDocuments(root: string, file: string): Origin[] {
  let text: string;
  try {
    text = readFileSync(path.join(root, file), 'utf8');
  } catch {
    return [];
  }
  const parsed = parseYamlDocuments(file, text);
  return parsed.outcome === 'error' ? [] : parsed.documents;
}

/** The document of an object's origin file it was built from: same kind, and a name its built name contains (prefixes, suffixes). */
function baseDocument(documents: readonly Origin[], identity: ObjectIdentity): Origin | undefined {
  const candidates = documents.filter(({ value }) => isRecord(value) && value.kind === identity.kind && identity.name.includes(nameOf(value)));
  return candidates.sort((a, b) => nameOf(b.value).length - nameOf(a.value).length)[0];
}

function nameOf(value: unknown): string {
  const metadata = isRecord(value) && isRecord(value.metadata) ? value.metadata : {};
  return typeof metadata.name === 'string' ? metadata.name : '';
}

/**
 * The same path in another document of the same object (a patch, the base): a list item is
 * matched by its `name` when it has one (kustomize merges containers, env and volumes by name),
 * else by its index. Undefined when the other document lacks a step.
 */
function matchingPath(built: unknown, other: unknown, steps: readonly PathSegment[]): PathSegment[] | undefined {
  const result: PathSegment[] = [];
  for (const step of steps) {
    if (typeof step === 'number') {
      if (!Array.isArray(built) || !Array.isArray(other)) return undefined;
      const item: unknown = built[step];
      const name = isRecord(item) && typeof item.name === 'string' ? item.name : undefined;
      const index = name === undefined ? step : other.findIndex((candidate) => isRecord(candidate) && candidate.name === name);
      if (index < 0 || index >= other.length) return undefined;
      result.push(index);
      built = item;
      other = other[index];
    } else {
      if (!isRecord(built) || !isRecord(other) || !(step in other)) return undefined;
      result.push(step);
      built = built[step];
      other = other[step];
    }
  }
  return result;
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

/** RFC 6901: a JSON pointer's steps. */
function pointerSteps(pointer: string): string[] {
  return pointer.split('/').slice(1).map((step) => step.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function targets(target: PatchTarget | undefined, identity: ObjectIdentity, baseName: string): boolean {
  if (!target) return true;
  if (target.kind !== undefined && target.kind !== identity.kind) return false;
  if (target.name === undefined) return true;
  const pattern = new RegExp(`^(?:${target.name})$`);
  return pattern.test(identity.name) || pattern.test(baseName);
}

/** Locates paths of a built object in the files that gave them their values. */
class OverlayLocator implements DocumentLocator {
  readonly path: string;

  constructor(
    private readonly kustomization: KustomizeRoot,
    private readonly built: Record<string, unknown>,
    private readonly identity: ObjectIdentity,
    private readonly base: Origin | undefined,
  ) {
    this.path = kustomization.file;
  }

  locate(steps: readonly PathSegment[], options?: LocateOptions): SourcePosition {
    // A path that is not in the built object is shown at its nearest existing parent, found as any other.
    let known = steps.length;
    while (known > 0 && !valueAt(this.built, steps.slice(0, known)).found) known--;
    const existing = steps.slice(0, known);
    const missing = steps.slice(known);
    const builtValue = valueAt(this.built, existing).value;
    const baseName = nameOf(this.base?.value);
    const place = (origin: Origin, at: PathSegment[]): SourcePosition => ({ ...origin.locator.locate([...at, ...missing], options), file: origin.locator.path });
    if (isScalar(builtValue)) {
      for (const patch of [...this.kustomization.tree.patches].reverse()) {
        const found = this.inPatch(patch, existing, builtValue, baseName);
        if (found) return place(found.origin, found.at);
      }
    }
    const inBase = this.base ? matchingPath(this.built, this.base.value, existing) : undefined;
    if (this.base && inBase && (!isScalar(builtValue) || this.gives(valueAt(this.base.value, inBase).value, builtValue))) return place(this.base, inBase);
    const common = this.inCommonMetadata(existing, builtValue);
    if (common) return place(common.origin, common.at);
    const firstLine = this.kustomization.firstLine;
    return {
      startLine: 1,
      startColumn: 1,
      endLine: 1,
      endColumn: firstLine.length + 1,
      lineText: firstLine,
      note: `no patch or resource line of it sets \`${existing.join('.')}\` to the value kustomize built (a transformer did), so this points at the overlay's kustomization`,
    };
  }

  /** Whether a file's value became the built one: as it is, or through Flux's variable substitution. */
  private gives(value: unknown, built: unknown): boolean {
    return value === built || (this.kustomization.flux?.substitute !== undefined && typeof value === 'string' && value.includes('${'));
  }

  /** The kustomization whose `commonAnnotations` or `commonLabels` gives an annotation or label (of the object or its pod template) its value. */
  private inCommonMetadata(steps: readonly PathSegment[], value: unknown): { origin: Origin; at: PathSegment[] } | undefined {
    const [metadata, kind, key] = steps.slice(-3);
    const field = kind === 'annotations' ? 'commonAnnotations' : kind === 'labels' ? 'commonLabels' : undefined;
    if (metadata !== 'metadata' || field === undefined || typeof key !== 'string') return undefined;
    for (const kustomization of [...this.kustomization.tree.kustomizations].reverse()) {
      const common = isRecord(kustomization.value) ? kustomization.value[field] : undefined;
      if (isRecord(common) && common[key] === value) return { origin: kustomization, at: [field, key] };
    }
    return undefined;
  }

  /** Where a patch sets a scalar at `steps` of this object, if it does. */
  private inPatch(patch: Patch, steps: readonly PathSegment[], value: unknown, baseName: string): { origin: Origin; at: PathSegment[] } | undefined {
    if (patch.type === 'strategic') {
      for (const document of patch.documents) {
        if (!isRecord(document.value)) continue;
        const own = { kind: typeof document.value.kind === 'string' ? document.value.kind : undefined, name: nameOf(document.value) };
        const applies = patch.target ? targets(patch.target, this.identity, baseName) : own.kind === this.identity.kind && (own.name === this.identity.name || own.name === baseName);
        if (!applies) continue;
        const at = matchingPath(this.built, document.value, steps);
        if (at && valueAt(document.value, at).value === value) return { origin: document, at };
      }
      return undefined;
    }
    if (!targets(patch.target, this.identity, baseName)) return undefined;
    for (const operation of [...patch.operations].reverse()) {
      const op = isRecord(operation.value) ? operation.value : {};
      if ((op.op !== 'add' && op.op !== 'replace') || typeof op.path !== 'string') continue;
      const pointer = pointerSteps(op.path);
      if (pointer.length > steps.length) continue;
      const under = pointer.every((step, index) => step === String(steps[index]) || (step === '-' && typeof steps[index] === 'number'));
      if (!under) continue;
      const rest = steps.slice(pointer.length);
      const at = matchingPath(valueAt(this.built, steps.slice(0, pointer.length)).value, op.value, rest);
      if (at && valueAt(op.value, at).value === value) return { origin: operation, at: ['value', ...at] };
    }
    return undefined;
  }
}
