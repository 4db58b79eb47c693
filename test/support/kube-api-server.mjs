// A stand-in for the Kubernetes API server, for tests and the benchmark: a real HTTPS server
// process that serves a fixed cluster state in the real wire format — /version, discovery, list
// paging with continue tokens, Status errors — behind bearer-token auth, with switches for faults.
//
//   node kube-api-server.mjs STATE.json
//
// STATE.json: { cert, key (PEM file paths), token, clientCa (optional PEM path), version: {...},
//   objects: { pods: [...], ... },
//   faults: { forbidden: [resource], failOnce: [resource], tooManyOnce: [resource],
//             expireContinueOnce: [resource], slow: { resource: ms }, dropOnce: [resource],
//             failAlways: [resource], tooManyAlways: [resource], cutOnce: [resource],
//             invalidJson: [resource], expireContinueAlways: [resource] } }
//   cutOnce sends half of a page's body, then resets the connection; invalidJson answers 200 with
//   a body that is not JSON.
// It prints `listening <port>` on stdout once it accepts connections.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';

const state = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const faults = { forbidden: [], failOnce: [], tooManyOnce: [], expireContinueOnce: [], dropOnce: [], failAlways: [], tooManyAlways: [], cutOnce: [], invalidJson: [], expireContinueAlways: [], slow: {}, ...state.faults };
const spent = new Set();
const once = (kind, resource) => {
  const key = `${kind}/${resource}`;
  if (!faults[kind].includes(resource) || spent.has(key)) return false;
  spent.add(key);
  return true;
};

/** Resource name → group version, list kind and whether it is namespaced. */
const resources = {
  serviceaccounts: { group: '', version: 'v1', kind: 'ServiceAccount', namespaced: true },
  pods: { group: '', version: 'v1', kind: 'Pod', namespaced: true },
  nodes: { group: '', version: 'v1', kind: 'Node', namespaced: false },
  configmaps: { group: '', version: 'v1', kind: 'ConfigMap', namespaced: true },
  namespaces: { group: '', version: 'v1', kind: 'Namespace', namespaced: false },
  deployments: { group: 'apps', version: 'v1', kind: 'Deployment', namespaced: true },
  replicasets: { group: 'apps', version: 'v1', kind: 'ReplicaSet', namespaced: true },
  daemonsets: { group: 'apps', version: 'v1', kind: 'DaemonSet', namespaced: true },
  statefulsets: { group: 'apps', version: 'v1', kind: 'StatefulSet', namespaced: true },
  jobs: { group: 'batch', version: 'v1', kind: 'Job', namespaced: true },
  cronjobs: { group: 'batch', version: 'v1', kind: 'CronJob', namespaced: true },
};
const groupVersion = (info) => (info.group ? `${info.group}/${info.version}` : info.version);

function send(response, code, body, headers = {}) {
  const text = JSON.stringify(body);
  response.writeHead(code, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

function status(response, code, reason, message, headers) {
  send(response, code, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code }, headers);
}

function discovery(path) {
  if (path === '/api') return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] };
  if (path === '/apis') {
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: ['apps', 'batch'].map((name) => ({ name, versions: [{ groupVersion: `${name}/v1`, version: 'v1' }], preferredVersion: { groupVersion: `${name}/v1`, version: 'v1' } })),
    };
  }
  const match = /^\/(?:api\/(v1)|apis\/(apps|batch)\/v1)$/.exec(path);
  if (!match) return undefined;
  const group = match[2] ?? '';
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/v1` : 'v1',
    resources: Object.entries(resources)
      .filter(([, info]) => info.group === group)
      .map(([name, info]) => ({ name, singularName: info.kind.toLowerCase(), namespaced: info.namespaced, kind: info.kind, verbs: ['get', 'list'] })),
  };
}

// With clientCa, a client certificate that it signed authenticates too, as with kube-apiserver's
// --client-ca-file.
const tls = state.clientCa ? { ca: readFileSync(state.clientCa), requestCert: true, rejectUnauthorized: false } : {};
const server = createServer({ cert: readFileSync(state.cert), key: readFileSync(state.key), ...tls }, (request, response) => {
  const url = new URL(request.url ?? '/', 'https://localhost');
  const byCertificate = state.clientCa !== undefined && request.socket.authorized === true;
  if (!byCertificate && request.headers.authorization !== `Bearer ${state.token}`) {
    status(response, 401, 'Unauthorized', 'Unauthorized');
    return;
  }
  if (url.pathname === '/version') {
    send(response, 200, state.version);
    return;
  }
  const about = discovery(url.pathname);
  if (about) {
    send(response, 200, about);
    return;
  }
  const match = /^\/(?:api\/v1|apis\/(apps|batch)\/v1)(?:\/namespaces\/([^/]+))?\/([a-z]+)$/.exec(url.pathname);
  const resource = match?.[3];
  const info = resource ? resources[resource] : undefined;
  if (!match || !info || (match[1] ?? '') !== info.group) {
    status(response, 404, 'NotFound', `the server could not find the requested resource ${url.pathname}`);
    return;
  }
  if (faults.forbidden.includes(resource)) {
    status(response, 403, 'Forbidden', `${resource} is forbidden: User "system:serviceaccount:audit:sts-audit" cannot list resource "${resource}" in API group "${info.group}" at the cluster scope`);
    return;
  }
  if (once('failOnce', resource) || faults.failAlways.includes(resource)) {
    status(response, 500, 'InternalError', 'an error on the server ("etcdserver: leader changed") has prevented the request from succeeding');
    return;
  }
  if (once('tooManyOnce', resource) || faults.tooManyAlways.includes(resource)) {
    status(response, 429, 'TooManyRequests', 'too many requests, please try again later', { 'retry-after': '1' });
    return;
  }
  if (once('dropOnce', resource)) {
    request.socket.destroy();
    return;
  }
  const namespace = match[2];
  const all = (state.objects[resource] ?? []).filter((object) => namespace === undefined || object.metadata?.namespace === namespace);
  const limit = Number(url.searchParams.get('limit') ?? '0') || all.length || 1;
  const token = url.searchParams.get('continue');
  if (faults.invalidJson.includes(resource)) {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('<html><body>502 Bad Gateway</body></html>');
    return;
  }
  if (token && (once('expireContinueOnce', resource) || faults.expireContinueAlways.includes(resource))) {
    status(response, 410, 'Expired', 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.');
    return;
  }
  const start = token ? Number(Buffer.from(token, 'base64url').toString()) : 0;
  const items = all.slice(start, start + limit);
  const next = start + limit < all.length ? Buffer.from(String(start + limit)).toString('base64url') : undefined;
  const body = {
    kind: `${info.kind}List`,
    apiVersion: groupVersion(info),
    metadata: { resourceVersion: '1000', ...(next ? { continue: next, remainingItemCount: all.length - start - limit } : {}) },
    items,
  };
  if (once('cutOnce', resource)) {
    const text = JSON.stringify(body);
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    response.write(text.slice(0, Math.floor(text.length / 2)), () => setTimeout(() => request.socket.destroy(), 20));
    return;
  }
  const delay = faults.slow[resource] ?? 0;
  setTimeout(() => send(response, 200, body), delay);
});

server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`));
