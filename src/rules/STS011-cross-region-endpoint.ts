import { manifestEndpointUses } from '../model/manifest-strings.js';
import type { Rule } from './rule.js';

/** cross-region-endpoint: a hardcoded regional STS endpoint of another region than the cluster's. */
export const STS011: Rule<'STS011'> = {
  id: 'STS011',
  check(resource, context) {
    const region = context.profile.region;
    if (region === null) return;
    for (const { string, use, occurrence } of manifestEndpointUses(resource)) {
      if (use.kind !== 'regional-host' || use.region === undefined || use.region === region) continue;
      context.report({
        path: string.path,
        text: { value: use.text, occurrence },
        messageId: 'otherRegion',
        data: { text: use.text, endpointRegion: use.region, region },
      });
    }
  },
};
