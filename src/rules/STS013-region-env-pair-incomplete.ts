import { webhook } from '../facts.js';
import { irsaSettings } from '../model/irsa.js';
import { podShape, webhookInjection } from '../model/webhook-model.js';
import { authoredPod, envPath } from '../model/workload.js';
import type { Rule } from './rule.js';

const regionVariables = new Set([webhook.env.region, webhook.env.defaultRegion]);

/** region-env-pair-incomplete: one region variable set, so the webhook injects neither. */
export const STS013: Rule<'STS013'> = {
  id: 'STS013',
  check(resource, context) {
    const pod = authoredPod(resource);
    if (!pod) return;
    const candidates = pod.containers.filter((container) => container.env.filter((entry) => regionVariables.has(entry.name)).length > 0);
    if (candidates.length === 0) return;
    const serviceAccount = context.serviceAccountFor(resource, pod);
    const roleArn = serviceAccount ? irsaSettings(serviceAccount).roleArn : undefined;
    if (roleArn === undefined) return;
    // EKS's webhook always knows the cluster's region; what it is does not matter here.
    const injection = webhookInjection(podShape(pod), { roleArn }, { region: context.profile.region ?? 'cluster-region' });
    for (const container of candidates) {
      const injected = injection?.find((entry) => entry.init === container.init && entry.name === container.name);
      if (!injected || injected.skipped) continue;
      const own = container.env.filter((entry) => regionVariables.has(entry.name));
      const names = new Set(own.map((entry) => entry.name));
      // The container ends up with only the variable it set: the webhook adds neither of the pair.
      if (names.size !== 1 || injected.added.some((entry) => regionVariables.has(entry.name))) continue;
      const entry = own[0]!;
      const missing = entry.name === webhook.env.region ? webhook.env.defaultRegion : webhook.env.region;
      context.report({
        path: envPath(container, entry, 'name'),
        messageId: entry.name === webhook.env.region ? 'onlyRegion' : 'onlyDefaultRegion',
        data: { container: container.name, name: entry.name, missing },
      });
    }
  },
};
