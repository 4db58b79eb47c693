import { isTestCode, languageOf, type Language } from '../../code/languages.js';
import { webhook } from '../../facts.js';
import { isManifestFile } from '../manifest-files.js';
import { isTerraformFile, terraformMarkers } from './terraform/terraform-files.js';
import type { DeclarationMarkers } from '../../model/declared.js';

// What makes a source or config file worth reading for a declaration reader
// (`DeclarationReader.markers`): kept apart from the readers, with nothing heavier than the
// languages table behind it, since the threads that screen files ahead of a scan load it too.
// Each reader names its own markers; a test checks that this list holds every reader's.

const { roleArn: roleArnKey } = webhook.annotations;

/** Texts one of which a values file holds for it to set anything the rules judge. */
export const valuesMarkers = ['eks.amazonaws.com/role-arn', 'eks.amazonaws.com/sts-regional-endpoints', 'AWS_STS_REGIONAL_ENDPOINTS'];

/** YAML, or a helmfile Go template of YAML (`*.yaml.gotmpl`). */
export const yamlPattern = /\.ya?ml(?:\.gotmpl)?$/;

/**
 * Whether a path is YAML's or a helmfile template's, as {@link yamlPattern} tells: each such path
 * ends in `l`, and most source files' do not, which tells them apart with no search of the path.
 */
export function isYamlPath(file: string): boolean {
  return file.charCodeAt(file.length - 1) === 0x6c && yamlPattern.test(file);
}

/** Helm values and helmfile files: read for their values or releases, whatever else they hold. */
export const helmMarkers: DeclarationMarkers = { paths: isYamlPath, texts: [...valuesMarkers, 'releases:'] };

/** The languages AWS CDK, cdk8s and Pulumi programs are written in. */
const programLanguages = new Set(['javascript', 'python', 'go', 'java', 'csharp', 'kotlin']);

/**
 * A file that may be an AWS CDK, cdk8s or Pulumi program, by its path: not test code.
 * @param language the file's, when the caller knows it (null: none).
 */
export function isProgram(path: string, language?: Language | null): boolean {
  // Manifests, most of a scan's files, are passed over by their ending alone.
  if (isManifestFile(path)) return false;
  const known = language === undefined ? languageOf(path) : (language ?? undefined);
  return known !== undefined && programLanguages.has(known.name) && !isTestCode(path);
}

/**
 * Texts one of which a program that makes a ServiceAccount holds (`addServiceAccount`,
 * `new ServiceAccount(`, `KubeServiceAccount`, `corev1.NewServiceAccount`, a literal
 * `kind: 'ServiceAccount'`, a Helm release's role annotation), and one of which names its
 * framework: every name the readers look for holds `cdk` or `pulumi`.
 */
export const programMarkers: DeclarationMarkers = { paths: isProgram, texts: ['ServiceAccount', 'add_service_account', roleArnKey], alongside: ['cdk', 'pulumi'] };

/** Terraform files that may declare a release, a ServiceAccount or a cluster. */
export const terraformFileMarkers: DeclarationMarkers = { paths: isTerraformFile, texts: terraformMarkers };

/** Every declaration reader's markers, each once. */
export const declarationMarkers: readonly DeclarationMarkers[] = [helmMarkers, programMarkers, terraformFileMarkers];
