import path from 'node:path';
import { isManifestFile } from '../discover-files.js';
import { parseYamlDocuments } from '../parse-manifests.js';
import { parseSetName, setLayer, typedSetValue } from './helm-set.js';
import { releaseDeclaredBy } from './release-label.js';
import { chartFolder } from './repository-paths.js';
import { fileLines, valuesStringLayer } from './values-layers.js';
import { locatorAt } from '../yaml-locator.js';
import { isRecord, listAt, recordAt, stringAt } from '../../values.js';
import type { ChartReference, DeclarationReader, Declarations, LocatedValues, RepositoryView } from '../../model/declared.js';
import type { DocumentLocator } from '../../model/resource.js';

/** Text every Flux HelmRelease holds in its `apiVersion`. */
const fluxHelmGroup = 'helm.toolkit.fluxcd.io/';

/** A YAML document of a scanned file. */
interface FoundDocument {
  file: string;
  text: string;
  value: Record<string, unknown>;
  locator: DocumentLocator;
}

/**
 * The ConfigMaps and Secrets among the scanned files that HelmReleases take values from, looked
 * for only when one does, and each file parsed once.
 */
class ValuesSources {
  private readonly parsed = new Map<string, FoundDocument[]>();

  constructor(readonly repository: RepositoryView) {}

  /** The object of this kind and name, in this namespace when both say one. */
  find(kind: string, name: string, namespace: string | undefined): FoundDocument | undefined {
    for (const file of this.repository.paths) {
      if (!isManifestFile(file)) continue;
      const text = this.repository.text(file);
      if (text === undefined || !text.includes(kind) || !text.includes(name)) continue;
      const found = this.documents(file, text).find(({ value }) => {
        const metadata = recordAt(value, 'metadata');
        const objectNamespace = stringAt(metadata, 'namespace');
        return value.apiVersion === 'v1' && value.kind === kind && metadata.name === name && (namespace === undefined || objectNamespace === undefined || objectNamespace === namespace);
      });
      if (found) return found;
    }
    return undefined;
  }

  private documents(file: string, text: string): FoundDocument[] {
    let documents = this.parsed.get(file);
    if (!documents) {
      const parsed = parseYamlDocuments(file, text);
      documents = parsed.outcome === 'error' ? [] : parsed.documents.flatMap(({ value, locator }) => (isRecord(value) ? [{ file, text, value, locator }] : []));
      this.parsed.set(file, documents);
    }
    return documents;
  }
}

/** One HelmRelease being read: what messages and positions need. */
interface Release {
  file: string;
  locator: DocumentLocator;
  namespace: string | undefined;
  /** ``Flux HelmRelease `flux-system/karpenter` ``. */
  by: string;
}

/**
 * The layers of `spec.valuesFrom`, in order: a ConfigMap's `data` or a Secret's `stringData` or
 * (base64) `data` key, whole or at its `targetPath`. An object not among the scanned files (made
 * at deploy time, or elsewhere) is listed as not analysed unless it is `optional`.
 */
function valuesFromLayers(release: Release, spec: Record<string, unknown>, sources: ValuesSources, into: Declarations): LocatedValues[] {
  const layers: LocatedValues[] = [];
  listAt(spec, 'valuesFrom').forEach((reference, index) => {
    const kind = stringAt(reference, 'kind');
    const name = stringAt(reference, 'name');
    if (!isRecord(reference) || (kind !== 'ConfigMap' && kind !== 'Secret') || name === undefined) return;
    const where = release.locator.locate(['spec', 'valuesFrom', index]);
    const position = { path: release.file, line: where.startLine, column: where.startColumn };
    const optional = reference.optional === true;
    const object = sources.find(kind, name, release.namespace);
    if (!object) {
      if (!optional) into.unanalysed.push({ path: release.file, line: where.startLine, kind: 'flux', reason: `${kind} \`${name}\` that ${release.by} takes values from is not among the scanned files (made at deploy time?): its values are not read` });
      return;
    }
    const key = stringAt(reference, 'valuesKey') ?? 'values.yaml';
    const field = kind === 'Secret' && typeof recordAt(object.value, 'stringData')[key] === 'string' ? 'stringData' : 'data';
    const written = recordAt(object.value, field)[key];
    if (typeof written !== 'string') {
      if (!optional) into.errors.push({ ...position, message: `${kind} \`${name}\` (\`${object.file}\`) has no key \`${key}\` that ${release.by} takes values from` });
      return;
    }
    const base64 = kind === 'Secret' && field === 'data';
    const text = base64 ? Buffer.from(written, 'base64').toString('utf8') : written;
    const label = `key \`${key}\` of ${kind} \`${name}\``;
    const targetPath = stringAt(reference, 'targetPath');
    if (targetPath !== undefined) {
      const path = parseSetName(targetPath);
      if (typeof path === 'string') {
        into.errors.push({ ...position, message: `\`targetPath\` of ${release.by}: ${path}` });
        return;
      }
      const at = object.locator.locate([field, key]);
      layers.push(setLayer(object.file, [{ path, value: typedSetValue(text), name: object.locator.locate([field, key], { target: 'key' }), valueAt: at }], label));
      return;
    }
    const note = base64 ? `the values are base64 in the Secret's \`data\`: pointing at them` : undefined;
    const outcome = valuesStringLayer(fileLines(object.file, object.text), object.locator, [field, key], text, label, note);
    if ('layer' in outcome) layers.push(outcome.layer);
    else into.errors.push(outcome.error);
  });
  return layers;
}

/** The chart a HelmRelease installs: `spec.chart.spec` (a chart path in a GitRepository may be in this repository), or `spec.chartRef`. */
function chartOf(spec: Record<string, unknown>, repository: RepositoryView): ChartReference {
  const chartSpec = recordAt(recordAt(spec, 'chart'), 'spec');
  const chart = stringAt(chartSpec, 'chart');
  if (chart === undefined) {
    const name = stringAt(recordAt(spec, 'chartRef'), 'name');
    return name === undefined ? {} : { name };
  }
  const sourceRef = recordAt(chartSpec, 'sourceRef');
  const source = stringAt(sourceRef, 'name');
  const version = stringAt(chartSpec, 'version');
  const inRepository = sourceRef.kind === 'GitRepository' || sourceRef.kind === 'Bucket' ? chartFolder(chart, repository) : undefined;
  return {
    name: inRepository === undefined ? chart : path.posix.basename(inRepository),
    ...(source !== undefined ? { repository: source } : {}),
    ...(version !== undefined ? { version } : {}),
    ...(inRepository !== undefined ? { path: inRepository } : {}),
  };
}

/** A Flux HelmRelease as a Helm release: `valuesFrom` in order, then `spec.values`, as Flux merges them. */
function readHelmRelease(value: Record<string, unknown>, locator: DocumentLocator, file: string, sources: ValuesSources, into: Declarations): void {
  const metadata = recordAt(value, 'metadata');
  const spec = recordAt(value, 'spec');
  const name = stringAt(metadata, 'name') ?? '';
  const metadataNamespace = stringAt(metadata, 'namespace');
  const targetNamespace = stringAt(spec, 'targetNamespace');
  const release: Release = { file, locator, namespace: metadataNamespace, by: `Flux HelmRelease \`${metadataNamespace === undefined ? '' : `${metadataNamespace}/`}${name}\`` };
  const values = valuesFromLayers(release, spec, sources, into);
  if (isRecord(spec.values)) values.push({ value: spec.values, locator: locatorAt(locator, ['spec', 'values']), label: `\`spec.values\` of ${release.by}` });
  const chart = chartOf(spec, sources.repository);
  // Flux names the release `[targetNamespace-]name` unless `releaseName` says otherwise.
  const releaseName = stringAt(spec, 'releaseName') ?? (targetNamespace === undefined ? name : `${targetNamespace}-${name}`);
  const namespace = targetNamespace ?? metadataNamespace;
  const chartLabel = chart.path ?? (chart.name === undefined ? undefined : chart.repository === undefined ? chart.name : `${chart.repository}/${chart.name}`);
  into.releases.push({
    kind: 'flux',
    file,
    line: locator.locate([]).startLine,
    releaseName,
    ...(namespace !== undefined ? { namespace } : {}),
    chart,
    values,
    declaredBy: releaseDeclaredBy(releaseName, chartLabel, release.by),
  });
}

/**
 * Flux `HelmRelease`s (`helm.toolkit.fluxcd.io`, v2 and its betas): each is a Helm release whose
 * values are its `valuesFrom` ConfigMaps and Secrets found among the scanned files, then
 * `spec.values`. Read from the file that declares it, whether or not a Flux Kustomization or a
 * kustomize overlay also builds its folder.
 */
export const fluxHelmReleaseReader: DeclarationReader = {
  kind: 'flux',
  needs: { paths: isManifestFile, texts: [fluxHelmGroup] },
  wants: (file, text) => isManifestFile(file) && text.includes(fluxHelmGroup),
  read(files, repository, into) {
    const sources = new ValuesSources(repository);
    for (const file of files) {
      const parsed = parseYamlDocuments(file.path, file.text);
      // A file that does not parse is reported by the scan itself.
      if (parsed.outcome === 'error') continue;
      for (const { value, locator } of parsed.documents) {
        if (isRecord(value) && typeof value.apiVersion === 'string' && value.apiVersion.startsWith(fluxHelmGroup) && value.kind === 'HelmRelease') {
          readHelmRelease(value, locator, file.path, sources, into);
        }
      }
    }
  },
};
