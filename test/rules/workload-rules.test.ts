import { describe, expect, it } from 'vitest';
import { scanFiles, where, yaml } from '../helpers.js';
import { deployment, globalCluster, regionalCluster, roleArn, serviceAccount, unsupportedCluster } from './fixtures.js';

const falseAccount = serviceAccount([roleArn, 'eks.amazonaws.com/sts-regional-endpoints: "false"']);
const irsaAccount = serviceAccount([roleArn]);
const env = (name: string, value: string) => ['env:', `  - name: ${name}`, `    value: ${value}`];

describe('STS006 container-endpoint-env-override', () => {
  // The cluster runs in us-west-2, enabled by default: legacy is a note there (see region-cases.test.ts).
  it.each([
    ['legacy', 'note', 'legacy'],
    ['global', 'error', 'invalid'],
    ['Regional', 'error', 'invalid'],
    ['"regional "', 'error', 'invalid'],
    ['""', 'error', 'invalid'],
    ['true', 'error', 'invalid'],
  ])('fires on %s at the value, level %s', (value, level) => {
    const report = scanFiles({ 'deploy.yaml': deployment(env('AWS_STS_REGIONAL_ENDPOINTS', value)) }, regionalCluster);
    expect(where(report)).toEqual([`STS006 deploy.yaml:16:22-${22 + value.length}`]);
    expect(report.findings[0]!.level).toBe(level);
  });

  it('notes a container that pins regional while its account now says false', () => {
    const report = scanFiles({ 'deploy.yaml': deployment(env('AWS_STS_REGIONAL_ENDPOINTS', 'regional')), 'sa.yaml': falseAccount }, regionalCluster);
    expect(where(report, 'STS006')).toEqual(['STS006 deploy.yaml:16:22-30']);
    expect(report.findings.find((f) => f.ruleId === 'STS006')!.level).toBe('note');
  });

  it('notes a container that pins regional where the webhook would inject nothing (Global default)', () => {
    const report = scanFiles({ 'deploy.yaml': deployment(env('AWS_STS_REGIONAL_ENDPOINTS', 'regional')), 'sa.yaml': irsaAccount }, globalCluster);
    expect(where(report, 'STS006')).toEqual(['STS006 deploy.yaml:16:22-30']);
  });

  it.each([
    ['the account injects regional too', irsaAccount, regionalCluster],
    ['the account is not among the files', '', regionalCluster],
    ['the account has no role', serviceAccount(['eks.amazonaws.com/sts-regional-endpoints: "false"']), regionalCluster],
  ])('stays quiet on regional when %s', (_, account, cluster) => {
    const files: Record<string, string> = { 'deploy.yaml': deployment(env('AWS_STS_REGIONAL_ENDPOINTS', 'regional')) };
    if (account) files['sa.yaml'] = account;
    expect(where(scanFiles(files, cluster), 'STS006')).toEqual([]);
  });

  it('skips containers the webhook skips, and values from elsewhere', () => {
    const skipped = deployment(env('AWS_STS_REGIONAL_ENDPOINTS', 'regional'), { templateAnnotations: ['eks.amazonaws.com/skip-containers: "sidecar,main"'] });
    expect(where(scanFiles({ 'deploy.yaml': skipped, 'sa.yaml': falseAccount }, regionalCluster), 'STS006')).toEqual([]);
    const fromConfig = deployment(['env:', '  - name: AWS_STS_REGIONAL_ENDPOINTS', '    valueFrom: {configMapKeyRef: {name: c, key: k}}']);
    expect(scanFiles({ 'deploy.yaml': fromConfig }, regionalCluster).findings).toEqual([]);
  });

  const podTemplateKinds = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job'];
  it.each(podTemplateKinds)('covers %s', (kind) => {
    const text = deployment(env('AWS_STS_REGIONAL_ENDPOINTS', 'legacy')).replace('kind: Deployment', `kind: ${kind}`);
    expect(where(scanFiles({ 'w.yaml': text }, regionalCluster))).toEqual(['STS006 w.yaml:16:22-28']);
  });

  it('covers Pods, CronJobs and init containers', () => {
    const pod = yaml(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  initContainers:',
      '  - name: init',
      '    env: [{name: AWS_STS_REGIONAL_ENDPOINTS, value: legacy}]',
      '  containers:',
      '  - name: main',
      '    env: [{name: AWS_STS_REGIONAL_ENDPOINTS, value: global}]',
    );
    const cronJob = yaml(
      'apiVersion: batch/v1',
      'kind: CronJob',
      'metadata: {name: nightly}',
      'spec:',
      '  schedule: "0 3 * * *"',
      '  jobTemplate:',
      '    spec:',
      '      template:',
      '        spec:',
      '          containers:',
      '          - name: job',
      '            env:',
      '            - {name: AWS_STS_REGIONAL_ENDPOINTS, value: legacy}',
    );
    expect(where(scanFiles({ 'pod.yaml': pod, 'cron.yaml': cronJob }, regionalCluster))).toEqual([
      'STS006 cron.yaml:13:57-63',
      'STS006 pod.yaml:7:53-59',
      'STS006 pod.yaml:10:53-59',
    ]);
  });
});

describe('STS007 hardcoded-global-endpoint-manifest', () => {
  it('fires on an env value that is the global endpoint URL, at the host name; error on Regional clusters', () => {
    const report = scanFiles({ 'deploy.yaml': deployment(env('AWS_ENDPOINT_URL_STS', 'https://sts.amazonaws.com')) }, regionalCluster);
    expect(where(report)).toEqual(['STS007 deploy.yaml:16:30-47']);
    expect(report.findings[0]!.level).toBe('error');
  });

  it.each([globalCluster, unsupportedCluster])('is a warning where the default is not Regional', (cluster) => {
    const report = scanFiles({ 'deploy.yaml': deployment(env('STS_HOST', 'sts.amazonaws.com')) }, cluster);
    expect(report.findings.map((f) => `${f.ruleId} ${f.level}`)).toEqual(['STS007 warning']);
    expect(report.findings[0]!.message).toMatch(/the global endpoint is in use\s+today, but the hardcoded one stays/);
  });

  it('fires on args and commands, with the flag before a separate argument as context', () => {
    const lines = [
      'command: ["sh", "-c", "export AWS_STS_REGIONAL_ENDPOINTS=legacy && exec app"]',
      'args: ["--sts-endpoint=https://sts.amazonaws.com", "--endpoint", "sts.amazonaws.com", "--sts-region", "aws-global"]',
    ];
    expect(where(scanFiles({ 'deploy.yaml': deployment(lines) }, regionalCluster))).toEqual([
      'STS007 deploy.yaml:14:68-74',
      'STS007 deploy.yaml:15:42-59',
      'STS007 deploy.yaml:15:77-94',
      'STS007 deploy.yaml:15:114-124',
    ]);
  });

  it.each([
    ['the token audience flag', 'args: ["--token-audience=sts.amazonaws.com"]'],
    ['a separate audience argument', 'args: ["--audience", "sts.amazonaws.com"]'],
    ['an audience env var', 'env: [{name: TOKEN_AUDIENCE, value: sts.amazonaws.com}]'],
    ['the token path', 'env: [{name: AWS_WEB_IDENTITY_TOKEN_FILE, value: /var/run/secrets/sts.amazonaws.com/serviceaccount/token}]'],
    ['a longer host name', 'env: [{name: A, value: "https://beta-sts.amazonaws.com"}]'],
    ['the China partition', 'env: [{name: A, value: "https://sts.cn-north-1.amazonaws.com.cn"}]'],
    ['a regional endpoint', 'env: [{name: A, value: "https://sts.us-west-2.amazonaws.com"}]'],
    ['a host that merely ends alike', 'env: [{name: A, value: "https://notsts.amazonaws.com"}]'],
    ['a global STS host of another domain', 'env: [{name: A, value: "https://sts.amazonaws.com.example.org"}]'],
    ['the setting in the env entry itself (STS006)', 'env: [{name: AWS_STS_REGIONAL_ENDPOINTS, value: regional}]'],
    ['aws-global that is not a region', 'env: [{name: CLUSTER_NAME, value: aws-global}]'],
    ['an IAM action', 'args: ["--allow=sts:AssumeRoleWithWebIdentity"]'],
  ])('never fires on %s', (_, line) => {
    expect(where(scanFiles({ 'deploy.yaml': deployment([line]) }, regionalCluster), 'STS007')).toEqual([]);
  });

  const configMap = (...lines: string[]) => yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: cfg, namespace: team}', 'data:', ...lines);

  it('reads ConfigMap data and points at the line inside a block scalar', () => {
    const text = configMap(
      '  AWS_STS_REGIONAL_ENDPOINTS: legacy',
      '  AWS_REGION: aws-global',
      '  config: |',
      '    [profile app]',
      '    # sts_regional_endpoints = legacy',
      '    sts_regional_endpoints = legacy',
      '    region = aws-global',
      '  app.yaml: |',
      '    auth:',
      '      audiences:',
      '        - sts.amazonaws.com',
      '    stsEndpoint: "https://sts.amazonaws.com"',
      '    s3_us_east_1_regional_endpoint = legacy',
      '    retry_mode: legacy',
    );
    expect(where(scanFiles({ 'cm.yaml': text }, regionalCluster))).toEqual([
      'STS007 cm.yaml:5:31-37',
      'STS007 cm.yaml:6:15-25',
      'STS007 cm.yaml:10:30-36',
      'STS007 cm.yaml:11:14-24',
      'STS007 cm.yaml:16:27-44',
    ]);
  });

  it('finds each of several uses in one value', () => {
    const text = configMap('  urls: "https://sts.amazonaws.com https://sts.amazonaws.com/"');
    expect(where(scanFiles({ 'cm.yaml': text }, regionalCluster))).toEqual(['STS007 cm.yaml:5:18-35', 'STS007 cm.yaml:5:44-61']);
  });
});

describe('STS011 cross-region-endpoint', () => {
  it.each([
    ['https://sts.eu-central-1.amazonaws.com', 30, 60],
    ['https://sts-fips.us-east-1.amazonaws.com', 30, 62],
    ['https://sts.eu-west-1.api.aws', 30, 51],
  ])('fires on %s for a us-west-2 cluster, at the host', (value, start, end) => {
    const report = scanFiles({ 'deploy.yaml': deployment(env('AWS_ENDPOINT_URL_STS', value)) }, regionalCluster);
    expect(where(report)).toEqual([`STS011 deploy.yaml:16:${start}-${end}`]);
    expect(report.findings[0]!.level).toBe('note');
  });

  it('does not fire for the cluster’s own region, or when the region is unknown', () => {
    const own = deployment(env('AWS_ENDPOINT_URL_STS', 'https://sts.us-west-2.amazonaws.com'));
    expect(scanFiles({ 'deploy.yaml': own }, regionalCluster).findings).toEqual([]);
    const other = deployment(env('AWS_ENDPOINT_URL_STS', 'https://sts.eu-central-1.amazonaws.com'));
    expect(scanFiles({ 'deploy.yaml': other }).findings).toEqual([]);
  });
});

describe('STS013 region-env-pair-incomplete', () => {
  it.each([
    ['AWS_REGION', 31],
    ['AWS_DEFAULT_REGION', 39],
  ])('fires when an IRSA container sets only %s, at the name', (name, end) => {
    const report = scanFiles({ 'deploy.yaml': deployment(env(name, 'eu-west-1')), 'sa.yaml': irsaAccount }, regionalCluster);
    expect(where(report)).toEqual([`STS013 deploy.yaml:15:21-${end}`]);
  });

  it('covers init containers', () => {
    const text = deployment([], { extraContainers: [] }).replace(
      '      containers:',
      '      initContainers:\n        - name: init\n          env: [{name: AWS_DEFAULT_REGION, value: eu-west-1}]\n      containers:',
    );
    expect(where(scanFiles({ 'deploy.yaml': text, 'sa.yaml': irsaAccount }, regionalCluster))).toEqual(['STS013 deploy.yaml:14:24-42']);
  });

  it.each([
    ['both are set', [...env('AWS_REGION', 'eu-west-1'), '  - name: AWS_DEFAULT_REGION', '    value: eu-west-1'], irsaAccount, {}],
    ['neither is set', ['image: app'], irsaAccount, {}],
    ['the account has no role', env('AWS_REGION', 'eu-west-1'), serviceAccount([]), {}],
    ['the account is not known', env('AWS_REGION', 'eu-west-1'), '', {}],
    ['the webhook skips the container', env('AWS_REGION', 'eu-west-1'), irsaAccount, { templateAnnotations: ['eks.amazonaws.com/skip-containers: main'] }],
  ] as const)('stays quiet when %s', (_, lines, account, options) => {
    const files: Record<string, string> = { 'deploy.yaml': deployment([...lines], options) };
    if (account) files['sa.yaml'] = account;
    expect(where(scanFiles(files, regionalCluster), 'STS013')).toEqual([]);
  });

  it('joins workloads to accounts by namespace and name only', () => {
    const otherNamespace = serviceAccount([roleArn], 'app', 'elsewhere');
    expect(scanFiles({ 'd.yaml': deployment(env('AWS_REGION', 'x')), 'sa.yaml': otherNamespace }, regionalCluster).findings).toEqual([]);
    const noNamespaces = {
      'd.yaml': deployment(env('AWS_REGION', 'x')).replace('  namespace: team\n', ''),
      'sa.yaml': serviceAccount([roleArn]).replace('  namespace: team\n', ''),
    };
    expect(where(scanFiles(noNamespaces, regionalCluster))).toEqual(['STS013 d.yaml:14:21-31']);
    const defaultAccount = { 'd.yaml': deployment(env('AWS_REGION', 'x')).replace('      serviceAccountName: app\n', ''), 'sa.yaml': serviceAccount([roleArn], 'default') };
    expect(where(scanFiles(defaultAccount, regionalCluster))).toEqual(['STS013 d.yaml:14:21-31']);
  });
});

describe('embedded files of a ConfigMap', () => {
  it('read a line-start ; as a comment only in INI-like files, and as code in JavaScript', () => {
    const text = yaml(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: app, namespace: team}',
      'data:',
      '  app.js: |',
      '    ;const endpoint = "https://sts.amazonaws.com"',
      '  config: |',
      '    [default]',
      '    ; sts_regional_endpoints = legacy',
      '  settings.ini: |',
      '    ; endpoint_url = https://sts.amazonaws.com',
    );
    expect(where(scanFiles({ 'cm.yaml': text }, regionalCluster))).toEqual(['STS007 cm.yaml:6:32-49']);
  });
});

describe('STS015 endpoint-annotation-misplaced', () => {
  it('fires on the pod template’s annotations, at the key', () => {
    const text = deployment(['image: app'], { templateAnnotations: ['eks.amazonaws.com/sts-regional-endpoints: "true"', 'eks.amazonaws.com/role-arn: arn'] });
    expect(where(scanFiles({ 'd.yaml': text }, regionalCluster))).toEqual(['STS015 d.yaml:10:9-49', 'STS015 d.yaml:11:9-35']);
  });

  it('fires on a Pod’s and a workload’s own annotations', () => {
    const pod = yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', '  annotations:', '    eks.amazonaws.com/role-arn: arn', 'spec: {containers: [{name: a}]}');
    const job = yaml('apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: j', '  annotations: {"eks.amazonaws.com/sts-regional-endpoints": "true"}', 'spec: {template: {spec: {containers: []}}}');
    expect(where(scanFiles({ 'pod.yaml': pod, 'job.yaml': job }, regionalCluster))).toEqual(['STS015 job.yaml:5:17-59', 'STS015 pod.yaml:6:5-31']);
  });

  it('ignores other annotations of the same family and keys that only end alike', () => {
    const text = deployment(['image: app'], {
      templateAnnotations: ['eks.amazonaws.com/skip-containers: main', 'eks.amazonaws.com/token-expiration: "86400"', 'testing.eks.amazonaws.com/role-arn: x'],
    });
    expect(scanFiles({ 'd.yaml': text }, regionalCluster).findings).toEqual([]);
  });
});
