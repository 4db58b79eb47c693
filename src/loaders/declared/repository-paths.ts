import path from 'node:path';
import type { RepositoryView } from '../../model/declared.js';

/** A path relative to the scan root, POSIX and normalized, or undefined when it leaves the root. */
export function insideRoot(relative: string): string | undefined {
  const normalized = path.posix.normalize(relative.replace(/^\/+/, ''));
  return normalized === '..' || normalized.startsWith('../') ? undefined : normalized;
}

/** The folder a GitOps source names (an Argo CD `path`, a Flux chart path) when it holds a chart among the scanned files. */
export function chartFolder(folder: string, repository: RepositoryView): string | undefined {
  const normalized = insideRoot(folder);
  if (normalized === undefined) return undefined;
  return repository.text(normalized === '.' ? 'Chart.yaml' : `${normalized}/Chart.yaml`) === undefined ? undefined : normalized;
}
