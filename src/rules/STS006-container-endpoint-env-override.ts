import { endpoints, webhook } from '../facts.js';
import { injectedStsSetting, irsaSettings, isPlaceholder, skippedContainers } from '../model/irsa.js';
import { authoredPod, envPath } from '../model/workload.js';
import { levelForRegion } from '../profiles/region-case.js';
import type { Rule } from './rule.js';

const validValues = new Set(endpoints.sdkSettingValues);

/** container-endpoint-env-override: a container sets AWS_STS_REGIONAL_ENDPOINTS itself. */
export const STS006: Rule<'STS006'> = {
  id: 'STS006',
  check(resource, context) {
    const pod = authoredPod(resource);
    if (!pod) return;
    for (const container of pod.containers) {
      for (const entry of container.env) {
        // A value filled in later (`${x}`, `{{ .Values.x }}`) is not known: nothing to judge.
        if (entry.name !== webhook.env.stsRegionalEndpoints || !entry.hasValue || isPlaceholder(entry.value)) continue;
        const path = envPath(container, entry, 'value');
        const data = { container: container.name, value: JSON.stringify(entry.value) };
        if (typeof entry.value !== 'string' || !validValues.has(entry.value)) {
          context.report({ path, messageId: 'invalid', data });
        } else if (entry.value === endpoints.legacyValue) {
          context.report({ path, messageId: 'legacy', data, level: levelForRegion('warning', context.profile) });
        } else {
          const serviceAccount = context.serviceAccountFor(resource, pod);
          const settings = serviceAccount ? irsaSettings(serviceAccount) : undefined;
          if (settings?.roleArn === undefined || skippedContainers(pod.templateMetadata).has(container.name)) continue;
          if (injectedStsSetting(settings, context.profile) !== entry.value) {
            context.report({ path, messageId: 'differs', data: { ...data, account: pod.serviceAccountName } });
          }
        }
      }
    }
  },
};
