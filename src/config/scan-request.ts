import { existsSync } from 'node:fs';
import path from 'node:path';
import { defaultConfigName, loadConfig, type Config } from './load-config.js';
import { readBaseline } from '../engine/baseline.js';
import { scan, type SourceText } from '../engine/scan.js';
import type { Report } from '../engine/report.js';
import type { SuppressionSettings } from '../engine/suppressions.js';
import type { ProfileFlags } from '../profiles/resolve-profiles.js';
import type { ManifestLimits } from '../loaders/manifest-limits.js';

/** What scans and cluster audits alike ask of the config file, suppressions and the baseline. */
export interface SuppressionRequest {
  /** The config file; default: `.sts-audit.yaml` in `configDefaultFolder`, when present. */
  configFile?: string;
  configDefaultFolder: string;
  baselineFile?: string;
  reportUnusedSuppressions?: boolean;
  inlineSuppressions?: boolean;
  /** Today, `YYYY-MM-DD`; default: the current UTC date. */
  today?: string;
}

/** What the command line and the GitHub Action ask of a scan, before config and baseline are read. */
export interface ScanRequest extends SuppressionRequest {
  /** Files, folders and globs relative to `root`. */
  targets: string[];
  /** Absolute scan root. */
  root: string;
  /** Pass over a target that matches no file instead of refusing it. */
  allowUnmatched?: boolean;
  flags: ProfileFlags;
  onlyRules?: string[];
  skipRules?: string[];
  maxFileBytes?: number;
  manifestLimits?: Partial<ManifestLimits>;
  lineHashes?: boolean;
  extraSources?: SourceText[];
  /** List every IRSA ServiceAccount modeled in the report (`--inventory`). */
  inventory?: boolean;
}

/** A path relative to the scan root, POSIX separators; `.` for the root itself. */
function relativeTo(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/') || '.';
}

/**
 * Reads the config file and the baseline a request names; the suppression settings name the
 * config file relative to `root`. Throws ConfigError or BaselineError for inputs that cannot be
 * used: both are usage errors (exit 2).
 */
export function readSuppressionRequest(request: SuppressionRequest, root: string): { config: Config | undefined; suppressions: SuppressionSettings } {
  const defaultConfig = path.join(request.configDefaultFolder, defaultConfigName);
  const config = request.configFile !== undefined ? loadConfig(request.configFile) : existsSync(defaultConfig) ? loadConfig(defaultConfig) : undefined;
  const suppressions: SuppressionSettings = {
    inline: request.inlineSuppressions !== false,
    reportUnused: request.reportUnusedSuppressions === true,
    today: request.today ?? new Date().toISOString().slice(0, 10),
    ...(config && config.ignore.length > 0
      ? { config: { entries: config.ignore, file: relativeTo(root, config.file), folder: relativeTo(root, config.folder), locate: config.locate } }
      : {}),
    ...(request.baselineFile ? { baseline: { file: request.baselineFile, fingerprints: readBaseline(request.baselineFile) } } : {}),
  };
  return { config, suppressions };
}

/** Reads the config file and the baseline, and runs the scan; throws as {@link readSuppressionRequest}. */
export async function runScanRequest(request: ScanRequest): Promise<Report> {
  const { root } = request;
  const { config, suppressions } = readSuppressionRequest(request, root);
  return scan({
    targets: request.targets,
    root,
    allowUnmatched: request.allowUnmatched === true,
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
    inventory: request.inventory === true,
    suppressions,
    // The command line and the Action keep their working folder while they scan.
    openRelative: true,
  });
}
