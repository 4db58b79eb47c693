/**
 * How an object of a Helm release comes to exist, for messages: ``of Helm release `karpenter`
 * (chart `karpenter/karpenter`, values from Flux HelmRelease `flux-system/karpenter`)``. The chart
 * and the values stand in parentheses so that the sentence the label opens reads on to its verb
 * (``ServiceAccount karpenter/karpenter of Helm release `karpenter` (…) sets …``). `chartNote`
 * says how the chart is known when no declaration names it (``by the file's name``).
 */
export function releaseDeclaredBy(releaseName: string | undefined, chart: string | undefined, valuesFrom: string, chartNote?: string): string {
  const release = releaseName === undefined ? 'a Helm release' : `Helm release \`${releaseName}\``;
  const chartText = chart === undefined ? '' : `chart \`${chart}\`${chartNote === undefined ? '' : ` ${chartNote}`}, `;
  return `of ${release} (${chartText}values from ${valuesFrom})`;
}
