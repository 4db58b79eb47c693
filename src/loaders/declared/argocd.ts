import path from 'node:path';
import { isManifestFile } from '../discover-files.js';
import { parseYamlDocuments } from '../parse-manifests.js';
import { parseSetName, setLayer, typedSetValue, type SetEntry } from './helm-set.js';
import { releaseDeclaredBy } from './release-label.js';
import { chartFolder, insideRoot } from './repository-paths.js';
import { parseTemplateYaml } from './template-yaml.js';
import { fileLines, valuesFileLayer, valuesStringLayer, type LayerOutcome } from './values-layers.js';
import { locatorAt } from '../yaml-locator.js';
import { isRecord, listAt, recordAt, stringAt } from '../../values.js';
import type { ChartReference, DeclarationReader, Declarations, LocatedValues, RepositoryView } from '../../model/declared.js';
import type { DocumentLocator, PathSegment } from '../../model/resource.js';

/** What reading one file needs: the file, where to look up others, where to put what is found. */
interface Context {
  file: ReturnType<typeof fileLines>;
  repository: RepositoryView;
  into: Declarations;
}

/** One Argo CD application spec: an Application's `spec`, or an ApplicationSet's `spec.template.spec`. */
interface ApplicationSpec {
  spec: Record<string, unknown>;
  specPath: PathSegment[];
  /** The Application's name, Argo CD's release name unless `helm.releaseName` says otherwise. */
  name: string | undefined;
  /** ``Argo CD Application `name` ``, for messages. */
  by: string;
  locator: DocumentLocator;
}

/** Sums up a position for the declarations' errors and unanalysed inputs. */
function at(context: Context, locator: DocumentLocator, where: readonly PathSegment[]): { path: string; line: number; column: number } {
  const position = locator.locate(where);
  return { path: context.file.path, line: position.startLine, column: position.startColumn };
}

/** Adds a values layer, or its error. */
function addLayer(outcome: LayerOutcome, values: LocatedValues[], context: Context): void {
  if ('layer' in outcome) values.push(outcome.layer);
  else context.into.errors.push(outcome.error);
}

/**
 * The values files of a Helm source (`helm.valueFiles`), in order: relative to an in-repository
 * chart, or `$ref/…` in the repository of the source whose `ref` it names (looked for among the
 * scanned files). A file inside a remote chart, or named through a template placeholder, is
 * listed as not analysed.
 */
function valueFileLayers(
  application: ApplicationSpec,
  helm: Record<string, unknown>,
  helmPath: readonly PathSegment[],
  chartPath: string | undefined,
  refs: ReadonlyMap<string, Record<string, unknown>>,
  context: Context,
): LocatedValues[] {
  const values: LocatedValues[] = [];
  listAt(helm, 'valueFiles').forEach((name, index) => {
    if (typeof name !== 'string') return;
    const where = at(context, application.locator, [...helmPath, 'valueFiles', index]);
    const unanalysed = (reason: string) => context.into.unanalysed.push({ path: where.path, line: where.line, kind: 'argocd', reason: `values file \`${name}\` of ${application.by} ${reason}` });
    if (name.includes('{{')) return unanalysed('is named through a template placeholder, known only when the ApplicationSet is rendered');
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(name)) return unanalysed('is fetched from a URL, not read');
    let relative: string;
    if (name.startsWith('$')) {
      const ref = name.slice(1).split('/', 1)[0]!;
      const refSource = refs.get(ref);
      if (!refSource) {
        context.into.errors.push({ ...where, message: `values file \`${name}\` of ${application.by} names the source ref \`${ref}\`, which no source declares` });
        return;
      }
      relative = name.slice(ref.length + 2);
      const file = insideRoot(relative);
      if (file !== undefined && context.repository.text(file) === undefined) {
        return unanalysed(`comes from the repository of source ref \`${ref}\` (${stringAt(refSource, 'repoURL') ?? 'no repoURL'}) and is not among the scanned files`);
      }
    } else if (chartPath !== undefined) {
      relative = path.posix.join(chartPath, name);
    } else {
      return unanalysed('is a file of the chart itself, not of this repository');
    }
    const file = insideRoot(relative);
    if (file === undefined) {
      context.into.errors.push({ ...where, message: `values file \`${name}\` of ${application.by} is outside the scan root: not read` });
      return;
    }
    const text = context.repository.text(file);
    if (text !== undefined) addLayer(valuesFileLayer(file, text, `values file \`${file}\``), values, context);
    else if (helm.ignoreMissingValueFiles !== true) context.into.errors.push({ ...where, message: `values file \`${name}\` of ${application.by} is not among the scanned files (\`${file}\`)` });
  });
  return values;
}

/** `helm.parameters`, as Argo CD hands them to Helm: `--set`, or `--set-string` with `forceString`. */
function parameterLayer(application: ApplicationSpec, helm: Record<string, unknown>, helmPath: readonly PathSegment[], context: Context): LocatedValues | undefined {
  const entries: SetEntry[] = [];
  listAt(helm, 'parameters').forEach((parameter, index) => {
    const name = stringAt(parameter, 'name');
    if (name === undefined || !isRecord(parameter)) return;
    const parameterPath = [...helmPath, 'parameters', index];
    const path = parseSetName(name);
    if (typeof path === 'string') {
      context.into.errors.push({ ...at(context, application.locator, [...parameterPath, 'name']), message: `Helm parameter of ${application.by}: ${path}` });
      return;
    }
    const written = parameter.value !== undefined && parameter.value !== null;
    entries.push({
      path,
      value: typedSetValue(written ? String(parameter.value) : '', parameter.forceString === true),
      name: application.locator.locate([...parameterPath, 'name']),
      valueAt: application.locator.locate([...parameterPath, written ? 'value' : 'name']),
    });
  });
  return entries.length > 0 ? setLayer(context.file.path, entries, `\`helm.parameters\` of ${application.by}`) : undefined;
}

/** The Helm release one source of an application makes, with its values in Argo CD's order. */
function readHelmSource(
  application: ApplicationSpec,
  source: Record<string, unknown>,
  sourcePath: readonly PathSegment[],
  refs: ReadonlyMap<string, Record<string, unknown>>,
  context: Context,
): void {
  const helm = recordAt(source, 'helm');
  const helmPath = [...sourcePath, 'helm'];
  const sourceFolder = stringAt(source, 'path');
  const chartPath = sourceFolder === undefined ? undefined : chartFolder(sourceFolder, context.repository);
  const chartName = stringAt(source, 'chart') ?? (sourceFolder === undefined ? undefined : path.posix.basename(sourceFolder));
  const repository = stringAt(source, 'repoURL');
  const version = stringAt(source, 'targetRevision');
  const chart: ChartReference = {
    ...(chartName !== undefined ? { name: chartName } : {}),
    ...(repository !== undefined ? { repository } : {}),
    ...(version !== undefined ? { version } : {}),
    ...(chartPath !== undefined ? { path: chartPath } : {}),
  };
  // Argo CD's order, lowest precedence first: valueFiles, values, valuesObject, parameters.
  const values = valueFileLayers(application, helm, helmPath, chartPath, refs, context);
  const label = (field: string) => `\`helm.${field}\` of ${application.by}`;
  if (typeof helm.values === 'string' && helm.values.trim() !== '') {
    addLayer(valuesStringLayer(context.file, application.locator, [...helmPath, 'values'], helm.values, label('values')), values, context);
  }
  if (isRecord(helm.valuesObject)) values.push({ value: helm.valuesObject, locator: locatorAt(application.locator, [...helmPath, 'valuesObject']), label: label('valuesObject') });
  const parameters = parameterLayer(application, helm, helmPath, context);
  if (parameters) values.push(parameters);
  if (listAt(helm, 'fileParameters').length > 0) {
    const where = at(context, application.locator, [...helmPath, 'fileParameters']);
    context.into.unanalysed.push({ path: where.path, line: where.line, kind: 'argocd', reason: `${label('fileParameters')} (\`--set-file\`) are not read` });
  }
  const releaseName = stringAt(helm, 'releaseName') ?? application.name;
  const namespace = stringAt(recordAt(application.spec, 'destination'), 'namespace');
  context.into.releases.push({
    kind: 'argocd',
    file: context.file.path,
    line: application.locator.locate(sourcePath).startLine,
    ...(releaseName !== undefined ? { releaseName } : {}),
    ...(namespace !== undefined ? { namespace } : {}),
    chart,
    values,
    declaredBy: releaseDeclaredBy(releaseName, chartPath ?? chartName, application.by),
  });
}

/**
 * The Helm releases of an application: each source that installs a chart, from a Helm
 * repository (`chart`) or a folder (`path`) that is a chart in the repository, or that has `helm`
 * settings (its chart may be written by a template action). A source with only a `ref` lends its repository to the others' `$ref/…` values files.
 */
function readApplication(application: ApplicationSpec, context: Context): void {
  const { spec, specPath } = application;
  const sources: Array<[Record<string, unknown>, PathSegment[]]> = Array.isArray(spec.sources)
    ? spec.sources.flatMap((source, index) => (isRecord(source) ? [[source, [...specPath, 'sources', index]] as [Record<string, unknown>, PathSegment[]]] : []))
    : isRecord(spec.source)
      ? [[spec.source, [...specPath, 'source']]]
      : [];
  const refs = new Map(sources.flatMap(([source]) => (stringAt(source, 'ref') === undefined ? [] : [[stringAt(source, 'ref')!, source] as const])));
  for (const [source, sourcePath] of sources) {
    const folder = stringAt(source, 'path');
    const helmChart = stringAt(source, 'chart') !== undefined || isRecord(source.helm) || (folder !== undefined && chartFolder(folder, context.repository) !== undefined);
    if (helmChart) readHelmSource(application, source, sourcePath, refs, context);
  }
}

/**
 * An addon catalog: the values of a chart that renders one ApplicationSet per entry (the EKS
 * Blueprints GitOps bridge convention). An entry with Argo CD `valuesObject` and a `chartName` or
 * `chartRepository` is a Helm release of that chart with those values, whether or not the entry
 * is `enabled` here: clusters enable it by their labels.
 */
function readAddonCatalog(catalog: Record<string, unknown>, locator: DocumentLocator, context: Context): void {
  for (const [key, entry] of Object.entries(catalog)) {
    if (!isRecord(entry) || !isRecord(entry.valuesObject)) continue;
    const chartName = stringAt(entry, 'chartName');
    const repository = stringAt(entry, 'chartRepository');
    if (chartName === undefined && repository === undefined) continue;
    const releaseName = stringAt(entry, 'releaseName') ?? chartName ?? key;
    const namespace = stringAt(entry, 'namespace');
    const version = stringAt(entry, 'defaultVersion');
    const by = `addon \`${key}\` of the Argo CD ApplicationSet values \`${context.file.path}\``;
    context.into.releases.push({
      kind: 'argocd',
      file: context.file.path,
      line: locator.locate([key], { target: 'key' }).startLine,
      releaseName,
      ...(namespace !== undefined ? { namespace } : {}),
      chart: { name: chartName ?? key, ...(repository !== undefined ? { repository } : {}), ...(version !== undefined ? { version } : {}) },
      values: [{ value: entry.valuesObject, locator: locatorAt(locator, [key, 'valuesObject']), label: `\`valuesObject\` of ${by}` }],
      declaredBy: releaseDeclaredBy(releaseName, chartName ?? key, by),
    });
  }
}

/** Text every Argo CD object holds in its `apiVersion`. */
const argoGroup = 'argoproj.io/';

/**
 * A file's YAML documents. An Application written in a Helm template (an app-of-apps chart) is
 * read as far as its literal YAML goes, and listed as read only in part; one that does not read
 * even so is listed as not read.
 */
function documentsOf(file: { path: string; text: string }, into: Declarations): Array<{ value: unknown; locator: DocumentLocator }> {
  const parsed = parseYamlDocuments(file.path, file.text);
  if (parsed.outcome === 'parsed') return parsed.documents;
  if (!file.text.includes(argoGroup) || !/\bkind:\s*Application(Set)?\b/.test(file.text)) return [];
  const template = file.text.includes('{{') ? parseTemplateYaml(file.path, file.text) : parsed;
  const reason =
    template.outcome === 'parsed'
      ? 'an Argo CD Application in a template, read as far as its literal YAML goes: what its template actions render is not known'
      : `an Argo CD Application or ApplicationSet in a file that is not valid YAML is not read: ${parsed.message.replace(/ \(line \d+\)$/, '')}`;
  into.unanalysed.push({ path: file.path, ...(parsed.line !== undefined ? { line: parsed.line } : {}), kind: 'argocd', reason });
  return template.outcome === 'parsed' ? template.documents : [];
}

function readFile(file: { path: string; text: string }, repository: RepositoryView, into: Declarations): void {
  const context: Context = { file: fileLines(file.path, file.text), repository, into };
  for (const { value, locator } of documentsOf(file, into)) {
    if (!isRecord(value)) continue;
    const apiVersion = value.apiVersion;
    if (typeof apiVersion === 'string' && apiVersion.startsWith(argoGroup)) {
      const name = stringAt(recordAt(value, 'metadata'), 'name');
      if (value.kind === 'Application') {
        readApplication({ spec: recordAt(value, 'spec'), specPath: ['spec'], name, by: `Argo CD Application \`${name ?? ''}\``, locator }, context);
      } else if (value.kind === 'ApplicationSet') {
        const template = recordAt(recordAt(value, 'spec'), 'template');
        const templateName = stringAt(recordAt(template, 'metadata'), 'name');
        readApplication({ spec: recordAt(template, 'spec'), specPath: ['spec', 'template', 'spec'], name: templateName, by: `Argo CD ApplicationSet \`${name ?? ''}\``, locator }, context);
      }
    } else if (apiVersion === undefined && value.kind === undefined) {
      readAddonCatalog(value, locator, context);
    }
  }
}

/**
 * Argo CD `Application`s and `ApplicationSet`s (`spec.template.spec`) that install Helm charts,
 * and addon catalogs of ApplicationSet values: each Helm source is a release whose values are read
 * from `valueFiles` found among the scanned files, `values`, `valuesObject` and `parameters`.
 */
export const argoCdReader: DeclarationReader = {
  kind: 'argocd',
  needs: { paths: isManifestFile, texts: [argoGroup, 'valuesObject'] },
  wants: (file, text) => isManifestFile(file) && (text.includes(argoGroup) || text.includes('valuesObject')),
  read(files, repository, into) {
    for (const file of files) readFile(file, repository, into);
  },
};
