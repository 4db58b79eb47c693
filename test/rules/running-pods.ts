import { yaml } from '../helpers.js';
import { roleArn, serviceAccount } from './fixtures.js';

/** Running pods and accounts for the stale-pod rules (STS009, STS010). */

/** An IRSA ServiceAccount that asks for the Regional endpoint. */
export const regionalAccount = serviceAccount([roleArn, 'eks.amazonaws.com/sts-regional-endpoints: "true"']);
/** The role of the accounts' pods. */
export const role = 'arn:aws:iam::111122223333:role/app';

/** A pod as `kubectl get pod -o yaml` shows a running one; its `metadata.name` is on line 4. */
export function runningPod(containers: string[], options: { phase?: string; annotations?: string[]; init?: string[] } = {}): string {
  return yaml(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: app-7d9c',
    '  namespace: team',
    ...(options.annotations ? ['  annotations:', ...options.annotations.map((line) => `    ${line}`)] : []),
    'spec:',
    '  serviceAccountName: app',
    ...(options.init ? ['  initContainers:', ...options.init] : []),
    '  containers:',
    ...containers,
    'status:',
    `  phase: ${options.phase ?? 'Running'}`,
  );
}
/** The env the webhook gave a pod of an IRSA account. */
export const irsa = [`      - {name: AWS_ROLE_ARN, value: "${role}"}`, '      - {name: AWS_WEB_IDENTITY_TOKEN_FILE, value: /var/run/secrets/eks.amazonaws.com/serviceaccount/token}'];
/** A container with the given env lines. */
export const withEnv = (name: string, ...env: string[]) => [`  - name: ${name}`, '    env:', ...env];
/** The regional endpoint setting as the webhook injects it. */
export const regional = '      - {name: AWS_STS_REGIONAL_ENDPOINTS, value: regional}';
