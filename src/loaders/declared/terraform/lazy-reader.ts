import { isTerraformFile } from './terraform-files.js';
import { terraformFileMarkers } from '../markers.js';
import type { DeclarationReader } from '../../../model/declared.js';

/** The Terraform reader, once a scan that holds a Terraform file has loaded it. */
let loaded: DeclarationReader | undefined;

/**
 * The Terraform reader as scans register it: its HCL parser and evaluator are loaded (`prepare`)
 * only when a scan holds a Terraform file, so a scan without one never pays for them. `scan()`
 * prepares the readers its files need; a scan of texts in memory (`scanTexts`) reads Terraform
 * once `prepareDeclarations()` has loaded it, and lists it as not read before.
 */
export const lazyTerraformReader: DeclarationReader = {
  kind: 'terraform',
  markers: terraformFileMarkers,
  wants: isTerraformFile,
  async prepare() {
    loaded ??= (await import('./read-terraform.js')).terraformReader;
  },
  read(files, repository, into) {
    if (loaded) {
      loaded.read(files, repository, into);
      return;
    }
    for (const file of files) {
      into.unanalysed.push({ path: file.path, kind: 'terraform', reason: 'Terraform not read: its reader is loaded by `scan()`, or by `prepareDeclarations()` before `scanTexts()`' });
    }
  },
};
