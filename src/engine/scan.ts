import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { discoverFiles, isManifestFile, type InputFile } from '../loaders/discover-files.js';
import { isCodeFile, isDependencyManifest, isTestCode, languageOf } from '../code/languages.js';
import { maskComments } from '../code/mask-comments.js';
import { endpoints } from '../facts.js';
import type { ManifestLimits } from '../loaders/manifest-limits.js';
import { parseManifests, type ParsedObject } from '../loaders/parse-manifests.js';
import { ProfileResolver, isEksctlConfig, type ConfiguredCluster, type ProfileFlags } from '../profiles/resolve-profiles.js';
import { RuleRunner } from './run-rules.js';
import { planRules, type RuleSelection } from './rule-plan.js';
import { buildReport } from './build-report.js';
import { addLineHashes } from './findings.js';
import { applyBaseline, applyConfigSuppressions, applyInlineSuppressions, type SuppressionSettings } from './suppressions.js';
import type { Report } from './report.js';
import type { Resource } from '../model/resource.js';

/** What decides a scan besides its inputs. */
export interface ScanSettings extends RuleSelection {
  flags?: ProfileFlags;
  clusters?: readonly ConfiguredCluster[];
  /** The config file's folder relative to the root: its cluster globs and ignore paths are relative to it. */
  configFolder?: string;
  /** Files larger than this many bytes are skipped with a reason. */
  maxFileBytes?: number;
  /** Documents, nesting and alias expansion per manifest file; a file beyond them is an error. */
  manifestLimits?: Partial<ManifestLimits>;
  /** Give each finding GitHub's line hash (for SARIF); it costs a pass over each file with findings. */
  lineHashes?: boolean;
  /** Suppressions (annotations, comments, the config's `ignore:` list) and the baseline. */
  suppressions?: SuppressionSettings;
  /**
   * How the code rules report test code (`isTestCode`): at `note`, never failing the run (the
   * default), or like other `code`.
   */
  testCode?: TestCodePolicy;
}

/** The config's `testCode`: test code's findings at note, or like other code's. */
export type TestCodePolicy = 'note' | 'code';

/** A text to scan, already in memory (stdin, tests). */
export interface SourceText {
  path: string;
  text: string;
  /** Read it as manifests whatever its name says (stdin has none). */
  manifest?: boolean;
  /** Already known to hold an STS text (searched as bytes when read). */
  screened?: boolean;
}

/** Options of {@link scan}. */
export interface ScanOptions extends ScanSettings {
  /** Files, folders and globs relative to `root`. */
  targets: readonly string[];
  /** Absolute scan root: report paths are relative to it and nothing outside it is read. */
  root: string;
  ignorePaths?: readonly string[];
  /** Pass over a target that matches no file instead of refusing it (`--no-error-on-unmatched-pattern`). */
  allowUnmatched?: boolean;
  /** Texts that are not files, such as stdin. */
  extraSources?: readonly SourceText[];
}

/** What was read, and what was passed over or could not be. */
type Inputs = Report['inputs'];

const defaultMaxFileBytes = 16 * 1024 * 1024;
/** A NUL among the first this many characters marks a binary file. */
const binarySample = 8000;
/** Text every eksctl ClusterConfig contains: such files are read first, as they set other files' profiles. */
const eksctlMarker = 'eksctl.io/';

/** Scans files, folders and globs under a root. */
export async function scan(options: ScanOptions): Promise<Report> {
  const discovery = await discoverFiles(options.targets, {
    root: options.root,
    ignorePaths: options.ignorePaths ?? [],
    ignoreFolder: options.configFolder ?? '.',
    wanted: (file) => isManifestFile(file) || isCodeFile(file),
    allowUnmatched: options.allowUnmatched === true,
  });
  const inputs: Inputs = { files: 0, documents: 0, objects: 0, skipped: [...discovery.skipped], errors: [] };
  const sources: SourceText[] = [];
  for (const file of discovery.files) {
    if (isManifestFile(file.path)) {
      const text = readText(file, options.maxFileBytes ?? defaultMaxFileBytes, inputs);
      if (text !== undefined) sources.push({ path: file.path, text });
    } else {
      const text = readCode(file, options.maxFileBytes ?? defaultMaxFileBytes, inputs);
      if (text !== undefined) sources.push({ path: file.path, text, screened: true });
    }
  }
  return scanSources([...sources, ...(options.extraSources ?? [])], options, inputs);
}

/** Texts of which a file must hold one for the code rules to read it. */
const codeMarkers = endpoints.codeMarkers;
/**
 * Each fragment is one Buffer search (native, and fast since its bytes are rare in code); only a
 * file that holds one is searched for the texts behind it. Most files are dropped after four
 * searches: far cheaper than looking for every marker in every file.
 */
const screens = Object.entries(endpoints.codeMarkerFragments).map(([fragment, texts]) => ({
  fragment: Buffer.from(fragment),
  texts: texts.map((text) => Buffer.from(text)),
}));

function holdsCodeMarker(bytes: Buffer): boolean {
  return screens.some(({ fragment, texts }) => bytes.includes(fragment) && texts.some((text) => bytes.includes(text)));
}

/** One buffer reused for every source file: most are read, searched and dropped, never decoded. */
let readBuffer = Buffer.allocUnsafe(1 << 20);

/** Not a regular file (a FIFO, socket or device, perhaps swapped in after discovery): never read, it may not end. */
class NotRegularFile extends Error {}

/**
 * Opens a file to read without blocking: opening a FIFO would wait for a writer, and reading a
 * device might never end. Throws NotRegularFile for anything but a regular file.
 */
function openRegular(absolute: string): { fd: number; size: number } {
  const fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  const stats = fstatSync(fd);
  if (!stats.isFile()) {
    closeSync(fd);
    throw new NotRegularFile();
  }
  return { fd, size: stats.size };
}

/** Records why a file could not be read: skipped when it is not a regular file, else an error. */
function unreadable(file: InputFile, error: unknown, inputs: Inputs): undefined {
  if (error instanceof NotRegularFile) inputs.skipped.push({ path: file.path, reason: 'not a regular file (a FIFO, socket or device)' });
  else inputs.errors.push({ path: file.path, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
  return undefined;
}

/** Reads a whole file into the shared buffer; undefined when it is larger than `maxBytes`. */
function readShared(absolute: string, maxBytes: number): { bytes: Buffer; size: number } {
  const { fd, size } = openRegular(absolute);
  try {
    if (size > maxBytes) return { bytes: readBuffer.subarray(0, 0), size };
    if (size > readBuffer.length) readBuffer = Buffer.allocUnsafe(2 ** Math.ceil(Math.log2(size)));
    let read = 0;
    while (read < size) {
      const count = readSync(fd, readBuffer, read, size - read, read);
      if (count === 0) break;
      read += count;
    }
    return { bytes: readBuffer.subarray(0, read), size };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a source or config file. Most hold no STS text at all: those are searched as bytes
 * (native and fast), counted as scanned, and never decoded.
 */
function readCode(file: InputFile, maxBytes: number, inputs: Inputs): string | undefined {
  let bytes: Buffer;
  try {
    const read = readShared(file.absolutePath, maxBytes);
    if (read.size > maxBytes) {
      inputs.skipped.push({ path: file.path, reason: `larger than the ${maxBytes}-byte limit (${read.size} bytes)` });
      return undefined;
    }
    bytes = read.bytes;
  } catch (error) {
    return unreadable(file, error, inputs);
  }
  if (bytes.subarray(0, binarySample).includes(0)) {
    inputs.skipped.push({ path: file.path, reason: 'binary file' });
    return undefined;
  }
  if (!isDependencyManifest(file.path) && !holdsCodeMarker(bytes)) {
    inputs.files++;
    return undefined;
  }
  if (!isUtf8(bytes)) {
    inputs.errors.push({ path: file.path, message: 'not valid UTF-8 text' });
    return undefined;
  }
  return bytes.toString('utf8');
}

/** Scans texts held in memory, as if they were files. */
export function scanTexts(sources: readonly SourceText[], settings: ScanSettings = {}): Report {
  return scanSources(sources, settings, { files: 0, documents: 0, objects: 0, skipped: [], errors: [] });
}

function readText(file: InputFile, maxBytes: number, inputs: Inputs): string | undefined {
  let text: string;
  try {
    const { fd, size } = openRegular(file.absolutePath);
    try {
      if (size > maxBytes) {
        inputs.skipped.push({ path: file.path, reason: `larger than the ${maxBytes}-byte limit (${size} bytes)` });
        return undefined;
      }
      // Decoding while reading is Node's fastest path; the rare text with a replacement character
      // is read again as bytes to tell a real one from invalid UTF-8.
      text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
    // A binary file is skipped as such, whether or not its bytes happen to be valid UTF-8.
    if (text.slice(0, binarySample).includes('\0')) {
      inputs.skipped.push({ path: file.path, reason: 'binary file' });
      return undefined;
    }
    if (text.includes('\uFFFD') && !isUtf8(readShared(file.absolutePath, maxBytes).bytes)) {
      inputs.errors.push({ path: file.path, message: 'not valid UTF-8 text' });
      return undefined;
    }
  } catch (error) {
    return unreadable(file, error, inputs);
  }
  return text;
}

/**
 * The scan loop. Files that may hold an eksctl ClusterConfig are parsed first, so every file's
 * profile is known before its objects are checked; after that each file is parsed, checked and
 * let go, and only findings (and objects waiting for a ServiceAccount) are kept.
 */
function scanSources(sources: readonly SourceText[], settings: ScanSettings, inputs: Inputs): Report {
  const plan = planRules(settings);
  const suppressions = settings.suppressions ?? {};
  // Objects of kinds no chosen rule reads are not kept; ServiceAccounts are, for the join.
  const keptKinds = new Set(['ServiceAccount', ...plan.kinds]);
  const readAsTestCode: string[] = [];
  /**
   * Parses a manifest. Source and config files, and YAML or JSON that holds no Kubernetes
   * object, are for the file rules instead (`asCode`).
   */
  const parse = (source: SourceText): { objects: ParsedObject[]; asCode: boolean } => {
    // A file is counted once: as scanned, or as skipped.
    const skip = (reason: string) => {
      inputs.skipped.push({ path: source.path, reason });
      return { objects: [], asCode: false };
    };
    if (isOwnReport(source)) return skip('an sts-audit report (a baseline, for example): its messages quote what it found');
    if (!source.manifest && !isManifestFile(source.path)) {
      inputs.files++;
      return { objects: [], asCode: true };
    }
    const parsed = parseManifests(source.path, source.text, {
      json: source.path.endsWith('.json'),
      keep: (identity) => keptKinds.has(identity.kind) || isEksctlConfig(identity),
      ...(settings.manifestLimits ? { limits: settings.manifestLimits } : {}),
    });
    if (parsed.outcome === 'skipped' && !parsed.notManifest) return skip(parsed.reason);
    inputs.files++;
    if (parsed.outcome === 'skipped') return { objects: [], asCode: true };
    if (parsed.outcome === 'error') {
      const { outcome: _, ...error } = parsed;
      inputs.errors.push({ path: source.path, ...error });
      return { objects: [], asCode: false };
    }
    inputs.documents += parsed.documents;
    inputs.objects += parsed.objectCount;
    return { objects: parsed.objects, asCode: parsed.objectCount === 0 };
  };
  /** Runs the file rules on a source or config file that holds an STS text or names dependencies. */
  const checkCode = (source: SourceText): void => {
    if (plan.textRules.length === 0) return;
    const language = languageOf(source.path);
    const dependencies = isDependencyManifest(source.path);
    if (!language && !dependencies) return;
    if (!dependencies && !source.screened && !codeMarkers.some((marker) => source.text.includes(marker))) return;
    let code: string | undefined;
    const file = {
      path: source.path,
      text: source.text,
      get code(): string {
        code ??= language ? maskComments(source.text, language) : source.text;
        return code;
      },
    };
    const testCode = settings.testCode !== 'code' && isTestCode(source.path);
    if (testCode) readAsTestCode.push(source.path);
    runner.checkText(file, () => resolver.forPath(source.path), testCode);
  };

  const early: SourceText[] = [];
  const late: SourceText[] = [];
  for (const source of sources) ((source.manifest || isManifestFile(source.path)) && source.text.includes(eksctlMarker) ? early : late).push(source);
  const earlyParsed = early.map((source) => ({ source, ...parse(source) }));
  const eksctlConfigs = earlyParsed.flatMap(({ objects }) => objects).filter((object) => isEksctlConfig(object.identity));
  const resolver = new ProfileResolver(
    settings.flags ?? {},
    settings.clusters ?? [],
    eksctlConfigs.map((object) => ({ ...object, path: object.locator.path })),
    settings.configFolder,
  );
  const runner = new RuleRunner(plan, suppressions);
  const check = (objects: readonly ParsedObject[]): void => {
    const resources: Resource[] = objects.map((object) => ({
      identity: object.identity,
      data: object.data,
      document: object.locator,
      profile: resolver.forPath(object.locator.path),
    }));
    runner.addServiceAccounts(resources);
    for (const resource of resources) runner.check(resource);
  };
  const checkParsed = (source: SourceText, parsed: { objects: ParsedObject[]; asCode: boolean }): void => {
    if (parsed.asCode) checkCode(source);
    else check(parsed.objects);
  };
  for (const { source, ...parsed } of earlyParsed) checkParsed(source, parsed);
  for (const source of late) checkParsed(source, parse(source));
  const { findings: checked, errors } = runner.finish();
  const findings = [
    ...checked,
    ...applyInlineSuppressions(checked, sources, suppressions, plan),
    ...applyConfigSuppressions(checked, suppressions, plan),
  ];
  const baseline = suppressions.baseline ? applyBaseline(findings, suppressions.baseline) : undefined;
  if (settings.lineHashes) addLineHashes(findings, sources);
  const testCode = readAsTestCode.length > 0 ? { testCode: readAsTestCode } : {};
  return buildReport(resolver.profilesUsed(), findings, { ...inputs, errors: [...inputs.errors, ...errors], ...testCode }, baseline);
}

/** True for a JSON report or SARIF log this tool wrote, which quotes endpoints in its messages. */
function isOwnReport(source: SourceText): boolean {
  if (!source.path.endsWith('.json') || !source.text.includes('"sts-audit"')) return false;
  try {
    const value = JSON.parse(source.text) as { tool?: { name?: unknown }; runs?: Array<{ tool?: { driver?: { name?: unknown } } }> };
    return value.tool?.name === 'sts-audit' || value.runs?.[0]?.tool?.driver?.name === 'sts-audit';
  } catch {
    return false;
  }
}
