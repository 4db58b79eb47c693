import { webhook } from '../facts.js';
import { annotationPath, irsaSettings, isServiceAccount } from '../model/irsa.js';
import type { Rule } from './rule.js';

/** sa-annotation-without-role: the setting sits on an account the webhook never uses. */
export const STS005: Rule<'STS005'> = {
  id: 'STS005',
  check(resource, context) {
    if (!isServiceAccount(resource)) return;
    const settings = irsaSettings(resource);
    if (!settings.stsRegionalEndpoints.present || settings.roleArn !== undefined) return;
    context.report({ path: annotationPath(webhook.annotations.stsRegionalEndpoints), target: 'key', messageId: 'withoutRole' });
  },
};
