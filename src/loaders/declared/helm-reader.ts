import path from 'node:path';
import { isRecord } from '../../values.js';
import { chartKnowledge } from './release-objects.js';
import { setLayer, parseSetName, type SetEntry } from './helm-set.js';
import { parseTemplateYaml } from './template-yaml.js';
import { releaseDeclaredBy } from './release-label.js';
import { locatorAt } from '../yaml-locator.js';
import { helmMarkers, isYamlPath, valuesMarkers } from './markers.js';
import type { ChartReference, DeclarationReader, Declarations, HelmReleaseSpec, LocatedValues, RepositoryView } from '../../model/declared.js';
import type { DocumentLocator } from '../../model/resource.js';

/** helmfile's own files: `helmfile.yaml`, `helmfile.yaml.gotmpl`, and any file of a `helmfile.d` folder. */
const helmfilePattern = /(?:^|\/)(?:helmfile(?:\.[\w-]+)?\.ya?ml(?:\.gotmpl)?|helmfile\.d\/[^/]+\.ya?ml(?:\.gotmpl)?)$/;

/** The top-level keys every YAML manifest starts its objects with. */
const manifestStart = /^apiVersion:/m;
const kindStart = /^kind:/m;

/** Files that are never values: a chart's `templates/`, a kustomization (its `commonAnnotations` are not an account's), CI workflows. */
const notValuesPattern = /(?:^|\/)(?:templates\/|\.github\/|[Kk]ustomization(?:\.ya?ml)?$)/;

/**
 * A parsed document that is not values: a Kubernetes object (the file is a manifest), or a
 * helm-unittest suite, whose `set` values are test inputs that no release is given.
 */
function isNotValues(value: unknown): boolean {
  return isRecord(value) && ((typeof value.apiVersion === 'string' && typeof value.kind === 'string') || (Object.hasOwn(value, 'suite') && Array.isArray(value.tests)));
}

/** The folder of a path, `.` for the root. */
const folderOf = (file: string): string => path.posix.dirname(file);

/** A path joined under a folder and normalised; undefined when it leaves the root. */
function inside(folder: string, relative: string): string | undefined {
  const joined = path.posix.normalize(path.posix.join(folder, relative));
  return joined === '..' || joined.startsWith('../') || path.posix.isAbsolute(relative) ? undefined : joined;
}

/** The chart folders of the repository (holding a `Chart.yaml`), with each chart's name and version. */
function chartFolders(repository: RepositoryView): Map<string, { name?: string; version?: string }> {
  const charts = new Map<string, { name?: string; version?: string }>();
  for (const file of repository.paths) {
    if (path.posix.basename(file) !== 'Chart.yaml') continue;
    charts.set(folderOf(file), chartMetadata(repository.text(file) ?? ''));
  }
  return charts;
}

/** A chart's name and version, as its `Chart.yaml` writes them. */
function chartMetadata(text: string): { name?: string; version?: string } {
  const name = /^name:\s*["']?([^"'\s#]+)/m.exec(text)?.[1];
  const version = /^version:\s*["']?([^"'\s#]+)/m.exec(text)?.[1];
  return { ...(name !== undefined ? { name } : {}), ...(version !== undefined ? { version } : {}) };
}

/** The chart folder a file belongs to: the nearest folder above it with a `Chart.yaml`. */
function chartFolderOf(file: string, charts: ReadonlyMap<string, unknown>): string | undefined {
  for (let folder = folderOf(file); ; folder = folderOf(folder)) {
    if (charts.has(folder)) return folder;
    if (folder === '.' || folder === '/') return undefined;
  }
}

/** A known chart whose name starts a values file's name (`tempo-values-production.yaml`): the chart it is likely for. */
function chartNamedBy(file: string): string | undefined {
  const base = path.posix.basename(file);
  return chartKnowledge
    .map((chart) => chart.chart)
    .filter((chart) => base.startsWith(`${chart}-`) || base.startsWith(`${chart}.`))
    .sort((a, b) => b.length - a.length)[0];
}

/** Values files already read in one run of the reader: a file several releases name is read, and reported, once. */
type ValuesCache = Map<string, LocatedValues | undefined>;

/** Reads one values file, once: its first document, when it is a mapping that is not a Kubernetes object. */
function valuesLayer(file: string, text: string, into: Declarations, cache: ValuesCache): LocatedValues | undefined {
  if (!cache.has(file)) cache.set(file, readValuesFile(file, text, into));
  return cache.get(file);
}

function readValuesFile(file: string, text: string, into: Declarations): LocatedValues | undefined {
  const parsed = parseTemplateYaml(file, text);
  if (parsed.outcome === 'error') {
    // A plain YAML file that does not parse is reported by the manifest reader; a template is ours.
    if (file.endsWith('.gotmpl')) into.errors.push({ path: file, message: `helmfile values template not read: ${parsed.message}`, ...(parsed.line !== undefined ? { line: parsed.line, column: parsed.column } : {}) });
    return undefined;
  }
  const documents = parsed.documents.filter((document) => document.value !== null && document.value !== undefined);
  if (documents.length === 0 || documents.some((document) => isNotValues(document.value)) || !isRecord(documents[0]!.value)) return undefined;
  return { value: documents[0]!.value, locator: documents[0]!.locator, label: `values file \`${file}\`` };
}

/** The releases of one helmfile, and the values files they read. */
function helmfileReleases(file: string, text: string, repository: RepositoryView, into: Declarations, used: Set<string>, cache: ValuesCache): void {
  const parsed = parseTemplateYaml(file, text);
  if (parsed.outcome === 'error') {
    into.errors.push({ path: file, message: `helmfile not read: ${parsed.message}`, ...(parsed.line !== undefined ? { line: parsed.line, column: parsed.column } : {}) });
    return;
  }
  const folder = folderOf(file);
  const repositories = new Set<string>();
  for (const { value } of parsed.documents) {
    if (!isRecord(value) || !Array.isArray(value.repositories)) continue;
    for (const repo of value.repositories) if (isRecord(repo) && typeof repo.name === 'string') repositories.add(repo.name);
  }
  for (const { value, locator } of parsed.documents) {
    if (!isRecord(value) || !Array.isArray(value.releases)) continue;
    value.releases.forEach((release, index) => {
      if (!isRecord(release)) return;
      const at: Array<string | number> = ['releases', index];
      const line = locator.locate(at).startLine;
      const layers: LocatedValues[] = [];
      (Array.isArray(release.values) ? release.values : []).forEach((entry, entryIndex) => {
        const entryAt = [...at, 'values', entryIndex];
        if (isRecord(entry)) {
          layers.push({ value: entry, locator: locatorAt(locator, entryAt), label: `inline values of \`${file}\`` });
          return;
        }
        if (typeof entry !== 'string') return;
        const target = inside(folder, entry.trim());
        const position = locator.locate(entryAt);
        if (target === undefined) {
          into.errors.push({ path: file, line: position.startLine, column: position.startColumn, message: `helmfile values file \`${entry}\` is outside the scan root: not read` });
          return;
        }
        const valuesText = repository.text(target);
        // A values file the scan did not read holds nothing the rules judge (it was screened out).
        if (valuesText === undefined) return;
        const layer = valuesLayer(target, valuesText, into, cache);
        if (layer) {
          layers.push(layer);
          used.add(target);
        }
      });
      if (Array.isArray(release.set)) layers.push(...setValues(file, release.set, [...at, 'set'], locator, into));
      const chart = helmfileChart(release.chart, folder, repositories, repository);
      const name = typeof release.name === 'string' ? release.name : undefined;
      const namespace = typeof release.namespace === 'string' && !release.namespace.includes('{{') ? release.namespace : undefined;
      const chartText = chart.path ?? (chart.repository !== undefined ? `${chart.repository}/${chart.name}` : chart.name);
      into.releases.push({
        kind: 'helmfile',
        file,
        line,
        ...(name !== undefined ? { releaseName: name } : {}),
        ...(namespace !== undefined ? { namespace } : {}),
        chart,
        values: layers,
        declaredBy: releaseDeclaredBy(name, chartText, `helmfile \`${file}\``),
      });
    });
  }
}

/** A helmfile release's `set:` entries, as a values layer; a malformed name is an input error. */
function setValues(file: string, entries: unknown[], at: Array<string | number>, locator: DocumentLocator, into: Declarations): LocatedValues[] {
  const set: SetEntry[] = [];
  entries.forEach((entry, index) => {
    if (!isRecord(entry) || typeof entry.name !== 'string') return;
    const name = locator.locate([...at, index, 'name']);
    const path = parseSetName(entry.name);
    if (typeof path === 'string') {
      into.errors.push({ path: file, line: name.startLine, column: name.startColumn, message: `helmfile \`set\` name not valid: ${path}` });
      return;
    }
    set.push({ path, value: entry.value, name, valueAt: Object.hasOwn(entry, 'value') ? locator.locate([...at, index, 'value']) : name });
  });
  return set.length > 0 ? [setLayer(file, set, `set entries of \`${file}\``)] : [];
}

/** The chart a helmfile release names: a chart folder of the repository, or `repository/chart`. */
function helmfileChart(chart: unknown, folder: string, repositories: ReadonlySet<string>, repository: RepositoryView): ChartReference {
  if (typeof chart !== 'string' || chart === '') return {};
  if (chart.startsWith('oci://')) return { name: chart.split('/').at(-1)!, repository: chart };
  const [first, ...rest] = chart.split('/');
  if (rest.length === 1 && repositories.has(first!)) return { name: rest[0]!, repository: first! };
  const local = inside(folder, chart);
  const name = path.posix.basename(chart);
  const chartYaml = local === undefined ? undefined : repository.text(`${local}/Chart.yaml`);
  if (local !== undefined && chartYaml !== undefined) return { name: chartMetadata(chartYaml).name ?? name, path: local };
  // `repo/chart` with a repository declared elsewhere (a base helmfile), or a folder not scanned.
  return rest.length === 1 ? { name: rest[0]!, repository: first! } : { name };
}

/**
 * Helm values files, in-repository charts and helmfiles. A helmfile's releases read their values
 * files and inline values; a chart's values files (`values.yaml`, `values-*.yaml`, `ci/*.yaml` in
 * its folder) are releases of that chart over its `values.yaml`; any other values file that sets
 * an IRSA annotation or the endpoint env is a release of a chart not known, or of the chart its
 * name starts with (`tempo-values.yaml`).
 */
export const helmReader: DeclarationReader = {
  kind: 'helm-values',
  markers: helmMarkers,
  wants(file, text) {
    if (!isYamlPath(file)) return false;
    if (helmfilePattern.test(file)) return text.includes('releases:');
    // A manifest (`apiVersion:` and `kind:` at the start of a line) is objects, not values: not parsed twice.
    return !notValuesPattern.test(file) && valuesMarkers.some((marker) => text.includes(marker)) && !(manifestStart.test(text) && kindStart.test(text));
  },
  read(files, repository, into) {
    const used = new Set<string>();
    const cache: ValuesCache = new Map();
    for (const file of files) if (helmfilePattern.test(file.path)) helmfileReleases(file.path, file.text, repository, into, used, cache);
    const charts = chartFolders(repository);
    // A chart's own values.yaml first: its accounts are made as the chart's defaults, once.
    const byDefaultsFirst = [...files].sort((a, b) => Number(path.posix.basename(b.path) === 'values.yaml') - Number(path.posix.basename(a.path) === 'values.yaml'));
    for (const file of byDefaultsFirst) {
      if (helmfilePattern.test(file.path) || used.has(file.path) || (cache.has(file.path) && cache.get(file.path) === undefined)) continue;
      const layer = valuesLayer(file.path, file.text, into, cache);
      if (!layer) continue;
      const folder = chartFolderOf(file.path, charts);
      const spec: HelmReleaseSpec = folder === undefined ? standaloneRelease(file.path, layer) : chartRelease(file.path, folder, charts.get(folder)!, layer);
      into.releases.push(spec);
    }
  },
};

/** A values file in a chart's folder: a release of that chart, over the chart's `values.yaml`. */
function chartRelease(file: string, folder: string, chart: { name?: string; version?: string }, layer: LocatedValues): HelmReleaseSpec {
  const label = chart.name ?? path.posix.basename(folder);
  return {
    kind: 'helm-chart',
    file,
    line: 1,
    chart: { name: label, path: folder, ...(chart.version !== undefined ? { version: chart.version } : {}) },
    values: [layer],
    declaredBy: releaseDeclaredBy(undefined, label, `\`${file}\``, `in \`${folder}\``),
    readAlone: true,
  };
}

/** A values file of no chart in the repository: a release of the chart its name starts with, or of a chart not known. */
function standaloneRelease(file: string, layer: LocatedValues): HelmReleaseSpec {
  const chart = chartNamedBy(file);
  return {
    kind: 'helm-values',
    file,
    line: 1,
    chart: chart !== undefined ? { name: chart } : {},
    values: [layer],
    declaredBy: releaseDeclaredBy(undefined, chart, `\`${file}\``, "by the file's name"),
    readAlone: true,
  };
}
