// npm run bench: the corpora and a cluster, each timed against its baseline in the same run,
// alternating, with the ratio of medians printed against its target, and a summary of the ratios,
// their targets and peak RSS, naming the machine. BENCH=startup|manifests|kustomize|code|cluster
// runs one of them.
// 0. Start-up (BENCH=startup): `scan` of an empty folder against `node -e 0`.
// 1. Manifests: 10 documents a file in 200, 2,000 and 10,000 files (BENCH_FILES=2000 or
//    BENCH_FILES=200,2000 picks sizes); the scanner's command line against the floor of any
//    JavaScript YAML scanner (bench/floor.mjs: read every file and parse it with js-yaml). Peak
//    RSS at 10,000 files has a target, and how it grows from 2,000 to 10,000 files is printed.
// 1b. Kustomize (BENCH=kustomize): 200 overlays over 20 shared bases, each with a patch; the scan
//    against `kubectl kustomize` building the 200 overlays one after another, which the scan runs
//    for each of them. The scan of the same files with the kustomization files renamed, so each
//    file is judged alone, is printed beside it.
// 2. Source code: copies of this project's own node_modules JavaScript (at least 50 MB) with
//    global endpoints planted at known lines; the scanner against ripgrep searching the same tree,
//    then, for reference, against a bare Node.js loop that reads every file (bench/read-floor.mjs).
// 3. Cluster (bench/cluster.mjs): 20,000 pods served by the stand-in API server; `sts-audit
//    cluster` against `kubectl get ... -A -o json`, with peak RSS; BENCH_SCALE=1 adds a growth table.
// BENCH_SCANNER=FILE times another build of the command line (one made from an earlier commit).
// BENCH_REPORTS=DIR times nothing: it writes the scanner's report of every file corpus in every
// format into DIR, so that two builds' reports can be compared byte for byte (`diff -r`).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCluster } from './cluster.mjs';
import { compare, describeMachine, measure, printSummary } from './measure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const kustomizeCorpus = path.join(root, '.bench', 'kustomize');
const overlays = 200;
const bases = 20;
const manifestSizes = (process.env.BENCH_FILES ?? '200,2000,10000').split(',').map(Number);
/** Start-up weighs most on the smallest corpus: its ratio has room for it. */
const manifestTarget = (files) => (files < 1000 ? 1.5 : 1.2);
/** Peak RSS targets (MB) by corpus size. */
const manifestRssTargets = { 10000: 300 };
const documentsPerFile = 10;
const runs = Number(process.env.BENCH_RUNS ?? 5);
const scanner = path.resolve(process.env.BENCH_SCANNER ?? path.join(root, 'dist', 'sts-audit.mjs'));
const reportsFolder = process.env.BENCH_REPORTS ? path.resolve(process.env.BENCH_REPORTS) : undefined;
const reportFormats = ['json', 'sarif', 'text', 'markdown'];

/** The manifest corpus of `files` files. */
const manifestCorpus = (files) => path.join(root, '.bench', 'manifests', `${files}-files`);

/**
 * Writes the scanner's reports of `target` (relative to `cwd`) in every format into the reports
 * folder, as `name.format`.
 */
function writeReports(name, target, cwd) {
  mkdirSync(reportsFolder, { recursive: true });
  for (const format of reportFormats) {
    const run = spawnSync(process.execPath, [scanner, 'scan', target, '--format', format, '--output', path.join(reportsFolder, `${name}.${format}`)], { cwd, encoding: 'utf8' });
    if (run.status !== 0 && run.status !== 1) throw new Error(`${name} (${format}): exited ${run.status}: ${run.stderr}`);
  }
  console.log(`${name}: reports written to ${reportsFolder}`);
}

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

function generate(files) {
  const corpus = manifestCorpus(files);
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
if (which === 'all' || which === 'startup') summary.push(await benchStartup());
if (which === 'all' || which === 'manifests') summary.push(...(await benchManifests()));
if (which === 'all' || which === 'kustomize') summary.push(await benchKustomize());
if (which === 'all' || which === 'code') summary.push(...((await benchCode()) ?? []));
if (which === 'all' || which === 'cluster') summary.push(await (reportsFolder ? undefined : benchCluster()));
if (!reportsFolder) printSummary(summary.filter(Boolean), machine);

/** `scan` of an empty folder against `node -e 0`: what starting the scanner costs. */
async function benchStartup() {
  const folder = mkdtempSync(path.join(tmpdir(), 'sts-audit-bench-empty-'));
  try {
    if (reportsFolder) return undefined;
    const output = (name) => path.join(folder, `${name}.out`);
    const scan = { label: 'sts-audit scan (empty folder)', run: () => measure(process.execPath, [scanner, 'scan', '.', '--no-error-on-unmatched-pattern'], { cwd: folder, outFile: output('scan') }) };
    const node = { label: 'node -e 0', run: () => measure(process.execPath, ['-e', '0'], { cwd: folder, outFile: output('node') }) };
    // Tens of milliseconds each: more runs for a steady median.
    const row = await compare({ name: 'start-up scan/node', subject: scan, baseline: node, runs: runs * 4, target: 2 });
    return { ...row, name: 'start-up (empty folder)' };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The manifest corpora, one row each; then how peak RSS grows with the corpus. */
async function benchManifests() {
  const rows = [];
  for (const files of manifestSizes) {
    generate(files);
    const corpus = manifestCorpus(files);
    if (reportsFolder) {
      writeReports(`manifests-${files}`, path.relative(root, corpus), root);
      continue;
    }
    const output = (name) => path.join(root, '.bench', `${name}.out`);
    const scan = { label: 'sts-audit scan (json)', run: () => measure(process.execPath, [scanner, 'scan', path.relative(root, corpus), '--format', 'json', '--quiet'], { cwd: root, outFile: output('scan'), ok: [0, 1] }) };
    const floor = { label: 'floor (read + js-yaml loadAll)', run: () => measure(process.execPath, ['bench/floor.mjs', corpus], { cwd: root, outFile: output('floor') }) };
    // Half a second or less each up to 2,000 files: three times the runs, for a steady median (with
    // five, the 2,000-file ratio moved by a fifth between runs of the same build).
    const row = await compare({ name: `manifests ${files} files scan/floor`, subject: scan, baseline: floor, runs: files <= 2000 ? runs * 3 : runs, target: manifestTarget(files), rssTargetMb: manifestRssTargets[files] });
    const report = JSON.parse(readFileSync(output('scan'), 'utf8'));
    console.log(`manifests: ${files} files, ${report.inputs.documents} documents, ${report.inputs.objects} objects; ${report.findings.length} findings`);
    rows.push({ ...row, files, name: `manifests (${files.toLocaleString('en')} files)`, baselineLabel: 'js-yaml floor' });
  }
  const [small, large] = [rows.find((row) => row.files === 2000), rows.find((row) => row.files === 10000)];
  if (small && large) {
    // What the scan holds beyond what the floor holds: flat if nothing is kept per file.
    const growth = (large.rssMb - large.baselineRssMb) / (small.rssMb - small.baselineRssMb);
    console.log(`manifests: peak RSS above the floor's grows ${growth.toFixed(2)}x from 2,000 to 10,000 files (5x the files; sublinear is below 5x)`);
  }
  return rows;
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
  if (reportsFolder) {
    for (const tree of ['with', 'without']) writeReports(`kustomize-${tree}`, path.relative(root, path.join(kustomizeCorpus, tree)), root);
    return undefined;
  }
  const output = (name) => path.join(root, '.bench', `${name}.out`);
  const scanOf = (tree, name) => ({
    label: `sts-audit scan (${tree} kustomizations)`,
    run: () => measure(process.execPath, [scanner, 'scan', path.relative(root, path.join(kustomizeCorpus, tree)), '--format', 'json', '--quiet'], { cwd: root, outFile: output(name), ok: [0, 1] }),
  });
  // Each overlay costs a kubectl start (0.1 to 0.2 s), most of the scan's time: the target holds
  // the scan to no more than kubectl's own builds of the overlays, one after another. (Held to the
  // scan of the files alone, the ratio followed that scan's speed and kubectl's, not the
  // scanner's work on the builds.) Its runs take minutes: three of each.
  const folders = Array.from({ length: overlays }, (_, o) => path.join(kustomizeCorpus, 'with', 'overlays', `overlay-${o}`));
  const builds = {
    label: `kubectl kustomize of the ${overlays} overlays, one after another`,
    run: () =>
      measure(process.execPath, ['-e', `for (const folder of ${JSON.stringify(folders)}) require('node:child_process').spawnSync('kubectl', ['kustomize', folder], { stdio: 'ignore' });`], {
        cwd: root,
        outFile: output('kubectl-kustomize'),
      }),
  };
  const row = await compare({ name: 'kustomize scan/kubectl kustomize', subject: scanOf('with', 'kustomize-with'), baseline: builds, runs: Math.min(runs, 3), target: 1 });
  const alone = await scanOf('without', 'kustomize-without').run();
  const report = JSON.parse(readFileSync(output('kustomize-with'), 'utf8'));
  console.log(
    `kustomize: ${overlays} overlays over ${bases} bases, ${report.inputs.objects} objects built, ${report.findings.length} findings; kubectl ${((row.baselineSeconds / overlays) * 1000).toFixed(0)} ms an overlay; the same files judged one by one: ${alone.seconds.toFixed(2)} s (the scan takes ${(row.seconds / alone.seconds).toFixed(0)}x that)`,
  );
  return { ...row, name: `kustomize (${overlays} overlays)`, baselineLabel: 'kubectl kustomize, one after another' };
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
  if (reportsFolder) return writeReports('code', '.', target);
  const pattern = 'sts\\.amazonaws\\.com|sts_regional_endpoints|stsRegionalEndpoints|AWS_STS_REGIONAL_ENDPOINTS';
  const scan = { label: 'sts-audit scan (json)', run: () => measure(process.execPath, [scanner, 'scan', '.', '--format', 'json', '--quiet', '--fail-on', 'none'], { cwd: target, outFile: path.join(folder, 'scan.out') }) };
  const ripgrep = { label: 'ripgrep', run: () => measure('rg', ['--no-messages', '-n', pattern, '.'], { cwd: target, outFile: path.join(folder, 'rg.out'), ok: [0, 1] }) };
  // A third of a second each, with ripgrep's time a tenth: more runs for a steady median. With
  // five, the ratio moved by a tenth between runs of the same build.
  const row = await compare({ name: 'code scan/ripgrep', subject: scan, baseline: ripgrep, runs: runs * 3, target: 3 });
  const nodeFloor = { label: 'Node.js read floor', run: () => measure(process.execPath, [path.join(root, 'bench', 'read-floor.mjs'), '.'], { cwd: target, outFile: path.join(folder, 'floor.out') }) };
  const floorRow = await compare({ name: 'code scan/Node.js read floor', subject: scan, baseline: nodeFloor, runs: runs * 3 });
  const report = JSON.parse(readFileSync(path.join(folder, 'scan.out'), 'utf8'));
  const found = new Set(report.findings.filter((f) => f.ruleId === 'STS008').map((f) => `${f.location.path}:${f.location.startLine}`));
  const missed = corpus.planted.filter((place) => !found.has(place));
  const megabytes = (corpus.bytes / 1024 / 1024).toFixed(1);
  console.log(`code: ${corpus.files} files, ${megabytes} MB; ${corpus.planted.length} endpoints planted, ${corpus.planted.length - missed.length} found${missed.length ? ` (missed: ${missed.slice(0, 5).join(', ')})` : ''}; ${report.findings.length} findings in all`);
  const problem = missed.length > 0 ? { problem: `${missed.length} planted endpoints missed` } : {};
  return [
    { ...row, name: `code (${megabytes} MB)`, ...problem },
    { ...floorRow, name: `code, against Node.js` },
  ];
}
