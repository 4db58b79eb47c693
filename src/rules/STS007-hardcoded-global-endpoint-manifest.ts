import { webhook } from '../facts.js';
import { manifestEndpointUses } from '../model/manifest-strings.js';
import { globalEndpointUseLevel } from '../profiles/region-case.js';
import type { Rule } from './rule.js';

/** hardcoded-global-endpoint-manifest: a workload or ConfigMap string pins the global endpoint. */
export const STS007: Rule<'STS007'> = {
  id: 'STS007',
  check(resource, context) {
    const regional = context.profile.defaultEndpoint === 'regional';
    const messageIds = {
      'global-host': regional ? 'globalHost' : 'globalHostOffRegional',
      'global-region': 'globalRegion',
      'legacy-setting': 'legacySetting',
    } as const;
    for (const { string, use, occurrence } of manifestEndpointUses(resource)) {
      if (use.kind === 'regional-host') continue;
      // A container's own AWS_STS_REGIONAL_ENDPOINTS entry is STS006's to judge.
      if (string.field === 'env' && string.key === webhook.env.stsRegionalEndpoints) continue;
      context.report({
        path: string.path,
        text: { value: use.text, occurrence },
        messageId: messageIds[use.kind],
        data: { text: use.text },
        level: globalEndpointUseLevel(use.kind, context.profile),
      });
    }
  },
};
