import { describe, it } from 'vitest';
import { sharedCorpus } from '../helpers.js';
import { expectFormatInInventory } from '../support/irsa-format.js';

const corpus = sharedCorpus('irsa-sources');

describe('irsa-sources corpus: Argo CD', () => {
  it.runIf(corpus.present)(corpus.title('lists every Argo CD definition of EXPECTED.md at its line, an Application in a Helm template included'), async () => {
    await expectFormatInInventory(corpus.folder, 'argocd', 'argocd');
  }, 60_000);
});
