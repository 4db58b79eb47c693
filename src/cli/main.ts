import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError, defaultConfigName } from '../config/load-config.js';
import { runClusterRequest } from '../cluster/audit-request.js';
import { dumpObjects } from '../cluster/dump-objects.js';
import { ClusterUsageError } from '../cluster/usage-error.js';
import { runScanRequest } from '../config/scan-request.js';
import { exitCode, incompleteReason, type FailOn, type Report } from '../engine/report.js';
import { formatJson } from '../formats/json.js';
import { formatText } from '../formats/text.js';
import { formatSarif } from '../formats/sarif.js';
import { formatMarkdown } from '../formats/markdown.js';
import { NoSuchTargetError } from '../loaders/discover-files.js';
import { defaultManifestLimits } from '../loaders/manifest-limits.js';
import { BaselineError } from '../engine/baseline.js';
import { toolVersion } from '../package-files.js';
import { OutputError, writeOutputFile } from '../output-file.js';
import { platformNumber, readKubernetesVersion } from '../profiles/eks-versions.js';
import { ruleCatalogue } from '../rules/catalogue.js';
import { chooseRoot, readStdin, secondsInMs, stdinPath } from './inputs.js';
import { wantsColor } from './color.js';
import { outputWritten, writeErr, writeOut } from './output.js';
import { boundYoungGeneration, restoreYoungGenerationFlags } from '../young-generation.js';

interface ClusterFlags extends ScanFlags {
  kubeconfig?: string;
  context: string[];
  namespace: string[];
  requestTimeout: number;
  dumpObjects?: string;
}

interface ScanFlags {
  format: 'text' | 'json' | 'sarif' | 'markdown';
  category?: string;
  output?: string;
  failOn: FailOn;
  config?: string;
  clusterVersion?: string;
  platformVersion?: string;
  region?: string;
  rule: string[];
  skipRule: string[];
  root?: string;
  quiet?: boolean;
  color: boolean;
  baseline?: string;
  writeBaseline?: string;
  reportUnusedSuppressions?: boolean;
  inlineSuppressions: boolean;
  maxFileSize?: number;
  maxDocuments: number;
  maxDepth: number;
  maxAliasNodes: number;
  errorOnUnmatchedPattern?: boolean;
  inventory?: boolean;
}

function pattern(name: string, test: (value: string) => boolean, expected: string): (value: string) => string {
  return (value) => {
    if (!test(value)) throw new InvalidArgumentError(`${name} must be ${expected}, not '${value}'.`);
    return value;
  };
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function clusterVersion(value: string): string {
  const { version, problem } = readKubernetesVersion(value);
  if (problem !== undefined) throw new InvalidArgumentError(`--cluster-version: ${problem}.`);
  return version;
}

function seconds(value: string): number {
  const milliseconds = secondsInMs(value);
  if (milliseconds === undefined) throw new InvalidArgumentError(`--request-timeout must be a number of seconds, not '${value}'.`);
  return milliseconds;
}

function fileSize(value: string): number {
  const match = /^(\d+)([kmg]?)b?$/i.exec(value.trim());
  if (!match) throw new InvalidArgumentError(`--max-file-size must be a size such as 500k or 16m, not '${value}'.`);
  return Number(match[1]) * 1024 ** ['', 'k', 'm', 'g'].indexOf((match[2] as string).toLowerCase());
}

function count(flag: string): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!/^\d+$/.test(value.trim()) || number < 1) throw new InvalidArgumentError(`${flag} must be a whole number of at least 1, not '${value}'.`);
    return number;
  };
}

function collectRule(value: string, previous: string[]): string[] {
  const id = value.toUpperCase();
  if (!ruleCatalogue().has(id)) throw new InvalidArgumentError(`no rule '${value}' (run \`sts-audit rules\` for the list).`);
  return [...previous, id];
}

/** Writes the report where it was asked for; stdout carries the report and nothing else. */
function emit(text: string, output: string | undefined): void {
  if (output === undefined) writeOut(text);
  else writeOutputFile(output, text);
}

async function runScan(targets: string[], flags: ScanFlags): Promise<number> {
  const readsStdin = targets.includes('-');
  const fileTargets = targets.filter((target) => target !== '-');
  if (fileTargets.length === 0 && !readsStdin) fileTargets.push('.');
  const root = chooseRoot(fileTargets, flags.root);
  const report = await runScanRequest({
    targets: fileTargets.map((target) => path.relative(root, path.resolve(target)) || '.'),
    root,
    allowUnmatched: flags.errorOnUnmatchedPattern === false,
    ...(flags.config !== undefined ? { configFile: flags.config } : {}),
    configDefaultFolder: process.cwd(),
    extraSources: readsStdin ? [{ path: stdinPath, text: await readStdin(), manifest: true }] : [],
    flags: {
      ...(flags.clusterVersion ? { clusterVersion: flags.clusterVersion } : {}),
      ...(flags.platformVersion ? { platformVersion: flags.platformVersion } : {}),
      ...(flags.region ? { region: flags.region } : {}),
    },
    onlyRules: flags.rule,
    skipRules: flags.skipRule,
    ...(flags.maxFileSize !== undefined ? { maxFileBytes: flags.maxFileSize } : {}),
    manifestLimits: { maxDocuments: flags.maxDocuments, maxDepth: flags.maxDepth, maxAliasNodes: flags.maxAliasNodes },
    lineHashes: flags.format === 'sarif',
    inventory: flags.inventory === true,
    inlineSuppressions: flags.inlineSuppressions,
    reportUnusedSuppressions: flags.reportUnusedSuppressions === true,
    ...(flags.baseline ? { baselineFile: flags.baseline } : {}),
  });
  return finish(report, flags);
}

/**
 * The work this run did, a bit each, for the code cache (src/cli/code-cache.ts): a run that did
 * work the runs behind the cache did not makes it again, with that work's code.
 */
let work = 0;
const formats = ['json', 'sarif', 'text', 'markdown'] as const;

/** The work of a report made and written: files read, manifests parsed, findings, the format, a cluster audited. */
function workOf(report: Report, flags: ScanFlags, cluster: boolean): number {
  const bits = [report.inputs.files > 0, report.inputs.documents > 0, report.findings.length > 0, cluster, ...formats.map((format) => flags.format === format)];
  return bits.reduce((sum, bit, index) => (bit ? sum | (1 << index) : sum), 0);
}

/** Writes the report (and the baseline) and returns the exit code: the same for scans and audits. */
function finish(report: Report, flags: ScanFlags, cluster = false): number {
  work |= workOf(report, flags, cluster);
  emit(render(report, flags), flags.output);
  if (flags.writeBaseline) writeOutputFile(flags.writeBaseline, formatJson(report));
  if (!flags.quiet && (flags.format !== 'text' || flags.output !== undefined)) writeErr(summaryLine(report));
  return exitCode(report, flags.failOn);
}

async function runCluster(flags: ClusterFlags): Promise<number> {
  const progress = !flags.quiet && process.stderr.isTTY === true;
  const { report, audited } = await runClusterRequest({
    ...(flags.config !== undefined ? { configFile: flags.config } : {}),
    configDefaultFolder: process.cwd(),
    inlineSuppressions: flags.inlineSuppressions,
    reportUnusedSuppressions: flags.reportUnusedSuppressions === true,
    ...(flags.baseline ? { baselineFile: flags.baseline } : {}),
    audit: {
      ...(flags.kubeconfig ? { kubeconfig: flags.kubeconfig } : {}),
      contexts: flags.context,
      namespaces: flags.namespace,
      requestTimeoutMs: flags.requestTimeout,
      ...(flags.platformVersion ? { platformVersion: flags.platformVersion } : {}),
      ...(flags.region ? { region: flags.region } : {}),
      lineHashes: flags.format === 'sarif',
      onlyRules: flags.rule,
      skipRules: flags.skipRule,
      ...(progress ? { progress: (cluster: string, resource: string, count: number) => writeErr(`\r${cluster}: ${resource} ${count}\u001b[K`) } : {}),
    },
  });
  if (progress) writeErr('\r\u001b[K');
  if (flags.dumpObjects) dumpObjects(flags.dumpObjects, audited);
  return finish(report, flags, true);
}

function render(report: Report, flags: ScanFlags): string {
  switch (flags.format) {
    case 'json':
      return formatJson(report);
    case 'markdown':
      return formatMarkdown(report);
    case 'sarif': {
      const { text, warnings } = formatSarif(report, [...ruleCatalogue().values()], flags.category ? { category: flags.category } : {});
      for (const warning of warnings) writeErr(`sts-audit: warning: ${warning}\n`);
      return text;
    }
    default:
      return formatText(report, {
        color: wantsColor({ flag: flags.color, toFile: flags.output !== undefined, isTTY: process.stdout.isTTY === true, env: process.env }),
      });
  }
}

function summaryLine(report: Report): string {
  const { error, warning, note, complete } = report.summary;
  const incomplete = complete ? '' : `; incomplete scan: ${incompleteReason(report)}`;
  const baseline = report.summary.baseline;
  const compared = baseline ? `; against the baseline: ${baseline.new} new, ${baseline.baselined} baselined, ${baseline.fixed} fixed` : '';
  return `sts-audit: ${error} error(s), ${warning} warning(s), ${note} note(s)${compared}${incomplete}\n`;
}

function listRules(format: 'text' | 'json'): void {
  const catalogue = [...ruleCatalogue().values()];
  if (format === 'json') {
    const rules = catalogue.map(({ id, name, level, shortDescription, tags }) => ({ id, name, level, shortDescription, tags }));
    writeOut(`${JSON.stringify(rules, null, 2)}\n`);
    return;
  }
  const width = Math.max(...catalogue.map((rule) => rule.name.length));
  for (const rule of catalogue) {
    writeOut(`${rule.id}  ${rule.name.padEnd(width)}  ${rule.level.padEnd(7)}  ${rule.shortDescription}\n`);
  }
}

function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('sts-audit')
    .description('Audit EKS manifests for AWS STS endpoint misconfiguration under IAM roles for service accounts.')
    .configureOutput({ writeOut, writeErr })
    .version(toolVersion)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');

  const reportOptions = (command: Command): Command =>
    command
      .addOption(new Option('--format <format>', 'report format').choices(['text', 'json', 'sarif', 'markdown']).default('text'))
      .option('--output <file>', 'write the report to a file instead of stdout')
      .option('--category <name>', 'SARIF automationDetails.id, to tell apart analyses of one repository')
      .addOption(new Option('--fail-on <level>', 'lowest level that fails the run').choices(['error', 'warning', 'note', 'none']).default('warning'))
      .option('--config <file>', `config file (default: ${defaultConfigName} in the working directory, if present)`)
      .option('--platform-version <version>', 'EKS platform version, e.g. eks.2', pattern('--platform-version', (v) => platformNumber(v) !== undefined, 'a version like eks.2'))
      .option('--region <region>', 'AWS Region of the cluster, e.g. us-west-2', pattern('--region', (v) => /^[a-z]{2}(-[a-z]+)+-\d+$/.test(v), 'a Region like us-west-2'))
      .addOption(new Option('--rule <id>', 'run only this rule (repeatable)').argParser(collectRule).default([], 'every rule'))
      .addOption(new Option('--skip-rule <id>', 'do not run this rule (repeatable)').argParser(collectRule).default([], 'none'))
      .option('--baseline <file>', 'a previous JSON or SARIF report: findings it holds are not new and do not fail the run')
      .option('--write-baseline <file>', 'also write this run as a JSON report to use as --baseline later')
      .option('--report-unused-suppressions', 'report suppressions that matched no finding (STS903)')
      .option('--no-inline-suppressions', 'ignore sts-audit.io/ignore annotations and sts-audit-ignore comments in what is scanned')
      .option('--quiet', 'print nothing on stderr but fatal errors')
      .option('--no-color', 'plain text even on a terminal (NO_COLOR is honoured too)');

  reportOptions(
    program
      .command('cluster')
      .description('audit live clusters: the kubeconfig\'s contexts, or the pod\'s own service account inside a cluster'),
  )
    .option('--kubeconfig <file>', 'kubeconfig (default: KUBECONFIG, else ~/.kube/config)')
    .addOption(new Option('--context <name>', 'audit this context (repeatable: several clusters, audited concurrently)').argParser(collect).default([], 'the current context'))
    .addOption(new Option('--namespace <name>', 'read only this namespace (repeatable)').argParser(collect).default([], 'all'))
    .addOption(new Option('--request-timeout <seconds>', 'bound every API call').argParser(seconds).default(30_000, '30'))
    .option('--dump-objects <dir>', 'write the objects with findings as YAML under the paths SARIF names them by')
    .action(async (flags: ClusterFlags) => setExitCode(await runCluster(flags)));

  reportOptions(
    program
      .command('scan')
      .description('scan Kubernetes manifests, code and config in files, folders and globs (default: .); - reads stdin')
      .argument('[targets...]', 'files, folders or globs (default: .)'),
  )
    .option('--cluster-version <version>', 'Kubernetes version of the target cluster, e.g. 1.24 (or v1.24.17-eks-…, as kubectl prints it)', clusterVersion)
    .option('--max-file-size <size>', 'skip larger files, with a reason: bytes, or with k, m or g (default: 16m)', fileSize)
    .addOption(new Option('--max-documents <n>', 'refuse, as an error, a manifest file with more documents').argParser(count('--max-documents')).default(defaultManifestLimits.maxDocuments))
    .addOption(new Option('--max-depth <n>', 'refuse, as an error, a manifest nested deeper, aliases expanded').argParser(count('--max-depth')).default(defaultManifestLimits.maxDepth))
    .addOption(
      new Option('--max-alias-nodes <n>', 'refuse, as an error, a manifest whose YAML aliases stand for more nodes in all').argParser(count('--max-alias-nodes')).default(defaultManifestLimits.maxAliasNodes),
    )
    .option('--inventory', 'list every IRSA ServiceAccount modeled: where its role is written, how it comes to exist, its endpoint setting and cluster (JSON `inventory`; a section in text and Markdown)')
    .option('--no-error-on-unmatched-pattern', 'a target that matches no file to scan is passed over, not a usage error')
    .option('--root <dir>', 'report paths relative to this folder and read nothing outside it (default: the working directory; for targets outside it, the deepest folder that holds them all)')
    .action(async (targets: string[], flags: ScanFlags) => setExitCode(await runScan(targets, flags)));

  program
    .command('rules')
    .description('list the rules with their level and description')
    .addOption(new Option('--format <format>', 'list format').choices(['text', 'json']).default('text'))
    .action((flags: { format: 'text' | 'json' }) => listRules(flags.format));

  return program;
}

/** Runs the command line on `process.argv`, and sets the exit code. */
export async function main(): Promise<void> {
  // A scan's texts and objects mostly survive their first collections, and V8 answers by doubling
  // the young generation up to 128 MB; two 16 MB semi-spaces hold as much work for the collector
  // with a third less peak memory (see young-generation.ts).
  boundYoungGeneration(32);
  let code = 0;
  const program = buildProgram((value) => (code = value));
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other parse failure is a usage error.
      code = error.exitCode === 0 ? 0 : 2;
    } else if (error instanceof ConfigError || error instanceof NoSuchTargetError || error instanceof BaselineError || error instanceof ClusterUsageError || error instanceof OutputError) {
      writeErr(`sts-audit: ${error.message}\n`);
      code = 2;
    } else {
      writeErr(`sts-audit: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      if (process.env.STS_AUDIT_DEBUG && error instanceof Error) writeErr(`${error.stack ?? ''}\n`);
      code = 2;
    }
  }
  process.exitCode = code;
  // Once the output is written, nothing is left to wait for: ending here spares the tearing down
  // of the heap and of the threads a scan started (15 ms of a 17,000-file code scan). Output still
  // on its way (a pipe on macOS) ends the process as it would have, once written.
  if (outputWritten()) process.exit(code);
}

/** Called before V8's code for the command line is cached, as the process exits (src/cli/code-cache.ts). */
export function beforeCodeCache(): void {
  restoreYoungGenerationFlags();
}

/** The work this run did, for the code cache: see {@link work}. */
export function codeCacheWork(): number {
  return work;
}
