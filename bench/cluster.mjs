// Cluster benchmark (BENCH=cluster): a generated EKS cluster of 20,000 pods (BENCH_PODS) and 2,000
// ServiceAccounts in 50 namespaces, with the Deployments, ReplicaSets, DaemonSets, nodes and
// ConfigMaps around them, served by the stand-in API server (test/support/kube-api-server.mjs)
// over HTTPS with a bearer token. Objects are built like real ones (webhook-injected env,
// projected token volumes, managedFields, status), about 4-5 KB a pod, since what the client has
// to decode decides the time. Some pods are stale (no AWS_STS_REGIONAL_ENDPOINTS though their
// ServiceAccount now says "true"), so the audit has findings to report.
// Timed, alternating, after one warm-up of each, median of BENCH_RUNS runs (default 3):
//   sts-audit cluster --format json   against
//   kubectl get <the same ten resource types> -A -o json   (the baseline: read everything once)
// with the peak RSS of each (bench/measure.mjs). Both write their stdout to a file. Target:
// audit/kubectl <= 0.5x, audit peak RSS < 400 MB.
// BENCH_SCALE=1 adds one run each at 2,000, 5,000 and 50,000 pods, and prints how both grow.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare, measure, rssMethod } from './measure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const folder = path.join(root, '.bench', 'cluster');
const serverScript = path.join(root, 'test', 'support', 'kube-api-server.mjs');
const kubectl = process.env.KUBECTL ?? '/usr/bin/kubectl';
const resources = ['serviceaccounts', 'pods', 'nodes', 'configmaps', 'deployments', 'replicasets', 'daemonsets', 'statefulsets', 'jobs', 'cronjobs'];
const namespaceCount = 50;
const serviceAccountCount = 2000;
const nodeCount = 6;
const region = 'us-west-2';
const account = '111122223333';
const vpcCniRole = `arn:aws:iam::${account}:role/eks-vpc-cni`;

// ---------------------------------------------------------------------------------------------
// The cluster's objects.

const created = (i) => new Date(Date.UTC(2025, 0, 1) + (i % 100_000) * 61_000).toISOString().replace(/\.\d+Z$/, 'Z');
const suffix = (i, length) => {
  const letters = 'bcdfghjklmnpqrstvwxz2456789';
  let text = '';
  for (let n = i * 7919 + 104_729; text.length < length; n = Math.floor(n / letters.length) + 31) text += letters[n % letters.length];
  return text;
};
const nodeName = (i) => `ip-10-0-${(i * 37) % 256}-${(i * 91) % 256}.${region}.compute.internal`;
const teamOf = (sa) => `team-${sa % namespaceCount}`;
const appOf = (sa) => `app-${sa}`;

/** ServiceAccount sa's annotation setting: "true", "false" or none. */
const saSetting = (sa) => (sa % 7 === 0 ? 'false' : sa % 3 === 0 ? 'true' : undefined);
const saRole = (sa) => (sa % 10 === 9 ? undefined : `arn:aws:iam::${account}:role/${teamOf(sa)}-${appOf(sa)}`);

function managedFields(manager, time, fields, subresource) {
  return { manager, operation: 'Update', apiVersion: 'v1', time, fieldsType: 'FieldsV1', fieldsV1: fields, ...(subresource ? { subresource } : {}) };
}

function serviceAccount(sa) {
  const role = saRole(sa);
  const setting = saSetting(sa);
  const annotations = {
    ...(role ? { 'eks.amazonaws.com/role-arn': role } : {}),
    ...(setting ? { 'eks.amazonaws.com/sts-regional-endpoints': setting } : {}),
    'meta.helm.sh/release-name': appOf(sa),
    'meta.helm.sh/release-namespace': teamOf(sa),
  };
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {
      name: appOf(sa),
      namespace: teamOf(sa),
      uid: randomUUID(),
      resourceVersion: String(1000 + sa),
      creationTimestamp: created(sa),
      labels: { 'app.kubernetes.io/name': appOf(sa), 'app.kubernetes.io/managed-by': 'Helm', 'app.kubernetes.io/part-of': teamOf(sa) },
      annotations,
      managedFields: [managedFields('helm', created(sa), { 'f:metadata': { 'f:annotations': Object.fromEntries(Object.keys(annotations).map((key) => [`f:${key}`, {}])), 'f:labels': { '.': {}, 'f:app.kubernetes.io/name': {} } } })],
    },
  };
}

/** The container of a workload's template: what the chart sets, before the webhook. */
function templateContainer(sa, name = appOf(sa)) {
  const ownRegion = sa % 2 === 0;
  return {
    name,
    image: `${account}.dkr.ecr.${region}.amazonaws.com/${teamOf(sa)}/${name}:1.${sa % 50}.${sa % 7}`,
    imagePullPolicy: 'IfNotPresent',
    args: ['--port=8080', '--log-level=info', `--service-name=${name}`],
    ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }, { containerPort: 9090, name: 'metrics', protocol: 'TCP' }],
    env: [
      { name: 'LOG_FORMAT', value: 'json' },
      { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
      { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } } },
      ...(ownRegion ? [{ name: 'AWS_REGION', value: region }, { name: 'AWS_DEFAULT_REGION', value: region }] : []),
    ],
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
    readinessProbe: { httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
    livenessProbe: { httpGet: { path: '/livez', port: 'http', scheme: 'HTTP' }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
    volumeMounts: [{ name: 'config', mountPath: '/etc/app', readOnly: true }],
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
  };
}

function podTemplate(sa, hash) {
  return {
    metadata: {
      labels: { 'app.kubernetes.io/name': appOf(sa), 'app.kubernetes.io/instance': appOf(sa), ...(hash ? { 'pod-template-hash': hash } : {}) },
      annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9090' },
    },
    spec: {
      serviceAccountName: appOf(sa),
      containers: [templateContainer(sa)],
      volumes: [{ name: 'config', configMap: { name: `${appOf(sa)}-config`, defaultMode: 420 } }],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      securityContext: { runAsNonRoot: true, runAsUser: 10001 },
      schedulerName: 'default-scheduler',
    },
  };
}

const templateHash = (sa, generation) => suffix(sa * 3 + generation, 10);

function deployment(sa) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: appOf(sa),
      namespace: teamOf(sa),
      uid: randomUUID(),
      resourceVersion: String(5000 + sa),
      generation: 2,
      creationTimestamp: created(sa),
      labels: { 'app.kubernetes.io/name': appOf(sa), 'app.kubernetes.io/managed-by': 'Helm' },
      annotations: { 'deployment.kubernetes.io/revision': '2', 'meta.helm.sh/release-name': appOf(sa), 'meta.helm.sh/release-namespace': teamOf(sa) },
    },
    spec: {
      replicas: 10,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      selector: { matchLabels: { 'app.kubernetes.io/name': appOf(sa), 'app.kubernetes.io/instance': appOf(sa) } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: podTemplate(sa),
    },
    status: {
      observedGeneration: 2,
      replicas: 10,
      updatedReplicas: 10,
      readyReplicas: 10,
      availableReplicas: 10,
      conditions: [
        { type: 'Available', status: 'True', lastUpdateTime: created(sa), lastTransitionTime: created(sa), reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
        { type: 'Progressing', status: 'True', lastUpdateTime: created(sa), lastTransitionTime: created(sa), reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${appOf(sa)}-${templateHash(sa, 1)}" has successfully progressed.` },
      ],
    },
  };
}

function replicaSet(sa, owner, generation, replicas) {
  const hash = templateHash(sa, generation);
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${appOf(sa)}-${hash}`,
      namespace: teamOf(sa),
      uid: randomUUID(),
      resourceVersion: String(7000 + sa * 2 + generation),
      generation: 1,
      creationTimestamp: created(sa + generation),
      labels: { 'app.kubernetes.io/name': appOf(sa), 'app.kubernetes.io/instance': appOf(sa), 'pod-template-hash': hash },
      annotations: { 'deployment.kubernetes.io/desired-replicas': '10', 'deployment.kubernetes.io/max-replicas': '13', 'deployment.kubernetes.io/revision': String(generation + 1) },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true }],
    },
    spec: { replicas, selector: { matchLabels: { 'app.kubernetes.io/name': appOf(sa), 'pod-template-hash': hash } }, template: podTemplate(sa, hash) },
    status: { replicas, fullyLabeledReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 1 },
  };
}

function daemonSet(name, sa) {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'kube-system', uid: randomUUID(), resourceVersion: '900', generation: 1, creationTimestamp: created(1), labels: { 'k8s-app': name } },
    spec: {
      selector: { matchLabels: { 'k8s-app': name } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '10%', maxSurge: 0 } },
      template: { metadata: { labels: { 'k8s-app': name } }, spec: { serviceAccountName: name, hostNetwork: true, priorityClassName: 'system-node-critical', containers: [templateContainer(sa, name)] } },
    },
    status: { currentNumberScheduled: nodeCount, desiredNumberScheduled: nodeCount, numberAvailable: nodeCount, numberReady: nodeCount, observedGeneration: 1 },
  };
}

/** The env the pod identity webhook adds to each container, given the ServiceAccount and the template's env. */
function webhookEnv({ role, setting }, own, stale) {
  if (!role) return [];
  const env = [];
  // The webhook injects regional for "true" (and, on current EKS, by default); a stale pod predates the change.
  if (setting !== 'false' && !(stale && setting === 'true')) env.push({ name: 'AWS_STS_REGIONAL_ENDPOINTS', value: 'regional' });
  if (!own.some((entry) => entry.name === 'AWS_REGION' || entry.name === 'AWS_DEFAULT_REGION')) env.push({ name: 'AWS_DEFAULT_REGION', value: region }, { name: 'AWS_REGION', value: region });
  env.push({ name: 'AWS_ROLE_ARN', value: role }, { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token' });
  return env;
}

function pod(p, identity, owner, stale) {
  const namespace = owner.metadata.namespace;
  const hash = owner.metadata.labels['pod-template-hash'];
  const template = owner.spec.template;
  const name = `${owner.metadata.name}-${suffix(p, 5)}`;
  const node = nodeName(p % nodeCount);
  const time = created(p);
  const tokenVolume = `kube-api-access-${suffix(p + 1, 5)}`;
  const irsa = identity.role !== undefined;
  const containers = template.spec.containers.map((container) => ({
    ...container,
    env: [...container.env, ...webhookEnv(identity, container.env, stale)],
    volumeMounts: [
      ...(container.volumeMounts ?? []),
      { name: tokenVolume, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true },
      ...(irsa ? [{ name: 'aws-iam-token', mountPath: '/var/run/secrets/eks.amazonaws.com/serviceaccount', readOnly: true }] : []),
    ],
  }));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      generateName: `${owner.metadata.name}-`,
      namespace,
      uid: randomUUID(),
      resourceVersion: String(100_000 + p),
      creationTimestamp: time,
      labels: { ...template.metadata.labels, ...(hash ? {} : { 'controller-revision-hash': suffix(p % 3, 10), 'pod-template-generation': '1' }) },
      annotations: template.metadata.annotations ?? {},
      ownerReferences: [{ apiVersion: 'apps/v1', kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true }],
      managedFields: [
        managedFields('kube-controller-manager', time, {
          'f:metadata': { 'f:generateName': {}, 'f:labels': { '.': {}, 'f:app.kubernetes.io/name': {}, 'f:pod-template-hash': {} }, 'f:ownerReferences': { '.': {}, [`k:{"uid":"${owner.metadata.uid}"}`]: {} } },
          'f:spec': { 'f:containers': { [`k:{"name":"${containers[0].name}"}`]: { '.': {}, 'f:args': {}, 'f:env': { '.': {}, 'k:{"name":"LOG_FORMAT"}': { '.': {}, 'f:name': {}, 'f:value': {} } }, 'f:image': {}, 'f:imagePullPolicy': {}, 'f:name': {}, 'f:ports': {}, 'f:resources': {} } }, 'f:dnsPolicy': {}, 'f:restartPolicy': {}, 'f:schedulerName': {}, 'f:serviceAccountName': {}, 'f:volumes': {} },
        }),
        managedFields('kubelet', time, { 'f:status': { 'f:conditions': { 'k:{"type":"Ready"}': { '.': {}, 'f:lastProbeTime': {}, 'f:lastTransitionTime': {}, 'f:status': {}, 'f:type': {} } }, 'f:containerStatuses': {}, 'f:hostIP': {}, 'f:phase': {}, 'f:podIP': {}, 'f:podIPs': {}, 'f:startTime': {} } }, 'status'),
      ],
    },
    spec: {
      ...template.spec,
      containers,
      volumes: [
        ...(irsa ? [{ name: 'aws-iam-token', projected: { defaultMode: 420, sources: [{ serviceAccountToken: { audience: 'sts.amazonaws.com', expirationSeconds: 86400, path: 'token' } }] } }] : []),
        ...(template.spec.volumes ?? []),
        { name: tokenVolume, projected: { defaultMode: 420, sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }, { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }, { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } }] } },
      ],
      serviceAccount: template.spec.serviceAccountName,
      nodeName: node,
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    },
    status: {
      phase: 'Running',
      conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: time })),
      hostIP: `10.0.${p % nodeCount}.10`,
      hostIPs: [{ ip: `10.0.${p % nodeCount}.10` }],
      podIP: `10.1.${(p >> 8) & 255}.${p & 255}`,
      podIPs: [{ ip: `10.1.${(p >> 8) & 255}.${p & 255}` }],
      startTime: time,
      qosClass: 'Burstable',
      containerStatuses: containers.map((container) => ({
        name: container.name,
        image: container.image,
        imageID: `${container.image.split(':')[0]}@sha256:${suffix(p, 16)}${'0'.repeat(48)}`,
        containerID: `containerd://${suffix(p + 2, 16)}${'f'.repeat(48)}`,
        ready: true,
        started: true,
        restartCount: p % 5 === 0 ? 1 : 0,
        state: { running: { startedAt: time } },
        lastState: {},
      })),
    },
  };
}

function node(i) {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: nodeName(i),
      uid: randomUUID(),
      creationTimestamp: created(i),
      labels: {
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': nodeName(i),
        'node.kubernetes.io/instance-type': 'm6i.4xlarge',
        'topology.kubernetes.io/region': region,
        'topology.kubernetes.io/zone': `${region}${'abc'[i % 3]}`,
        'eks.amazonaws.com/nodegroup': 'general',
      },
      annotations: { 'alpha.kubernetes.io/provided-node-ip': `10.0.${i}.10`, 'node.alpha.kubernetes.io/ttl': '0' },
    },
    spec: { providerID: `aws:///${region}${'abc'[i % 3]}/i-0${suffix(i, 16)}` },
    status: { nodeInfo: { kubeletVersion: 'v1.29.8-eks-a737599', containerRuntimeVersion: 'containerd://1.7.22', osImage: 'Amazon Linux 2023', architecture: 'amd64', operatingSystem: 'linux' }, conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }] },
  };
}

function configMap(namespace, name, data, i) {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace, uid: randomUUID(), resourceVersion: String(3000 + i), creationTimestamp: created(i) }, data };
}

/** Writes the stand-in server's state for `pods` pods directly as JSON, an object at a time; returns the counts. */
function writeState(file, pods, common) {
  const fd = openSync(file, 'w');
  let buffer = [];
  let size = 0;
  const write = (text) => {
    buffer.push(text);
    size += text.length;
    if (size > 1 << 20) flush();
  };
  const flush = () => {
    writeSync(fd, buffer.join(''));
    buffer = [];
    size = 0;
  };
  const counts = {};
  let podBytes = 0;
  write(`${JSON.stringify(common).slice(0, -1)},"objects":{`);
  resources.forEach((resource, index) => {
    write(`${index ? ',' : ''}${JSON.stringify(resource)}:[`);
    let count = 0;
    const add = (object) => {
      const text = JSON.stringify(object);
      if (resource === 'pods') podBytes += text.length;
      write(`${count++ ? ',' : ''}${text}`);
    };
    generate(resource, pods, add);
    counts[resource] = count;
    write(']');
  });
  write('}}');
  flush();
  closeSync(fd);
  return { counts, podBytes };
}

// Deployments and their ReplicaSets are made once per state and kept for their pods.
let workloads;
function makeWorkloads() {
  if (workloads) return workloads;
  workloads = { deployments: [], replicasets: [], current: [] };
  for (let sa = 0; sa < serviceAccountCount - 2; sa++) {
    const owner = deployment(sa);
    const current = replicaSet(sa, owner, 1, 10);
    workloads.deployments.push(owner);
    workloads.current.push(current);
    workloads.replicasets.push(current);
    if (sa % 3 === 0) workloads.replicasets.push(replicaSet(sa, owner, 0, 0));
  }
  return workloads;
}
function generate(resource, pods, add) {
  switch (resource) {
    case 'serviceaccounts':
      for (let sa = 0; sa < serviceAccountCount - 2; sa++) add(serviceAccount(sa));
      for (const name of ['aws-node', 'kube-proxy']) add({ ...serviceAccount(0), metadata: { ...serviceAccount(0).metadata, name, namespace: 'kube-system', annotations: name === 'aws-node' ? { 'eks.amazonaws.com/role-arn': vpcCniRole } : {} } });
      break;
    case 'deployments':
    case 'replicasets': {
      for (const object of makeWorkloads()[resource]) add(object);
      break;
    }
    case 'daemonsets':
      for (const set of daemonSets) add(set);
      break;
    case 'pods': {
      // DaemonSet pods on every node, then Deployment pods spread over the ReplicaSets.
      const { current } = makeWorkloads();
      let p = 0;
      for (const set of daemonSets) for (let n = 0; n < nodeCount && p < pods; n++, p++) add(pod(p, { role: set.metadata.name === 'aws-node' ? vpcCniRole : undefined }, set, false));
      for (let i = 0; p < pods; p++, i++) {
        const sa = i % current.length;
        add(pod(p, { role: saRole(sa), setting: saSetting(sa) }, current[sa], p % 13 === 0));
      }
      break;
    }
    case 'nodes':
      for (let i = 0; i < nodeCount; i++) add(node(i));
      break;
    case 'configmaps':
      for (let n = 0; n < namespaceCount; n++) {
        const namespace = `team-${n}`;
        add(configMap(namespace, 'kube-root-ca.crt', { 'ca.crt': `-----BEGIN CERTIFICATE-----\n${'MIIC'.repeat(200)}\n-----END CERTIFICATE-----\n` }, n));
        for (let c = 0; c < 4; c++) add(configMap(namespace, `app-${n + c * namespaceCount}-config`, { LOG_LEVEL: 'info', 'config.ini': `[default]\nregion = ${region}\nsts_regional_endpoints = ${(n + c) % 13 === 0 ? 'legacy' : 'regional'}\n` }, n * 4 + c));
      }
      break;
    case 'statefulsets':
    case 'jobs':
    case 'cronjobs':
      break;
    default:
      break;
  }
}
const daemonSets = [daemonSet('aws-node', 1), daemonSet('kube-proxy', 9)];

// ---------------------------------------------------------------------------------------------
// The server, the kubeconfig and the timed runs.

function certificate() {
  const cert = path.join(folder, 'server.crt');
  const key = path.join(folder, 'server.key');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=sts-audit-bench-api', '-addext', 'subjectAltName=IP:127.0.0.1'], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`openssl could not make a certificate: ${made.stderr}`);
  return { cert, key };
}

function writeKubeconfig(url, ca, token) {
  const file = path.join(folder, 'kubeconfig');
  const yaml = ['apiVersion: v1', 'kind: Config', 'clusters:', '- name: bench', '  cluster:', `    server: ${url}`, `    certificate-authority: ${ca}`, 'users:', '- name: bench', '  user:', `    token: ${token}`, 'contexts:', '- name: bench', '  context:', '    cluster: bench', '    user: bench', 'current-context: bench', ''];
  const fd = openSync(file, 'w', 0o600);
  writeSync(fd, yaml.join('\n'));
  closeSync(fd);
  return file;
}

async function startServer(stateFile) {
  const child = spawn(process.execPath, ['--max-old-space-size=8192', serverScript, stateFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`the API server stopped with ${code}`)));
  });
  child.stdout.resume();
  return {
    url: `https://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

/** The items of kubectl's -o json list, counted without parsing (at 50,000 pods it passes V8's longest string). */
function countItems(file) {
  // kubectl indents by 4: each item of the top-level list opens on a line of its own at depth 2.
  const marker = Buffer.from('\n        {\n');
  const fd = openSync(file, 'r');
  const chunk = Buffer.alloc(1 << 24);
  let count = 0;
  let carry = Buffer.alloc(0);
  for (let read; (read = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) {
    const text = Buffer.concat([carry, chunk.subarray(0, read)]);
    for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + 1)) count++;
    // Keep what could be the start of a marker cut by the chunk's end, but no whole marker.
    carry = Buffer.from(text.subarray(Math.max(0, text.length - (marker.length - 1))));
  }
  closeSync(fd);
  return count;
}

/** Starts a server for `pods` pods, and returns the two commands to time against it. */
async function cluster(pods, common) {
  workloads = undefined;
  const stateFile = path.join(folder, 'state.json');
  const start = process.hrtime.bigint();
  const { counts, podBytes } = writeState(stateFile, pods, common);
  const generated = Number(process.hrtime.bigint() - start) / 1e9;
  const server = await startServer(stateFile);
  const kubeconfig = writeKubeconfig(server.url, common.cert, common.token);
  const auditOut = path.join(folder, 'audit.json');
  const kubectlOut = path.join(folder, 'kubectl.json');
  const audit = { label: 'sts-audit cluster (json)', run: () => measure(process.execPath, [path.resolve(process.env.BENCH_SCANNER ?? path.join(root, 'dist', 'sts-audit.mjs')), 'cluster', '--kubeconfig', kubeconfig, '--format', 'json', '--quiet'], { cwd: root, outFile: auditOut, ok: [0, 1] }) };
  const baseline = { label: 'kubectl get -A -o json', run: () => measure(kubectl, ['--kubeconfig', kubeconfig, '--cache-dir', path.join(folder, 'kube-cache'), 'get', resources.join(','), '-A', '-o', 'json'], { cwd: root, outFile: kubectlOut }) };
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const check = () => {
    const report = JSON.parse(readFileSync(auditOut, 'utf8'));
    const listed = countItems(kubectlOut);
    const problems = [];
    if (!report.summary.complete) problems.push(`audit incomplete: ${report.inputs.errors.map((e) => e.message).join('; ')}`);
    if (report.inputs.objects !== total) problems.push(`audit read ${report.inputs.objects} objects, not ${total}`);
    if (listed !== total) problems.push(`kubectl listed ${listed} objects, not ${total}`);
    if (report.findings.length === 0) problems.push('the audit found nothing');
    if (problems.length > 0) throw new Error(`cluster: ${problems.join('; ')}`);
    const byRule = {};
    for (const finding of report.findings) byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
    return { findings: report.findings.length, byRule, objects: report.inputs.objects };
  };
  return {
    counts,
    total,
    podKb: podBytes / counts.pods / 1024,
    stateMb: statSync(stateFile).size / 1024 / 1024,
    generated,
    audit,
    baseline,
    check,
    stop: server.stop,
  };
}

/** The cluster benchmark; resolves with its summary row, or nothing when kubectl is missing. */
export async function benchCluster() {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const pods = Number(process.env.BENCH_PODS ?? 20_000);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  if (!existsSync(kubectl)) {
    console.log(`cluster: no kubectl at ${kubectl} (set KUBECTL); skipping the cluster benchmark`);
    return undefined;
  }
  const common = { ...certificate(), token: `bench-token-${Math.random().toString(36).slice(2)}`, version: { major: '1', minor: '29', gitVersion: 'v1.29.8-eks-a737599' } };
  console.log(`cluster: peak RSS by ${rssMethod}; kubectl ${spawnSync(kubectl, ['version', '--client', '-o', 'json'], { encoding: 'utf8' }).stdout.match(/"gitVersion":\s*"([^"]+)"/)?.[1] ?? '?'}`);
  const rows = [];
  let current;
  try {
    current = await cluster(pods, common);
    const { counts, total } = current;
    console.log(`cluster: ${total} objects (${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}); pod JSON ${current.podKb.toFixed(1)} KB on average; state ${current.stateMb.toFixed(0)} MB written in ${current.generated.toFixed(1)} s`);
    // The warm-ups also fill kubectl's discovery cache and warm up the server.
    const summary = await compare({ name: 'cluster', subject: current.audit, baseline: current.baseline, runs, target: 0.5, rssTargetMb: 400 });
    const checked = current.check();
    console.log(`cluster: audit read ${checked.objects} objects, complete; ${checked.findings} findings (${Object.entries(checked.byRule).map(([k, v]) => `${k} ${v}`).join(', ')}); kubectl listed ${total}`);
    rows.push({ pods, audit: summary.seconds, auditRss: summary.rssMb, kubectl: summary.baselineSeconds, kubectlRss: summary.baselineRssMb });
    await current.stop();
    current = undefined;

    if (process.env.BENCH_SCALE === '1') {
      for (const size of [2000, 5000, 50_000]) {
        current = await cluster(size, common);
        const audit = await current.audit.run();
        const baseline = await current.baseline.run();
        current.check();
        rows.push({ pods: size, audit: audit.seconds, auditRss: audit.rssMb, kubectl: baseline.seconds, kubectlRss: baseline.rssMb });
        await current.stop();
        current = undefined;
      }
      rows.sort((x, y) => x.pods - y.pods);
      console.log('cluster growth (one run each, but the median at the default size):');
      console.log('    pods  audit s  audit MB  kubectl s  kubectl MB  ratio');
      for (const row of rows) {
        console.log(`${String(row.pods).padStart(8)}  ${row.audit.toFixed(2).padStart(7)}  ${row.auditRss.toFixed(0).padStart(8)}  ${row.kubectl.toFixed(2).padStart(9)}  ${row.kubectlRss.toFixed(0).padStart(10)}  ${(row.audit / row.kubectl).toFixed(2).padStart(5)}x`);
      }
    }
    return { ...summary, name: `cluster (${pods.toLocaleString('en')} pods)` };
  } finally {
    await current?.stop();
  }
}
