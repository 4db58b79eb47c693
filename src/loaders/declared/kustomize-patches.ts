import { isManifestFile } from '../discover-files.js';
import { isKustomization } from '../kustomize.js';
import { parseYamlDocuments } from '../parse-manifests.js';
import { fileLines, valuesStringLayer } from './values-layers.js';
import { webhook } from '../../facts.js';
import { isRecord, listAt, recordAt } from '../../values.js';
import type { DeclarationReader } from '../../model/declared.js';

/**
 * Kustomizations under a file name kustomize never builds (`kustomization-prod.yaml`): a
 * ServiceAccount written in one of their inline `patches[].patch` strings is read as written, at
 * its own lines, with the kustomization's `namespace`. The resources it would patch are not read
 * through it. A kustomization under its own name is built instead (`kustomize.ts`), its patches
 * applied to what they patch.
 */
export const kustomizePatchReader: DeclarationReader = {
  kind: 'kustomize',
  needs: { paths: isManifestFile, texts: ['kind: Kustomization'] },
  wants: (path, text) =>
    isManifestFile(path) && !isKustomization(path) && text.includes('kind: Kustomization') && text.includes('patch') && text.includes(webhook.annotations.roleArn),
  read(files, _repository, into) {
    for (const file of files) {
      const parsed = parseYamlDocuments(file.path, file.text);
      // A file that does not parse is reported by the manifest pass, which reads it too.
      if (parsed.outcome === 'error') continue;
      const lines = fileLines(file.path, file.text);
      for (const { value, locator } of parsed.documents) {
        if (!isRecord(value) || value.kind !== 'Kustomization' || typeof value.apiVersion !== 'string' || !value.apiVersion.startsWith('kustomize.config.k8s.io/')) continue;
        const namespace = typeof value.namespace === 'string' ? value.namespace : undefined;
        listAt(value, 'patches').forEach((patch, index) => {
          if (!isRecord(patch) || typeof patch.patch !== 'string') return;
          const label = `inline patch ${index + 1} of kustomization \`${file.path}\``;
          const read = valuesStringLayer(lines, locator, ['patches', index, 'patch'], patch.patch, label);
          if ('error' in read) {
            into.errors.push(read.error);
            return;
          }
          const object = read.layer.value as Record<string, unknown>;
          const metadata = recordAt(object, 'metadata');
          if (object.kind !== 'ServiceAccount' || typeof metadata.name !== 'string') return;
          const objectNamespace = namespace ?? (typeof metadata.namespace === 'string' ? metadata.namespace : undefined);
          into.objects.push({
            kind: 'kustomize',
            identity: { apiVersion: 'v1', kind: 'ServiceAccount', name: metadata.name, ...(objectNamespace !== undefined ? { namespace: objectNamespace } : {}) },
            data: { ...object, apiVersion: 'v1', metadata: { ...metadata, ...(objectNamespace !== undefined ? { namespace: objectNamespace } : {}) } },
            locator: read.layer.locator,
            declaredBy: `in ${label}`,
          });
          into.unanalysed.push({
            path: file.path,
            line: locator.locate(['patches', index, 'patch'], { target: 'key' }).startLine,
            kind: 'kustomize',
            reason: `${label}: kustomize never builds a kustomization under this file name, so its ServiceAccount patch is read as written, without the resource it patches`,
          });
        });
      }
    }
  },
};
