import { webhook } from '../facts.js';
import { irsaSettings, skippedContainers } from '../model/irsa.js';
import { envPath, podOf } from '../model/workload.js';
import type { Rule } from './rule.js';

/** region-env-pair-incomplete: one region variable set, so the webhook injects neither. */
export const STS013: Rule = {
  id: 'STS013',
  check(resource, context) {
    const pod = podOf(resource);
    if (!pod) return;
    const serviceAccount = context.serviceAccountFor(resource, pod);
    if (!serviceAccount || irsaSettings(serviceAccount).roleArn === undefined) return;
    const skipped = skippedContainers(pod.templateMetadata);
    const { region, defaultRegion } = webhook.env;
    for (const container of pod.containers) {
      if (skipped.has(container.name)) continue;
      const regionVariables = container.env.filter((entry) => entry.name === region || entry.name === defaultRegion);
      const names = new Set(regionVariables.map((entry) => entry.name));
      const entry = regionVariables[0];
      if (names.size !== 1 || !entry) continue;
      context.report({
        path: envPath(container, entry, 'name'),
        messageId: entry.name === region ? 'onlyRegion' : 'onlyDefaultRegion',
        data: { container: container.name, name: entry.name, missing: entry.name === region ? defaultRegion : region },
      });
    }
  },
};
