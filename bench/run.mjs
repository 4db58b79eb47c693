// npm run bench: generates a manifest corpus, then times the scanner's command line against the
// floor (bench/floor.mjs) in the same run, alternating them, and prints the ratio of medians.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
console.log(`corpus: ${files} files, ${report.inputs.documents} documents, ${report.inputs.objects} objects; ${report.findings.length} findings`);
console.log(`sts-audit scan (json): median ${scanMedian.toFixed(3)} s over ${runs} runs [${scanTimes.map((t) => t.toFixed(3)).join(', ')}]`);
console.log(`floor (read + js-yaml loadAll): median ${floorMedian.toFixed(3)} s [${floorTimes.map((t) => t.toFixed(3)).join(', ')}]`);
console.log(`ratio scan/floor: ${(scanMedian / floorMedian).toFixed(2)}x (target <= 1.5x, aim 1.2x)`);
