import { webhook } from '../facts.js';
import { annotationPath, irsaSettings, isServiceAccount } from '../model/irsa.js';
import { levelForRegion } from '../profiles/region-case.js';
import type { Rule } from './rule.js';

/** sa-disables-regional-default: an IRSA ServiceAccount turns the Regional default off. */
export const STS001: Rule<'STS001'> = {
  id: 'STS001',
  check(resource, context) {
    if (!isServiceAccount(resource) || context.profile.defaultEndpoint !== 'regional') return;
    const settings = irsaSettings(resource);
    if (settings.roleArn === undefined || settings.stsRegionalEndpoints.parsed !== false) return;
    context.report({
      path: annotationPath(webhook.annotations.stsRegionalEndpoints),
      messageId: 'disabled',
      data: { value: String(settings.stsRegionalEndpoints.value) },
      level: levelForRegion('warning', context.profile),
    });
  },
};
