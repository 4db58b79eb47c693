import { yaml } from '../helpers.js';
import type { ScanSettings } from '../../src/engine/scan.js';

/** Cluster profiles by their default endpoint, as the rules see them. */
export const regionalCluster: ScanSettings = { flags: { clusterVersion: '1.24', platformVersion: 'eks.2', region: 'us-west-2' } };
export const globalCluster: ScanSettings = { flags: { clusterVersion: '1.21', platformVersion: 'eks.3', region: 'us-east-1' } };
export const unsupportedCluster: ScanSettings = { flags: { clusterVersion: '1.21', platformVersion: 'eks.2' } };

/**
 * A ServiceAccount whose annotation lines are given as written (so each test controls quoting).
 * Its annotations start on line 7.
 */
export function serviceAccount(annotationLines: string[], name = 'app', namespace = 'team'): string {
  return yaml(
    'apiVersion: v1',
    'kind: ServiceAccount',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${namespace}`,
    ...(annotationLines.length > 0 ? ['  annotations:', ...annotationLines.map((line) => `    ${line}`)] : []),
  );
}

export const roleArn = 'eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/app';

/**
 * A Deployment running as `app` in `team`; the given lines form its first container's body after
 * `- name: main` (line 13), so its first body line is line 14, indented by 10 spaces (without
 * template annotations).
 */
export function deployment(containerLines: string[], options: { serviceAccount?: string; templateAnnotations?: readonly string[]; extraContainers?: readonly string[] } = {}): string {
  return yaml(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    '  namespace: team',
    'spec:',
    '  template:',
    '    metadata:',
    `      annotations: ${options.templateAnnotations ? '' : '{}'}`,
    ...(options.templateAnnotations ?? []).map((line) => `        ${line}`),
    '    spec:',
    `      serviceAccountName: ${options.serviceAccount ?? 'app'}`,
    '      containers:',
    '        - name: main',
    ...containerLines.map((line) => `          ${line}`),
    ...(options.extraContainers ?? []).map((line) => `        ${line}`),
  );
}

/** The endpoint setting annotation with a value as written. */
export const setting = (value: string) => `eks.amazonaws.com/sts-regional-endpoints: ${value}`;

/** An IRSA ServiceAccount that turns the Regional endpoint off. */
export const falseAccount = serviceAccount([roleArn, 'eks.amazonaws.com/sts-regional-endpoints: "false"']);
/** An IRSA ServiceAccount with no endpoint setting. */
export const irsaAccount = serviceAccount([roleArn]);
/** A container's `env:` with one variable. */
export const env = (name: string, value: string) => ['env:', `  - name: ${name}`, `    value: ${value}`];
