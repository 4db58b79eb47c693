import { isRecord, valueAt } from '../../values.js';
import { mayNameEndpoint } from '../../endpoints/find-endpoint-uses.js';
import { chartTemplateKnowledge } from './chart-templates.js';
import { irsaAnnotations, judgedEnv, knownChart, type BranchConditions, type ChartKnowledge, type ChartServiceAccount } from './chart-knowledge.js';
import { parseTemplateYaml } from './template-yaml.js';
import type { Declarations, DeclaredObject, HelmReleaseSpec, LocatedValues, RepositoryView, UnanalysedInput } from '../../model/declared.js';
import type { DocumentLocator, LocateOptions, PathSegment, SourcePosition } from '../../model/resource.js';

export { chartKnowledge, knownChart } from './chart-knowledge.js';

/** Where a chart that is not known is assumed to read its ServiceAccount: the `helm create` convention. */
const helmCreateConvention: ChartServiceAccount = {
  annotations: 'serviceAccount.annotations',
  name: 'serviceAccount.name',
  create: 'serviceAccount.create',
  defaultName: '{fullname}',
};

/** Env values read from any chart that is not known, by their shape: `env` and `extraEnv`, lists of name/value or maps. */
const conventionalEnv = ['env', 'extraEnv'];

/**
 * Whether a modeled workload carries an env entry: the env rules judge its name, or its value may
 * name an STS endpoint (`AWS_ENDPOINT_URL_STS: https://sts.amazonaws.com`), which the manifest
 * rules (STS007, STS011) judge at the values key as in a Deployment. The text rules see a values
 * file too, but not an env list's `value:` under its `name:`, nor values inside another file.
 */
function carriedEnv(name: string, value: unknown): boolean {
  return judgedEnv.has(name) || (typeof value === 'string' && mayNameEndpoint(value, name));
}

const dotted = (path: string): PathSegment[] => (path === '' ? [] : path.split('.'));

/** Paths of every mapping in a values tree that holds an IRSA annotation: a ServiceAccount's annotations. */
function annotationMaps(value: unknown, path: PathSegment[] = [], found: PathSegment[][] = []): PathSegment[][] {
  if (Array.isArray(value)) value.forEach((item, index) => annotationMaps(item, [...path, index], found));
  else if (isRecord(value)) {
    if (irsaAnnotations.some((key) => Object.hasOwn(value, key))) found.push(path);
    for (const [key, child] of Object.entries(value)) annotationMaps(child, [...path, key], found);
  }
  return found;
}

/** A path in a values tree, and whether a position should point at its key rather than its value. */
interface ValuesTarget {
  readonly path: readonly PathSegment[];
  readonly key?: boolean;
}

/**
 * A locator for an object a release makes: each path in the object is mapped to a path in the
 * values layer that set it last, and located there. A path no layer sets points at the release's
 * declaration.
 */
class ReleaseLocator implements DocumentLocator {
  constructor(
    private readonly spec: HelmReleaseSpec,
    private readonly layers: readonly LocatedValues[],
    private readonly valuesPath: (objectPath: readonly PathSegment[]) => ValuesTarget | undefined,
  ) {}

  get path(): string {
    return this.spec.file;
  }

  locate(objectPath: readonly PathSegment[], options?: LocateOptions): SourcePosition {
    const target = this.valuesPath(objectPath);
    if (target) {
      const wanted = target.path;
      for (let index = this.layers.length - 1; index >= 0; index--) {
        const layer = this.layers[index]!;
        // The nearest path the layer sets: a layer that sets the parent mapping sets the key too.
        for (let length = wanted.length; length > 0; length--) {
          if (valueAt(layer.value, wanted.slice(0, length)).value === undefined) continue;
          if (length < wanted.length && index > 0) break;
          const exact = length === wanted.length;
          const position = layer.locator.locate(wanted.slice(0, length), exact ? (target.key ? { ...options, target: 'key' } : options) : undefined);
          return layer.locator.path === this.spec.file ? position : { ...position, file: layer.locator.path };
        }
      }
    }
    return { startLine: this.spec.line, startColumn: 1, endLine: this.spec.line, endColumn: 1, lineText: '' };
  }
}

/**
 * Whether a Go template's `if` takes a value as true: anything but false, 0, an empty string, map
 * or list. A quoted `create: "false"` is a non-empty string, so the chart makes the account.
 */
function goTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (isRecord(value)) return Object.keys(value).length > 0;
  return value !== false && value !== 0 && value !== '';
}

/** Helm's usual `fullname`: the release name when it holds the chart's name, else `release-chart`. */
function fullname(release: string | undefined, chart: string | undefined): string {
  if (release === undefined) return chart ?? '<release>';
  if (chart === undefined || release.includes(chart)) return release;
  return `${release}-${chart}`;
}

/** Reads the values of a release, top layer first, as Helm merges them (maps merge, anything else replaces). */
class MergedValues {
  constructor(readonly layers: readonly LocatedValues[]) {}

  /** The value the top layer that sets a path gives it. */
  get(path: readonly PathSegment[]): unknown {
    for (let index = this.layers.length - 1; index >= 0; index--) {
      const value = valueAt(this.layers[index]!.value, path).value;
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** A mapping merged across layers, the top layer winning each key; `null` drops a key, as Helm does. */
  map(path: readonly PathSegment[]): Record<string, unknown> {
    const merged: Record<string, unknown> = {};
    for (const layer of this.layers) {
      const map = valueAt(layer.value, path).value;
      if (!isRecord(map)) continue;
      for (const [key, value] of Object.entries(map)) {
        if (value === null) delete merged[key];
        else merged[key] = value;
      }
    }
    return merged;
  }
}

/** The values of the chart's own `values.yaml` when the chart is in the repository, as the lowest layer. */
function chartDefaults(spec: HelmReleaseSpec, repository: RepositoryView | undefined): LocatedValues[] {
  const file = spec.chart.path === undefined ? undefined : `${spec.chart.path === '.' ? '' : `${spec.chart.path}/`}values.yaml`;
  const text = file === undefined ? undefined : repository?.text(file);
  if (file === undefined || text === undefined || spec.values.some((layer) => layer.locator.path === file)) return [];
  const parsed = parseTemplateYaml(file, text);
  if (parsed.outcome !== 'parsed' || parsed.documents.length === 0) return [];
  const [document] = parsed.documents;
  return [{ value: document!.value, locator: document!.locator, label: `chart values \`${file}\`` }];
}

/** What a release makes: its ServiceAccounts and workloads, and what was assumed to read them. */
export interface ReleaseObjects {
  objects: DeclaredObject[];
  assumptions: UnanalysedInput[];
}

/**
 * The ServiceAccounts and workloads a Helm release makes from its values. A known chart's
 * accounts are read where the chart reads them (`data/helm-charts.json`), with their default
 * names, `create` switches and container env; any other mapping of the values that holds an
 * IRSA annotation is read by the `helm create` convention (the `name` and `create` beside it), an
 * assumption stated in `assumptions`. An account with `create: false` is not made: the values
 * name one made elsewhere.
 */
export function releaseObjects(spec: HelmReleaseSpec, repository?: RepositoryView): ReleaseObjects {
  const layers = [...chartDefaults(spec, repository), ...spec.values];
  const values = new MergedValues(layers);
  const learned = spec.chart.path !== undefined && repository ? chartTemplateKnowledge(spec.chart.path, spec.chart.name, repository) : undefined;
  const chart = learned?.knowledge ?? knownChart(spec.chart.name, spec.chart.repository);
  const accounts: AccountPaths[] = chart ? chart.serviceAccounts.map(accountPaths) : [{ ...accountPaths(helmCreateConvention), env: conventionEnv(values) }];
  // A chart whose templates run no container in the scan: its env values are read by the convention, as for a chart not known.
  if (learned?.knowledge && !learned.hasWorkloads) accounts[0] = { ...accounts[0]!, env: [...accounts[0]!.env, ...conventionEnv(values)] };
  const read = new Set(accounts.map((account) => account.annotations.join('.')));
  const assumed: string[] = chart ? [] : [helmCreateConvention.annotations];
  for (const layer of layers) {
    for (const path of annotationMaps(layer.value)) {
      const key = path.join('.');
      if (read.has(key)) continue;
      read.add(key);
      accounts.push(conventionAt(path));
      assumed.push(key);
    }
  }
  const result: ReleaseObjects = { objects: [], assumptions: [] };
  const made = new Set(accounts.filter((account) => makeAccount(spec, layers, values, account, chart, result)).map((account) => account.annotations.join('.')));
  const shown = assumed.filter((key) => made.has(key));
  if (shown.length > 0) {
    const chartLabel = spec.chart.name ?? spec.chart.path;
    result.assumptions.push({
      path: spec.file,
      line: spec.line,
      kind: spec.kind,
      reason: `${shown.map((key) => `\`${key}\``).join(', ')} read as ServiceAccount annotations by the \`helm create\` convention (the \`name\` and \`create\` beside them): ${
        chartLabel === undefined
          ? 'the chart is not known'
          : learned?.knowledge
            ? `the templates of chart \`${chartLabel}\` do not read them there`
            : chart
              ? `chart \`${chartLabel}\` is not known to read them there`
              : `chart \`${chartLabel}\` is not known`
      }`,
    });
  }
  return result;
}

/** A chart account's value paths, as paths. */
interface AccountPaths {
  readonly annotations: readonly PathSegment[];
  readonly name?: readonly PathSegment[];
  readonly create?: readonly PathSegment[];
  readonly createdByDefault: boolean;
  readonly defaultName: string;
  readonly env: ReadonlyArray<{ readonly path: readonly PathSegment[]; readonly form: 'list' | 'map' }>;
  readonly envSwitches: ReadonlyArray<{ readonly path: readonly PathSegment[]; readonly name: string; readonly value: string; readonly conditions: PathConditions }>;
  readonly envValues: ReadonlyArray<{ readonly path: readonly PathSegment[]; readonly name: string; readonly conditions: PathConditions }>;
  readonly annotationValues: ReadonlyArray<{ readonly annotation: string; readonly path: readonly PathSegment[] }>;
  readonly when?: readonly PathSegment[];
}

/** The conditions of a template branch, as paths. */
interface PathConditions {
  readonly requires: ReadonlyArray<readonly PathSegment[]>;
  readonly unless: ReadonlyArray<readonly PathSegment[]>;
}

function pathConditions(conditions: BranchConditions): PathConditions {
  return { requires: (conditions.requires ?? []).map(dotted), unless: (conditions.unless ?? []).map(dotted) };
}

/** Whether the values render a branch: each value it requires true and each it is unless false, as Go's `if` reads them. */
function conditionsHold(values: MergedValues, conditions: PathConditions): boolean {
  return conditions.requires.every((path) => goTruthy(values.get(path) ?? false)) && conditions.unless.every((path) => !goTruthy(values.get(path) ?? false));
}

function accountPaths(account: ChartServiceAccount): AccountPaths {
  const { when, ...fromValues } = account.annotationValues ?? {};
  return {
    annotations: dotted(account.annotations),
    ...(account.name !== undefined ? { name: dotted(account.name) } : {}),
    ...(account.create !== undefined ? { create: dotted(account.create) } : {}),
    createdByDefault: account.createdByDefault !== false,
    defaultName: account.defaultName,
    env: (account.env ?? []).map(({ path, form }) => ({ path: dotted(path), form })),
    envSwitches: (account.envSwitches ?? []).map(({ path, name, value, ...conditions }) => ({ path: dotted(path), name, value, conditions: pathConditions(conditions) })),
    envValues: (account.envValues ?? []).map(({ path, name, ...conditions }) => ({ path: dotted(path), name, conditions: pathConditions(conditions) })),
    annotationValues: Object.entries(fromValues).map(([annotation, path]) => ({ annotation, path: dotted(path) })),
    ...(when !== undefined ? { when: dotted(when) } : {}),
  };
}

/** The `helm create` convention for annotations found at a path: the `name` and `create` beside them. */
function conventionAt(path: readonly PathSegment[]): AccountPaths {
  const parent = path.slice(0, -1);
  const isConvention = path.join('.') === helmCreateConvention.annotations;
  return { annotations: path, name: [...parent, 'name'], create: [...parent, 'create'], createdByDefault: true, defaultName: isConvention ? '{fullname}' : '{release}', env: [], envSwitches: [], envValues: [], annotationValues: [] };
}

/** The conventional env keys a release's values set, by their shape. */
function conventionEnv(values: MergedValues): AccountPaths['env'] {
  return conventionalEnv.flatMap((key): AccountPaths['env'] => {
    const value = values.get([key]);
    return Array.isArray(value) ? [{ path: [key], form: 'list' as const }] : isRecord(value) ? [{ path: [key], form: 'map' as const }] : [];
  });
}

/** One env entry a workload carries, and where its name and value are written in the values. */
interface EnvSource {
  readonly entry: { name: string; value?: unknown };
  readonly name: ValuesTarget;
  readonly value: ValuesTarget;
}

/** The judged env entries an account's env values give, each with where it is written. */
function envSources(values: MergedValues, account: AccountPaths): EnvSource[] {
  const sources: EnvSource[] = [];
  for (const { path, form } of account.env) {
    const value = values.get(path);
    if (form === 'list' && Array.isArray(value)) {
      value.forEach((item, index) => {
        if (!isRecord(item) || typeof item.name !== 'string' || !carriedEnv(item.name, item.value)) return;
        const entry = Object.hasOwn(item, 'value') ? { name: item.name, value: item.value } : { name: item.name };
        sources.push({ entry, name: { path: [...path, index, 'name'] }, value: { path: [...path, index, 'value'] } });
      });
    } else if (form === 'map' && isRecord(value)) {
      for (const [name, entryValue] of Object.entries(values.map(path))) {
        // A map entry is rendered as `value: "…"`: whatever is written becomes its text.
        if (carriedEnv(name, entryValue)) sources.push({ entry: { name, value: String(entryValue) }, name: { path: [...path, name], key: true }, value: { path: [...path, name] } });
      }
    }
  }
  for (const { path, name, value, conditions } of account.envSwitches) {
    if (goTruthy(values.get(path) ?? false) && conditionsHold(values, conditions)) sources.push({ entry: { name, value }, name: { path, key: true }, value: { path } });
  }
  for (const { path, name, conditions } of account.envValues) {
    const value = values.get(path);
    // A value that is not a scalar renders as Go's text of a map or list: nothing the env rules read.
    if (value === undefined || value === null || typeof value === 'object' || !conditionsHold(values, conditions)) continue;
    sources.push({ entry: { name, value: String(value) }, name: { path, key: true }, value: { path } });
  }
  return sources;
}

/** The annotations an account is given, and where each is written. */
function accountAnnotations(values: MergedValues, account: AccountPaths): { annotations: Record<string, unknown>; sources: Map<string, ValuesTarget> } {
  const annotations = account.annotations.length > 0 ? values.map(account.annotations) : {};
  const sources = new Map<string, ValuesTarget>(Object.keys(annotations).map((key) => [key, { path: [...account.annotations, key] }]));
  if (account.when !== undefined && !goTruthy(values.get(account.when) ?? false)) return { annotations, sources };
  for (const { annotation, path } of account.annotationValues) {
    const value = values.get(path);
    if (value === undefined || value === null || value === '') continue;
    annotations[annotation] = typeof value === 'string' ? value : String(value);
    sources.set(annotation, { path });
  }
  return { annotations, sources };
}

/**
 * Adds the ServiceAccount and the workload one account of a chart makes, when the values make
 * them; true when a ServiceAccount with an IRSA annotation was made.
 */
function makeAccount(spec: HelmReleaseSpec, layers: readonly LocatedValues[], values: MergedValues, account: AccountPaths, chart: ChartKnowledge | undefined, into: ReleaseObjects): boolean {
  const { annotations, sources } = accountAnnotations(values, account);
  const create = account.create === undefined ? undefined : values.get(account.create);
  const created = create === undefined || create === null ? account.createdByDefault : goTruthy(create);
  const named = account.name === undefined ? undefined : values.get(account.name);
  const release = spec.releaseName ?? spec.chart.name ?? '<release>';
  const name =
    typeof named === 'string' && named !== ''
      ? named
      : account.defaultName.replace('{fullname}', fullname(spec.releaseName, chart?.nameBase ?? chart?.chart ?? spec.chart.name)).replace('{release}', release);
  const namespace = spec.namespace;
  const metadata = (objectName: string): Record<string, unknown> => ({ name: objectName, ...(namespace !== undefined ? { namespace } : {}) });
  const identity = (kind: string, objectName: string) => ({ apiVersion: kind === 'ServiceAccount' ? 'v1' : 'apps/v1', kind, name: objectName, ...(namespace !== undefined ? { namespace } : {}) });
  const hasIrsa = created && irsaAnnotations.some((key) => Object.hasOwn(annotations, key) && annotations[key] !== '');
  if (hasIrsa) {
    const accountPath = (objectPath: readonly PathSegment[]): ValuesTarget | undefined => {
      if (objectPath[0] !== 'metadata') return undefined;
      if (objectPath[1] === 'name' && typeof named === 'string' && named !== '') return { path: account.name! };
      return (objectPath[1] === 'annotations' && objectPath.length > 2 ? sources.get(String(objectPath[2])) : undefined) ?? { path: account.annotations };
    };
    into.objects.push({
      kind: spec.kind,
      identity: identity('ServiceAccount', name),
      data: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { ...metadata(name), annotations } },
      locator: new ReleaseLocator(spec, layers, accountPath),
      declaredBy: spec.declaredBy,
    });
  }
  const env = envSources(values, account);
  if (env.length === 0) return hasIrsa;
  const envPrefix = ['spec', 'template', 'spec', 'containers', 0, 'env'];
  const workloadPath = (objectPath: readonly PathSegment[]): ValuesTarget | undefined => {
    if (envPrefix.some((segment, index) => objectPath[index] !== segment)) return undefined;
    const source = env[objectPath[envPrefix.length] as number];
    if (!source) return undefined;
    return objectPath[envPrefix.length + 1] === 'name' ? source.name : source.value;
  };
  const container = { name: chart?.chart ?? spec.chart.name ?? release, env: env.map((source) => source.entry) };
  into.objects.push({
    kind: spec.kind,
    identity: identity('Deployment', name),
    data: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: metadata(name), spec: { template: { spec: { serviceAccountName: name, containers: [container] } } } },
    locator: new ReleaseLocator(spec, layers, workloadPath),
    declaredBy: spec.declaredBy,
  });
  return hasIrsa;
}

/** Where the settings of an object a release makes are written: its IRSA annotations, or its env entries. */
function writtenAt(object: DeclaredObject): string {
  const paths: PathSegment[][] =
    object.identity.kind === 'ServiceAccount'
      ? irsaAnnotations.filter((key) => Object.hasOwn((object.data.metadata as { annotations: object }).annotations, key)).map((key) => ['metadata', 'annotations', key])
      : ((object.data.spec as { template: { spec: { containers: Array<{ env: unknown[] }> } } }).template.spec.containers[0]!.env.map((_, index) => ['spec', 'template', 'spec', 'containers', 0, 'env', index, 'value']));
  const positions = paths.map((path) => {
    const at = object.locator.locate(path);
    return `${at.file ?? object.locator.path}:${at.startLine}:${at.startColumn}`;
  });
  return `${object.identity.kind} ${positions.join(' ')}`;
}

/**
 * Adds the objects every release makes to the declarations, with the assumptions made to read
 * them. One values file can be read by several releases (a values file two helmfile releases
 * share, a chart's defaults under each of its values files, a values file read on its own and
 * named by an Argo CD Application): an object written where one already made is written is the
 * same setting, and is made once, so that it is judged once. Releases that name their values
 * files come first; values files read on their own come last, and only when no release uses them.
 */
export function addReleaseObjects(declarations: Declarations, repository: RepositoryView): void {
  const named = declarations.releases.filter((release) => release.readAlone !== true);
  const used = new Set(named.flatMap((release) => [...release.values.map((layer) => layer.locator.path), ...(release.chart.path !== undefined ? [`${release.chart.path}/values.yaml`] : [])]));
  const ordered = [...named, ...declarations.releases.filter((release) => release.readAlone === true && !used.has(release.file))];
  const seen = new Set<string>();
  const chartsRead = new Set<string>();
  for (const release of ordered) {
    const folder = release.chart.path;
    if (folder !== undefined && !chartsRead.has(folder)) {
      chartsRead.add(folder);
      const { unfollowed } = chartTemplateKnowledge(folder, release.chart.name, repository);
      declarations.unanalysed.push(...unfollowed.map((template) => ({ ...template, kind: 'helm-chart' as const })));
    }
    const { objects, assumptions } = releaseObjects(release, repository);
    const kept = objects.filter((object) => {
      const key = writtenAt(object);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    declarations.objects.push(...kept);
    if (kept.length > 0) declarations.unanalysed.push(...assumptions);
  }
}
