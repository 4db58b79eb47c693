import { webhook } from '../facts.js';
import { restartCommand } from '../model/restart.js';
import { runningPod } from '../model/running-pod.js';
import { envPath } from '../model/workload.js';
import type { Rule } from './rule.js';

const { roleArn, webIdentityTokenFile, containerCredentialsUri } = webhook.env;

/** stale-pod-missing-irsa: a running pod of an IRSA ServiceAccount has no IRSA credentials, or another role's. */
export const STS010: Rule<'STS010'> = {
  id: 'STS010',
  check(resource, context) {
    const running = runningPod(resource, context);
    if (!running) return;
    for (const { container, template, injection } of running.containers) {
      if (injection.skipped) continue;
      const names = new Set(container.env.map((entry) => entry.name));
      const data = { container: container.name, account: running.pod.serviceAccountName, role: running.account.roleArn, command: restartCommand(resource, running.owner) };
      if (!names.has(roleArn) && !names.has(webIdentityTokenFile) && !names.has(containerCredentialsUri)) {
        // The env the credentials are missing from (the container, without one).
        context.report({ path: [...container.path, 'env'], target: 'key', messageId: 'noCredentials', data });
        continue;
      }
      const role = container.env.find((entry) => entry.name === roleArn);
      const setByTemplate = template?.env.some((entry) => entry.name === roleArn);
      if (role && typeof role.value === 'string' && role.value !== running.account.roleArn && !setByTemplate) {
        context.report({ path: envPath(container, role, 'value'), messageId: 'otherRole', data: { ...data, podRole: role.value } });
      }
    }
  },
};
