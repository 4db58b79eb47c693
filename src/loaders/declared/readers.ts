import { argoCdReader } from './argocd.js';
import { fluxHelmReleaseReader } from './flux.js';
import { eksctlReader } from './eksctl.js';
import { cdkReader, pulumiReader } from './infrastructure-code.js';
import { lazyTerraformReader } from './terraform/lazy-reader.js';
import { helmReader } from './helm-reader.js';
import { kustomizePatchReader } from './kustomize-patches.js';
import type { DeclarationReader } from '../../model/declared.js';

/**
 * Every declaration reader, one per input kind that declares objects made at deploy time. Each
 * names the files it wants by a cheap test, so a scan with none of them pays nothing.
 */
export const declarationReaders: readonly DeclarationReader[] = [
  argoCdReader,
  fluxHelmReleaseReader,
  eksctlReader,
  cdkReader,
  pulumiReader,
  lazyTerraformReader,
  helmReader,
  kustomizePatchReader,
];
