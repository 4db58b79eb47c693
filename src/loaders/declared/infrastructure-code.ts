import { languageOf } from '../../code/languages.js';
import { maskComments } from '../../code/mask-comments.js';
import { webhook } from '../../facts.js';
import { isRecord } from '../../values.js';
import { CodePositions, CodeReader, nodeAt, type CodeArgument, type CodeNode } from './code-literals.js';
import { releaseDeclaredBy } from './release-label.js';
import { isProgram, programMarkers as markers } from './markers.js';
import type { DeclarationReader, Declarations } from '../../model/declared.js';
import type { DocumentLocator, PathSegment } from '../../model/resource.js';

const { roleArn: roleArnKey, stsRegionalEndpoints: endpointKey } = webhook.annotations;

const toolNames: Record<'cdk' | 'pulumi', string> = { cdk: 'AWS CDK', pulumi: 'Pulumi' };

/** Why a program is only partly analysed: it is never run. */
const partlyRead: Record<'cdk' | 'pulumi', string> = {
  cdk: 'AWS CDK code is read, not run: ServiceAccounts made by `addServiceAccount`, `new ServiceAccount`, cdk8s `KubeServiceAccount` and literal ServiceAccount objects are modeled from the literals written; the roles CDK creates, values computed when the app runs, objects made in loops or helpers, and Helm charts added with `addHelmChart` are not known',
  pulumi: 'Pulumi code is read, not run: ServiceAccounts made by `k8s.core.v1.ServiceAccount`, literal ServiceAccount objects, and the values of `k8s.helm` releases and charts are modeled from the literals written; values computed when the program runs (outputs such as a role\'s `arn`) are known only by the expression written, and objects made in loops or helpers are not seen',
};

/** A span of the text: where a call or a construct is written. */
interface Span {
  start: number;
  end: number;
}

/** What one file's constructs are read with. */
interface Program {
  file: string;
  kind: 'cdk' | 'pulumi';
  code: CodeReader;
  positions: CodePositions;
  into: Declarations;
  /** Objects already read as a ServiceAccount, by offset, so a literal inside a call is not read twice. */
  read: Set<number>;
}

/** A value written as code that is known only when the program runs, as an annotation value no rule claims to know. */
function unknownValue(node: CodeNode): unknown {
  return node.computed ? `\${${String(node.value).replace(/\W+/g, '_').replace(/^_+|_+$/g, '')}}` : node.value;
}

/**
 * The ServiceAccount data a `metadata` node describes (of CDK's options, only the fields in
 * `copied`); a computed endpoint annotation stays unknown.
 */
function serviceAccountData(metadata: CodeNode, name: string, namespace: string | undefined, extraAnnotations: Record<string, unknown> = {}, copied?: readonly string[]): Record<string, unknown> {
  const written = isRecord(metadata.value) ? metadata.value : {};
  const value = copied ? Object.fromEntries(Object.entries(written).filter(([key]) => copied.includes(key))) : written;
  const annotationsNode = nodeAt(metadata, ['annotations']);
  const annotations: Record<string, unknown> = { ...(annotationsNode.complete && isRecord(annotationsNode.node.value) ? annotationsNode.node.value : {}), ...extraAnnotations };
  const endpoint = nodeAt(metadata, ['annotations', endpointKey]);
  if (endpoint.complete) annotations[endpointKey] = unknownValue(endpoint.node);
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { ...value, name, ...(namespace !== undefined ? { namespace } : {}), annotations } };
}

/** A literal string, or the expression written, with what reading it assumed. */
function textOf(node: CodeNode | undefined, what: string, assumptions: string[]): string | undefined {
  if (!node) return undefined;
  if (node.computed || typeof node.value !== 'string') {
    assumptions.push(`its ${what} is the value of \`${String(node.value)}\`, known only when the program runs`);
    return String(node.value);
  }
  return node.value;
}

/** A ServiceAccount whose fields are a Kubernetes object's (`metadata: { name, annotations }`), rooted at `root`. */
function objectServiceAccount(program: Program, root: CodeNode, at: Span, label: string, resourceName?: string): void {
  if (program.read.has(root.start)) return;
  program.read.add(root.start);
  const metadata = nodeAt(root, ['metadata']);
  if (!metadata.complete) return;
  const assumptions: string[] = [];
  let name = textOf(nodeAt(metadata.node, ['name']).complete ? nodeAt(metadata.node, ['name']).node : undefined, 'name', assumptions);
  if (name === undefined) {
    name = resourceName ?? '(unnamed)';
    assumptions.push(program.kind === 'pulumi' ? `its name is made by Pulumi from the resource name \`${name}\` and a random suffix` : `its name is not written: read as \`${name}\``);
  }
  const namespaceNode = nodeAt(metadata.node, ['namespace']);
  const namespace = textOf(namespaceNode.complete ? namespaceNode.node : undefined, 'namespace', assumptions);
  const role = nodeAt(metadata.node, ['annotations', roleArnKey]);
  if (role.complete && role.node.computed) assumptions.push(`its role ARN is the value of \`${String(role.node.value)}\`, known only when the program runs`);
  program.into.objects.push({
    kind: program.kind,
    identity: { apiVersion: 'v1', kind: 'ServiceAccount', name, ...(namespace !== undefined ? { namespace } : {}) },
    data: serviceAccountData(metadata.node, name, namespace),
    locator: program.positions.locator(root, at),
    declaredBy: `made by ${label} in ${toolNames[program.kind]} code`,
    ...(assumptions.length > 0 ? { assumptions } : {}),
  });
}

/**
 * A ServiceAccount that AWS CDK makes with a role of its own (`cluster.addServiceAccount(id, { name,
 * namespace, annotations })`, `new eks.ServiceAccount(scope, id, { cluster, … })`): CDK creates
 * the role and writes its annotation, so the role is located at the call.
 */
function cdkServiceAccount(program: Program, options: CodeNode | undefined, at: Span, label: string, id: string | undefined): void {
  const assumptions = ['its role is the one AWS CDK creates for it, and CDK writes its ARN as the annotation'];
  const nameNode = options && nodeAt(options, ['name']);
  let name = textOf(nameNode?.complete ? nameNode.node : undefined, 'name', assumptions);
  if (name === undefined) {
    name = `(derived from the id${id === undefined ? '' : ` \`${id}\``})`;
    assumptions.push('its name is not written: AWS CDK derives it from the construct');
  }
  const namespaceNode = options && nodeAt(options, ['namespace']);
  const namespace = textOf(namespaceNode?.complete ? namespaceNode.node : undefined, 'namespace', assumptions) ?? 'default';
  const root: CodeNode = options ?? { start: at.start, end: at.end, value: {} };
  // The options stand for the metadata: their `name`, `namespace`, `labels` and `annotations` are the ServiceAccount's own.
  const data = serviceAccountData(root, name, namespace, { [roleArnKey]: '(the role AWS CDK creates)' }, ['labels', 'annotations']);
  const optionsLocator = program.positions.locator(root, at);
  const locator: DocumentLocator = {
    path: program.file,
    locate: (path, locateOptions) => {
      if (path[0] !== 'metadata' || (path[1] === 'annotations' && path[2] === roleArnKey)) return program.positions.at(at.start, at.end);
      return optionsLocator.locate(path.slice(1), locateOptions);
    },
  };
  program.into.objects.push({
    kind: program.kind,
    identity: { apiVersion: 'v1', kind: 'ServiceAccount', name, namespace },
    data,
    locator,
    declaredBy: `made by ${label} in ${toolNames[program.kind]} code`,
    assumptions,
  });
}

/** The argument that holds a construct's properties: the object among them with one of `keys`, else Python's keyword arguments. */
function properties(args: readonly CodeArgument[], keys: readonly string[]): CodeNode | undefined {
  const positional = args.find((arg) => !arg.name && arg.node.entries && keys.some((key) => arg.node.entries!.has(key)));
  if (positional) return positional.node;
  const named = args.filter((arg) => arg.name !== undefined);
  const wrapped = named.find((arg) => arg.name === 'args' || arg.name === 'props');
  if (wrapped?.node.entries) return wrapped.node;
  if (!named.some((arg) => keys.includes(arg.name!))) return undefined;
  const first = named[0]!.node;
  const entries = new Map(named.map((arg) => [arg.name!, { keyStart: arg.nameStart!, keyEnd: arg.nameStart! + arg.name!.length, node: arg.node }]));
  return { start: first.start, end: named.at(-1)!.node.end, value: Object.fromEntries(named.map((arg) => [arg.name!, arg.node.value])), entries };
}

/** The first positional argument that is a string literal: a construct's id, a Pulumi resource's name. */
function firstString(args: readonly CodeArgument[]): string | undefined {
  const found = args.find((arg) => !arg.name && !arg.node.computed && typeof arg.node.value === 'string');
  return found?.node.value as string | undefined;
}

/** Calls that make a ServiceAccount with a role AWS CDK creates. */
const addServiceAccountCall = /\b(addServiceAccount|add_service_account|AddServiceAccount)\s*\(/g;
/** Constructors and resources named after ServiceAccount: CDK's, cdk8s's `KubeServiceAccount`, Pulumi's `core.v1.ServiceAccount`, Go's `NewServiceAccount`, Java's builder. */
const serviceAccountConstruct = /(?<![\w$.])((?:[\w$]+\.)*(?:Kube|New)?ServiceAccount(?:\.Builder\.create)?)\s*\(/g;
/** A literal Kubernetes object of kind ServiceAccount (in a `KubernetesManifest`, `addManifest`, a cdk8s `ApiObject`). */
const serviceAccountKind = /["']?kind["']?\s*:\s*["']ServiceAccount["']/g;
/** Pulumi Helm releases and charts. */
const helmRelease = /(?<![\w$.])((?:[\w$]+\.)*(?:helm|helmv3|helmv4)\.(?:v[34]\.)?(?:Release|Chart|NewRelease|NewChart))\s*\(/g;

function readConstructs(program: Program): void {
  const { code } = program;
  const text = code.text;
  for (const match of text.matchAll(addServiceAccountCall)) {
    const open = match.index + match[0].length - 1;
    const args = code.arguments(open);
    const options = properties(args, ['name', 'namespace', 'annotations', 'labels']);
    cdkServiceAccount(program, options, { start: match.index, end: match.index + match[1]!.length }, `\`${match[1]}\``, firstString(args));
  }
  for (const match of text.matchAll(serviceAccountConstruct)) {
    const callee = match[1]!;
    if (/\b(?:def|class|function|func|interface|type)\s+$/.test(text.slice(Math.max(0, match.index - 12), match.index))) continue;
    const at = { start: match.index, end: match.index + callee.length };
    if (callee.endsWith('.Builder.create')) {
      const built = code.value(match.index);
      if (built.entries?.has('cluster')) cdkServiceAccount(program, built, at, `\`${callee}\``, undefined);
      continue;
    }
    const args = code.arguments(match.index + match[0].length - 1);
    const props = properties(args, ['metadata', 'cluster', 'name', 'namespace']);
    if (!props) continue;
    if (props.entries?.has('metadata')) objectServiceAccount(program, props, at, `\`${callee}\``, firstString(args));
    else if (program.kind === 'cdk' && props.entries?.has('cluster')) cdkServiceAccount(program, props, at, `\`${callee}\``, firstString(args));
  }
  for (const match of text.matchAll(serviceAccountKind)) {
    const open = enclosingBrace(text, match.index);
    if (open === undefined) continue;
    const object = code.value(open);
    if (object.entries?.get('kind')?.node.value !== 'ServiceAccount') continue;
    const apiVersion = object.entries.get('apiVersion')?.node.value;
    if (apiVersion !== undefined && apiVersion !== 'v1') continue;
    objectServiceAccount(program, object, { start: match.index, end: match.index + match[0].length }, 'a ServiceAccount object');
  }
  if (program.kind === 'pulumi') for (const match of text.matchAll(helmRelease)) readRelease(program, match[1]!, match.index, match.index + match[0].length - 1);
}

/** A Pulumi Helm release or chart: its values, read as the values layer a Helm release is given. */
function readRelease(program: Program, callee: string, start: number, open: number): void {
  const args = program.code.arguments(open);
  const props = properties(args, ['chart', 'values']);
  const values = props && nodeAt(props, ['values']);
  if (!props || !values?.complete || !values.node.entries) return;
  const literal = (key: PathSegment[]): string | undefined => {
    const found = nodeAt(props, key);
    return found.complete && !found.node.computed && typeof found.node.value === 'string' ? found.node.value : undefined;
  };
  const resourceName = firstString(args);
  const chart = literal(['chart']);
  const releaseName = literal(['name']) ?? resourceName;
  const namespace = literal(['namespace']);
  const repository = literal(['repositoryOpts', 'repo']) ?? literal(['fetchOpts', 'repo']);
  const version = literal(['version']);
  const line = program.positions.at(start, start).startLine;
  program.into.releases.push({
    kind: 'pulumi',
    file: program.file,
    line,
    ...(releaseName !== undefined ? { releaseName } : {}),
    ...(namespace !== undefined ? { namespace } : {}),
    chart: { ...(chart !== undefined ? { name: chart } : {}), ...(repository !== undefined ? { repository } : {}), ...(version !== undefined ? { version } : {}) },
    values: [{ value: values.node.value, locator: program.positions.locator(values.node, { start, end: start + callee.length }), label: `values of Pulumi \`${callee}\`` }],
    declaredBy: releaseDeclaredBy(releaseName, chart, `Pulumi \`${callee}\``),
  });
}

/** The offset of the `{` that opens the object around `at`, if any. */
function enclosingBrace(text: string, at: number): number | undefined {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const char = text[i];
    if (char === '}') depth++;
    else if (char === '{') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

function readPrograms(kind: 'cdk' | 'pulumi', files: ReadonlyArray<{ path: string; text: string }>, into: Declarations): void {
  for (const file of files) {
    const language = languageOf(file.path)!;
    const program: Program = {
      file: file.path,
      kind,
      code: new CodeReader(maskComments(file.text, language), language.name === 'python'),
      positions: new CodePositions(file.path, file.text),
      into,
      read: new Set(),
    };
    const before = into.objects.length + into.releases.length;
    readConstructs(program);
    if (into.objects.length + into.releases.length > before) into.unanalysed.push({ path: file.path, kind, reason: partlyRead[kind] });
  }
}

/** Whether a program is a Pulumi program: it imports a Pulumi package. */
const isPulumi = (text: string): boolean => text.includes('pulumi');

function programReader(kind: 'cdk' | 'pulumi', wants: (text: string) => boolean): DeclarationReader {
  return {
    kind,
    markers,
    wants: (path, text) => isProgram(path) && markers.texts.some((marker) => text.includes(marker)) && wants(text),
    read: (files, _repository, into) => readPrograms(kind, files, into),
  };
}

/** AWS CDK and cdk8s programs: the ServiceAccounts they make, read from the code as written. */
export const cdkReader = programReader('cdk', (text) => /aws-cdk|aws_cdk|awscdk|cdk8s/.test(text) && !isPulumi(text));

/** Pulumi programs: the ServiceAccounts and Helm releases they make, read from the code as written. */
export const pulumiReader = programReader('pulumi', isPulumi);
