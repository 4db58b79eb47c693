import path from 'node:path';
import { LineIndex } from '../../line-index.js';
import { parseManifests, parseYamlDocuments } from '../../parse-manifests.js';
import { parseSetName, setLayer, type SetEntry } from '../helm-set.js';
import { releaseDeclaredBy } from '../release-label.js';
import { chartFolder } from '../repository-paths.js';
import { parseHcl, type Attribute, type Block, type Body, type Expression } from './hcl-syntax.js';
import { elements, entry, evaluate, knownString, originAt, plain, withNames, type Origin, type Scope, type Value } from './evaluate.js';
import { isTerraformFile } from './terraform-files.js';
import { terraformFileMarkers } from '../markers.js';
import { accountValue, fluxInstancePatches, objectIdentity, providerKind, providerObject } from './kubernetes-objects.js';
import type { DeclarationReader, Declarations, DeclaredObject, HelmReleaseSpec, InputKind, LocatedValues, RepositoryView } from '../../../model/declared.js';
import type { DocumentLocator, LocateOptions, PathSegment, SourcePosition } from '../../../model/resource.js';

/** One parsed `.tf` or `.tfvars` file. */
interface TerraformFile {
  readonly path: string;
  readonly text: string;
  readonly body: Body;
  readonly lines: LineIndex;
}

/** A folder of `.tf` files: one Terraform module. */
interface Module {
  readonly folder: string;
  readonly files: TerraformFile[];
}

/** What a module's own files make of a module call's arguments: the names its expressions read. */
type Names = ReadonlyMap<string, Value>;

const attributes = (body: Body): Attribute[] => body.items.filter((item): item is Attribute => item.type === 'attribute');
const blocks = (body: Body, type?: string): Block[] => body.items.filter((item): item is Block => item.type === 'block' && (type === undefined || item.blockType === type));
const attribute = (body: Body, name: string): Attribute | undefined => attributes(body).findLast((item) => item.name === name);

/** `var.NAME` -> `NAME`; undefined for any other expression. */
function variableName(expression: Expression): string | undefined {
  return expression.type === 'attribute' && expression.target.type === 'variable' && expression.target.name === 'var' ? expression.name : undefined;
}

/** A map value of names, for `var`, `local` and `path`. */
function mapOf(values: ReadonlyMap<string, Value>, at: Origin): Value {
  return { kind: 'map', entries: [...values].map(([key, value]) => ({ key, keyAt: value.at, value })), at };
}

/** Points paths inside a {@link Value} at where their parts were written. */
class ValueLocator implements DocumentLocator {
  constructor(
    readonly path: string,
    private readonly value: Value,
    private readonly position: (origin: Origin) => SourcePosition,
  ) {}

  locate(objectPath: readonly PathSegment[], options?: LocateOptions): SourcePosition {
    const origin = originAt(this.value, objectPath, options?.target === 'key' ? 'key' : 'value');
    const position = this.position(origin);
    return origin.file === this.path ? position : { ...position, file: origin.file };
  }
}

/**
 * Reads Terraform configurations: each folder of `.tf` files is a module. Its Kubernetes provider
 * resources become objects, its `helm_release`s become Helm releases, its EKS clusters the
 * clusters of the folder; a module called from elsewhere in the repository is also read with the
 * arguments of each call, so that a generic `helm_release` over `for_each` becomes one release per
 * element the call writes.
 */
class TerraformReading {
  private readonly files = new Map<string, TerraformFile>();
  private readonly modules = new Map<string, Module>();
  /** Each variable's values in `.tfvars` files. */
  private readonly tfvars = new Map<string, Array<{ value: Value; file: string; line: number }>>();

  constructor(
    sources: ReadonlyArray<{ path: string; text: string }>,
    private readonly repository: RepositoryView,
    private readonly into: Declarations,
  ) {
    for (const source of sources) {
      const { body, errors } = parseHcl(source.text);
      const lines = new LineIndex(source.text);
      for (const error of errors) {
        const at = lines.position(error.offset);
        into.errors.push({ path: source.path, message: `Terraform syntax error: ${error.message}; the rest of the file is read`, line: at.line, column: at.column });
      }
      const file: TerraformFile = { path: source.path, text: source.text, body, lines };
      this.files.set(file.path, file);
      if (source.path.endsWith('.tfvars')) this.readTfvars(file);
      else {
        const folder = path.posix.dirname(source.path);
        const module = this.modules.get(folder) ?? { folder, files: [] };
        module.files.push(file);
        this.modules.set(folder, module);
      }
    }
  }

  read(): void {
    for (const module of this.modules.values()) {
      const names = this.names(module, new Map());
      for (const file of module.files) this.readFile(module, file, names);
    }
    for (const module of this.modules.values()) for (const file of module.files) for (const call of blocks(file.body, 'module')) this.readModuleCall(module, file, call);
  }

  private scope(file: TerraformFile, names: Names): Scope {
    return { file: file.path, text: file.text, names };
  }

  /**
   * The chart folder among the scanned files a `helm_release` installs: `chart` inside a local
   * `repository` folder, or a `chart` path of its own (`./charts/app`), which Terraform reads from
   * the configuration's folder (tried first) or the scan root.
   */
  private localChart(chart: string | undefined, repository: string | undefined, file: string): string | undefined {
    if (chart === undefined) return undefined;
    const candidates =
      repository !== undefined
        ? /^[a-z]+:\/\//.test(repository) ? [] : [path.posix.join(repository, chart)]
        : /^\.{1,2}\//.test(chart) ? [path.posix.join(path.posix.dirname(file), chart), chart] : [];
    return candidates.map((folder) => chartFolder(folder, this.repository)).find((folder) => folder !== undefined);
  }

  private position(origin: Origin): SourcePosition {
    const lines = this.files.get(origin.file)!.lines;
    const start = lines.position(origin.span.start);
    const end = lines.position(origin.span.end);
    return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column, lineText: lines.lineText(start.line) };
  }

  private origin(file: TerraformFile, span: { start: number; end: number }): Origin {
    return { file: file.path, span };
  }

  private readTfvars(file: TerraformFile): void {
    for (const item of attributes(file.body)) {
      const list = this.tfvars.get(item.name) ?? [];
      list.push({ value: evaluate(item.value, this.scope(file, new Map())), file: file.path, line: file.lines.position(item.nameSpan.start).line });
      this.tfvars.set(item.name, list);
    }
  }

  /**
   * The names a module's expressions read: `var` (a call's arguments over the defaults),
   * `local` (each local read once over the variables, then again over the locals, which is
   * enough for the literals and simple references real modules use), and `path`.
   */
  private names(module: Module, arguments_: ReadonlyMap<string, Value>): Names {
    const at = this.origin(module.files[0]!, { start: 0, end: 0 });
    const variables = new Map<string, Value>();
    const locals: Array<[TerraformFile, Attribute]> = [];
    for (const file of module.files) {
      for (const block of blocks(file.body, 'variable')) {
        const name = block.labels[0]?.value;
        const fallback = attribute(block.body, 'default');
        if (name !== undefined && fallback) variables.set(name, evaluate(fallback.value, this.scope(file, new Map())));
      }
      for (const block of blocks(file.body, 'locals')) for (const item of attributes(block.body)) locals.push([file, item]);
    }
    for (const [name, value] of arguments_) variables.set(name, value);
    const folder: Value = { kind: 'known', value: module.folder, at };
    const base = new Map<string, Value>([
      ['var', mapOf(variables, at)],
      ['path', mapOf(new Map([['module', folder], ['root', folder], ['cwd', folder]]), at)],
    ]);
    let localValues = new Map<string, Value>();
    for (let pass = 0; pass < 2; pass++) {
      const names = new Map([...base, ['local', mapOf(localValues, at)]]);
      localValues = new Map(locals.map(([file, item]) => [item.name, evaluate(item.value, this.scope(file, names))]));
    }
    return new Map([...base, ['local', mapOf(localValues, at)]]);
  }

  private readFile(module: Module, file: TerraformFile, names: Names): void {
    const scope = this.scope(file, names);
    for (const resource of blocks(file.body, 'resource')) {
      const [type, label] = resource.labels.map((item) => item.value);
      if (type === undefined || label === undefined) continue;
      const address = `${type}.${label}`;
      const kind = providerKind(type);
      if (type === 'helm_release') this.readRelease(resource, address, scope);
      else if (kind) this.addObject(providerObject(resource.body, scope, kind, this.origin(file, resource.typeSpan)), module, file, 'terraform', `in Terraform configuration \`${module.folder}\``);
      else if (type === 'kubernetes_manifest') this.readManifestValue(attribute(resource.body, 'manifest'), module, file, scope);
      else if (type === 'kubectl_manifest') this.readManifestValue(attribute(resource.body, 'yaml_body'), module, file, scope);
      // A local file is a manifest only when written here: its content read from a file may be anything.
      else if (type === 'local_file' && attribute(resource.body, 'content')?.value.type !== 'call') this.readManifestValue(attribute(resource.body, 'content'), module, file, scope);
      else if (type === 'local_file') this.readEncodedObject(attribute(resource.body, 'content')!, module, file, scope);
      else if (type === 'aws_eks_cluster') this.readCluster(module, file, resource, attribute(resource.body, 'version'), scope, knownString(this.attributeValue(resource.body, 'name', scope)));
    }
    for (const call of blocks(file.body, 'module')) {
      const version = attribute(call.body, 'kubernetes_version') ?? attribute(call.body, 'cluster_version');
      if (!version) continue;
      const named = attribute(call.body, 'name') ?? attribute(call.body, 'cluster_name');
      this.readCluster(module, file, call, version, scope, named ? knownString(evaluate(named.value, scope)) : undefined);
    }
  }

  /** An object a configuration writes as a value, as YAML text or read from a file: ServiceAccounts, workloads, FluxInstances. */
  private readManifestValue(item: Attribute | undefined, module: Module, file: TerraformFile, scope: Scope): void {
    if (!item) return;
    const yaml = this.yamlText(item.value, file, scope);
    if (yaml) {
      if (!/^\s*kind:/m.test(yaml.text)) return;
      const parsed = parseManifests(yaml.path, yaml.text);
      if (parsed.outcome === 'error') this.into.errors.push({ path: yaml.path, message: parsed.message, ...(parsed.line !== undefined ? { line: parsed.line } : {}) });
      if (parsed.outcome !== 'parsed') return;
      for (const object of parsed.objects) {
        this.into.objects.push({ kind: 'terraform', identity: object.identity, data: object.data, locator: object.locator, declaredBy: `in Terraform configuration \`${module.folder}\`` });
      }
      return;
    }
    this.readEncodedObject(item, module, file, scope);
  }

  /** An object written as an HCL value, or `yamlencode` / `jsonencode` of one. */
  private readEncodedObject(item: Attribute, module: Module, file: TerraformFile, scope: Scope): void {
    const value = evaluate(item.value, scope);
    const object = value.kind === 'encoded' ? value.of : value;
    if (object.kind === 'map') this.addObject(object, module, file, 'terraform', `in Terraform configuration \`${module.folder}\``);
  }

  /** A Kubernetes object value: a ServiceAccount or workload for the rules; a FluxInstance for the accounts its patches annotate. */
  private addObject(value: Value, module: Module, file: TerraformFile, kind: InputKind, declaredBy: string): void {
    const identity = objectIdentity(value);
    if (!identity) return;
    if (identity.kind === 'FluxInstance') {
      for (const account of fluxInstancePatches(value)) {
        if (typeof account === 'string') this.into.unanalysed.push({ path: file.path, line: this.position(value.at).startLine, kind: 'flux', reason: account });
        else this.addObject(accountValue(account), module, file, 'flux', `in FluxInstance \`${identity.namespace ?? ''}/${identity.name}\` of Terraform configuration \`${module.folder}\``);
      }
      return;
    }
    const data = plain(value) as Record<string, unknown>;
    this.into.objects.push({ kind, identity, data, locator: new ValueLocator(file.path, value, (origin) => this.position(origin)), declaredBy } satisfies DeclaredObject);
  }

  private readCluster(module: Module, file: TerraformFile, block: Block, version: Attribute | undefined, scope: Scope, name: string | undefined): void {
    if (!version) return;
    const assumptions: string[] = [];
    let known = knownString(evaluate(version.value, scope));
    const variable = variableName(version.value);
    // The .tfvars files of this configuration: in its folder, or named after it (`cluster-infrastructure.tfvars`).
    const own = (item: { file: string }) => path.posix.dirname(item.file) === module.folder || path.posix.basename(item.file) === `${path.posix.basename(module.folder)}.tfvars`;
    const set = variable === undefined ? [] : (this.tfvars.get(variable) ?? []).filter(own);
    const versions = [...new Set(set.map((item) => knownString(item.value)))];
    if (set.length > 0 && versions.length === 1 && versions[0] !== undefined) {
      known = versions[0];
      assumptions.push(`\`var.${variable}\` is the value \`${set[0]!.file}:${set[0]!.line}\` sets, the only one this configuration's .tfvars files give`);
    } else if (set.length > 0) {
      assumptions.push(`\`var.${variable}\` is set differently in ${set.map((item) => `\`${item.file}:${item.line}\``).join(', ')}: the version is not known`);
      known = undefined;
    } else if (known === undefined) assumptions.push(`\`${excerpt(file.text, version.value.span)}\` is decided at apply time: the version is not known`);
    this.into.clusters.push({
      folder: module.folder,
      file: file.path,
      line: file.lines.position(version.nameSpan.start).line,
      name: name ?? block.labels.at(-1)?.value ?? module.folder,
      kubernetesVersion: known ?? null,
      assumptions,
    });
  }

  /** Text of a heredoc, a `file()` or a `templatefile()`, with its lines where they are written; undefined for any other expression. */
  private yamlText(expression: Expression, file: TerraformFile, scope: Scope): { path: string; text: string } | undefined {
    if (expression.type === 'template' && expression.heredoc) {
      const { content } = expression.heredoc;
      const line = file.lines.position(content.start).line;
      return { path: file.path, text: '\n'.repeat(line - 1) + maskInterpolations(blankDirectives(file.text.slice(content.start, content.end))) };
    }
    if (expression.type !== 'call' || (expression.name !== 'file' && expression.name !== 'templatefile')) return undefined;
    const [pathArgument, variablesArgument] = expression.args;
    const at = this.position(this.origin(file, expression.span));
    const fail = (message: string) => {
      this.into.errors.push({ path: file.path, message, line: at.startLine, column: at.startColumn });
      return { path: file.path, text: '' };
    };
    const named = pathArgument ? knownString(evaluate(pathArgument, scope)) : undefined;
    if (named === undefined) return fail(`\`${expression.name}()\` names a file that is decided at apply time`);
    const folder = path.posix.dirname(file.path);
    const candidates = [path.posix.normalize(path.posix.join(folder, named)), path.posix.normalize(named)];
    if (path.posix.isAbsolute(named) || candidates.every((candidate) => candidate.startsWith('../') || candidate === '..')) return fail(`\`${expression.name}("${named}")\` names a file outside the scan root: it is not read`);
    const found = candidates.find((candidate) => this.repository.text(candidate) !== undefined);
    if (found === undefined) return fail(`\`${expression.name}("${named}")\` names a file that is not among the files scanned`);
    let text = this.repository.text(found)!;
    if (expression.name === 'templatefile') {
      const variables = variablesArgument ? evaluate(variablesArgument, scope) : undefined;
      text = maskInterpolations(blankDirectives(text)).replace(/\$\{\s*([A-Za-z_][\w-]*)\s*\}/g, (written, name: string) => knownString(entry(variables, name)) ?? written);
    }
    return { path: found, text };
  }

  /**
   * A `helm_release` as a Helm release: chart, name, namespace, its `values` list and its `set`
   * entries. With `for_each`, one release per known element; else one with `each` unknown.
   */
  private readRelease(resource: Block, address: string, scope: Scope, instance?: { file: string; anchor: Origin; call: string }): void {
    const forEach = attribute(resource.body, 'for_each');
    const file = this.files.get(scope.file)!;
    if (!forEach) {
      this.release(resource, address, scope, instance);
      return;
    }
    const pairs = elements(evaluate(forEach.value, scope));
    if (!pairs) {
      if (!instance) {
        this.into.unanalysed.push({
          path: file.path,
          line: file.lines.position(resource.span.start).line,
          kind: 'terraform',
          reason: `\`${address}\` makes one release per element of \`${excerpt(file.text, forEach.value.span)}\`, which is not known here: read once with \`each\` unknown, and once per element where a module call in the scan writes it`,
        });
        this.release(resource, address, scope);
      }
      return;
    }
    for (const [key, value] of pairs) {
      const each = mapOf(new Map([['key', key], ['value', value]]), key.at);
      const inner = withNames(scope, [['each', each]]);
      const anchor = instance && key.at.file !== instance.file ? instance.anchor : key.at;
      this.release(resource, `${address}[${JSON.stringify(knownString(key) ?? '')}]`, inner, instance ? { ...instance, anchor } : undefined);
    }
  }

  private release(resource: Block, address: string, scope: Scope, instance?: { file: string; anchor: Origin; call: string }): void {
    const file = this.files.get(scope.file)!;
    const text = (name: string) => {
      const item = attribute(resource.body, name);
      return item ? knownString(evaluate(item.value, scope)) : undefined;
    };
    const specFile = instance?.file ?? file.path;
    // In a module read for a call, what the module writes itself points at the call's element.
    const position = (origin: Origin): SourcePosition => {
      if (instance && origin.file !== instance.file) return this.position(instance.anchor);
      const at = this.position(origin);
      return origin.file === specFile ? at : { ...at, file: origin.file };
    };
    const chartReference = text('chart');
    const repository = text('repository');
    const chartName = chartReference?.replace(/\/+$/, '').split('/').at(-1);
    const chartFolder = this.localChart(chartReference, repository, file.path);
    const version = text('version');
    const values = this.valuesLayers(resource, address, scope);
    const entries = this.setEntries(resource, address, scope, position);
    if (entries.length > 0) values.push(setLayer(specFile, entries, `\`set\` entries of \`${address}\``));
    const releaseName = text('name');
    const namespaceItem = attribute(resource.body, 'namespace');
    // A namespace decided at apply time is still the release's: it keeps its expression.
    const namespace = namespaceItem ? String(plain(evaluate(namespaceItem.value, scope))) : undefined;
    const line = this.position(instance?.anchor ?? this.origin(file, resource.span)).startLine;
    const spec: HelmReleaseSpec = {
      kind: 'terraform',
      file: specFile,
      line,
      ...(releaseName !== undefined ? { releaseName } : {}),
      ...(namespace !== undefined ? { namespace } : {}),
      chart: {
        ...(chartName !== undefined ? { name: chartName } : {}),
        ...(repository !== undefined ? { repository } : {}),
        ...(version !== undefined ? { version } : {}),
        ...(chartFolder !== undefined ? { path: chartFolder } : {}),
      },
      values,
      declaredBy: releaseDeclaredBy(releaseName, chartReference, `Terraform \`${address}\`${instance ? ` through module \`${instance.call}\`` : ''}`),
    };
    this.into.releases.push(spec);
  }

  /** The `values` list: `yamlencode(...)`, heredoc YAML, `file()` and `templatefile()` of values files in the scan. */
  private valuesLayers(resource: Block, address: string, scope: Scope): LocatedValues[] {
    const item = attribute(resource.body, 'values');
    if (!item) return [];
    const file = this.files.get(scope.file)!;
    const list = valuesItems(item.value);
    const layers: LocatedValues[] = [];
    for (const expression of list) {
      const yaml = this.yamlText(expression, file, scope);
      if (yaml) {
        if (yaml.text === '') continue;
        const parsed = parseYamlDocuments(yaml.path, yaml.text);
        if (parsed.outcome === 'error') {
          const at = this.position(this.origin(file, expression.span));
          // YAML that only Terraform's rendering completes is not the user's mistake.
          if (/[$%]\{/.test(yaml.text)) this.into.unanalysed.push({ path: file.path, line: at.startLine, kind: 'terraform', reason: `values of \`${address}\` are YAML only once Terraform renders them: ${parsed.message}` });
          else this.into.errors.push({ path: file.path, message: `values of \`${address}\`: ${parsed.message}`, line: at.startLine, column: at.startColumn });
        } else if (parsed.documents[0]) layers.push({ value: parsed.documents[0].value, locator: parsed.documents[0].locator, label: yaml.path === file.path ? `values of \`${address}\`` : `values file \`${yaml.path}\`` });
        continue;
      }
      const value = evaluate(expression, scope);
      if (value.kind === 'encoded' && value.of.kind === 'map') {
        layers.push({ value: plain(value.of), locator: new ValueLocator(file.path, value.of, (origin) => this.position(origin)), label: `values of \`${address}\`` });
      } else {
        this.into.unanalysed.push({ path: file.path, line: this.position(value.at).startLine, kind: 'terraform', reason: `values of \`${address}\`: \`${excerpt(file.text, expression.span)}\` is decided at apply time` });
      }
    }
    return layers;
  }

  /** `set`, `set_sensitive` and `set_list`... as blocks, as lists of objects (provider v3), and `dynamic "set"` over known collections. */
  private setEntries(resource: Block, address: string, scope: Scope, position: (origin: Origin) => SourcePosition): SetEntry[] {
    const file = this.files.get(scope.file)!;
    const found: SetEntry[] = [];
    const add = (name: Value | undefined, value: Value | undefined, at: Origin) => {
      const written = knownString(name);
      if (written === undefined) {
        this.into.unanalysed.push({ path: file.path, line: this.position(at).startLine, kind: 'terraform', reason: `a \`set\` name of \`${address}\` is decided at apply time` });
        return;
      }
      const setPath = parseSetName(written);
      const namePosition = position(name!.at);
      if (typeof setPath === 'string') {
        this.into.errors.push({ path: namePosition.file ?? file.path, message: `\`set\` name of \`${address}\` is not valid Helm --set syntax: ${setPath}`, line: namePosition.startLine, column: namePosition.startColumn });
        return;
      }
      // The provider hands every value to Helm as a string; a computed one keeps its expression.
      const known = value?.kind === 'known';
      found.push({ path: setPath, value: value === undefined ? '' : known ? String(plain(value)) : plain(value), name: namePosition, valueAt: known ? position(value.at) : namePosition });
    };
    for (const item of resource.body.items) {
      if (item.type === 'attribute' && (item.name === 'set' || item.name === 'set_sensitive')) {
        const list = evaluate(item.value, scope);
        if (list.kind !== 'list') this.into.unanalysed.push({ path: file.path, line: file.lines.position(item.nameSpan.start).line, kind: 'terraform', reason: `\`${item.name}\` of \`${address}\` is decided at apply time` });
        else for (const element of list.items) add(entry(element, 'name'), entry(element, 'value'), element.at);
      } else if (item.type === 'block' && (item.blockType === 'set' || item.blockType === 'set_sensitive')) {
        add(this.attributeValue(item.body, 'name', scope), this.attributeValue(item.body, 'value', scope), this.origin(file, item.span));
      } else if (item.type === 'block' && item.blockType === 'dynamic' && (item.labels[0]?.value === 'set' || item.labels[0]?.value === 'set_sensitive')) {
        const iterator = knownString(this.attributeValue(item.body, 'iterator', scope)) ?? item.labels[0].value;
        const forEach = attribute(item.body, 'for_each');
        const content = blocks(item.body, 'content')[0];
        const pairs = forEach ? elements(evaluate(forEach.value, scope)) : undefined;
        if (!pairs || !content) {
          this.into.unanalysed.push({ path: file.path, line: file.lines.position(item.span.start).line, kind: 'terraform', reason: `\`dynamic "${item.labels[0].value}"\` of \`${address}\` iterates over values decided at apply time` });
          continue;
        }
        for (const [key, value] of pairs) {
          const inner = withNames(scope, [[iterator, mapOf(new Map([['key', key], ['value', value]]), key.at)]]);
          add(this.attributeValue(content.body, 'name', inner), this.attributeValue(content.body, 'value', inner), key.at);
        }
      }
    }
    return found;
  }

  private attributeValue(body: Body, name: string, scope: Scope): Value | undefined {
    const item = attribute(body, name);
    return item ? evaluate(item.value, scope) : undefined;
  }

  /**
   * A module call whose source is a folder of the scan: its `helm_release`s read again with the
   * call's arguments, one release per element of a `for_each` the arguments make known. A
   * registry source with a subfolder (`owner/name/aws//modules/x`) is taken to be the one folder
   * of the scan that ends with that subfolder, when there is exactly one.
   */
  private readModuleCall(caller: Module, file: TerraformFile, call: Block): void {
    const source = knownString(this.attributeValue(call.body, 'source', this.scope(file, new Map())));
    if (source === undefined) return;
    let folder: string | undefined;
    if (source.startsWith('./') || source.startsWith('../')) folder = path.posix.normalize(path.posix.join(caller.folder, source));
    else if (source.includes('//')) {
      const subfolder = source.slice(source.indexOf('//') + 2).replace(/\?.*$/, '').replace(/\/+$/, '');
      const matches = [...this.modules.keys()].filter((candidate) => candidate === subfolder || candidate.endsWith(`/${subfolder}`));
      if (matches.length === 1) folder = matches[0];
    }
    const module = folder === undefined ? undefined : this.modules.get(folder);
    if (!module || module === caller) return;
    const callerScope = this.scope(file, this.names(caller, new Map()));
    const arguments_ = new Map(attributes(call.body).map((item) => [item.name, evaluate(item.value, callerScope)] as const));
    const names = this.names(module, arguments_);
    const label = call.labels[0]?.value ?? 'module';
    for (const moduleFile of module.files) {
      for (const resource of blocks(moduleFile.body, 'resource')) {
        const [type, name] = resource.labels.map((item) => item.value);
        if (type !== 'helm_release' || name === undefined || !attribute(resource.body, 'for_each')) continue;
        this.readRelease(resource, `module.${label}.helm_release.${name}`, this.scope(moduleFile, names), { file: file.path, anchor: this.origin(file, call.typeSpan), call: label });
      }
    }
  }
}

/** The items of a `values` list: a tuple's, and those of the tuples `concat(...)` joins. */
function valuesItems(expression: Expression): Expression[] {
  if (expression.type === 'tuple') return expression.items;
  if (expression.type === 'call' && expression.name === 'concat') return expression.args.flatMap(valuesItems);
  return [expression];
}

/** An expression's text for a message: blanks folded, cut after 80 characters. */
function excerpt(text: string, span: { start: number; end: number }): string {
  const folded = text.slice(span.start, span.end).replace(/\s+/g, ' ');
  return folded.length > 80 ? `${folded.slice(0, 79)}…` : folded;
}

/**
 * Template directives (`%{ for ... }`, `%{ endif }`), and interpolations that make a whole line
 * (`${cond ? "key: value" : "# none"}`), as blanks of the same length: what they render is not
 * known, and the text around keeps its lines and columns.
 */
function blankDirectives(text: string): string {
  const blank = (part: string) => part.replace(/[^\n]/g, ' ');
  return text
    .replace(/%\{[^}]*\}/g, blank)
    .split('\n')
    .map((line) => {
      const written = line.trim();
      if (!written.startsWith('${')) return line;
      let depth = 0;
      for (let at = 1; at < written.length; at++) {
        if (written[at] === '{') depth++;
        else if (written[at] === '}' && --depth === 0) return at === written.length - 1 ? blank(line) : line;
      }
      return line;
    })
    .join('\n');
}

/**
 * Interpolations with YAML's own marks inside (`${a ? b : ""}`) as the same expression with those
 * marks made plain: the value is unknown anyway, and the YAML around it still reads as written.
 */
function maskInterpolations(text: string): string {
  let result = '';
  let at = 0;
  for (let start = text.indexOf('${'); start >= 0; start = text.indexOf('${', at)) {
    let depth = 0;
    let end = start + 1;
    for (; end < text.length && text[end] !== '\n'; end++) {
      if (text[end] === '{') depth++;
      else if (text[end] === '}' && --depth === 0) break;
    }
    if (depth !== 0 || text[start - 1] === '$') {
      result += text.slice(at, start + 2);
      at = start + 2;
      continue;
    }
    result += `${text.slice(at, start)}\${${text.slice(start + 2, end).replace(/[:#'"{}[\],&*!|>%@`]/g, '_')}}`;
    at = end + 1;
  }
  return result + text.slice(at);
}

/**
 * The Terraform reader: `.tf` files and `.tfvars`. A scan registers {@link lazyTerraformReader},
 * which loads this module only when it holds a Terraform file.
 */
export const terraformReader: DeclarationReader = {
  kind: 'terraform',
  markers: terraformFileMarkers,
  wants: isTerraformFile,
  read(files, repository, into) {
    new TerraformReading(files, repository, into).read();
  },
};
