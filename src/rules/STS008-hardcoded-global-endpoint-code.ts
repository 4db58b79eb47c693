import { languageOf } from '../code/languages.js';
import { providerRegion } from '../code/terraform.js';
import { findEndpointUses } from '../endpoints/find-endpoint-uses.js';
import { globalEndpointUseLevel } from '../profiles/region-case.js';
import type { FileRule } from './rule.js';

const messageIds = { 'global-host': 'globalHost', 'global-region': 'globalRegion', 'legacy-setting': 'legacySetting' } as const;

/** hardcoded-global-endpoint-code: source or config pins the global STS endpoint. */
export const STS008: FileRule<'STS008'> = {
  id: 'STS008',
  checkFile(file, context) {
    const terraform = languageOf(file.path)?.name === 'hcl';
    for (const use of findEndpointUses(file.code, { code: true })) {
      if (use.kind === 'regional-host') continue;
      const region = terraform ? providerRegion(file.code, use.index) : undefined;
      const { defaultEndpoint } = context.profile;
      context.report({
        index: use.index,
        length: use.text.length,
        messageId: messageIds[use.kind],
        data: { text: use.text },
        level: globalEndpointUseLevel(use.kind, { defaultEndpoint, region: region ?? context.profile.region }),
        ...(region === undefined ? {} : { region }),
      });
    }
  },
};
