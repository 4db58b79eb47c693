import { webhook } from '../facts.js';
import { restartCommand } from '../model/restart.js';
import { runningPod } from '../model/running-pod.js';
import { envPath } from '../model/workload.js';
import type { Rule } from './rule.js';

const { stsRegionalEndpoints, roleArn, webIdentityTokenFile } = webhook.env;

/** stale-pod-endpoint-env: a running pod's AWS_STS_REGIONAL_ENDPOINTS is not what the webhook would inject today. */
export const STS009: Rule<'STS009'> = {
  id: 'STS009',
  check(resource, context) {
    const running = runningPod(resource, context);
    if (!running) return;
    for (const { container, template, injection } of running.containers) {
      if (injection.skipped || template?.env.some((entry) => entry.name === stsRegionalEndpoints)) continue;
      const names = new Set(container.env.map((entry) => entry.name));
      // A pod the webhook never mutated is STS010's: it lacks far more than this variable.
      if (!names.has(roleArn) && !names.has(webIdentityTokenFile)) continue;
      const expected = injection.added.find((entry) => entry.name === stsRegionalEndpoints)?.value;
      const entry = container.env.find((candidate) => candidate.name === stsRegionalEndpoints);
      const actual = typeof entry?.value === 'string' ? entry.value : undefined;
      if (expected === actual) continue;
      context.report({
        // The value the pod should not have, or the env it lacks it in (the container, without one).
        ...(entry ? { path: envPath(container, entry, 'value') } : { path: [...container.path, 'env'], target: 'key' as const }),
        messageId: expected === undefined ? 'unexpected' : 'missing',
        data: { container: container.name, account: running.pod.serviceAccountName, command: restartCommand(resource, running.owner) },
      });
    }
  },
};
