import { compareVersions, dependenciesOf, type Dependency } from '../code/dependencies.js';
import { readPackageJson } from '../package-files.js';
import type { FileRule } from './rule.js';

/** `data/sdk-defaults.json`: SDKs that default to the legacy (global) STS endpoint. */
interface SdkDefault {
  ecosystem: Dependency['ecosystem'];
  /** A package name; a trailing `*` matches any suffix. */
  name: string;
  label: string;
  /** The first version that defaults to regional; null when every version defaults to legacy. */
  legacyBefore: string | null;
}

const sdks = readPackageJson<{ sdks: SdkDefault[] }>('data', 'sdk-defaults.json').sdks;

function sdkOf(dependency: Dependency): SdkDefault | undefined {
  return sdks.find(
    (sdk) =>
      sdk.ecosystem === dependency.ecosystem &&
      (sdk.name.endsWith('*') ? dependency.name.startsWith(sdk.name.slice(0, -1)) : dependency.name === sdk.name),
  );
}

/** True when every version the dependency allows defaults to legacy. */
function pinsLegacy(dependency: Dependency, sdk: SdkDefault): boolean {
  if (sdk.legacyBefore === null) return true;
  if (dependency.highest === undefined) return false;
  const order = compareVersions(dependency.highest, sdk.legacyBefore);
  return order < 0 || (order === 0 && dependency.highestExcluded === true);
}

/** sdk-defaults-to-global: a dependency manifest pins an SDK whose default is the global endpoint. */
export const STS014: FileRule<'STS014'> = {
  id: 'STS014',
  checkFile(file, context) {
    for (const dependency of dependenciesOf(file.path, file.text)) {
      const sdk = sdkOf(dependency);
      if (!sdk || !pinsLegacy(dependency, sdk)) continue;
      context.report({
        index: dependency.index,
        length: dependency.length,
        messageId: sdk.legacyBefore === null ? 'everyVersion' : 'olderVersion',
        data: { sdk: sdk.label, dependency: dependency.name, spec: dependency.spec || 'any version', threshold: sdk.legacyBefore ?? '' },
      });
    }
  },
};
