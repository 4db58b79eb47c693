import { webhook } from '../facts.js';
import { annotationPath, irsaSettings, isServiceAccount } from '../model/irsa.js';
import type { Rule } from './rule.js';

/** sa-annotation-invalid-value: a value the webhook silently ignores, or one that is not a string. */
export const STS004: Rule<'STS004'> = {
  id: 'STS004',
  check(resource, context) {
    if (!isServiceAccount(resource)) return;
    const { present, value, parsed, unknown } = irsaSettings(resource).stsRegionalEndpoints;
    if (!present || parsed !== undefined || unknown) return;
    const path = annotationPath(webhook.annotations.stsRegionalEndpoints);
    if (typeof value !== 'string') {
      context.report({ path, messageId: 'notString', data: { value: String(value), type: value === null ? 'null' : typeof value } });
    } else {
      context.report({ path, messageId: 'invalid', data: { value: JSON.stringify(value) } });
    }
  },
};
