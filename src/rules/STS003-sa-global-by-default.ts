import { webhook } from '../facts.js';
import { annotationPath, irsaSettings, isServiceAccount } from '../model/irsa.js';
import type { Rule } from './rule.js';

/** sa-global-by-default: an IRSA ServiceAccount on a Global-default cluster that could opt in to Regional. */
export const STS003: Rule<'STS003'> = {
  id: 'STS003',
  check(resource, context) {
    if (!isServiceAccount(resource) || context.profile.defaultEndpoint !== 'global') return;
    const settings = irsaSettings(resource);
    if (settings.roleArn === undefined || settings.stsRegionalEndpoints.parsed !== undefined) return;
    context.report({ path: annotationPath(webhook.annotations.roleArn), target: 'key', messageId: 'globalByDefault' });
  },
};
