import { discoverFiles, isManifestFile } from '../loaders/discover-files.js';
import { buildOverlays } from '../loaders/kustomize.js';
import { readFiles } from '../loaders/read-files.js';
import { FileSource, type FileInputs, type FileSourceSettings, type SourceText } from '../loaders/file-source.js';
import { isCodeFile } from '../code/languages.js';
import { run, type RunSettings } from './run.js';
import type { Report } from './report.js';
import type { InputError } from '../model/inputs.js';

export type { SourceText, TestCodePolicy } from '../loaders/file-source.js';

/** What decides a scan besides its inputs. */
export interface ScanSettings extends RunSettings, FileSourceSettings {
  /** Files larger than this many bytes are skipped with a reason. */
  maxFileBytes?: number;
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

const defaultMaxFileBytes = 16 * 1024 * 1024;

/** Scans files, folders and globs under a root. */
export async function scan(options: ScanOptions): Promise<Report> {
  const discovery = await discoverFiles(options.targets, {
    root: options.root,
    ignorePaths: options.ignorePaths ?? [],
    ignoreFolder: options.configFolder ?? '.',
    wanted: (file) => isManifestFile(file) || isCodeFile(file),
    allowUnmatched: options.allowUnmatched === true,
  });
  // Every file is read once, here, before the run loads the rules' metadata. Measured on 20,000
  // documents: loaded first, the metadata (long-lived, built by js-yaml like the manifests'
  // objects) often made V8 pretenure those objects' allocation sites, and peak memory doubled.
  const outcomes = { skipped: [...discovery.skipped], errors: [] as InputError[] };
  const files = readFiles(discovery.files, options.maxFileBytes ?? defaultMaxFileBytes, outcomes);
  const overlays = await buildOverlays(options.root, discovery.files.map((file) => file.path), files);
  return scanInputs({ files, ...outcomes, texts: options.extraSources ?? [], overlays }, options);
}

/** Scans texts held in memory, as if they were files. */
export function scanTexts(sources: readonly SourceText[], settings: ScanSettings = {}): Report {
  return scanInputs({ texts: sources }, settings);
}

function scanInputs(inputs: FileInputs, settings: ScanSettings): Report {
  return run(new FileSource(inputs, settings), settings).report;
}
