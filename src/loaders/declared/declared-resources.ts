import type { Declarations } from '../../model/declared.js';
import type { ClusterProfile, Resource } from '../../model/resource.js';

/**
 * The objects a scan's declarations make, as the rules read them: those declared directly, and
 * those each Helm release makes from its values (added by `readDeclarations`). Each is judged with its declaration's profile
 * when it names one, else with the profile of the file that declares it.
 */
export function declaredResources(declarations: Declarations, profileOf: (file: string) => ClusterProfile): Resource[] {
  return declarations.objects.map((object) => ({
    identity: object.identity,
    data: object.data,
    document: object.locator,
    profile: object.profile ?? profileOf(object.locator.path),
    builtBy: object.declaredBy,
    inputKind: object.kind,
    ...(object.assumptions && object.assumptions.length > 0 ? { assumptions: object.assumptions } : {}),
  }));
}
