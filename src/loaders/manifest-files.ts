import { extensionOf } from '../file-names.js';

/**
 * The file endings read as Kubernetes manifests. `.tpl` and `.tftpl` are listed to be reported as
 * skipped, and so that a Terraform `templatefile()` that names one finds its text.
 */
export const manifestExtensions = new Set(['.yaml', '.yml', '.json', '.tpl', '.tftpl']);

/** True for a file read as a possible Kubernetes manifest. */
export function isManifestFile(file: string): boolean {
  // Every such ending ends in `l` or `n`, whatever its case: most source files are told apart
  // without the ending cut out of their name, a string made for each.
  const last = file.charCodeAt(file.length - 1) | 0x20;
  return (last === 0x6c || last === 0x6e) && manifestExtensions.has(extensionOf(file));
}
