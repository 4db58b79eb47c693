// The nightly audit's packaging in deploy/: what `kubectl apply -k deploy/` would create is valid
// Kubernetes (checked against the API's own schemas), grants exactly the reads the audit makes,
// runs the audit with options the command really has, and passes our own scan.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadAll } from 'js-yaml';
import { CronJob } from 'kubernetes-models/batch/v1';
import { ClusterRole, ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import { Namespace, PersistentVolumeClaim, ServiceAccount } from 'kubernetes-models/v1';
import { describe, expect, it, onTestFinished } from 'vitest';
import { resourceTypes } from '../src/cluster/read-cluster.js';
import type { Report } from '../src/engine/report.js';
import { repoRoot, runCli } from './helpers.js';

type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; [key: string]: unknown };

const deploy = path.join(repoRoot, 'deploy');
const rendered = spawnSync('kubectl', ['kustomize', deploy], { encoding: 'utf8' });
const manifests = (loadAll(rendered.stdout) as Manifest[]).filter(Boolean);
const find = (kind: string): Manifest => {
  const found = manifests.find((manifest) => manifest.kind === kind);
  if (!found) throw new Error(`deploy/ makes no ${kind}`);
  return found;
};

/** The kubernetes-models classes, whose validate() applies the API's own schema. */
const models: Record<string, new (data: never) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/ServiceAccount': ServiceAccount,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'rbac.authorization.k8s.io/v1/ClusterRole': ClusterRole,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': ClusterRoleBinding,
  'batch/v1/CronJob': CronJob,
};
function model(manifest: Manifest): { validate(): void } {
  const Model = models[`${manifest.apiVersion}/${manifest.kind}`];
  if (!Model) throw new Error(`no schema for ${manifest.apiVersion} ${manifest.kind}`);
  return new Model(manifest as never);
}

describe('deploy/', () => {
  it('renders with kustomize into the namespace, RBAC, report volume and CronJob', () => {
    expect(rendered.status, rendered.stderr).toBe(0);
    expect(manifests.map((manifest) => `${manifest.kind}/${manifest.metadata.name}`).sort()).toEqual([
      'ClusterRole/sts-audit-reader',
      'ClusterRoleBinding/sts-audit-reader',
      'CronJob/sts-audit',
      'Namespace/sts-audit',
      'PersistentVolumeClaim/sts-audit-reports',
      'ServiceAccount/sts-audit',
    ]);
  });

  it('is valid against the Kubernetes API schemas', () => {
    for (const manifest of manifests) {
      const object = model(manifest);
      expect(() => object.validate(), `${manifest.kind}/${manifest.metadata.name}`).not.toThrow();
    }
    // The check is not vacuous: a CronJob without a schedule is refused.
    const broken = structuredClone(find('CronJob')) as Manifest & { spec: Record<string, unknown> };
    delete broken.spec.schedule;
    expect(() => model(broken).validate()).toThrow(/schedule/);
  });

  it('grants get and list on exactly the resources the audit reads, and nothing else', () => {
    const role = find('ClusterRole') as Manifest & { rules: Array<{ apiGroups: string[]; resources: string[]; verbs: string[] }> };
    const granted = role.rules.flatMap((rule) => {
      expect(rule.verbs.sort()).toEqual(['get', 'list']);
      return rule.apiGroups.flatMap((group) => rule.resources.map((resource) => `${group}/${resource}`));
    });
    const read = resourceTypes.map((type) => `${type.apiVersion.includes('/') ? type.apiVersion.split('/')[0] : ''}/${type.resource}`);
    expect(granted.sort()).toEqual(read.sort());
    expect(granted.some((grant) => grant.includes('secrets') || grant.includes('*'))).toBe(false);
  });

  it('binds the role to the service account the CronJob runs as', () => {
    const binding = find('ClusterRoleBinding') as Manifest & { roleRef: { name: string }; subjects: Array<{ kind: string; name: string; namespace: string }> };
    const account = find('ServiceAccount');
    const cronJob = find('CronJob') as Manifest & { spec: { jobTemplate: { spec: { template: { spec: { serviceAccountName: string } } } } } };
    expect(binding.roleRef.name).toBe(find('ClusterRole').metadata.name);
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: account.metadata.name, namespace: account.metadata.namespace }]);
    expect(cronJob.spec.jobTemplate.spec.template.spec.serviceAccountName).toBe(account.metadata.name);
    expect(cronJob.metadata.namespace).toBe(account.metadata.namespace);
  });

  it('runs the audit with options `sts-audit cluster` has', () => {
    const cronJob = find('CronJob') as Manifest & { spec: { jobTemplate: { spec: { template: { spec: { containers: Array<{ args: string[] }> } } } } } };
    const script = cronJob.spec.jobTemplate.spec.template.spec.containers[0]!.args.join('\n');
    const used = [...script.matchAll(/sts-audit cluster((?:[^\n\\]|\\\n)*)/g)].flatMap((match) => [...match[1]!.matchAll(/(--[a-z-]+)/g)].map((flag) => flag[1]!));
    expect(used).toEqual(expect.arrayContaining(['--format', '--output', '--write-baseline', '--dump-objects', '--fail-on']));
    const help = runCli(['cluster', '--help'], { cwd: repoRoot });
    for (const flag of used) expect(help.stdout, flag).toContain(`${flag} `);
  });

  it('leaves the Region to detection unless STS_AUDIT_REGION is set', () => {
    type Container = { env: Array<{ name: string; value: string }>; command: string[]; args: string[] };
    const cronJob = find('CronJob') as Manifest & { spec: { jobTemplate: { spec: { template: { spec: { containers: Container[] } } } } } };
    const container = cronJob.spec.jobTemplate.spec.template.spec.containers[0]!;
    expect(container.env).toEqual([{ name: 'STS_AUDIT_REGION', value: '' }]);
    // The Job's script as the container runs it, with a stand-in sts-audit that records its
    // arguments and the reports volume in a temporary folder.
    const folder = mkdtempSync(path.join(tmpdir(), 'sts-audit-cronjob-'));
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
    const stub = path.join(folder, 'sts-audit');
    writeFileSync(stub, `#!/bin/sh\nprintf '%s\\n' "$@" > "${folder}/arguments"\n`);
    chmodSync(stub, 0o755);
    const script = container.args.join('\n').replaceAll('/reports', path.join(folder, 'reports'));
    const argumentsWith = (env: Record<string, string>): string[] => {
      const run = spawnSync(container.command[0]!, [...container.command.slice(1), script], { encoding: 'utf8', env: { PATH: `${folder}:${process.env.PATH}`, ...env } });
      expect(run.status, run.stderr).toBe(0);
      return readFileSync(path.join(folder, 'arguments'), 'utf8').trim().split('\n');
    };
    const byDefault = argumentsWith(Object.fromEntries(container.env.map((entry) => [entry.name, entry.value])));
    expect(byDefault.slice(0, 2)).toEqual(['cluster', '--fail-on']);
    expect(byDefault).not.toContain('--region');
    const overridden = argumentsWith({ STS_AUDIT_REGION: 'eu-west-1' });
    expect(overridden.slice(0, 5)).toEqual(['cluster', '--region', 'eu-west-1', '--fail-on', 'none']);
  });

  it('passes its own scan with no findings', () => {
    const result = runCli(['scan', 'deploy', '--format', 'json', '--quiet'], { cwd: repoRoot });
    const report = JSON.parse(result.stdout) as Report;
    expect(result.code).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.inputs.objects).toBe(6);
    expect(report.inputs.errors).toEqual([]);
  });

  it('has a Dockerfile whose sources exist and whose entry point is the command', () => {
    const dockerfile = readFileSync(path.join(deploy, 'Dockerfile'), 'utf8');
    const ignore = readFileSync(path.join(deploy, 'Dockerfile.dockerignore'), 'utf8');
    const copied = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((match) => match[1]!.split(' '));
    expect(copied.length).toBeGreaterThan(5);
    for (const source of copied) {
      expect(existsSync(path.join(repoRoot, source)), source).toBe(true);
      // The build context lets it through.
      expect(ignore, source).toMatch(new RegExp(`^!${source.replace(/[.]/g, '\\.')}/?$`, 'm'));
    }
    const bin = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['sts-audit'];
    expect(dockerfile).toContain(`ln -s /app/${bin} /usr/local/bin/sts-audit`);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["sts-audit"\]$/m);
    expect(dockerfile).toMatch(/^USER 1000:1000$/m);
  });
});
