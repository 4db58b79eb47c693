import { isManifestFile } from '../discover-files.js';
import { parseYamlDocuments } from '../parse-manifests.js';
import { isEksctlConfig } from '../../profiles/resolve-profiles.js';
import { webhook } from '../../facts.js';
import { isRecord, listAt, recordAt } from '../../values.js';
import type { DeclarationReader, Declarations } from '../../model/declared.js';
import type { DocumentLocator, LocateOptions, PathSegment, SourcePosition } from '../../model/resource.js';

const roleArnKey = webhook.annotations.roleArn;

/**
 * The locator of a ServiceAccount an `iam.serviceAccounts[]` entry makes: its metadata is the
 * entry's; the role annotation, which eksctl writes, is the entry's `attachRoleARN` when given,
 * else the entry itself (the role eksctl creates has no line of its own).
 */
function entryLocator(config: DocumentLocator, entry: readonly PathSegment[], attachedRole: boolean): DocumentLocator {
  return {
    path: config.path,
    locate(objectPath, options?: LocateOptions): SourcePosition {
      if (objectPath[0] === 'metadata' && objectPath[1] === 'annotations' && objectPath[2] === roleArnKey) {
        return attachedRole ? config.locate([...entry, 'attachRoleARN'], options) : config.locate([...entry, 'metadata'], { target: 'key' });
      }
      if (objectPath[0] === 'metadata') return config.locate([...entry, ...objectPath], options);
      return config.locate([...entry, 'metadata'], { target: 'key' });
    },
  };
}

/**
 * eksctl `ClusterConfig` files: each `iam.serviceAccounts[]` entry is a ServiceAccount that eksctl
 * creates with the role annotation it writes itself, plus the entry's own `metadata.annotations`.
 * An entry with `roleOnly: true` makes only the role: its ServiceAccount is made elsewhere.
 */
export const eksctlReader: DeclarationReader = {
  kind: 'eksctl',
  needs: { paths: isManifestFile, texts: ['eksctl.io/'] },
  wants: (path, text) => isManifestFile(path) && text.includes('eksctl.io/') && text.includes('serviceAccounts'),
  read(files, _repository, into) {
    // A file that does not parse is reported by the manifest pass, which reads it too.
    for (const file of files) {
      const parsed = parseYamlDocuments(file.path, file.text);
      if (parsed.outcome !== 'parsed') continue;
      for (const { value, locator } of parsed.documents) readConfig(file.path, value, locator, into);
    }
  },
};

function readConfig(file: string, config: unknown, locator: DocumentLocator, into: Declarations): void {
  if (!isRecord(config) || typeof config.apiVersion !== 'string' || typeof config.kind !== 'string') return;
  if (!isEksctlConfig({ apiVersion: config.apiVersion, kind: config.kind, name: '' })) return;
  const clusterName = recordAt(config, 'metadata').name;
  const declaredBy = `in eksctl ClusterConfig \`${typeof clusterName === 'string' ? clusterName : file}\``;
  listAt(recordAt(config, 'iam'), 'serviceAccounts').forEach((entry, index) => {
    const entryPath = ['iam', 'serviceAccounts', index];
    const at = locator.locate(entryPath);
    const metadata = recordAt(entry, 'metadata');
    if (!isRecord(entry) || typeof metadata.name !== 'string' || metadata.name === '') {
      into.errors.push({ path: file, line: at.startLine, column: at.startColumn, message: 'an eksctl `iam.serviceAccounts` entry without `metadata.name`: eksctl refuses the config' });
      return;
    }
    const namespace = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : 'default';
    if (entry.roleOnly === true) {
      into.unanalysed.push({ path: file, line: at.startLine, kind: 'eksctl', reason: `ServiceAccount ${namespace}/${metadata.name}: \`roleOnly\` makes eksctl create only the role; the ServiceAccount and its annotations are made elsewhere` });
      return;
    }
    const attached = typeof entry.attachRoleARN === 'string' && entry.attachRoleARN !== '' ? entry.attachRoleARN : undefined;
    const role = typeof entry.roleName === 'string' && entry.roleName !== '' ? `the role \`${entry.roleName}\` that eksctl creates` : 'a role that eksctl creates and names';
    const roleArn = attached ?? `(${role})`;
    into.objects.push({
      kind: 'eksctl',
      identity: { apiVersion: 'v1', kind: 'ServiceAccount', namespace, name: metadata.name },
      data: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { ...metadata, namespace, annotations: { ...recordAt(metadata, 'annotations'), [roleArnKey]: roleArn } } },
      locator: entryLocator(locator, entryPath, attached !== undefined),
      declaredBy,
      ...(attached ? {} : { assumptions: [`its role is ${role}, and eksctl writes its ARN as the \`${roleArnKey}\` annotation`] }),
    });
  });
}
