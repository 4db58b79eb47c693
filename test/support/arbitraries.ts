/**
 * fast-check arbitraries for the property tests (test/property.test.ts): realistic Kubernetes
 * objects and eksctl configs, a YAML writer with many styles, code files that mention STS
 * endpoints, and text mutations that break all of them in small ways.
 */
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** A small deterministic random source, so one integer from fast-check decides many style choices. */
export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

// ---------------------------------------------------------------------------------------------
// Values that matter to the rules
// ---------------------------------------------------------------------------------------------

export const endpointTexts = [
  'https://sts.amazonaws.com',
  'sts.amazonaws.com',
  'http://sts.amazonaws.com/',
  'https://sts.amazonaws.com:443',
  'HTTPS://STS.AMAZONAWS.COM',
  'https://sts.us-west-2.amazonaws.com',
  'sts.us-west-2.amazonaws.com',
  'https://sts.eu-west-1.amazonaws.com',
  'https://sts-fips.us-east-1.amazonaws.com',
  'https://sts.us-east-1.api.aws',
  'https://sts.cn-north-1.amazonaws.com.cn',
  'https://sts.us-gov-west-1.amazonaws.com',
  'https://bucket.s3.amazonaws.com/key',
  'https://{bucket}.s3.amazonaws.com/{key}',
  'regional',
  'legacy',
  'aws-global',
  'us-west-2',
  'eu-west-1',
  '',
  'sts.amazonaws.com.evil.example',
  'https://sts.amazonaws.com https://sts.amazonaws.com',
  'x\nhttps://sts.amazonaws.com\ny',
  'é sts.amazonaws.com 😀',
] as const;

const regionalSettingValues: Json[] = ['true', 'false', 'True', 'FALSE', 'yes', 'no', 'on', '1', '', 'regional', 'legacy', true, false, 1, null];
const envNames = [
  'AWS_STS_REGIONAL_ENDPOINTS',
  'AWS_ENDPOINT_URL_STS',
  'AWS_ENDPOINT_URL',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_ROLE_ARN',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'STS_ENDPOINT',
  'LOG_LEVEL',
] as const;
const accountNames = ['default', 'app', 'external-dns', 'karpenter', 'aws-load-balancer-controller'] as const;
const namespaces = [undefined, 'default', 'kube-system', 'payments'] as const;

const endpoint = fc.constantFrom(...endpointTexts);
const name = fc.constantFrom('app', 'web', 'worker', 'external-dns', 'x', 'a-b-c', 'ünï', '');
const namespace = fc.constantFrom(...namespaces);
const roleArn = fc.constantFrom('arn:aws:iam::123456789012:role/app', 'arn:aws-cn:iam::123456789012:role/app', 'not-an-arn', '');

function metadata(nameValue: string, ns: string | undefined, annotations?: JsonObject): JsonObject {
  const meta: JsonObject = { name: nameValue };
  if (ns !== undefined) meta.namespace = ns;
  if (annotations && Object.keys(annotations).length > 0) meta.annotations = annotations;
  return meta;
}

const suppressionAnnotation = fc.constantFrom('STS001: accepted', 'STS006,STS007: test fixture', 'STS003', 'bogus');

export const serviceAccount: fc.Arbitrary<JsonObject> = fc
  .record({
    name: fc.oneof(fc.constantFrom(...accountNames), name),
    ns: namespace,
    role: fc.option(roleArn, { nil: undefined }),
    regional: fc.option(fc.constantFrom(...regionalSettingValues), { nil: undefined }),
    audience: fc.option(fc.constantFrom('sts.amazonaws.com', 'sts.amazonaws.com.cn', 'other'), { nil: undefined }),
    expiration: fc.option(fc.constantFrom('86400', 'x'), { nil: undefined }),
    ignore: fc.option(suppressionAnnotation, { nil: undefined }),
  })
  .map(({ name: n, ns, role, regional, audience, expiration, ignore }) => {
    const annotations: JsonObject = {};
    if (role !== undefined) annotations['eks.amazonaws.com/role-arn'] = role;
    if (regional !== undefined) annotations['eks.amazonaws.com/sts-regional-endpoints'] = regional;
    if (audience !== undefined) annotations['eks.amazonaws.com/audience'] = audience;
    if (expiration !== undefined) annotations['eks.amazonaws.com/token-expiration'] = expiration;
    if (ignore !== undefined) annotations['sts-audit.io/ignore'] = ignore;
    return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: metadata(n, ns, annotations) };
  });

const valueFrom: fc.Arbitrary<Json> = fc.constantFrom<Json>(
  { configMapKeyRef: { name: 'aws', key: 'endpoint' } },
  { secretKeyRef: { name: 'aws', key: 'endpoint' } },
  { fieldRef: { fieldPath: 'metadata.namespace' } },
  {},
  'nonsense',
);

const envVar: fc.Arbitrary<Json> = fc.record({
  name: fc.constantFrom(...envNames),
  value: fc.oneof(endpoint, fc.constantFrom<Json>('regional', 'legacy', 'true', true, 42, null)),
  useValueFrom: fc.boolean(),
  valueFrom,
}).map(({ name: n, value, useValueFrom, valueFrom: from }): Json => (useValueFrom ? { name: n, valueFrom: from } : { name: n, value }));

const container: fc.Arbitrary<Json> = fc
  .record({
    name: name,
    image: fc.constantFrom('nginx', 'amazon/aws-cli:2.15.0', 'registry.k8s.io/external-dns/external-dns:v0.14.0'),
    env: fc.option(fc.array(envVar, { maxLength: 5 }), { nil: undefined }),
    args: fc.option(fc.array(fc.oneof(endpoint.map((e) => `--sts-endpoint=${e}`), fc.constantFrom('--aws-sts-regional-endpoints=legacy', '--token-audience=sts.amazonaws.com', '--v=2')), { maxLength: 3 }), { nil: undefined }),
    envFrom: fc.option(fc.constant<Json>([{ configMapRef: { name: 'aws' } }]), { nil: undefined }),
  })
  .map(({ name: n, image, env, args, envFrom }) => {
    const c: JsonObject = { name: n, image };
    if (env) c.env = env;
    if (args) c.args = args;
    if (envFrom) c.envFrom = envFrom;
    return c;
  });

const podSpec: fc.Arbitrary<JsonObject> = fc
  .record({
    account: fc.option(fc.constantFrom(...accountNames), { nil: undefined }),
    legacyAccount: fc.boolean(),
    containers: fc.array(container, { minLength: 1, maxLength: 3 }),
    initContainers: fc.option(fc.array(container, { maxLength: 2 }), { nil: undefined }),
    projected: fc.option(fc.constantFrom('sts.amazonaws.com', 'vault', 'https://sts.amazonaws.com'), { nil: undefined }),
  })
  .map(({ account, legacyAccount, containers, initContainers, projected }) => {
    const spec: JsonObject = {};
    if (account !== undefined) spec[legacyAccount ? 'serviceAccount' : 'serviceAccountName'] = account;
    spec.containers = containers;
    if (initContainers) spec.initContainers = initContainers;
    if (projected !== undefined) {
      spec.volumes = [{ name: 'token', projected: { sources: [{ serviceAccountToken: { audience: projected, expirationSeconds: 86400, path: 'token' } }] } }];
    }
    return spec;
  });

const podTemplateAnnotations = fc.option(
  fc.constantFrom<JsonObject>(
    { 'eks.amazonaws.com/sts-regional-endpoints': 'true' },
    { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/app' },
    { 'sts-audit.io/ignore': 'STS007: reviewed' },
  ),
  { nil: undefined },
);

export const workload: fc.Arbitrary<JsonObject> = fc
  .record({
    kind: fc.constantFrom('Pod', 'Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet', 'Job', 'CronJob'),
    name,
    ns: namespace,
    spec: podSpec,
    annotations: podTemplateAnnotations,
    objectAnnotations: podTemplateAnnotations,
  })
  .map(({ kind, name: n, ns, spec, annotations, objectAnnotations }) => {
    const template: JsonObject = { metadata: annotations ? { labels: { app: n }, annotations } : { labels: { app: n } }, spec };
    const apiVersion = kind === 'Pod' ? 'v1' : kind === 'Job' || kind === 'CronJob' ? 'batch/v1' : 'apps/v1';
    const object: JsonObject = { apiVersion, kind, metadata: metadata(n, ns, objectAnnotations) };
    if (kind === 'Pod') object.spec = spec;
    else if (kind === 'CronJob') object.spec = { schedule: '*/5 * * * *', jobTemplate: { spec: { template } } };
    else if (kind === 'Job') object.spec = { template };
    else object.spec = { selector: { matchLabels: { app: n } }, template };
    return object;
  });

export const configMap: fc.Arbitrary<JsonObject> = fc
  .record({
    name,
    ns: namespace,
    data: fc.dictionary(
      fc.constantFrom('endpoint', 'AWS_ENDPOINT_URL_STS', 'AWS_STS_REGIONAL_ENDPOINTS', 'config', 'app.properties', 'note'),
      fc.oneof(endpoint, endpoint.map((e) => `[default]\nregion = us-east-1\nsts_regional_endpoints = legacy\nendpoint_url = ${e}\n`), endpoint.map((e) => `# ${e}\nkey: ${e}`)),
      { maxKeys: 4 },
    ),
  })
  .map(({ name: n, ns, data }): JsonObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: metadata(n, ns), data }));

export const eksctlConfig: fc.Arbitrary<JsonObject> = fc
  .record({
    name: fc.constantFrom('prod-us', 'legacy', 'dev'),
    region: fc.constantFrom('us-west-2', 'us-east-1', 'cn-north-1', 'us-gov-west-1', 'mars-1'),
    version: fc.constantFrom<Json>('1.17', '1.19', '1.21', '1.24', '1.29', 1.3, '1.32', '1.33', 'latest', 1),
    accounts: fc.array(fc.record({ metadata: fc.record({ name: fc.constantFrom(...accountNames), namespace: fc.constantFrom('default', 'kube-system') }), attachPolicyARNs: fc.constant<Json>(['arn:aws:iam::aws:policy/ReadOnlyAccess']) }), { maxLength: 2 }),
  })
  .map(({ name: n, region, version, accounts }): JsonObject => ({
    apiVersion: 'eksctl.io/v1alpha5',
    kind: 'ClusterConfig',
    metadata: { name: n, region, version },
    iam: { withOIDC: true, serviceAccounts: accounts as Json[] },
  }));

const otherObject: fc.Arbitrary<JsonObject> = fc.constantFrom<JsonObject>(
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'payments' } },
  { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { url: 'https://sts.amazonaws.com' } },
  { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { endpoint: 'https://sts.amazonaws.com' } },
  { notKubernetes: true, endpoint: 'https://sts.amazonaws.com' },
);

const baseObject = fc.oneof(
  { weight: 3, arbitrary: serviceAccount },
  { weight: 4, arbitrary: workload },
  { weight: 2, arbitrary: configMap },
  { weight: 1, arbitrary: eksctlConfig },
  { weight: 1, arbitrary: otherObject },
);

/** Replaces a few randomly chosen nodes of a value (type confusion: `containers: 3`, `env: {}`, `metadata: null`). */
function perturb(value: Json, replacements: readonly Json[], seed: number): Json {
  const random = rng(seed);
  let result = value;
  for (const replacement of replacements) {
    const nodes: Array<{ parent: Json[] | JsonObject; key: string | number }> = [];
    const walk = (node: Json): void => {
      if (Array.isArray(node)) node.forEach((child, index) => (nodes.push({ parent: node, key: index }), walk(child)));
      else if (node !== null && typeof node === 'object') for (const [key, child] of Object.entries(node)) (nodes.push({ parent: node, key }), walk(child));
    };
    walk(result);
    // A copy: constants are shared between runs, and a node must not end up inside itself.
    if (nodes.length === 0) {
      result = structuredClone(replacement);
      continue;
    }
    const { parent, key } = pick(random, nodes);
    (parent as Record<string | number, Json>)[key] = structuredClone(replacement);
  }
  return result;
}

const replacementValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, 0, 3, true, '', 'https://sts.amazonaws.com', [], {}, [null], { name: 'AWS_ENDPOINT_URL_STS' }, [{ name: 5, value: {} }]),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

/** A Kubernetes object, sometimes with a few nodes replaced by values of the wrong type. */
export const kubernetesObject: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: baseObject as fc.Arbitrary<Json> },
  {
    weight: 1,
    arbitrary: fc
      .tuple(baseObject, fc.array(replacementValue, { minLength: 1, maxLength: 3 }), fc.integer())
      .map(([object, replacements, seed]) => perturb(structuredClone(object), replacements, seed)),
  },
);

/** What one manifest file holds: documents, sometimes wrapped in a `kind: List`. */
export const manifestDocuments: fc.Arbitrary<Json[]> = fc
  .tuple(fc.array(kubernetesObject, { minLength: 0, maxLength: 4 }), fc.boolean(), fc.boolean())
  .map(([objects, asList, emptyDoc]) => {
    const docs: Json[] = asList ? [{ apiVersion: 'v1', kind: 'List', items: objects }] : objects;
    return emptyDoc ? [...docs, null] : docs;
  });

// ---------------------------------------------------------------------------------------------
// YAML and JSON writing
// ---------------------------------------------------------------------------------------------

export interface YamlStyle {
  indent: number;
  indentSequences: boolean;
  /** Collections at this depth and deeper are written in flow style. */
  flowDepth: number;
  quoting: 'plain' | 'single' | 'double' | 'mixed';
  /** Chance of a comment before or after a line. */
  comments: number;
  blockScalars: boolean;
  leadingSeparator: boolean;
  documentEnd: boolean;
  directive: boolean;
  lineEnd: '\n' | '\r\n';
  bom: boolean;
  finalNewline: boolean;
  seed: number;
}

export const yamlStyle: fc.Arbitrary<YamlStyle> = fc.record({
  indent: fc.constantFrom(1, 2, 3, 4),
  indentSequences: fc.boolean(),
  flowDepth: fc.constantFrom(1, 2, 3, 4, 99, 99, 99),
  quoting: fc.constantFrom('plain', 'single', 'double', 'mixed'),
  comments: fc.constantFrom(0, 0, 0.1, 0.4),
  blockScalars: fc.boolean(),
  leadingSeparator: fc.boolean(),
  documentEnd: fc.boolean(),
  directive: fc.boolean(),
  lineEnd: fc.constantFrom('\n' as const, '\n' as const, '\r\n' as const),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  seed: fc.integer(),
});

const commentTexts = ['just a comment', 'https://sts.amazonaws.com', 'sts-audit-ignore STS007: test fixture', 'sts-audit-ignore STS006', '{{ not a template }}', 'ü 😀', ''];

const plainSafe = /^[A-Za-z0-9_][A-Za-z0-9_.\/@-]*$/;
const plainSafeBlock = /^[A-Za-z0-9_](?:[A-Za-z0-9_.\/@-]|:(?=[^\s]))*$/;

class YamlWriter {
  private readonly random: () => number;
  constructor(private readonly style: YamlStyle) {
    this.random = rng(style.seed);
  }

  scalar(value: Json, flow: boolean): string {
    if (value === null) return pick(this.random, ['null', '~', flow ? 'null' : '']);
    if (typeof value === 'boolean') return value ? pick(this.random, ['true', 'True', 'yes']) : pick(this.random, ['false', 'no', 'FALSE']);
    if (typeof value === 'number') return String(value);
    const text = value as string;
    const quoting = this.style.quoting === 'mixed' ? pick(this.random, ['plain', 'single', 'double'] as const) : this.style.quoting;
    if (quoting === 'plain' && (flow ? plainSafe : plainSafeBlock).test(text)) return text;
    if (quoting !== 'double' && !/[\x00-\x1f\x7f\u2028\u2029\ud800-\udfff]/.test(text)) return `'${text.replace(/'/g, "''")}'`;
    return JSON.stringify(text);
  }

  key(key: string): string {
    return this.scalar(key, false);
  }

  flow(value: Json): string {
    if (Array.isArray(value)) return `[${value.map((item) => this.flow(item)).join(', ')}]`;
    if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${this.scalar(k, true)}: ${this.flow(v)}`).join(', ')}}`;
    return this.scalar(value, true);
  }

  private comment(pad: string): string[] {
    return this.random() < this.style.comments ? [`${pad}# ${pick(this.random, commentTexts)}`] : [];
  }

  private trailing(): string {
    return this.random() < this.style.comments ? ` # ${pick(this.random, commentTexts)}` : '';
  }

  private isInline(value: Json, depth: number): boolean {
    if (value === null || typeof value !== 'object') return true;
    if (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0) return true;
    return depth >= this.style.flowDepth;
  }

  /** A value after `key:` or `-`: inline text, or lines below. */
  private child(value: Json, depth: number, indent: number): { inline: string } | { lines: string[] } {
    if (typeof value === 'string' && value.includes('\n') && this.style.blockScalars && !/^[ \t]|\n[ \t]|[\r\x00-\x08\x0b-\x1f]/.test(value) && !/\n\n$/.test(value)) {
      const body = value.endsWith('\n') ? value.slice(0, -1) : value;
      const pad = ' '.repeat(indent);
      return { inline: `${value.endsWith('\n') ? '|' : '|-'}\n${body.split('\n').map((line) => (line === '' ? '' : pad + line)).join('\n')}` };
    }
    if (this.isInline(value, depth)) return { inline: typeof value === 'object' && value !== null ? this.flow(value) : this.scalar(value, false) };
    return { lines: this.block(value, depth, indent) };
  }

  block(value: Json, depth: number, indent: number): string[] {
    const pad = ' '.repeat(indent);
    const lines: string[] = [];
    if (Array.isArray(value)) {
      for (const item of value) {
        lines.push(...this.comment(pad));
        const child = this.child(item, depth + 1, indent + 2);
        if ('inline' in child) lines.push(`${pad}- ${child.inline}${child.inline.includes('\n') ? '' : this.trailing()}`);
        else {
          const [first, ...rest] = child.lines;
          lines.push(`${pad}- ${(first ?? '').slice(indent + 2)}`, ...rest);
        }
      }
      return lines;
    }
    if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        lines.push(...this.comment(pad));
        const nested = Array.isArray(item) && !this.style.indentSequences ? indent : indent + this.style.indent;
        const child = this.child(item, depth + 1, Array.isArray(item) ? nested : indent + this.style.indent);
        if ('inline' in child) lines.push(`${pad}${this.key(key)}: ${child.inline}${child.inline.includes('\n') ? '' : this.trailing()}`);
        else lines.push(`${pad}${this.key(key)}:${this.trailing()}`, ...child.lines);
      }
      return lines;
    }
    return [`${pad}${this.scalar(value, false)}`];
  }

  document(value: Json): string[] {
    if (value === null) return [];
    return this.block(value, 0, 0);
  }
}

/** Writes documents as one YAML stream in the given style. */
export function toYaml(documents: readonly Json[], style: YamlStyle): string {
  const writer = new YamlWriter(style);
  const random = rng(style.seed ^ 0x5bd1e995);
  const lines: string[] = [];
  if (style.directive) lines.push('%YAML 1.1');
  documents.forEach((document, index) => {
    if (index > 0 || style.leadingSeparator || style.directive) lines.push(random() < 0.3 ? '--- # next' : '---');
    lines.push(...writer.document(document));
    if (style.documentEnd) lines.push('...');
  });
  let text = lines.join('\n');
  if (style.finalNewline) text += '\n';
  if (style.lineEnd === '\r\n') text = text.replace(/\r?\n/g, '\r\n');
  return (style.bom ? '\uFEFF' : '') + text;
}

/** Writes one value (a document or a `List` of them) as JSON. */
export function toJson(documents: readonly Json[], indent: number, crlf: boolean, bom: boolean): string {
  const objects = documents.filter((document) => document !== null);
  const value: Json = objects.length === 1 ? (objects[0] as Json) : { apiVersion: 'v1', kind: 'List', items: [...objects] };
  const text = JSON.stringify(value, null, indent);
  return (bom ? '\uFEFF' : '') + (crlf ? text.replace(/\n/g, '\r\n') : text);
}

// ---------------------------------------------------------------------------------------------
// Code files
// ---------------------------------------------------------------------------------------------

type Language = 'py' | 'js' | 'go' | 'env' | 'sh' | 'tf';

const codeLines: Record<Language, Array<(e: string) => string>> = {
  py: [
    (e) => `sts = boto3.client("sts", endpoint_url="${e}")`,
    (e) => `# ${e}`,
    (e) => `"""${e}"""`,
    (e) => `url = f'https://{bucket}.s3.amazonaws.com/{key}'  # ${e}`,
    (e) => `condition = {"StringEquals": {f"{issuer}:aud": "${e}"}}`,
    () => `sts = boto3.client('sts', region_name='aws-global')`,
    () => `def main():`,
    (e) => `    return '${e}'`,
  ],
  js: [
    (e) => `const sts = new STSClient({ endpoint: '${e}' });`,
    (e) => `// ${e}`,
    (e) => `/* ${e}`,
    () => `*/`,
    (e) => 'const t = `${host}' + e + '`;',
    (e) => `const token = await getToken({ audience: "${e}" });`,
    () => `const sts = new AWS.STS({ stsRegionalEndpoints: 'legacy' });`,
    (e) => `const re = /${e.replace(/\//g, '\\/')}/;`,
  ],
  go: [
    (e) => `\treturn aws.Endpoint{URL: "${e}"}, nil`,
    (e) => `// ${e}`,
    (e) => '\tconst raw = `' + e + '`',
    (e) => `/* ${e} */`,
    () => `sess := session.Must(session.NewSession(&aws.Config{STSRegionalEndpoint: endpoints.LegacySTSEndpoint}))`,
    () => `package main`,
    () => `func main() {`,
    () => `}`,
  ],
  env: [
    (e) => `AWS_ENDPOINT_URL_STS=${e}`,
    () => `AWS_STS_REGIONAL_ENDPOINTS=legacy`,
    (e) => `# ${e}`,
    (e) => `export STS_ENDPOINT="${e}"`,
    (e) => `QUOTED='${e}'`,
  ],
  sh: [
    (e) => `aws sts get-caller-identity --endpoint-url ${e}`,
    () => `export AWS_STS_REGIONAL_ENDPOINTS=legacy`,
    (e) => `echo $#${e} # ${e}`,
    (e) => `cat <<EOF\n${e}\nEOF`,
  ],
  tf: [
    (e) => `  sts = "${e}"`,
    (e) => `  client_id_list = ["${e}"]`,
    (e) => `# ${e}`,
    (e) => `/* ${e} */`,
  ],
};

const extensionOf: Record<Language, string[]> = {
  py: ['.py'],
  js: ['.js', '.ts', '.mjs'],
  go: ['.go'],
  env: ['.env', '.env.production'],
  sh: ['.sh'],
  tf: ['.tf'],
};

export interface CodeFile {
  /** The file name's ending, or a whole name (`.env`). */
  ending: string;
  text: string;
}

export const codeFile: fc.Arbitrary<CodeFile> = fc
  .constantFrom<Language>('py', 'js', 'go', 'env', 'sh', 'tf')
  .chain((language) =>
    fc.record({
      ending: fc.constantFrom(...extensionOf[language]),
      lines: fc.array(
        fc.oneof(
          { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...codeLines[language]), endpoint).map(([line, e]) => line(e)) },
          { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
          { weight: 1, arbitrary: fc.constantFrom('// sts-audit-ignore STS008: test', '# sts-audit-ignore STS008', '"unterminated', "'", '/*', '`') },
        ),
        { maxLength: 12 },
      ),
      crlf: fc.boolean(),
      bom: fc.boolean(),
    }).map(({ ending, lines, crlf, bom }) => ({ ending, text: (bom ? '\uFEFF' : '') + lines.join(crlf ? '\r\n' : '\n') })),
  );

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

const insertions = [':', ': ', '-', '- ', '{', '}', '[', ']', '"', "'", '\t', '\0', '\r', '\n', '\r\n', '#', '&a ', '*a', '!!str ', '!!binary ', '|', '>', '%', '@', '`', ',', '?', '<<: *a', '---\n', '...\n', '{{ .Values.x }}', 'é', '😀', '\u2028', '\u0085', '\uFEFF', '\uD800', '\uDC00', '\u00A0', '\\', 'apiVersion: v1\nkind: Pod', 'https://sts.amazonaws.com', 'kind: List\nitems: 5'];

export type Mutation =
  | { op: 'delete'; at: number; length: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'duplicateLine' | 'deleteLine' | 'tabIndent' | 'reindent' | 'swapLines'; line: number; other: number }
  | { op: 'truncate'; at: number }
  | { op: 'duplicateChars'; at: number; length: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...insertions), fc.string({ unit: 'binary', maxLength: 4 })) }),
  fc.record({ op: fc.constantFrom('duplicateLine' as const, 'deleteLine' as const, 'tabIndent' as const, 'reindent' as const, 'swapLines' as const), line: fc.nat(), other: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicateChars' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 16 }) }),
);

export function mutate(text: string, mutations: readonly Mutation[]): string {
  let result = text;
  for (const m of mutations) {
    const size = result.length + 1;
    switch (m.op) {
      case 'delete': {
        const at = m.at % size;
        result = result.slice(0, at) + result.slice(at + m.length);
        break;
      }
      case 'insert': {
        const at = m.at % size;
        result = result.slice(0, at) + m.text + result.slice(at);
        break;
      }
      case 'truncate':
        result = result.slice(0, m.at % size);
        break;
      case 'duplicateChars': {
        const at = m.at % size;
        result = result.slice(0, at + m.length) + result.slice(at);
        break;
      }
      default: {
        const lines = result.split('\n');
        const i = m.line % lines.length;
        const j = m.other % lines.length;
        const line = lines[i] as string;
        if (m.op === 'duplicateLine') lines.splice(i, 0, line);
        else if (m.op === 'deleteLine') lines.splice(i, 1);
        else if (m.op === 'tabIndent') lines[i] = line.replace(/^ +/, (spaces) => '\t'.repeat(Math.max(1, spaces.length >> 1)));
        else if (m.op === 'reindent') lines[i] = ' '.repeat(m.other % 7) + line.trimStart();
        else [lines[i], lines[j]] = [lines[j] as string, line];
        result = lines.join('\n');
      }
    }
  }
  return result;
}

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 5 });

// ---------------------------------------------------------------------------------------------
// Whole scans
// ---------------------------------------------------------------------------------------------

/** One generated file before it gets a name. */
export interface GeneratedFile {
  ending: string;
  text: string;
  /** Put it in a folder of its own (with an eksctl config, that folder gets its profile). */
  folder: number;
}

export const manifestFile: fc.Arbitrary<GeneratedFile> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ docs: manifestDocuments, style: yamlStyle, ending: fc.constantFrom('.yaml', '.yml'), folder: fc.nat(2) }).map(({ docs, style, ending, folder }) => ({ ending, text: toYaml(docs, style), folder })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ docs: manifestDocuments, indent: fc.constantFrom(0, 2, 4), crlf: fc.boolean(), bom: fc.boolean(), ending: fc.constantFrom('.json', '.yaml'), folder: fc.nat(2) })
      .map(({ docs, indent, crlf, bom, ending, folder }) => ({ ending, text: toJson(docs, indent, crlf, bom), folder })),
  },
);

/** Dependency manifests (STS014): whole names, not endings. */
const dependencyFile: fc.Arbitrary<CodeFile> = fc.oneof(
  fc
    .array(fc.constantFrom('boto3==1.9.0', 'botocore>=1.20.0', 'boto3', '-r base.txt', '# boto3==1.0', 'requests==2.31.0', 'boto3 @ git+https://x'), { maxLength: 5 })
    .map((lines) => ({ ending: 'requirements.txt', text: lines.join('\n') })),
  fc
    .record({ sdk: fc.constantFrom('aws-sdk', '@aws-sdk/client-sts', 'left-pad'), version: fc.constantFrom('^2.1000.0', '2.0.0', '3.500.0', 'latest', '') })
    .map(({ sdk, version }) => ({ ending: 'package.json', text: JSON.stringify({ name: 'app', dependencies: { [sdk]: version } }, null, 2) })),
  fc.constantFrom('1.17', '1.19.0', 'v1.44.0').map((version) => ({ ending: 'go.mod', text: `module example.com/app\n\nrequire github.com/aws/aws-sdk-go v${version.replace(/^v/, '')}\n` })),
);

export const sourceFile: fc.Arbitrary<GeneratedFile> = fc
  .record({ code: fc.oneof({ weight: 4, arbitrary: codeFile }, { weight: 1, arbitrary: dependencyFile }), folder: fc.nat(2) })
  .map(({ code, folder }) => ({ ending: code.ending, text: code.text, folder }));

const stressHead = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: stress}\n';

/** Inputs at the parser's limits: deep nesting, alias fan-out, long lines (cut snippets), lone CRs. */
export const stressFile: fc.Arbitrary<GeneratedFile> = fc.oneof(
  fc.integer({ min: 200, max: 320 }).map((depth) => ({ ending: '.yaml', text: `${stressHead}data: ${'['.repeat(depth)}${']'.repeat(depth)}\n`, folder: 0 })),
  fc.integer({ min: 2, max: 7 }).map((levels) => {
    const lines = ['a0: &a0 [https://sts.amazonaws.com, x, y, z, w, v, u, t, s, r]'];
    for (let i = 1; i <= levels; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    return { ending: '.yaml', text: `${lines.join('\n')}\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {k: https://sts.amazonaws.com}\n`, folder: 0 };
  }),
  fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), fc.constantFrom('.yaml', '.json', '.py')).map(([before, after, ending]) => {
    const value = `${'x'.repeat(before)} https://sts.amazonaws.com ${'é'.repeat(after)}`;
    const text = ending === '.py' ? `url = "${value}"\n` : ending === '.json' ? JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'long' }, data: { k: value } }) : `${stressHead}data: {k: "${value}"}\n`;
    return { ending, text, folder: 0 };
  }),
  fc.boolean().map((json) => ({ ending: '.yaml', text: json ? `${stressHead}data: {k: https://sts.amazonaws.com}\n`.replace(/\n/g, '\r') : `${stressHead}data:\r  k: https://sts.amazonaws.com\r\n  j: sts.amazonaws.com\n`, folder: 0 })),
);

/** A valid-ish file, or one mutated into (usually) something that no longer parses. */
export const anyFile = (mutationWeight: number): fc.Arbitrary<GeneratedFile> =>
  fc.oneof(
    { weight: 15, arbitrary: manifestFile },
    { weight: 5, arbitrary: sourceFile },
    { weight: 1, arbitrary: stressFile },
    {
      weight: 5 * mutationWeight,
      arbitrary: fc.tuple(fc.oneof({ weight: 3, arbitrary: manifestFile }, { weight: 1, arbitrary: sourceFile }), mutations).map(([file, ms]) => ({ ...file, text: mutate(file.text, ms) })),
    },
  );

/** Gives generated files distinct names: `d1/f3.yaml`, `d0/.env`. */
export function nameFiles(files: readonly GeneratedFile[]): Record<string, string> {
  const named: Record<string, string> = {};
  files.forEach((file, index) => {
    const folder = file.folder === 0 ? '' : `d${file.folder}/`;
    // Whole names (`.env`, `requirements.txt`) go in a folder of their own.
    const base = file.ending.startsWith('.') && !file.ending.startsWith('.env') ? `f${index}${file.ending}` : `${index}/${file.ending}`;
    named[`${folder}${base}`] = file.text;
  });
  return named;
}

const versions = ['1.17', '1.19', '1.21', '1.24', '1.29', '1.32', '1.33'] as const;
const ruleIds = ['STS001', 'STS002', 'STS003', 'STS004', 'STS005', 'STS006', 'STS007', 'STS008', 'STS011', 'STS012', 'STS013', 'STS014', 'STS015', 'STS901', 'STS903'] as const;

/** Settings a user can give on the command line or in the config file. */
export interface GeneratedSettings {
  flags?: { clusterVersion?: string; platformVersion?: string; region?: string };
  onlyRules?: string[];
  skipRules?: string[];
  ruleLevels?: Record<string, 'error' | 'warning' | 'note' | 'off'>;
  lineHashes?: boolean;
  suppressions?: { inline?: boolean; reportUnused?: boolean };
}

export const scanSettings: fc.Arbitrary<GeneratedSettings> = fc.record(
  {
    flags: fc.record(
      { clusterVersion: fc.constantFrom(...versions), platformVersion: fc.constantFrom('eks.1', 'eks.5', 'eks.99'), region: fc.constantFrom('us-west-2', 'cn-north-1', 'us-gov-west-1') },
      { requiredKeys: [] },
    ),
    onlyRules: fc.subarray([...ruleIds], { maxLength: 3 }),
    skipRules: fc.subarray([...ruleIds], { maxLength: 3 }),
    ruleLevels: fc.dictionary(fc.constantFrom(...ruleIds), fc.constantFrom('error' as const, 'warning' as const, 'note' as const, 'off' as const), { maxKeys: 3 }),
    lineHashes: fc.boolean(),
    suppressions: fc.record({ inline: fc.boolean(), reportUnused: fc.boolean() }, { requiredKeys: [] }),
  },
  { requiredKeys: ['lineHashes'] },
);
