import { clusterTargets } from './kubeconfig.js';
import { ClusterSource, type ClusterSourceSettings } from './cluster-source.js';
import { run, type RunSettings } from '../engine/run.js';
import type { RenderedObject } from './rendered-object.js';
import type { Report } from '../engine/report.js';

/** Options of {@link audit}. */
export interface AuditOptions extends RunSettings, ClusterSourceSettings {
  kubeconfig?: string;
  /** How messages name `kubeconfig`: default `the kubeconfig <path>`. */
  kubeconfigName?: string;
  contexts: readonly string[];
}

/** An audited object with findings, as YAML at the path the report names it by: what `--dump-objects` writes. */
export type AuditedObject = Pick<RenderedObject, 'path' | 'text'>;

/**
 * Audits live clusters, concurrently: reads each one's version and objects, runs every rule on
 * them, and reports. A resource type that cannot be read makes the audit incomplete, not failed.
 */
export async function audit(options: AuditOptions): Promise<{ report: Report; audited: AuditedObject[] }> {
  const targets = clusterTargets({ ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}), ...(options.kubeconfigName ? { kubeconfigName: options.kubeconfigName } : {}), contexts: options.contexts });
  const { report, rendered } = await run(new ClusterSource(targets, options), options);
  return { report, audited: rendered };
}
