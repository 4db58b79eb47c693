import { webhook } from '../facts.js';
import { recordAt } from '../values.js';
import { authoredPod } from '../model/workload.js';
import type { PathSegment } from '../model/resource.js';
import type { Rule } from './rule.js';

const serviceAccountAnnotations = [webhook.annotations.stsRegionalEndpoints, webhook.annotations.roleArn];

/** endpoint-annotation-misplaced: a ServiceAccount annotation on a pod or workload, where the webhook never reads it. */
export const STS015: Rule<'STS015'> = {
  id: 'STS015',
  check(resource, context) {
    const pod = authoredPod(resource);
    if (!pod) return;
    const places: Array<[PathSegment[], Record<string, unknown>]> = [[['metadata'], recordAt(resource.data, 'metadata')]];
    if (resource.identity.kind !== 'Pod') places.push([pod.templateMetadataPath, pod.templateMetadata]);
    for (const [metadataPath, metadata] of places) {
      const annotations = recordAt(metadata, 'annotations');
      for (const key of serviceAccountAnnotations) {
        if (!Object.hasOwn(annotations, key)) continue;
        context.report({
          path: [...metadataPath, 'annotations', key],
          target: 'key',
          messageId: 'misplaced',
          data: { annotation: key, account: pod.serviceAccountName },
        });
      }
    }
  },
};
