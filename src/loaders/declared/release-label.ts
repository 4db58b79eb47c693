/**
 * How an object of a Helm release comes to exist, for messages: ``of Helm release `karpenter`
 * (chart `karpenter/karpenter`), values from Flux HelmRelease `flux-system/karpenter` ``.
 */
export function releaseDeclaredBy(releaseName: string | undefined, chart: string | undefined, valuesFrom: string): string {
  const release = releaseName === undefined ? 'a Helm release' : `Helm release \`${releaseName}\``;
  return `of ${release}${chart === undefined ? '' : ` (chart \`${chart}\`)`}, values from ${valuesFrom}`;
}
