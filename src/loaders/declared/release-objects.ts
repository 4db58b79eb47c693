import { webhook } from '../../facts.js';
import { isRecord } from '../../values.js';
import type { DeclaredObject, HelmReleaseSpec, LocatedValues } from '../../model/declared.js';
import type { DocumentLocator, LocateOptions, PathSegment, SourcePosition } from '../../model/resource.js';

/** The annotations that make a mapping of values a ServiceAccount's annotations. */
const irsaAnnotations = [webhook.annotations.roleArn, webhook.annotations.stsRegionalEndpoints];

/** The value at a path of a values tree, or undefined. */
function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let node = value;
  for (const segment of path) {
    if (typeof segment === 'number' ? !Array.isArray(node) : !isRecord(node)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** Paths of every mapping in a values tree that holds an IRSA annotation: a ServiceAccount's annotations. */
function annotationMaps(value: unknown, path: PathSegment[] = [], found: PathSegment[][] = []): PathSegment[][] {
  if (Array.isArray(value)) value.forEach((item, index) => annotationMaps(item, [...path, index], found));
  else if (isRecord(value)) {
    if (irsaAnnotations.some((key) => Object.hasOwn(value, key))) found.push(path);
    for (const [key, child] of Object.entries(value)) annotationMaps(child, [...path, key], found);
  }
  return found;
}

/**
 * A locator for an object a release makes: each path in the object is mapped to a path in the
 * values layer that set it last, and located there. A path no layer sets points at the release's
 * declaration.
 */
class ReleaseLocator implements DocumentLocator {
  constructor(
    private readonly spec: HelmReleaseSpec,
    private readonly layers: readonly LocatedValues[],
    private readonly valuesPath: (objectPath: readonly PathSegment[]) => readonly PathSegment[] | undefined,
    private readonly declaration: DocumentLocator | undefined,
  ) {}

  get path(): string {
    return this.spec.file;
  }

  locate(objectPath: readonly PathSegment[], options?: LocateOptions): SourcePosition {
    const target = this.valuesPath(objectPath);
    if (target) {
      for (let index = this.layers.length - 1; index >= 0; index--) {
        const layer = this.layers[index]!;
        // The nearest path the layer sets: a layer that sets the parent mapping sets the key too.
        for (let length = target.length; length > 0; length--) {
          if (valueAt(layer.value, target.slice(0, length)) === undefined) continue;
          if (length < target.length && index > 0) break;
          const position = layer.locator.locate(target.slice(0, length), length === target.length ? options : undefined);
          return layer.locator.path === this.spec.file ? position : { ...position, file: layer.locator.path };
        }
      }
    }
    if (this.declaration) return this.declaration.locate([]);
    return { startLine: this.spec.line, startColumn: 1, endLine: this.spec.line, endColumn: 1, lineText: '' };
  }
}

/**
 * The ServiceAccounts a Helm release makes, read by convention: every mapping of its values that
 * holds an IRSA annotation is a ServiceAccount's annotations, named by the `name` beside it
 * (`serviceAccount.name`), else after the release.
 */
export function releaseObjects(spec: HelmReleaseSpec, declaration?: DocumentLocator): DeclaredObject[] {
  const paths = new Map<string, PathSegment[]>();
  for (const layer of spec.values) for (const path of annotationMaps(layer.value)) paths.set(JSON.stringify(path), path);
  const objects: DeclaredObject[] = [];
  for (const annotationsPath of paths.values()) {
    const annotations: Record<string, unknown> = {};
    for (const layer of spec.values) {
      const map = valueAt(layer.value, annotationsPath);
      if (isRecord(map)) Object.assign(annotations, map);
    }
    const namePath = [...annotationsPath.slice(0, -1), 'name'];
    const named = spec.values.map((layer) => valueAt(layer.value, namePath)).filter((value) => typeof value === 'string' && value !== '').at(-1) as string | undefined;
    const name = named ?? spec.releaseName ?? spec.chart.name ?? 'default';
    const metadata: Record<string, unknown> = { name, annotations };
    if (spec.namespace !== undefined) metadata.namespace = spec.namespace;
    const valuesPath = (objectPath: readonly PathSegment[]): readonly PathSegment[] | undefined => {
      if (objectPath[0] !== 'metadata') return undefined;
      if (objectPath[1] === 'annotations') return [...annotationsPath, ...objectPath.slice(2)];
      if (objectPath[1] === 'name' && named !== undefined) return namePath;
      return objectPath.length === 1 ? annotationsPath : undefined;
    };
    objects.push({
      kind: spec.kind,
      identity: { apiVersion: 'v1', kind: 'ServiceAccount', name, ...(spec.namespace !== undefined ? { namespace: spec.namespace } : {}) },
      data: { apiVersion: 'v1', kind: 'ServiceAccount', metadata },
      locator: new ReleaseLocator(spec, spec.values, valuesPath, declaration),
      declaredBy: spec.declaredBy,
    });
  }
  return objects;
}
