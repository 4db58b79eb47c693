import { webhook } from '../../facts.js';
import { readPackageJson } from '../../package-files.js';

/** Values paths that must be true (`requires`) or false (`unless`), as Go's `if` reads them, for a template branch to render. */
export interface BranchConditions {
  readonly requires?: readonly string[];
  readonly unless?: readonly string[];
}

/** Where a chart reads one IRSA ServiceAccount from its values (`data/helm-charts.json`). */
export interface ChartServiceAccount {
  /** Dotted value paths; `annotations` is empty for a chart that writes each annotation from its own value (`annotationValues`) and no map. */
  readonly annotations: string;
  readonly name?: string;
  readonly create?: string;
  /** Whether the account is made when `create` is not set (true unless said). */
  readonly createdByDefault?: boolean;
  /** The name the chart gives it when `name` is not set: `{fullname}`, `{release}` stand for Helm's. */
  readonly defaultName: string;
  /** Container env of the workload that runs as it: a list of name/value, or a map of name to value. */
  readonly env?: ReadonlyArray<{ readonly path: string; readonly form: 'list' | 'map' }>;
  /** Values the chart turns into a container env entry of a fixed value when true, in a branch that renders only under its conditions. */
  readonly envSwitches?: ReadonlyArray<{ readonly path: string; readonly name: string; readonly value: string } & BranchConditions>;
  /** Container env entries whose value the chart takes from a value (`value: {{ .Values.sts.mode }}`), under their branch's conditions. */
  readonly envValues?: ReadonlyArray<{ readonly path: string; readonly name: string } & BranchConditions>;
  /** Annotations the chart writes from other values (`when` true, if given): annotation → value path. */
  readonly annotationValues?: Readonly<Record<string, string>>;
}

/** What the project knows of a chart's values, and where it read it. */
export interface ChartKnowledge {
  readonly chart: string;
  /** Told apart from another chart of the same name by its repository (`bitnami`). */
  readonly repositoryContains?: string;
  /** The chart's name as its helpers use it for `{fullname}`, when not `chart`. */
  readonly nameBase?: string;
  readonly source: string;
  readonly serviceAccounts: readonly ChartServiceAccount[];
}

/** The chart knowledge table (`data/helm-charts.json`). */
export const chartKnowledge = readPackageJson<{ charts: ChartKnowledge[] }>('data', 'helm-charts.json').charts;

/** The knowledge of the chart a release installs, if the project has it. */
export function knownChart(name: string | undefined, repository: string | undefined): ChartKnowledge | undefined {
  if (name === undefined) return undefined;
  return chartKnowledge.find((chart) => chart.chart === name && (chart.repositoryContains === undefined || (repository ?? '').includes(chart.repositoryContains)));
}

/** The env names a modeled workload carries: those the env rules (STS006, STS013) judge. Others are left to the text rules. */
export const judgedEnv = new Set([webhook.env.stsRegionalEndpoints, webhook.env.region, webhook.env.defaultRegion]);

/** The annotations that make a mapping of values a ServiceAccount's annotations. */
export const irsaAnnotations = [webhook.annotations.roleArn, webhook.annotations.stsRegionalEndpoints];
