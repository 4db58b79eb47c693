import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { runClusterRequest } from '../cluster/audit-request.js';
import { dumpObjects } from '../cluster/dump-objects.js';
import { secondsInMs } from '../cli/inputs.js';
import { runScanRequest } from '../config/scan-request.js';
import { exitCode, incompleteReason, type FailOn, type Finding, type Report } from '../engine/report.js';
import { formatMarkdown } from '../formats/markdown.js';
import { formatSarif } from '../formats/sarif.js';
import { platformNumber, readKubernetesVersion } from '../profiles/eks-versions.js';
import { ruleCatalogue } from '../rules/catalogue.js';
import { writeOutputFile } from '../output-file.js';
import { changedLines, type ChangedLines } from './changed-lines.js';

/** A bad input: the step fails with this message, and nothing is scanned. */
class InputError extends Error {}

/** GitHub shows at most this many annotations of each level per step. */
const annotationsShown = 10;

function choice<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new InputError(`input ${name} must be one of ${allowed.join(', ')}, not '${value}'`);
  return value as T;
}

function optional(name: string, value: string, test: (value: string) => boolean, expected: string): string | undefined {
  if (value === '') return undefined;
  if (!test(value)) throw new InputError(`input ${name} must be ${expected}, not '${value}'`);
  return value;
}

function clusterVersion(value: string): string | undefined {
  if (value === '') return undefined;
  const { version, problem } = readKubernetesVersion(value);
  if (problem !== undefined) throw new InputError(`input cluster-version: ${problem}`);
  return version;
}

/** An input's items, one per line or comma-separated. */
function list(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Inputs, validated: every input reaches the scanner as a value, never through a shell. */
function readInputs(eventName: string) {
  const command = choice('command', core.getInput('command') || 'scan', ['scan', 'cluster'] as const);
  const failOn = choice<FailOn>('fail-on', core.getInput('fail-on') || 'warning', ['error', 'warning', 'note', 'none']);
  // Findings on live objects have no line to annotate: on the run page they would only repeat the summary.
  const defaultAnnotations = command === 'cluster' ? 'none' : eventName.startsWith('pull_request') ? 'changed' : 'all';
  const annotations = choice('annotations', core.getInput('annotations') || defaultAnnotations, ['all', 'changed', 'none'] as const);
  if (command === 'cluster' && annotations === 'changed') throw new InputError('input annotations cannot be changed for command cluster: live objects are not lines a pull request changes (all or none)');
  const summaryInput = core.getInput('summary') || 'true';
  const summary = choice('summary', summaryInput, ['true', 'false'] as const) === 'true';
  const inventory = choice('inventory', core.getInput('inventory') || 'false', ['true', 'false'] as const) === 'true';
  const paths = list(core.getInput('paths'));
  const timeout = core.getInput('request-timeout') || '30';
  const requestTimeoutMs = secondsInMs(timeout);
  if (requestTimeoutMs === undefined) throw new InputError(`input request-timeout must be a number of seconds, not '${timeout}'`);
  const cluster = {
    kubeconfig: core.getInput('kubeconfig') || undefined,
    kubeconfigFile: core.getInput('kubeconfig-file') || undefined,
    contexts: list(core.getInput('context')),
    namespaces: list(core.getInput('namespace')),
    requestTimeoutMs,
    dumpObjects: core.getInput('dump-objects') || undefined,
  };
  const inputs = {
    command,
    paths: paths.length > 0 ? paths : ['.'],
    config: core.getInput('config') || undefined,
    failOn,
    clusterVersion: clusterVersion(core.getInput('cluster-version')),
    platformVersion: optional('platform-version', core.getInput('platform-version'), (v) => platformNumber(v) !== undefined, 'a version like eks.2'),
    region: optional('region', core.getInput('region'), (v) => /^[a-z]{2}(-[a-z]+)+-\d+$/.test(v), 'a Region like us-west-2'),
    cluster,
    sarifFile: core.getInput('sarif-file') || 'sts-audit.sarif',
    category: core.getInput('category') || undefined,
    annotations,
    summary,
    inventory,
    baseline: core.getInput('baseline') || undefined,
    token: core.getInput('token'),
  };
  // An input of the other command would be ignored without a word: a kubeconfig given without
  // `command: cluster` would scan the workspace and pass.
  const onlyFor = {
    scan: { inputs: { 'cluster-version': inputs.clusterVersion, inventory: inputs.inventory ? 'true' : '' }, why: 'a cluster audit reads the version from the API server, and its live objects are written in no file to list' },
    cluster: {
      inputs: { kubeconfig: cluster.kubeconfig, 'kubeconfig-file': cluster.kubeconfigFile, context: cluster.contexts.join(), namespace: cluster.namespaces.join(), 'dump-objects': cluster.dumpObjects },
      why: 'set command to cluster',
    },
  };
  const other = onlyFor[command === 'scan' ? 'cluster' : 'scan'];
  const misplaced = Object.entries(other.inputs).filter(([, value]) => value);
  if (misplaced.length > 0) throw new InputError(`input ${misplaced.map(([name]) => name).join(', ')} does not apply to command ${command}: ${other.why}`);
  if (cluster.kubeconfig && cluster.kubeconfigFile) throw new InputError('give input kubeconfig or kubeconfig-file, not both');
  return inputs;
}

type Inputs = ReturnType<typeof readInputs>;

const rank: Record<Finding['level'], number> = { error: 0, warning: 1, note: 2 };

/** Annotates findings on the lines that count, at most ten of each level; returns how many were left out. */
function annotate(findings: readonly Finding[], changed: ChangedLines | undefined): { shown: number; hidden: number; outsideChanges: number } {
  const open = findings.filter((finding) => finding.suppressed === null && (finding.location || finding.object));
  const relevant = open.filter((finding) => {
    if (!changed) return true;
    const lines = finding.location && changed.get(finding.location.path);
    return lines === 'all' || (lines !== undefined && lines.has(finding.location!.startLine));
  });
  const shownPerLevel = { error: 0, warning: 0, note: 0 };
  let hidden = 0;
  for (const finding of [...relevant].sort((a, b) => rank[a.level] - rank[b.level])) {
    if (shownPerLevel[finding.level] >= annotationsShown) {
      hidden++;
      continue;
    }
    shownPerLevel[finding.level]++;
    const title = `${finding.ruleId} ${finding.ruleName}`;
    // A live object has no file: its annotation is on the run, and its message names the object.
    const properties: core.AnnotationProperties = finding.location
      ? {
          title,
          file: finding.location.path,
          startLine: finding.location.startLine,
          endLine: finding.location.endLine,
          ...(finding.location.startLine === finding.location.endLine ? { startColumn: finding.location.startColumn, endColumn: finding.location.endColumn } : {}),
        }
      : { title: `${title} in cluster ${finding.object!.cluster}` };
    // core escapes the message and properties, so text quoted from scanned files cannot act as a workflow command.
    const message = `${finding.message}\n\nFix: ${finding.remediation}`;
    if (finding.level === 'error') core.error(message, properties);
    else if (finding.level === 'warning') core.warning(message, properties);
    else core.notice(message, properties);
  }
  return { shown: relevant.length - hidden, hidden, outsideChanges: open.length - relevant.length };
}

function pullRequestNumber(): number | undefined {
  const eventPath = process.env.GITHUB_EVENT_PATH;
  if (!eventPath) return undefined;
  const event = JSON.parse(readFileSync(eventPath, 'utf8')) as { pull_request?: { number?: number }; number?: number };
  return event.pull_request?.number ?? undefined;
}

/**
 * Audits the clusters the inputs name. The kubeconfig input is written to a file that only this
 * user can read, in the runner's temporary folder, and removed when the audit ends.
 */
async function auditClusters(inputs: Inputs, workspace: string): Promise<Report> {
  const { cluster } = inputs;
  // mkdtemp makes the folder readable by this user only.
  const privateFolder = cluster.kubeconfig !== undefined ? mkdtempSync(path.join(process.env.RUNNER_TEMP || tmpdir(), 'sts-audit-')) : undefined;
  try {
    let kubeconfig: { kubeconfig: string; kubeconfigName?: string } | undefined;
    if (privateFolder !== undefined) {
      const file = path.join(privateFolder, 'kubeconfig');
      writeFileSync(file, cluster.kubeconfig!, { mode: 0o600 });
      kubeconfig = { kubeconfig: file, kubeconfigName: 'the kubeconfig input' };
    } else if (cluster.kubeconfigFile !== undefined) {
      // The runner does not expand ~, as a shell would.
      const file = cluster.kubeconfigFile.replace(/^~(?=$|\/)/, homedir());
      kubeconfig = { kubeconfig: outsideWorkspace(path.resolve(workspace, file), workspace) };
    }
    const { report, audited } = await runClusterRequest({
      ...(inputs.config ? { configFile: path.resolve(workspace, inputs.config) } : {}),
      configDefaultFolder: workspace,
      ...(inputs.baseline ? { baselineFile: path.resolve(workspace, inputs.baseline) } : {}),
      audit: {
        ...kubeconfig,
        contexts: cluster.contexts,
        namespaces: cluster.namespaces,
        requestTimeoutMs: cluster.requestTimeoutMs,
        ...(inputs.platformVersion ? { platformVersion: inputs.platformVersion } : {}),
        ...(inputs.region ? { region: inputs.region } : {}),
        lineHashes: true,
      },
    });
    if (cluster.dumpObjects) dumpObjects(path.resolve(workspace, cluster.dumpObjects), audited);
    return report;
  } finally {
    if (privateFolder) rmSync(privateFolder, { recursive: true, force: true });
  }
}

/**
 * A kubeconfig file, refused when it lies in the workspace: that is the repository's content, and
 * a kubeconfig runs the commands its exec credential plugins name.
 */
function outsideWorkspace(file: string, workspace: string): string {
  const real = (target: string): string => (existsSync(target) ? realpathSync(target) : target);
  const relative = path.relative(real(workspace), real(file));
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
    throw new InputError(`input kubeconfig-file ${file} is in the workspace, where the repository can change it and its exec plugins would run: keep it outside, such as in $RUNNER_TEMP or ~/.kube/config, or pass its text in input kubeconfig from a secret`);
  }
  return file;
}

/** Scans the workspace for the files the inputs name. */
function scanWorkspace(inputs: Inputs, workspace: string): Promise<Report> {
  return runScanRequest({
    targets: inputs.paths,
    root: workspace,
    ...(inputs.config ? { configFile: path.resolve(workspace, inputs.config) } : {}),
    configDefaultFolder: workspace,
    flags: {
      ...(inputs.clusterVersion ? { clusterVersion: inputs.clusterVersion } : {}),
      ...(inputs.platformVersion ? { platformVersion: inputs.platformVersion } : {}),
      ...(inputs.region ? { region: inputs.region } : {}),
    },
    lineHashes: true,
    inventory: inputs.inventory,
    ...(inputs.baseline ? { baselineFile: path.resolve(workspace, inputs.baseline) } : {}),
  });
}

async function run(): Promise<void> {
  const eventName = process.env.GITHUB_EVENT_NAME ?? '';
  const inputs = readInputs(eventName);
  const workspace = path.resolve(process.env.GITHUB_WORKSPACE ?? process.cwd());
  const report = inputs.command === 'cluster' ? await auditClusters(inputs, workspace) : await scanWorkspace(inputs, workspace);

  const sarif = formatSarif(report, [...ruleCatalogue().values()], inputs.category ? { category: inputs.category } : {});
  for (const warning of sarif.warnings) core.warning(warning);
  const sarifPath = path.resolve(workspace, inputs.sarifFile);
  writeOutputFile(sarifPath, sarif.text);

  const notes: string[] = [];
  let changed: ChangedLines | undefined;
  const number = pullRequestNumber();
  if (inputs.annotations === 'changed' && number !== undefined) {
    try {
      const result = await changedLines({
        apiUrl: process.env.GITHUB_API_URL ?? 'https://api.github.com',
        repository: process.env.GITHUB_REPOSITORY ?? '',
        number,
        token: inputs.token,
      });
      if (result.complete) changed = result.lines;
      else notes.push('The pull request changes more files than the API lists (3,000): every finding is annotated.');
    } catch (error) {
      notes.push(`The changed lines could not be read (${error instanceof Error ? error.message : String(error)}): every finding is annotated.`);
    }
  }
  const annotated = inputs.annotations === 'none' ? undefined : annotate(report.findings, changed);
  if (annotated && annotated.hidden > 0) notes.push(`${annotated.hidden} findings are not annotated: GitHub shows at most ${annotationsShown} annotations of each level per step. SARIF and the table below have them all.`);
  if (annotated && changed && annotated.outsideChanges > 0) notes.push(`${annotated.outsideChanges} findings are on lines this pull request did not change: they are in the table and in SARIF, not annotated.`);

  if (inputs.summary) {
    const notesText = notes.map((note) => `> [!NOTE]\n> ${note}\n`).join('\n');
    const budget = 1024 * 1024 - Buffer.byteLength(notesText) - 64;
    await core.summary.addRaw(formatMarkdown(report, { maxBytes: budget })).addRaw(notesText ? `\n${notesText}` : '').write();
  }
  for (const note of notes) core.info(note);

  const findings = report.findings.filter((finding) => finding.suppressed === null).length;
  const code = exitCode(report, inputs.failOn);
  core.setOutput('sarif-file', path.relative(workspace, sarifPath) || sarifPath);
  core.setOutput('findings-count', String(findings));
  core.setOutput('new-findings-count', String(report.summary.baseline ? report.summary.baseline.new : findings));
  core.setOutput('exit-code', String(code));
  if (code === 1) core.setFailed(`sts-audit: findings at or above ${inputs.failOn}`);
  else if (code === 3) core.setFailed(`sts-audit: incomplete ${inputs.command === 'cluster' ? 'audit' : 'scan'}: ${incompleteReason(report)}`);
}

try {
  await run();
} catch (error) {
  core.setOutput('exit-code', '2');
  core.setFailed(`sts-audit: ${error instanceof Error ? error.message : String(error)}`);
}
