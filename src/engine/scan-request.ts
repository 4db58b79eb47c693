import { existsSync } from 'node:fs';
import path from 'node:path';
import { defaultConfigName, loadConfig } from '../config/load-config.js';
import { readBaseline } from './baseline.js';
import { scan, type SourceText } from './scan.js';
import type { Report } from './report.js';
import type { ProfileFlags } from '../profiles/resolve-profiles.js';
import type { ManifestLimits } from '../loaders/parse-manifests.js';

/** What the command line and the GitHub Action ask of a scan, before config and baseline are read. */
export interface ScanRequest {
  /** Files, folders and globs relative to `root`. */
  targets: string[];
  /** Absolute scan root. */
  root: string;
  /** The config file; default: `.sts-audit.yaml` in `configDefaultFolder`, when present. */
  configFile?: string;
  configDefaultFolder: string;
  flags: ProfileFlags;
  onlyRules?: string[];
  skipRules?: string[];
  baselineFile?: string;
  reportUnusedSuppressions?: boolean;
  inlineSuppressions?: boolean;
  maxFileBytes?: number;
  manifestLimits?: Partial<ManifestLimits>;
  lineHashes?: boolean;
  extraSources?: SourceText[];
  /** Today, `YYYY-MM-DD`; default: the current UTC date. */
  today?: string;
}

/** A path relative to the scan root, POSIX separators; `.` for the root itself. */
function relativeTo(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/') || '.';
}

/**
 * Reads the config file and the baseline, and runs the scan. Throws ConfigError or
 * BaselineError for inputs that cannot be used: both are usage errors (exit 2).
 */
export async function runScanRequest(request: ScanRequest): Promise<Report> {
  const defaultConfig = path.join(request.configDefaultFolder, defaultConfigName);
  const config = request.configFile !== undefined ? loadConfig(request.configFile) : existsSync(defaultConfig) ? loadConfig(defaultConfig) : undefined;
  const { root } = request;
  return scan({
    targets: request.targets,
    root,
    extraSources: request.extraSources ?? [],
    flags: request.flags,
    clusters: config?.clusters ?? [],
    configFolder: config ? relativeTo(root, config.folder) : '.',
    ignorePaths: config?.ignorePaths ?? [],
    ruleLevels: config?.rules ?? {},
    ...(config ? { testCode: config.testCode } : {}),
    onlyRules: request.onlyRules ?? [],
    skipRules: request.skipRules ?? [],
    ...(request.maxFileBytes !== undefined ? { maxFileBytes: request.maxFileBytes } : {}),
    ...(request.manifestLimits ? { manifestLimits: request.manifestLimits } : {}),
    lineHashes: request.lineHashes === true,
    suppressions: {
      inline: request.inlineSuppressions !== false,
      reportUnused: request.reportUnusedSuppressions === true,
      today: request.today ?? new Date().toISOString().slice(0, 10),
      ...(config && config.ignore.length > 0
        ? { config: { entries: config.ignore, file: relativeTo(root, config.file), folder: relativeTo(root, config.folder), locate: config.locate } }
        : {}),
      ...(request.baselineFile ? { baseline: { file: request.baselineFile, fingerprints: readBaseline(request.baselineFile) } } : {}),
    },
  });
}
