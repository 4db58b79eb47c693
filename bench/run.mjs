// npm run bench: two corpora and a cluster, each timed against its baseline in the same run,
// alternating, with the ratio of medians printed, and a summary of the ratios, their targets and
// peak RSS, naming the machine. BENCH=manifests|code|cluster runs one of them.
// 1. Manifests: 20,000 documents in 2,000 files; the scanner's command line against the floor of
//    any JavaScript YAML scanner (bench/floor.mjs: read every file and parse it with js-yaml).
// 1b. Kustomize (BENCH=kustomize): 200 overlays over 20 shared bases, each with a patch; the scan
//    against the same files with the kustomization files renamed, so each file is judged alone.
//    The time `kubectl kustomize` alone takes for the 200 overlays is printed beside it.
// 2. Source code: copies of this project's own node_modules JavaScript (at least 50 MB) with
//    global endpoints planted at known lines; the scanner against ripgrep searching the same tree.
// 3. Cluster (bench/cluster.mjs): 20,000 pods served by the stand-in API server; `sts-audit
//    cluster` against `kubectl get ... -A -o json`, with peak RSS; BENCH_SCALE=1 adds a growth table.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCluster } from './cluster.mjs';
import { compare, describeMachine, measure, printSummary } from './measure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = path.join(root, '.bench', 'manifests');
const kustomizeCorpus = path.join(root, '.bench', 'kustomize');
const overlays = 200;
const bases = 20;
const files = Number(process.env.BENCH_FILES ?? 2000);
const documentsPerFile = 10;
const runs = Number(process.env.BENCH_RUNS ?? 5);

function serviceAccount(team, app, i) {
  const setting = i % 7 === 0 ? '\n    eks.amazonaws.com/sts-regional-endpoints: "false"' : i % 3 === 0 ? '\n    eks.amazonaws.com/sts-regional-endpoints: "true"' : '';
  return `apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${app}
  namespace: ${team}
  labels:
    app.kubernetes.io/name: ${app}
    app.kubernetes.io/part-of: ${team}
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/${team}-${app}${setting}
`;
}

function deployment(team, app, i) {
  const endpoint = i % 11 === 0 ? '\n            - name: AWS_ENDPOINT_URL_STS\n              value: https://sts.amazonaws.com' : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  namespace: ${team}
  labels:
    app.kubernetes.io/name: ${app}
spec:
  replicas: 3
  selector:
    matchLabels:
      app.kubernetes.io/name: ${app}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${app}
      annotations:
        prometheus.io/scrape: "true"
    spec:
      serviceAccountName: ${app}
      containers:
        - name: ${app}
          image: 111122223333.dkr.ecr.us-west-2.amazonaws.com/${team}/${app}:1.${i % 50}.0
          args: ["--port=8080", "--log-level=info"]
          ports:
            - containerPort: 8080
              name: http
          env:
            - name: AWS_REGION
              value: us-west-2
            - name: AWS_DEFAULT_REGION
              value: us-west-2
            - name: LOG_FORMAT
              value: json${endpoint}
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {cpu: 500m, memory: 256Mi}
          readinessProbe:
            httpGet: {path: /healthz, port: http}
`;
}

function configMap(team, app, i) {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${app}-config-${i % 2}
  namespace: ${team}
data:
  LOG_LEVEL: info
  FEATURE_FLAGS: "a,b,c"
  config.ini: |
    [default]
    region = us-west-2
    sts_regional_endpoints = ${i % 13 === 0 ? 'legacy' : 'regional'}
    retries = 3
`;
}

function service(team, app) {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${app}
  namespace: ${team}
spec:
  selector:
    app.kubernetes.io/name: ${app}
  ports:
    - name: http
      port: 80
      targetPort: http
`;
}

function generate() {
  rmSync(corpus, { recursive: true, force: true });
  for (let f = 0; f < files; f++) {
    const team = `team-${f % 40}`;
    const folder = path.join(corpus, `cluster-${f % 4}`, team);
    mkdirSync(folder, { recursive: true });
    const docs = [];
    for (let d = 0; docs.length < documentsPerFile; d++) {
      const app = `app-${f}-${d}`;
      const i = f * documentsPerFile + d;
      docs.push(serviceAccount(team, app, i), deployment(team, app, i), configMap(team, app, i), service(team, app));
    }
    writeFileSync(path.join(folder, `apps-${f}.yaml`), docs.slice(0, documentsPerFile).join('---\n'));
  }
}

const machine = describeMachine();
console.log(`machine: ${machine}`);
const summary = [];
const which = process.env.BENCH ?? 'all';
if (which === 'all' || which === 'manifests') summary.push(await benchManifests());
if (which === 'all' || which === 'kustomize') summary.push(await benchKustomize());
if (which === 'all' || which === 'code') summary.push(await benchCode());
if (which === 'all' || which === 'cluster') summary.push(await benchCluster());
printSummary(summary.filter(Boolean), machine);

async function benchManifests() {
  generate();
  const output = (name) => path.join(root, '.bench', `${name}.out`);
  const scanner = { label: 'sts-audit scan (json)', run: () => measure(process.execPath, ['dist/sts-audit.mjs', 'scan', path.relative(root, corpus), '--format', 'json', '--quiet'], { cwd: root, outFile: output('scan'), ok: [0, 1] }) };
  const floor = { label: 'floor (read + js-yaml loadAll)', run: () => measure(process.execPath, ['bench/floor.mjs', corpus], { cwd: root, outFile: output('floor') }) };
  const row = await compare({ name: 'manifests scan/floor', subject: scanner, baseline: floor, runs, target: 1.5 });
  const report = JSON.parse(readFileSync(output('scan'), 'utf8'));
  console.log(`manifests: ${files} files, ${report.inputs.documents} documents, ${report.inputs.objects} objects; ${report.findings.length} findings; aim 1.2x`);
  return { ...row, name: `manifests (${report.inputs.documents.toLocaleString('en')} documents)`, baselineLabel: 'js-yaml floor' };
}

/** The overlays and their bases, and beside them the same files without any kustomization. */
function generateKustomize() {
  rmSync(kustomizeCorpus, { recursive: true, force: true });
  for (const tree of ['with', 'without']) {
    const kustomization = tree === 'with' ? 'kustomization.yaml' : 'kustomization.txt';
    for (let b = 0; b < bases; b++) {
      const folder = path.join(kustomizeCorpus, tree, 'bases', `base-${b}`);
      mkdirSync(folder, { recursive: true });
      const docs = [];
      for (let d = 0; d < 3; d++) docs.push(serviceAccount('apps', `app-${b}-${d}`, b * 3 + d), deployment('apps', `app-${b}-${d}`, b * 3 + d), configMap('apps', `app-${b}-${d}`, b * 3 + d));
      writeFileSync(path.join(folder, 'apps.yaml'), docs.join('---\n'));
      writeFileSync(path.join(folder, kustomization), 'resources:\n  - apps.yaml\n');
    }
    for (let o = 0; o < overlays; o++) {
      const folder = path.join(kustomizeCorpus, tree, 'overlays', `overlay-${o}`);
      mkdirSync(folder, { recursive: true });
      const app = `app-${o % bases}-0`;
      writeFileSync(path.join(folder, kustomization), `resources:\n  - ../../bases/base-${o % bases}\nnamespace: env-${o}\npatches:\n  - path: sa-patch.yaml\n`);
      writeFileSync(path.join(folder, 'sa-patch.yaml'), `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${app}\n  namespace: apps\n  annotations:\n    eks.amazonaws.com/sts-regional-endpoints: "${o % 2 === 0 ? 'false' : 'true'}"\n`);
    }
  }
}

async function benchKustomize() {
  if (spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status !== 0) {
    console.log('kustomize: kubectl is not installed; skipping the kustomize benchmark');
    return undefined;
  }
  generateKustomize();
  const output = (name) => path.join(root, '.bench', `${name}.out`);
  const scanOf = (tree, name) => ({
    label: `sts-audit scan (${tree} kustomizations)`,
    run: () => measure(process.execPath, ['dist/sts-audit.mjs', 'scan', path.relative(root, path.join(kustomizeCorpus, tree)), '--format', 'json', '--quiet'], { cwd: root, outFile: output(name), ok: [0, 1] }),
  });
  // Each overlay costs a kubectl start (about 0.1 s), which judging the files alone never pays:
  // the target holds the scan near kubectl's own time for 200 overlays on two cores.
  const row = await compare({ name: 'kustomize scan/per-file scan', subject: scanOf('with', 'kustomize-with'), baseline: scanOf('without', 'kustomize-without'), runs, target: 150 });
  const started = process.hrtime.bigint();
  for (let o = 0; o < overlays; o++) spawnSync('kubectl', ['kustomize', path.join(kustomizeCorpus, 'with', 'overlays', `overlay-${o}`)], { stdio: 'ignore' });
  const kubectlSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const report = JSON.parse(readFileSync(output('kustomize-with'), 'utf8'));
  console.log(`kustomize: ${overlays} overlays over ${bases} bases, ${report.inputs.objects} objects built, ${report.findings.length} findings; kubectl kustomize alone: ${kubectlSeconds.toFixed(2)} s (${((kubectlSeconds / overlays) * 1000).toFixed(0)} ms an overlay)`);
  return { ...row, name: `kustomize (${overlays} overlays)`, baselineLabel: 'same files, no kustomization' };
}

/** Copies every .js/.mjs/.cjs/.ts file of node_modules, as often as it takes to pass 50 MB. */
function generateCode(target) {
  const sources = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const absolute = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(absolute);
      else if (entry.isFile() && /\.(?:c|m)?js$|\.ts$/.test(entry.name)) sources.push(absolute);
    }
  };
  walk(path.join(root, 'node_modules'));
  const onceBytes = sources.reduce((sum, file) => sum + statSync(file).size, 0);
  const copies = Math.ceil((50 * 1024 * 1024) / onceBytes) + 1;
  const planted = [];
  let bytes = 0;
  for (let copy = 0; copy < copies; copy++) {
    sources.forEach((source, index) => {
      // Not named node_modules: the scanner leaves such folders out by default.
      const file = path.join(target, `copy-${copy}`, path.relative(path.join(root, 'node_modules'), source));
      mkdirSync(path.dirname(file), { recursive: true });
      // Not in folders the scanner leaves out by default (vendored code).
      if (index % 97 === copy && !/[\\/](?:vendor|third_party|node_modules)[\\/]/.test(path.relative(target, file))) {
        // On the first line: nothing there can be inside a comment or a string.
        writeFileSync(file, `const stsEndpoint = "https://sts.amazonaws.com";\n${readFileSync(source, 'utf8')}`);
        planted.push(`${path.relative(target, file).split(path.sep).join('/')}:1`);
      } else {
        copyFileSync(source, file);
      }
      bytes += statSync(file).size;
    });
  }
  return { files: sources.length * copies, bytes, planted };
}

async function benchCode() {
  const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  if (rg.status !== 0) {
    console.log('code: ripgrep (rg) is not installed (Debian: apt-get install ripgrep); skipping the code benchmark');
    return undefined;
  }
  // A folder of this run's own: the machine's temporary folder is shared with other runs.
  const folder = mkdtempSync(path.join(tmpdir(), 'sts-audit-bench-code-'));
  try {
    return await benchCodeIn(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The code benchmark, with its tree and the commands' output in `folder`. */
async function benchCodeIn(folder) {
  const target = path.join(folder, 'tree');
  const corpus = generateCode(target);
  const pattern = 'sts\\.amazonaws\\.com|sts_regional_endpoints|stsRegionalEndpoints|AWS_STS_REGIONAL_ENDPOINTS';
  const scanner = { label: 'sts-audit scan (json)', run: () => measure(process.execPath, [path.join(root, 'dist', 'sts-audit.mjs'), 'scan', '.', '--format', 'json', '--quiet', '--fail-on', 'none'], { cwd: target, outFile: path.join(folder, 'scan.out') }) };
  const ripgrep = { label: 'ripgrep', run: () => measure('rg', ['--no-messages', '-n', pattern, '.'], { cwd: target, outFile: path.join(folder, 'rg.out'), ok: [0, 1] }) };
  const row = await compare({ name: 'code scan/ripgrep', subject: scanner, baseline: ripgrep, runs, target: 3 });
  const report = JSON.parse(readFileSync(path.join(folder, 'scan.out'), 'utf8'));
  const found = new Set(report.findings.filter((f) => f.ruleId === 'STS008').map((f) => `${f.location.path}:${f.location.startLine}`));
  const missed = corpus.planted.filter((place) => !found.has(place));
  const megabytes = (corpus.bytes / 1024 / 1024).toFixed(1);
  console.log(`code: ${corpus.files} files, ${megabytes} MB; ${corpus.planted.length} endpoints planted, ${corpus.planted.length - missed.length} found${missed.length ? ` (missed: ${missed.slice(0, 5).join(', ')})` : ''}; ${report.findings.length} findings in all; aim 2x`);
  return { ...row, name: `code (${megabytes} MB)` };
}
