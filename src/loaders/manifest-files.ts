import { extensionOf } from '../file-names.js';

/**
 * The file endings read as Kubernetes manifests. `.tpl` and `.tftpl` are listed to be reported as
 * skipped, and so that a Terraform `templatefile()` that names one finds its text.
 */
export const manifestExtensions = new Set(['.yaml', '.yml', '.json', '.tpl', '.tftpl']);

/** True for a file read as a possible Kubernetes manifest. */
export function isManifestFile(file: string): boolean {
  // Every such ending ends in `l` or `n`, whatever its case: most source files are told apart
  // without the ending cut out of their name, a string made for each. A path that ends in a
  // separator (`/`, `\`, either case bit set) is asked in full: its ending is its last name's.
  const last = file.charCodeAt(file.length - 1) | 0x20;
  return (last === 0x6c || last === 0x6e || last === 0x2f || last === 0x7c) && manifestExtensions.has(extensionOf(file));
}
