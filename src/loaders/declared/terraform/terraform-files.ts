/** Markers of Terraform files worth reading: they declare releases, Kubernetes objects, clusters, or the variables those read. */
export const terraformMarkers = ['helm_release', 'kubernetes_', 'kubectl_manifest', 'eks.amazonaws.com/', 'aws_eks_cluster', 'cluster_version', 'locals {', 'variable "', 'module "'];

/** True for a file the Terraform reader reads: `.tf` and `.tfvars`. */
export function isTerraformFile(file: string): boolean {
  return file.endsWith('.tf') || file.endsWith('.tfvars');
}
