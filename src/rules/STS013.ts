import { webhook } from '../facts.js';
import { irsaSettings, skippedContainers } from '../model/irsa.js';
import { envPath, podOf, type EnvEntry } from '../model/workload.js';
import type { Rule } from './rule.js';

/** region-env-pair-incomplete: one region variable set, so the webhook injects neither. */
export const STS013: Rule = {
  id: 'STS013',
  check(resource, context) {
    const pod = podOf(resource);
    if (!pod) return;
    const { region, defaultRegion } = webhook.env;
    for (const container of pod.containers) {
      let regionEntry: EnvEntry | undefined;
      let defaultRegionEntry: EnvEntry | undefined;
      for (const entry of container.env) {
        if (entry.name === region) regionEntry ??= entry;
        else if (entry.name === defaultRegion) defaultRegionEntry ??= entry;
      }
      const entry = regionEntry && !defaultRegionEntry ? regionEntry : defaultRegionEntry && !regionEntry ? defaultRegionEntry : undefined;
      if (!entry || skippedContainers(pod.templateMetadata).has(container.name)) continue;
      // Looked up only here: a workload that needs no account need not wait for one.
      const serviceAccount = context.serviceAccountFor(resource, pod);
      if (!serviceAccount || irsaSettings(serviceAccount).roleArn === undefined) return;
      context.report({
        path: envPath(container, entry, 'name'),
        messageId: entry === regionEntry ? 'onlyRegion' : 'onlyDefaultRegion',
        data: { container: container.name, name: entry.name, missing: entry === regionEntry ? defaultRegion : region },
      });
    }
  },
};
