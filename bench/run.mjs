// npm run bench: two corpora and a cluster, each timed against its baseline in the same run,
// alternating, with the ratio of medians printed. BENCH=manifests|code|cluster runs one of them.
// 1. Manifests: 20,000 documents in 2,000 files; the scanner's command line against the floor of
//    any JavaScript YAML scanner (bench/floor.mjs: read every file and parse it with js-yaml).
// 2. Source code: copies of this project's own node_modules JavaScript (at least 50 MB) with
//    global endpoints planted at known lines; the scanner against ripgrep searching the same tree.
// 3. Cluster (bench/cluster.mjs): 20,000 pods served by the stand-in API server; `sts-audit
//    cluster` against `kubectl get ... -A -o json`, with peak RSS; BENCH_SCALE=1 adds a growth table.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCluster } from './cluster.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = path.join(root, '.bench', 'manifests');
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

function time(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { seconds, stdout: result.stdout };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function bench(name, first, second) {
  // One warm-up of each, so the file cache treats both alike.
  const warm = first.run();
  second.run();
  const firstTimes = [];
  const secondTimes = [];
  for (let i = 0; i < runs; i++) {
    firstTimes.push(first.run().seconds);
    secondTimes.push(second.run().seconds);
  }
  const a = median(firstTimes);
  const b = median(secondTimes);
  console.log(`${first.label}: median ${a.toFixed(3)} s over ${runs} runs [${firstTimes.map((t) => t.toFixed(3)).join(', ')}]`);
  console.log(`${second.label}: median ${b.toFixed(3)} s [${secondTimes.map((t) => t.toFixed(3)).join(', ')}]`);
  console.log(`${name} ratio: ${(a / b).toFixed(2)}x`);
  return warm;
}

const which = process.env.BENCH ?? 'all';
if (which === 'all' || which === 'manifests') {
generate();
const scanArgs = ['dist/sts-audit.mjs', 'scan', path.relative(root, corpus), '--format', 'json', '--quiet'];
const floorArgs = ['bench/floor.mjs', corpus];
// One warm-up of each, so the file cache treats both alike.
const warm = time(scanArgs);
time(floorArgs);
const report = JSON.parse(warm.stdout);
const scanTimes = [];
const floorTimes = [];
for (let i = 0; i < runs; i++) {
  scanTimes.push(time(scanArgs).seconds);
  floorTimes.push(time(floorArgs).seconds);
}
const scanMedian = median(scanTimes);
const floorMedian = median(floorTimes);
console.log(`manifests: ${files} files, ${report.inputs.documents} documents, ${report.inputs.objects} objects; ${report.findings.length} findings`);
console.log(`sts-audit scan (json): median ${scanMedian.toFixed(3)} s over ${runs} runs [${scanTimes.map((t) => t.toFixed(3)).join(', ')}]`);
console.log(`floor (read + js-yaml loadAll): median ${floorMedian.toFixed(3)} s [${floorTimes.map((t) => t.toFixed(3)).join(', ')}]`);
console.log(`ratio scan/floor: ${(scanMedian / floorMedian).toFixed(2)}x (target <= 1.5x, aim 1.2x)`);
}

if (which === 'all' || which === 'code') benchCode();
if (which === 'all' || which === 'cluster') await benchCluster();

/** Copies every .js/.mjs/.cjs/.ts file of node_modules, as often as it takes to pass 50 MB. */
function generateCode(target) {
  rmSync(target, { recursive: true, force: true });
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

function benchCode() {
  const target = path.join(tmpdir(), 'sts-audit-bench-code');
  const corpus = generateCode(target);
  const pattern = 'sts\\.amazonaws\\.com|sts_regional_endpoints|stsRegionalEndpoints|AWS_STS_REGIONAL_ENDPOINTS';
  const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  if (rg.status !== 0) {
    console.log('code: ripgrep (rg) is not installed (Debian: apt-get install ripgrep); skipping the code benchmark');
    return;
  }
  const timed = (command, args) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd: target, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (result.status !== 0 && result.status !== 1) throw new Error(`${command} exited ${result.status}: ${result.stderr}`);
    return { seconds: Number(process.hrtime.bigint() - start) / 1e9, stdout: result.stdout };
  };
  const scanner = { label: 'sts-audit scan (json)', run: () => timed(process.execPath, [path.join(root, 'dist', 'sts-audit.mjs'), 'scan', '.', '--format', 'json', '--quiet', '--fail-on', 'none']) };
  const ripgrep = { label: 'ripgrep', run: () => timed('rg', ['--no-messages', '-n', pattern, '.']) };
  const warm = bench('code scan/ripgrep', scanner, ripgrep);
  const report = JSON.parse(warm.stdout);
  const found = new Set(report.findings.filter((f) => f.ruleId === 'STS008').map((f) => `${f.location.path}:${f.location.startLine}`));
  const missed = corpus.planted.filter((place) => !found.has(place));
  console.log(`code: ${corpus.files} files, ${(corpus.bytes / 1024 / 1024).toFixed(1)} MB; ${corpus.planted.length} endpoints planted, ${corpus.planted.length - missed.length} found${missed.length ? ` (missed: ${missed.slice(0, 5).join(', ')})` : ''}; ${report.findings.length} findings in all; target <= 3x ripgrep (aim 2x)`);
}
