import { isManifestFile } from './discover-files.js';
import { codeMarkers } from './code-screen.js';
import type { FileText as ReadFile } from './read-files.js';
import { chartTemplatePath, parseManifests, type ParsedObject } from './parse-manifests.js';
import { builtObjects, type OverlayBuild } from './kustomize.js';
import { NeededTexts, readDeclarations } from './declared/read-declarations.js';
import { declarationReaders } from './declared/readers.js';
import { declaredResources } from './declared/declared-resources.js';
import { isDependencyManifest, isTestCode, languageOf } from '../code/languages.js';
import { maskComments } from '../code/mask-comments.js';
import { ProfileResolver, isEksctlConfig, type ConfiguredCluster, type EksctlConfigFile, type ProfileFlags } from '../profiles/resolve-profiles.js';
import type { ManifestLimits } from './manifest-limits.js';
import type { InputError, SkippedInput } from '../model/inputs.js';
import type { ClusterProfile, ObjectIdentity } from '../model/resource.js';
import type { Inputs, Source, SourceItem, SourceNeeds } from '../model/source.js';
import type { Declarations, DeclaredCluster } from '../model/declared.js';

/** What sets the profiles of files besides the settings: eksctl ClusterConfigs and declared clusters. */
export interface ProfileInputs {
  eksctlConfigs: EksctlConfigFile[];
  clusters: DeclaredCluster[];
}

/** A text to scan, already in memory (stdin, tests). */
export interface SourceText {
  path: string;
  text: string;
  /** Read it as manifests whatever its name says (stdin has none). */
  manifest?: boolean;
  /** Whether it holds an STS text, when its bytes were searched as it was read. */
  screened?: boolean;
}

/** The config's `testCode`: test code's findings at note, or like other code's. */
export type TestCodePolicy = 'note' | 'code';

/** How files are read into the model, besides which files. */
export interface FileSourceSettings {
  /** The absolute scan root, where kustomizations were built; texts in memory are never built. */
  root?: string;
  flags?: ProfileFlags;
  clusters?: readonly ConfiguredCluster[];
  /** The config file's folder relative to the root: its cluster globs are relative to it. */
  configFolder?: string;
  /** Documents, nesting and alias expansion per manifest file; a file beyond them is an error. */
  manifestLimits?: Partial<ManifestLimits>;
  /**
   * How the code rules report test code (`isTestCode`): at `note`, never failing the run (the
   * default), or like other `code`.
   */
  testCode?: TestCodePolicy;
}

/**
 * The files: read from disk (`readFiles`, with what finding and reading them passed over or could
 * not read), and texts in memory.
 */
export interface FileInputs {
  files?: readonly ReadFile[];
  skipped?: readonly SkippedInput[];
  errors?: readonly InputError[];
  texts?: readonly SourceText[];
  /** The root kustomizations among the files, and their builds (`buildOverlays`). */
  overlays?: readonly OverlayBuild[];
}

/**
 * A file read: its text, or none when it holds nothing any rule looks for (screened out unread).
 * `plain`: its bytes were all line feeds and printable ASCII, known of a file read from disk
 * (`readFiles`) and never of a text given to a scan.
 */
type FileText = (SourceText & { plain?: boolean }) | { path: string; text?: undefined };

/** Text every eksctl ClusterConfig contains: such files are read first, as they set other files' profiles. */
const eksctlMarker = 'eksctl.io/';

/** Whether the run needs an object of this kind: a rule reads it, or it is a ServiceAccount, for the joins. */
function needed(needs: SourceNeeds, identity: ObjectIdentity): boolean {
  return needs.rulesByKind.has(identity.kind) || identity.kind === 'ServiceAccount';
}

/** Read as manifests: by its name, or whatever its name says (stdin). */
function isManifest(source: SourceText): boolean {
  return source.manifest === true || isManifestFile(source.path);
}

/** True for a JSON report or SARIF log this tool wrote, which quotes endpoints in its messages. */
function isOwnReport(source: SourceText): boolean {
  if (!source.path.endsWith('.json') || !source.text.includes('"sts-audit"')) return false;
  try {
    const value = JSON.parse(source.text) as { tool?: { name?: unknown }; runs?: Array<{ tool?: { driver?: { name?: unknown } } }> };
    return value.tool?.name === 'sts-audit' || value.runs?.[0]?.tool?.driver?.name === 'sts-audit';
  } catch {
    return false;
  }
}

/**
 * Files as a source: manifests become objects whose fields know their line and column; source and
 * config files, dependency manifests, and YAML or JSON that holds no Kubernetes object become
 * texts for the text rules. Files that may hold an eksctl ClusterConfig are parsed first, so that
 * every file's profile is known before its objects are checked; after that each file is parsed
 * and handed over in turn.
 */
export class FileSource implements Source<Iterable<SourceItem>> {
  private readonly files: readonly FileText[];
  private readonly readTexts: SourceText[] = [];
  /** Files whose objects are produced and checked apart ({@link leaveApart}). */
  private readonly apart = new Set<string>();
  private resolver: ProfileResolver | undefined;
  private earlyPass:
    | {
        earlyParsed: Array<{ file: FileText; objects: ParsedObject[]; asText: boolean }>;
        late: FileText[];
        eksctlConfigs: EksctlConfigFile[];
        declarations: Declarations;
        resolver: ProfileResolver;
      }
    | undefined;

  constructor(
    private readonly input: FileInputs,
    private readonly settings: FileSourceSettings,
  ) {
    this.files = [...(input.files ?? []), ...(input.texts ?? [])];
  }

  *read(needs: SourceNeeds, inputs: Inputs): Iterable<SourceItem> {
    const { earlyParsed, late, resolver, declarations } = this.early(needs, inputs);
    for (const { file, ...parsed } of earlyParsed) {
      const item = this.handOver(file, parsed, needs, resolver);
      if (item) yield item;
    }
    const declared = declaredResources(declarations, (file) => resolver.forPath(file));
    if (declared.length > 0) yield { objects: declared };
    const claimed = new Map<string, string | undefined>();
    if (this.settings.root !== undefined) yield* this.overlays(this.settings.root, claimed, needs, inputs, resolver);
    // Counted by index, and each file handed over without a generator of its own: most are
    // unread source files, each only counted, and a `for…of` loop or a generator a file made
    // garbage for each of them before V8's last compiler took this loop. A path is looked up only
    // in a map that holds something: a lookup hashes the path, even in an empty one.
    const { apart } = this;
    for (let index = 0; index < late.length; index++) {
      const file = late[index]!;
      if (claimed.size > 0 && claimed.has(file.path)) {
        const reason = claimed.get(file.path);
        if (reason === undefined) inputs.files++;
        else inputs.skipped.push({ path: file.path, reason });
        continue;
      }
      if (apart.size > 0 && apart.has(file.path)) continue;
      // A file left unread (most source files) is only counted, as parsing it would count it.
      if (file.text === undefined) {
        inputs.files++;
        continue;
      }
      const item = this.itemOf(file, needs, inputs, resolver);
      if (item) yield item;
    }
  }

  /**
   * The manifests the pass over each file would parse, in order: neither read first for eksctl
   * configs nor judged through a kustomization, so they may be read apart ({@link leaveApart}).
   */
  separableManifests(): SourceText[] {
    const claimed = new Set((this.input.overlays ?? []).flatMap(({ overlay, build }) => [...(build.outcome === 'built' ? overlay.tree.files : overlay.tree.patchFiles)]));
    return this.files.filter((file): file is SourceText => file.text !== undefined && isManifest(file) && !file.text.includes(eksctlMarker) && !claimed.has(file.path));
  }

  /**
   * Leaves files out of the pass over each file, to be read and checked apart (in worker threads,
   * {@link readEach}); their texts are still this source's.
   */
  leaveApart(files: readonly SourceText[]): void {
    for (const file of files) this.apart.add(file.path);
  }

  /**
   * The eksctl ClusterConfigs among the files and the clusters declarations declare, which set
   * other files' profiles: to hand to files read apart ({@link readEach}). Parses the files that
   * may hold a ClusterConfig and reads the declarations, once, for {@link read} too.
   */
  profileInputs(needs: SourceNeeds, inputs: Inputs): ProfileInputs {
    const { eksctlConfigs, declarations } = this.early(needs, inputs);
    return { eksctlConfigs, clusters: declarations.clusters };
  }

  /**
   * Each file's own objects, or its text, in order, with the profiles the given eksctl configs,
   * declared clusters and the settings choose: for files read apart from the rest of a scan (a worker thread), with
   * no eksctl pass and no kustomize builds of their own.
   */
  readEach(needs: SourceNeeds, inputs: Inputs, profileInputs: ProfileInputs): Iterable<SourceItem> {
    this.resolver = this.profileResolver(profileInputs.eksctlConfigs, profileInputs.clusters);
    this.readTexts.push(...this.files.filter((file): file is SourceText => file.text !== undefined));
    return this.eachFile(this.files, needs, inputs, this.resolver);
  }

  /** Each file's objects or text, as {@link itemOf} gives them. */
  private *eachFile(files: readonly FileText[], needs: SourceNeeds, inputs: Inputs, resolver: ProfileResolver): Iterable<SourceItem> {
    for (const file of files) {
      const item = this.itemOf(file, needs, inputs, resolver);
      if (item) yield item;
    }
  }

  /** A file's objects or text, as {@link handOver} hands them over: the one place a file's objects are produced. */
  private itemOf(file: FileText, needs: SourceNeeds, inputs: Inputs, resolver: ProfileResolver): SourceItem | undefined {
    return this.handOver(file, this.parse(file, needs, inputs), needs, resolver);
  }

  /** Files that may hold an eksctl ClusterConfig, parsed first; the profiles they set; the other files. */
  private early(needs: SourceNeeds, inputs: Inputs): NonNullable<FileSource['earlyPass']> {
    if (this.earlyPass) return this.earlyPass;
    const early: FileText[] = [];
    const late: FileText[] = [];
    const first = this.readTexts.length;
    const { files } = this;
    // Loops by index over every file found, most of them unread source files (see `read`).
    for (let index = 0; index < files.length; index++) {
      const file = files[index]!;
      if (file.text !== undefined) this.readTexts.push(file);
    }
    // The eksctl marker is looked for among the texts the declaration readers need, in the one
    // search of each text they make: most texts hold none of them.
    const needed = new NeededTexts(this.readTexts, declarationReaders, [eksctlMarker]);
    let textIndex = first;
    for (let index = 0; index < files.length; index++) {
      const file = files[index]!;
      const text = file.text;
      (text !== undefined && isManifest(file) && needed.holdsAny(textIndex) && text.includes(eksctlMarker) ? early : late).push(file);
      if (text !== undefined) textIndex++;
    }
    inputs.skipped.push(...(this.input.skipped ?? []));
    inputs.errors.push(...(this.input.errors ?? []));
    // Declarations (Helm releases, eksctl service accounts, Terraform resources) are read from
    // the texts first: the clusters they declare set other files' profiles.
    const declarations = readDeclarations(this.readTexts, declarationReaders, needed);
    inputs.errors.push(...declarations.errors);
    if (declarations.unanalysed.length > 0) (inputs.unanalysed ??= []).push(...declarations.unanalysed);
    const earlyParsed = early.map((file) => ({ file, ...this.parse(file, needs, inputs) }));
    const eksctlConfigs = earlyParsed
      .flatMap(({ objects }) => objects)
      .filter((object) => isEksctlConfig(object.identity))
      .map((object) => ({ identity: object.identity, data: object.data, path: object.locator.path }));
    this.resolver = this.profileResolver(eksctlConfigs, declarations.clusters);
    this.earlyPass = { earlyParsed, late, eksctlConfigs, declarations, resolver: this.resolver };
    return this.earlyPass;
  }

  private profileResolver(eksctlConfigs: readonly EksctlConfigFile[], clusters: readonly DeclaredCluster[]): ProfileResolver {
    return new ProfileResolver(this.settings.flags ?? {}, this.settings.clusters ?? [], eksctlConfigs, this.settings.configFolder, clusters);
  }

  /**
   * The objects each root kustomization builds, with the profile of its folder. The files a
   * built overlay includes are judged through it (`claimed` without a reason); when it cannot be
   * built, its files are judged one by one but for its patches, which are not objects (`claimed`
   * with the reason they are skipped).
   */
  private *overlays(root: string, claimed: Map<string, string | undefined>, needs: SourceNeeds, inputs: Inputs, resolver: ProfileResolver): Iterable<SourceItem> {
    for (const { overlay, build } of this.input.overlays ?? []) {
      if (build.outcome === 'no-kubectl') {
        inputs.skipped.push({ path: overlay.file, reason: 'kustomization not built: `kubectl` is not installed; its files are judged one by one' });
      } else if (build.outcome === 'failed') {
        inputs.errors.push({ path: overlay.file, message: build.message });
      }
      if (build.outcome !== 'built') {
        for (const patch of overlay.tree.patchFiles) if (!claimed.has(patch)) claimed.set(patch, `a kustomize patch, not an object: judged only through \`${overlay.file}\`, which was not built`);
        continue;
      }
      for (const file of overlay.tree.files) claimed.set(file, undefined);
      const { objects, documents, objectCount } = builtObjects(root, overlay, build, (identity) => needed(needs, identity));
      inputs.documents += documents;
      inputs.objects += objectCount;
      const profile = resolver.forPath(overlay.file);
      const builtBy = overlay.flux ? `in Flux Kustomization \`${overlay.flux.name}\`` : `in overlay \`${overlay.folder}\``;
      yield { objects: objects.map((object) => ({ identity: object.identity, data: object.data, document: object.locator, profile, builtBy })) };
    }
  }

  /** A parsed file's objects, or its text for the text rules. */
  private handOver(file: FileText, parsed: { objects: ParsedObject[]; asText: boolean }, needs: SourceNeeds, resolver: ProfileResolver): SourceItem | undefined {
    if (file.text === undefined || !parsed.asText) {
      // A file with no object to check (most source files, screened out unread) is no item at all.
      if (parsed.objects.length === 0) return undefined;
      return {
        objects: parsed.objects.map((object) => ({
          identity: object.identity,
          data: object.data,
          document: object.locator,
          profile: resolver.forPath(object.locator.path),
          ...(object.inputKind !== undefined ? { inputKind: object.inputKind } : {}),
        })),
      };
    }
    return needs.texts ? textItem(file, resolver, this.settings.testCode) : undefined;
  }

  profiles(): ClusterProfile[] {
    return this.resolver?.profilesUsed() ?? [];
  }

  texts(): Iterable<{ path: string; text: string }> {
    return this.readTexts;
  }

  /**
   * What a file holds: objects, or a text for the text rules (source and config files, and YAML
   * or JSON that holds no Kubernetes object). A file is counted once: as scanned, or as skipped.
   */
  private parse(file: FileText, needs: SourceNeeds, inputs: Inputs): { objects: ParsedObject[]; asText: boolean } {
    const source = file.text === undefined ? undefined : file;
    if (source && isOwnReport(source)) return skipped(inputs, file, 'an sts-audit report (a baseline, for example): its messages quote what it found');
    const parsed =
      source && isManifest(source)
      ? parseManifests(source.path, source.text, {
          json: file.path.endsWith('.json'),
          plain: file.text !== undefined && file.plain === true,
          keep: (identity) => needed(needs, identity) || isEksctlConfig(identity),
          ...(this.settings.manifestLimits ? { limits: this.settings.manifestLimits } : {}),
        })
      : undefined;
    if (parsed?.outcome === 'skipped' && parsed.template) {
      // Its literal STS texts (a global host, an endpoint setting) are still found at their line.
      inputs.files++;
      (inputs.unanalysed ??= []).push({ path: file.path, kind: chartTemplatePath.test(file.path) ? 'helm-chart' : 'helm-values', reason: `${parsed.reason}; only its text is read, for the hosts and endpoint settings written in it` });
      return { objects: [], asText: true };
    }
    // A template helper or Terraform template that a declaration read (a `templatefile()`, a chart's `_helpers.tpl`) was scanned through it.
    if (parsed?.outcome === 'skipped' && !parsed.notManifest && this.earlyPass?.declarations.read?.has(file.path)) {
      inputs.files++;
      return { objects: [], asText: false };
    }
    if (parsed?.outcome === 'skipped' && !parsed.notManifest) return skipped(inputs, file, parsed.reason);
    inputs.files++;
    if (!parsed || parsed.outcome === 'skipped') return source !== undefined ? onlyText : noObjects;
    if (parsed.outcome === 'error') {
      const { outcome: _, ...error } = parsed;
      inputs.errors.push({ path: file.path, ...error });
      return { objects: [], asText: false };
    }
    inputs.documents += parsed.documents;
    inputs.objects += parsed.objectCount;
    if (parsed.template !== undefined) (inputs.unanalysed ??= []).push({ path: file.path, kind: 'helm-chart', reason: parsed.template });
    return { objects: parsed.objects, asText: parsed.objectCount === 0 };
  }
}

/**
 * What parsing gives a file with no objects, made once and frozen: most files of a code scan are
 * unread, and each made a pair of objects to be collected.
 */
const noObjects = Object.freeze({ objects: Object.freeze([]) as readonly ParsedObject[] as ParsedObject[], asText: false });
const onlyText = Object.freeze({ objects: noObjects.objects, asText: true });

/** Records a file as skipped: it gives nothing. */
function skipped(inputs: Inputs, file: FileText, reason: string): typeof noObjects {
  inputs.skipped.push({ path: file.path, reason });
  return noObjects;
}

/** A source or config file for the text rules, when it holds an STS text or names dependencies. */
function textItem(source: SourceText, resolver: ProfileResolver, testCode: TestCodePolicy | undefined): SourceItem | undefined {
  const language = languageOf(source.path);
  const dependencies = isDependencyManifest(source.path);
  if (!language && !dependencies) return undefined;
  if (!dependencies && !(source.screened ?? codeMarkers.some((marker) => source.text.includes(marker)))) return undefined;
  let code: string | undefined;
  const text = {
    path: source.path,
    text: source.text,
    get code(): string {
      code ??= language ? maskComments(source.text, language) : source.text;
      return code;
    },
  };
  return { text, profile: () => resolver.forPath(source.path), testCode: testCode !== 'code' && isTestCode(source.path) };
}
