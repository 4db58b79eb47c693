import { dump, parseEvents } from 'js-yaml';
import { YamlLocator, YamlSource } from '../loaders/yaml-locator.js';
import { packEvents } from '../loaders/packed-events.js';
import type { DocumentLocator, LocateOptions, ObjectIdentity, PathSegment, SourcePosition } from '../model/resource.js';

/**
 * A live object as YAML: the text `--dump-objects` writes at the path SARIF names it by, and a
 * locator into that same text, so that a finding points at the offending field of what is
 * dumped. Rendered when first asked for: only objects with findings ever are.
 */
export class RenderedObject implements DocumentLocator {
  private rendered: { text: string; locator: YamlLocator } | undefined;

  constructor(
    private readonly object: ObjectIdentity & { cluster: string },
    private readonly data: Record<string, unknown>,
  ) {}

  get path(): string {
    return objectPath(this.object);
  }

  /** The file: a comment naming the object, then the object. */
  get text(): string {
    return this.render().text;
  }

  locate(path: readonly PathSegment[], options?: LocateOptions): SourcePosition {
    return this.render().locator.locate(path, options);
  }

  private render(): { text: string; locator: YamlLocator } {
    if (!this.rendered) {
      // Long strings stay on one line: folded over several, a value could not be pointed into.
      const text = `${objectHeader(this.object)}\n${dump(this.data, { noRefs: true, lineWidth: -1 })}`;
      const source = new YamlSource(this.path, text, packEvents(parseEvents(text, { filename: this.path })));
      this.rendered = { text, locator: new YamlLocator(source, source.documentRoot(0)) };
    }
    return this.rendered;
  }
}

/**
 * The stable path that names a live object where a file path is needed (SARIF, `--dump-objects`):
 * `k8s/<cluster>/<namespace or _cluster>/<Kind>/<name>.yaml`.
 */
export function objectPath(object: { cluster: string; namespace?: string; kind: string; name: string }): string {
  const part = (text: string): string => text.replace(/[/\\]/g, '_') || '_';
  return ['k8s', part(object.cluster), part(object.namespace ?? '_cluster'), part(object.kind), `${part(object.name)}.yaml`].join('/');
}

/** The first line of a live object's file at {@link objectPath}: a comment that names it. */
export function objectHeader(object: { cluster: string; namespace?: string; kind: string; name: string }): string {
  // A context name may hold anything: a line break would end the comment.
  return `# ${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name} in cluster ${object.cluster}`.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ');
}
