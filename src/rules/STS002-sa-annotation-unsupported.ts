import { webhook } from '../facts.js';
import { annotationPath, irsaSettings, isServiceAccount } from '../model/irsa.js';
import type { Rule } from './rule.js';

/** sa-annotation-unsupported: the cluster has only the global endpoint, so the annotation does nothing. */
export const STS002: Rule<'STS002'> = {
  id: 'STS002',
  check(resource, context) {
    if (!isServiceAccount(resource) || context.profile.defaultEndpoint !== 'unsupported') return;
    if (!irsaSettings(resource).stsRegionalEndpoints.present) return;
    context.report({ path: annotationPath(webhook.annotations.stsRegionalEndpoints), target: 'key', messageId: 'unsupported' });
  },
};
