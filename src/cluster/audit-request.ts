import { readSuppressionRequest, type SuppressionRequest } from '../config/scan-request.js';
import type { AuditedObject, AuditOptions } from './audit.js';
import type { Report } from '../engine/report.js';

/** What the command line and the GitHub Action ask of a cluster audit, before config and baseline are read. */
export interface ClusterRequest extends SuppressionRequest {
  /** The clusters and how to read them; rule levels and suppressions come from the config file and the baseline. */
  audit: Omit<AuditOptions, 'ruleLevels' | 'suppressions'>;
}

/**
 * Reads the config file and the baseline, and audits the clusters. The config file is named
 * relative to `configDefaultFolder`. Throws ConfigError, BaselineError or ClusterUsageError for
 * inputs that cannot be used: all are usage errors (exit 2).
 */
export async function runClusterRequest(request: ClusterRequest): Promise<{ report: Report; audited: AuditedObject[] }> {
  const { config, suppressions } = readSuppressionRequest(request, request.configDefaultFolder);
  // The Kubernetes client is loaded for cluster audits only: scans start without it.
  const { audit } = await import('./audit.js');
  return audit({ ...request.audit, ruleLevels: config?.rules ?? {}, suppressions });
}
