import { describe, it } from 'vitest';
import { sharedCorpus } from '../helpers.js';
import { expectFormatInInventory } from '../support/irsa-format.js';

const corpus = sharedCorpus('irsa-sources');

describe('irsa-sources corpus: Flux', () => {
  // Rows 47 and 48 are a FluxInstance that Terraform writes with yamlencode: the Terraform reader's.
  it.runIf(corpus.present)(corpus.title('lists every Flux HelmRelease definition of EXPECTED.md at its line'), async () => {
    await expectFormatInInventory(corpus.folder, 'flux', 'flux', [47, 48]);
  }, 60_000);
});
