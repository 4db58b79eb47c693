/**
 * sts-audit as a library: scan manifests for AWS STS endpoint misconfiguration under IRSA and
 * format the report. The command line is a thin adapter over these.
 */
export { scan, scanTexts, type ScanOptions, type ScanSettings, type SourceText } from './engine/scan.js';
export { prepareDeclarations } from './loaders/declared/read-declarations.js';
export { exitCode, type FailOn, type Finding, type Report } from './engine/report.js';
export { readBaseline } from './engine/baseline.js';
export type { IgnoreEntry, SuppressionSettings } from './engine/suppressions.js';
export { formatJson } from './formats/json.js';
export { formatText } from './formats/text.js';
export { formatSarif } from './formats/sarif.js';
export { formatMarkdown } from './formats/markdown.js';
export { loadConfig, ConfigError, type Config } from './config/load-config.js';
export { ruleCatalogue, type RuleMetadata } from './rules/catalogue.js';
export type { Level } from './model/resource.js';
export { defaultEndpointFor } from './profiles/eks-versions.js';
