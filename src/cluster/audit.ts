import { readCluster, resourceTypes, type ClusterObjects, type ReadFailure, type ResourceType } from './read-cluster.js';
import { clusterTargets } from './kubeconfig.js';
import { slimObject } from './slim.js';
import { RenderedObject } from './rendered-object.js';
import { buildReport } from '../engine/build-report.js';
import { addLineHashes } from '../engine/findings.js';
import { RuleRunner } from '../engine/run-rules.js';
import { planRules, type RulePlan, type RuleSelection } from '../engine/rule-plan.js';
import { applyBaseline, applyConfigSuppressions, type SuppressionSettings } from '../engine/suppressions.js';
import { kubernetesMinor } from '../profiles/eks-versions.js';
import { makeProfile } from '../profiles/resolve-profiles.js';
import { recordAt } from '../values.js';
import type { ClusterProfile, Resource } from '../model/resource.js';
import type { InputError, Report } from '../engine/report.js';

/** Options of {@link audit}. */
export interface AuditOptions extends RuleSelection {
  kubeconfig?: string;
  /** How messages name `kubeconfig`: default `the kubeconfig <path>`. */
  kubeconfigName?: string;
  contexts: readonly string[];
  namespaces: readonly string[];
  requestTimeoutMs: number;
  platformVersion?: string;
  region?: string;
  suppressions?: SuppressionSettings;
  pageSize?: number;
  /** Give each finding GitHub's line hash of its line in the object's YAML (for SARIF). */
  lineHashes?: boolean;
  progress?: (cluster: string, resource: string, count: number) => void;
}

/** An audited object with findings, as YAML at the path the report names it by: what `--dump-objects` writes. */
export type AuditedObject = Pick<RenderedObject, 'path' | 'text'>;

/** A live object: the rules read its data, and its findings point into its YAML rendering. */
type LiveResource = Resource & { readonly rendering: RenderedObject };

const regionLabels = ['topology.kubernetes.io/region', 'failure-domain.beta.kubernetes.io/region'];

/** The region of a cluster's nodes, when they all agree: labels first, then EC2 node names. */
function nodeRegion(nodes: readonly Record<string, unknown>[]): string | null {
  const regions = new Set<string>();
  for (const node of nodes) {
    const metadata = recordAt(node, 'metadata');
    const labels = recordAt(metadata, 'labels');
    const label = regionLabels.map((key) => labels[key]).find((value): value is string => typeof value === 'string');
    const name = String(metadata.name ?? '');
    const fromName = /\.ec2\.internal$/.test(name) ? 'us-east-1' : /\.([a-z]{2}(?:-[a-z]+)+-\d+)\.compute\.internal$/.exec(name)?.[1];
    const region = label ?? fromName;
    if (region) regions.add(region);
  }
  return regions.size === 1 ? [...regions][0]! : null;
}

/** A listed object as the rules see it. */
function asResource(resourceType: ResourceType, item: Record<string, unknown>, profile: ClusterProfile): LiveResource {
  const metadata = recordAt(item, 'metadata');
  const identity = {
    apiVersion: resourceType.apiVersion,
    kind: resourceType.kind,
    name: String(metadata.name ?? ''),
    ...(typeof metadata.namespace === 'string' ? { namespace: metadata.namespace } : {}),
  };
  const data = { apiVersion: resourceType.apiVersion, kind: resourceType.kind, ...item };
  return { identity, data, profile, rendering: new RenderedObject({ ...identity, cluster: profile.name }, data) };
}

/** What a resource type being unreadable leaves unchecked. */
function uncheckedBy(failure: ReadFailure, plan: RulePlan): string {
  const kind = resourceTypes.find((type) => type.resource === failure.resource)?.kind ?? failure.resource;
  const rules = (plan.objectRules.get(kind) ?? []).map(({ rule }) => rule.id);
  return rules.length > 0 ? `; left unchecked: ${rules.join(', ')}` : '';
}

/**
 * Audits live clusters, concurrently: reads each one's version and objects, runs every rule on
 * them, and reports. A resource type that cannot be read makes the audit incomplete, not failed.
 */
export async function audit(options: AuditOptions): Promise<{ report: Report; audited: AuditedObject[] }> {
  const targets = clusterTargets({ ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}), ...(options.kubeconfigName ? { kubeconfigName: options.kubeconfigName } : {}), contexts: options.contexts });
  const plan = planRules(options);
  const suppressions = options.suppressions ?? {};
  const runner = new RuleRunner(plan, suppressions);

  const profiles: ClusterProfile[] = [];
  const errors: InputError[] = [];
  const audited: RenderedObject[] = [];
  let objects = 0;
  /** Checks one object; keeps it for --dump-objects when it has, or may yet have, findings. */
  const check = (resource: LiveResource): void => {
    objects++;
    if (runner.check(resource)) audited.push(resource.rendering);
  };

  const read = await Promise.all(
    targets.map(async (target) => {
      // The profile needs the version and the nodes; ServiceAccounts and owners must be known
      // before pods are checked. All are read before pods, which are then checked page by page.
      let profile: ClusterProfile | undefined;
      const seenPods = new Set<unknown>();
      const prepare = (read: Pick<ClusterObjects, 'version' | 'objects'>): ClusterProfile => {
        if (profile) return profile;
        const minor = kubernetesMinor(read.version.gitVersion);
        const nodes = read.objects.filter(({ resourceType }) => resourceType.kind === 'Node').map(({ item }) => item);
        profile = makeProfile(
          target.name,
          'api',
          minor === undefined ? null : `1.${minor}`,
          options.platformVersion ?? null,
          options.region ?? nodeRegion(nodes),
          minor === undefined ? [`the API server's version ${read.version.gitVersion} is not a Kubernetes version`] : [],
        );
        const resources = read.objects.map(({ resourceType, item }) => asResource(resourceType, item, profile!));
        runner.addServiceAccounts(resources);
        runner.addOwners(resources);
        for (const resource of resources) check(resource);
        return profile;
      };
      const podType = resourceTypes.find((type) => type.kind === 'Pod')!;
      const cluster = await readCluster(
        target.kubeConfig,
        {
          namespaces: options.namespaces,
          requestTimeoutMs: options.requestTimeoutMs,
          ...(options.pageSize ? { pageSize: options.pageSize } : {}),
          ...(options.progress ? { progress: (resource, count) => options.progress!(target.name, resource, count) } : {}),
          onPods: (page, before) => {
            const podProfile = prepare(before);
            for (const item of page) {
              // A list that restarted hands pods over again: each is checked once.
              const uid = recordAt(item, 'metadata').uid;
              if (uid !== undefined && seenPods.has(uid)) continue;
              seenPods.add(uid);
              check(asResource(podType, item, podProfile));
            }
          },
        },
        slimObject,
      );
      return { target, profile: prepare(cluster), failures: cluster.failures };
    }),
  );
  for (const { target, profile, failures } of read) {
    profiles.push(profile);
    for (const failure of failures) {
      errors.push({ path: `cluster ${target.name}: ${failure.resource}`, message: `cannot list ${failure.resource}: ${failure.message}${uncheckedBy(failure, plan)}` });
    }
  }
  const { findings: checked, errors: ruleErrors } = runner.finish();
  const findings = [...checked, ...applyConfigSuppressions(checked, suppressions, plan)];
  const baseline = suppressions.baseline ? applyBaseline(findings, suppressions.baseline) : undefined;
  const withFindings = new Set(findings.map((finding) => finding.renderedLocation?.path));
  const rendered = audited.filter((object) => withFindings.has(object.path));
  if (options.lineHashes) addLineHashes(findings, rendered, 'renderedLocation');
  const report = buildReport(
    profiles.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    findings,
    { files: 0, documents: 0, objects, skipped: [], errors: [...errors, ...ruleErrors] },
    baseline,
  );
  return { report, audited: rendered };
}
