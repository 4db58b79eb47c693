import { discoverFiles, isManifestFile, type InputFile } from '../loaders/discover-files.js';
import { ScreenAhead, type ScreenAheadSettings } from '../loaders/screen-ahead.js';
import { readKind } from '../loaders/file-kinds.js';
import { shortReadsEndFilesBelow } from '../loaders/short-reads.js';
import { builtin } from '../builtins.js';
import { buildOverlays } from '../loaders/kustomize.js';
import { readFiles } from '../loaders/read-files.js';
import { prepareDeclarations } from '../loaders/declared/read-declarations.js';
import { FileSource, type FileInputs, type FileSourceSettings, type SourceText } from '../loaders/file-source.js';
import { run, type RunSettings } from './run.js';
import { ParallelFileSource, startWorker, type WorkerSettings } from './parallel-source.js';
import { builtFile } from '../package-files.js';
import type { Report } from './report.js';
import type { InputError } from '../model/inputs.js';

export type { SourceText, TestCodePolicy } from '../loaders/file-source.js';

/** What decides a scan besides its inputs. */
export interface ScanSettings extends RunSettings, FileSourceSettings {
  /** Files larger than this many bytes are skipped with a reason. */
  maxFileBytes?: number;
  /**
   * How files are spread over worker threads ({@link ParallelFileSource}): none by default; given
   * threads, once the manifests pass 5 MB. The environment can set each: `STS_AUDIT_WORKER_THREADS`,
   * `STS_AUDIT_WORKER_MIN_BYTES`, `STS_AUDIT_WORKER_MIN_FILES`, `STS_AUDIT_WORKER_HEAP_MB`.
   */
  workers?: Partial<Omit<WorkerSettings, 'file' | 'started'>>;
  /**
   * Worker threads that screen source and config files ahead of the main thread ({@link ScreenAhead}),
   * once discovery has found `minFiles` of them: by default one fewer than the cores (at most 3),
   * from 10,000 files. The environment can set each: `STS_AUDIT_CODE_THREADS`, `STS_AUDIT_CODE_MIN_FILES`.
   */
  codeWorkers?: { threads?: number; minFiles?: number };
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
  /**
   * Open files by their path relative to the working folder when that is `root`, which spares the
   * kernel the folders above the root for each file opened: for a program that keeps its working
   * folder while it scans (the command line, the Action).
   */
  openRelative?: boolean;
}

const defaultMaxFileBytes = 16 * 1024 * 1024;

/** Below about 5 MB of manifests, a worker's start costs more than it saves. */
const defaultWorkerMinBytes = 5 * 1024 * 1024;

/** From about 1,000 manifest files, most scans pass 5 MB: their workers start with the scan. */
const defaultWorkerMinFiles = 1000;

/**
 * None unless asked for. Measured on 2 cores, first shared with other runs, then idle: one worker
 * thread at 2,000 and 10,000 manifest files took 20-40% more CPU time in all (its start and
 * warm-up, the copy of its files, a second heap) and was slower either way (idle: 0.56 → 0.67 s
 * and 2.04 → 2.13 s), and raised peak RSS (idle: 145 → 174 MB and 250 → 318 MB).
 */
const defaultWorkerThreads = 0;

/**
 * Screening threads start once discovery has found this many source and config files. A thread
 * takes 50 to 100 ms to start while the main thread works, and slows it meanwhile: measured on 2
 * cores (a thread asked for), it made scans of 2,400 and 3,800 files 20 to 35% slower and one of
 * 8,600 files no faster.
 */
const defaultCodeMinFiles = 10_000;

/** The most screening threads a scan starts by default: past a few, the file system is the limit. */
const maxDefaultCodeThreads = 3;

/**
 * Cores a scan leaves to the main thread and to V8's own threads (its compilers and collector)
 * before it starts screening threads. Each thread is a heap of its own that V8 compiles for and
 * collects too: on 2 cores, one thread made a scan of 17,260 files 8% slower (paired runs, median
 * of 21), so a scan starts one from 3 cores.
 */
const coresKeptByDefault = 2;

/** A setting from the environment: a value that is not a number of at least 0 is passed over, as if unset. */
function fromEnvironment(name: string): number | undefined {
  const value = process.env[name] ? Number(process.env[name]) : Number.NaN;
  return value >= 0 ? value : undefined;
}

/**
 * Screening threads for a scan, looked up once it has enough files: none where no worker script
 * was built (running from sources), or with one core.
 */
function screenAheadSettings(settings: ScanSettings, maxBytes: number, shortReadEnds: boolean): ScreenAheadSettings {
  return {
    shortReadEnds,
    minFiles: settings.codeWorkers?.minFiles ?? fromEnvironment('STS_AUDIT_CODE_MIN_FILES') ?? defaultCodeMinFiles,
    maxBytes,
    threads() {
      const file = builtFile('sts-audit-screen-worker.mjs');
      const count = settings.codeWorkers?.threads ?? fromEnvironment('STS_AUDIT_CODE_THREADS') ?? Math.min(builtin('node:os').availableParallelism() - coresKeptByDefault, maxDefaultCodeThreads);
      return file !== undefined && count >= 1 ? { file, count } : undefined;
    },
  };
}

/** Worker threads for a scan: none where no worker script was built (running from sources). */
function workerSettings(settings: ScanSettings): WorkerSettings | undefined {
  const file = builtFile('sts-audit-worker.mjs');
  if (file === undefined) return undefined;
  const heapLimit = settings.workers?.heapMb ?? fromEnvironment('STS_AUDIT_WORKER_HEAP_MB');
  // At 1 MB, V8 could not even set up the worker's heap, and that ended the whole process.
  const heapMb = heapLimit === undefined ? undefined : Math.max(heapLimit, 4);
  return {
    file,
    threads: settings.workers?.threads ?? fromEnvironment('STS_AUDIT_WORKER_THREADS') ?? defaultWorkerThreads,
    minBytes: settings.workers?.minBytes ?? fromEnvironment('STS_AUDIT_WORKER_MIN_BYTES') ?? defaultWorkerMinBytes,
    minFiles: settings.workers?.minFiles ?? fromEnvironment('STS_AUDIT_WORKER_MIN_FILES') ?? defaultWorkerMinFiles,
    ...(heapMb ? { heapMb } : {}),
  };
}

/** Scans files, folders and globs under a root. */
export async function scan(options: ScanOptions): Promise<Report> {
  const maxBytes = options.maxFileBytes ?? defaultMaxFileBytes;
  // Asked once of the root: whether it is on a local file system with nothing mounted below it.
  const shortReadEnds = shortReadsEndFilesBelow(options.root);
  const ahead = new ScreenAhead(screenAheadSettings(options, maxBytes, shortReadEnds));
  const discovery = await discoverFiles(options.targets, {
    root: options.root,
    ignorePaths: options.ignorePaths ?? [],
    ignoreFolder: options.configFolder ?? '.',
    wanted: readKind,
    allowUnmatched: options.allowUnmatched === true,
    openRelative: options.openRelative === true,
    onFound: (file: InputFile) => ahead.found(file),
  });
  ahead.finish();
  const workers = workerSettings(options);
  // Enough manifests for a worker to pay: it starts now, while the files are read.
  const startEarly = workers !== undefined && workers.threads > 0 && discovery.files.filter((file) => isManifestFile(file.path)).length >= workers.minFiles;
  const started = startEarly ? Array.from({ length: workers.threads }, () => startWorker(workers)) : [];
  try {
    // Every file is read once, here, before the run loads the rules' metadata. Measured on 20,000
    // documents: loaded first, the metadata (long-lived, built by js-yaml like the manifests'
    // objects) often made V8 pretenure those objects' allocation sites, and peak memory doubled.
    const outcomes = { skipped: [...discovery.skipped], errors: [] as InputError[] };
    const files = readFiles(discovery.files, maxBytes, outcomes, ahead.passedOver, shortReadEnds);
    await prepareDeclarations([...files, ...(options.extraSources ?? [])]);
    const overlays = await buildOverlays(options.root, discovery.files.map((file) => file.path), files);
    const inputs = { files, ...outcomes, texts: options.extraSources ?? [], overlays };
    if (!workers || workers.threads < 1) return scanInputs(inputs, options);
    const { root, flags, clusters, configFolder, manifestLimits, testCode, ruleLevels, onlyRules, skipRules, suppressions } = options;
    const checks = { selection: { ruleLevels, onlyRules, skipRules }, suppressions: { inline: suppressions?.inline, reportUnused: suppressions?.reportUnused } };
    const source = new ParallelFileSource(inputs, { root, flags, clusters, configFolder, manifestLimits, testCode }, checks, { ...workers, started: started.splice(0) });
    return (await run(source, options)).report;
  } finally {
    for (const worker of started) worker.stop();
  }
}

/** Scans texts held in memory, as if they were files. */
export function scanTexts(sources: readonly SourceText[], settings: ScanSettings = {}): Report {
  return scanInputs({ texts: sources }, settings);
}

function scanInputs(inputs: FileInputs, settings: ScanSettings): Report {
  return run(new FileSource(inputs, settings), settings).report;
}
