import { readFileSync, statSync } from 'node:fs';
import { discoverFiles, manifestExtensions, type InputFile } from '../loaders/discover-files.js';
import { parseManifests, type ParsedObject } from '../loaders/parse-manifests.js';
import { ProfileResolver, isEksctlConfig, type ConfiguredCluster, type ProfileFlags } from '../profiles/resolve-profiles.js';
import { ruleCatalogue, type Level } from '../rules/catalogue.js';
import { rules as allRules } from '../rules/index.js';
import { toolVersion } from '../package-files.js';
import { compareText } from '../compare.js';
import { runRules } from './run-rules.js';
import type { Finding, InputError, Report, SkippedInput } from './report.js';
import type { Resource } from '../model/resource.js';
import type { Rule } from '../rules/rule.js';

/** What decides a scan besides its inputs. */
export interface ScanSettings {
  flags?: ProfileFlags;
  clusters?: readonly ConfiguredCluster[];
  /** The config file's folder relative to the root: its cluster globs and ignore paths are relative to it. */
  configFolder?: string;
  /** Per rule: `off` or a level, from the config file. */
  ruleLevels?: Readonly<Record<string, Level | 'off'>>;
  /** Run only these rules (`--rule`). */
  onlyRules?: readonly string[];
  /** Leave out these rules (`--skip-rule`). */
  skipRules?: readonly string[];
  /** Files larger than this many bytes are skipped with a reason. */
  maxFileBytes?: number;
}

/** A text to scan, already in memory (stdin, tests). */
export interface SourceText {
  path: string;
  text: string;
}

/** Options of {@link scan}. */
export interface ScanOptions extends ScanSettings {
  /** Files, folders and globs relative to `root`. */
  targets: readonly string[];
  /** Absolute scan root: report paths are relative to it and nothing outside it is read. */
  root: string;
  ignorePaths?: readonly string[];
  /** Texts that are not files, such as stdin. */
  extraSources?: readonly SourceText[];
}

const defaultMaxFileBytes = 16 * 1024 * 1024;
const sampleBytes = 8000;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** One scan in progress: the rules chosen, and what was read so far. */
class ScanRun {
  private readonly rules: readonly Rule[];
  private readonly catalogue = ruleCatalogue();
  /** Kinds some chosen rule reads, and ServiceAccounts, which workloads are joined to. */
  private readonly keptKinds: ReadonlySet<string>;
  files = 0;
  documents = 0;
  objectCount = 0;
  readonly objects: ParsedObject[] = [];
  readonly skipped: SkippedInput[] = [];
  readonly errors: InputError[] = [];

  constructor(private readonly settings: ScanSettings) {
    this.rules = selectRules(settings);
    this.keptKinds = new Set(['ServiceAccount', ...this.rules.flatMap((rule) => this.catalogue.get(rule.id)?.appliesTo ?? [])]);
  }

  add(source: SourceText): void {
    this.files++;
    const parsed = parseManifests(source.path, source.text, {
      json: source.path.endsWith('.json'),
      keep: (identity) => this.keptKinds.has(identity.kind) || isEksctlConfig(identity),
    });
    if (parsed.outcome === 'skipped') this.skipped.push({ path: source.path, reason: parsed.reason });
    else if (parsed.outcome === 'error') {
      const { outcome: _, ...error } = parsed;
      this.errors.push({ path: source.path, ...error });
    } else {
      this.documents += parsed.documents;
      this.objectCount += parsed.objectCount;
      this.objects.push(...parsed.objects);
    }
  }

  finish(): Report {
    const resolver = new ProfileResolver(
      this.settings.flags ?? {},
      this.settings.clusters ?? [],
      this.objects.filter((object) => isEksctlConfig(object.identity)).map((object) => ({ ...object, path: object.locator.path })),
      this.settings.configFolder,
    );
    const resources: Resource[] = this.objects.map((object) => ({
      identity: object.identity,
      data: object.data,
      document: object.locator,
      profile: resolver.forPath(object.locator.path),
    }));
    const levels = new Map<string, Level>();
    for (const [id, level] of Object.entries(this.settings.ruleLevels ?? {})) if (level !== 'off') levels.set(id, level);
    const { findings, errors } = runRules(resources, { rules: this.rules, catalogue: this.catalogue, levels });
    return buildReport(resolver, findings, this, [...this.errors, ...errors]);
  }
}

/** Scans files, folders and globs under a root. */
export async function scan(options: ScanOptions): Promise<Report> {
  const discovery = await discoverFiles(options.targets, {
    root: options.root,
    ignorePaths: options.ignorePaths ?? [],
    ignoreFolder: options.configFolder ?? '.',
    extensions: manifestExtensions,
  });
  const run = new ScanRun(options);
  run.skipped.push(...discovery.skipped);
  for (const file of discovery.files) {
    const text = readText(file, options.maxFileBytes ?? defaultMaxFileBytes, run);
    if (text !== undefined) run.add({ path: file.path, text });
  }
  for (const source of options.extraSources ?? []) run.add(source);
  return run.finish();
}

/** Scans texts held in memory, as if they were files. */
export function scanTexts(sources: readonly SourceText[], settings: ScanSettings = {}): Report {
  const run = new ScanRun(settings);
  for (const source of sources) run.add(source);
  return run.finish();
}

function readText(file: InputFile, maxBytes: number, inputs: ScanRun): string | undefined {
  let bytes: Buffer;
  try {
    const size = statSync(file.absolutePath).size;
    if (size > maxBytes) {
      inputs.skipped.push({ path: file.path, reason: `larger than the ${maxBytes}-byte limit (${size} bytes)` });
      return undefined;
    }
    bytes = readFileSync(file.absolutePath);
  } catch (error) {
    inputs.errors.push({ path: file.path, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
    return undefined;
  }
  if (bytes.subarray(0, sampleBytes).includes(0)) {
    inputs.skipped.push({ path: file.path, reason: 'binary file' });
    return undefined;
  }
  try {
    return utf8.decode(bytes);
  } catch {
    inputs.errors.push({ path: file.path, message: 'not valid UTF-8 text' });
    return undefined;
  }
}

function selectRules(settings: ScanSettings): readonly Rule[] {
  const only = settings.onlyRules && settings.onlyRules.length > 0 ? new Set(settings.onlyRules) : undefined;
  const skip = new Set(settings.skipRules ?? []);
  return allRules.filter(
    (rule) => (only === undefined || only.has(rule.id)) && !skip.has(rule.id) && settings.ruleLevels?.[rule.id] !== 'off',
  );
}

const byPath = <T extends { path: string }>(a: T, b: T): number => compareText(a.path, b.path);

function compareFindings(a: Finding, b: Finding): number {
  const left = a.location;
  const right = b.location;
  return (
    compareText(left?.path ?? '', right?.path ?? '') ||
    (left?.startLine ?? 0) - (right?.startLine ?? 0) ||
    (left?.startColumn ?? 0) - (right?.startColumn ?? 0) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message) ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

function buildReport(resolver: ProfileResolver, findings: Finding[], inputs: ScanRun, errors: InputError[]): Report {
  findings.sort(compareFindings);
  const summary = { error: 0, warning: 0, note: 0, suppressed: 0, complete: errors.length === 0 };
  for (const finding of findings) {
    if (finding.suppressed) summary.suppressed++;
    else summary[finding.level]++;
  }
  return {
    schemaVersion: '1',
    tool: { name: 'sts-audit', version: toolVersion },
    profiles: resolver.profilesUsed(),
    findings,
    inputs: {
      files: inputs.files,
      documents: inputs.documents,
      objects: inputs.objectCount,
      skipped: [...inputs.skipped].sort(byPath),
      errors: [...errors].sort(byPath),
    },
    summary,
  };
}
