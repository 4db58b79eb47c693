import { extensionOf } from '../file-names.js';

/**
 * The file endings read as Kubernetes manifests. `.tpl` and `.tftpl` are listed to be reported as
 * skipped, and so that a Terraform `templatefile()` that names one finds its text.
 */
export const manifestExtensions = new Set(['.yaml', '.yml', '.json', '.tpl', '.tftpl']);

/** True for a file read as a possible Kubernetes manifest. */
export function isManifestFile(file: string): boolean {
  return manifestExtensions.has(extensionOf(file));
}
