import path from 'node:path';
import { LineIndex } from '../line-index.js';
import { irsaAnnotations, judgedEnv, type ChartKnowledge, type ChartServiceAccount } from './chart-knowledge.js';
import { actionPattern, controlAction } from './template-yaml.js';
import type { RepositoryView } from '../../model/declared.js';

/** A condition on one value, as Go's `if` reads it: the value is true (or false). */
interface Guard {
  readonly path: string;
  readonly truthy: boolean;
}

/** What `.` stands for: the root (undefined), a value path (a string), or something not followed (null). */
type Dot = string | null | undefined;

/** An open `if`, `with`, `range` or `define`, and the branch being read. */
interface Frame {
  readonly keyword: string;
  /** The guards of the branch being read; undefined when its condition is not followed. */
  readonly branch: readonly Guard[] | undefined;
  /** Guards the branch needs, even when the whole of its condition is not followed (`and .Values.a.create (eq ...)`). */
  readonly needs: readonly Guard[];
  /** The guards of the branches before it, whose negation an `else` adds. */
  readonly earlier: ReadonlyArray<readonly Guard[] | undefined>;
  readonly dot: Dot;
  /** Where a `define` starts, and its name. */
  readonly define?: { name: string; start: number };
}

/** A template variable (`$fullName := include "app.fullname" .`): the values it holds, and the helper it calls. */
interface Variable {
  readonly refs: readonly string[];
  readonly helper?: string;
}

interface Action {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly body: string;
  readonly control: boolean;
}

/** Kinds whose pod template runs containers with env. */
const workloadKinds = /^(?:Deployment|DaemonSet|StatefulSet|Job|CronJob|ReplicaSet|Pod|Rollout)$/;

/** Functions that render a whole value into the text: a map of annotations or a list of env entries. */
const renders = /\b(?:toYaml|tpl|include|template|toJson)\b/;

/** A helper that is Helm's usual fullname of the chart (`app.fullname`). */
const fullnameHelper = /^[^.]+\.fullname$/;

const stringLiteral = /^"((?:[^"\\]|\\.)*)"$|^`([^`]*)`$/;

/** The text of a Go string literal, or undefined. */
function literalText(token: string): string | undefined {
  const match = stringLiteral.exec(token);
  return match === null ? undefined : (match[1] ?? match[2])!.replace(/\\(.)/g, '$1');
}

/** Splits an expression into its arguments at the top level: parentheses, strings and pipes kept whole. */
function splitArguments(expression: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let current = '';
  for (let at = 0; at < expression.length; at++) {
    const char = expression[at]!;
    if (char === '"' || char === '`') {
      const close = char === '"' ? /"(?:[^"\\]|\\.)*"/y : /`[^`]*`/y;
      close.lastIndex = at;
      const quoted = close.exec(expression)?.[0] ?? expression.slice(at);
      current += quoted;
      at += quoted.length - 1;
      continue;
    }
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (depth === 0 && /\s/.test(char)) {
      if (current !== '') args.push(current);
      current = '';
    } else current += char;
  }
  if (current !== '') args.push(current);
  return args;
}

/** An expression without the parentheses around the whole of it. */
function unwrapped(expression: string): string {
  let text = expression.trim();
  while (text.startsWith('(') && text.endsWith(')') && splitArguments(text).length === 1) text = text.slice(1, -1).trim();
  return text;
}

/** What names resolve to where an expression is read: `.` and the template's variables. */
interface Scope {
  readonly dot: Dot;
  readonly variables: ReadonlyMap<string, Variable>;
}

/** The value paths one token names: `.Values.a.b`, `$.Values.a.b`, `.b` under `with .Values.a`, `$var.b`. */
function tokenRefs(token: string, scope: Scope): string[] {
  const values = /^\$?\.Values((?:\.[\w-]+)+)$/.exec(token);
  if (values) return [values[1]!.slice(1)];
  if (token === '.') return typeof scope.dot === 'string' ? [scope.dot] : [];
  const relative = /^\.([\w-]+(?:\.[\w-]+)*)$/.exec(token);
  if (relative && typeof scope.dot === 'string') return [`${scope.dot}.${relative[1]}`];
  const variable = /^\$(\w+)((?:\.[\w-]+)*)$/.exec(token);
  if (variable) return (scope.variables.get(variable[1]!)?.refs ?? []).map((ref) => `${ref}${variable[2]}`);
  return [];
}

/** Every value path an expression names, in order. */
function refsIn(expression: string, scope: Scope): string[] {
  const text = expression
    .replace(/"(?:[^"\\]|\\.)*"|`[^`]*`/g, ' ')
    // `(.Values.a).b`: the field of a parenthesised value.
    .replace(/\(\s*(\$?\.[\w.-]*)\s*\)(?=\.)/g, '$1');
  return text.split(/[\s(),|]+/).flatMap((token) => tokenRefs(token, scope));
}

/** The one value path an argument is, when it is nothing else. */
function singleRef(argument: string, scope: Scope): string | undefined {
  const text = unwrapped(argument);
  if (/[\s|]/.test(text)) return undefined;
  const refs = refsIn(text, scope);
  return refs.length === 1 ? refs[0] : undefined;
}

/** The guards of an `if` condition that is a value, `not` of one, or `and` of such; undefined otherwise. */
function guardsOf(expression: string, scope: Scope): readonly Guard[] | undefined {
  const args = splitArguments(unwrapped(expression));
  if (args[0] === 'not' && args.length === 2) {
    const inner = guardsOf(args[1]!, scope);
    return inner?.length === 1 ? [{ path: inner[0]!.path, truthy: !inner[0]!.truthy }] : undefined;
  }
  if (args[0] === 'and' && args.length > 2) {
    const parts = args.slice(1).map((argument) => guardsOf(argument, scope));
    return parts.every((part) => part !== undefined) ? parts.flat() : undefined;
  }
  if (args.length !== 1) return undefined;
  const ref = singleRef(args[0]!, scope);
  return ref === undefined ? undefined : [{ path: ref, truthy: true }];
}

/** The guards a condition needs whatever the parts of it that are not followed: the followed arguments of an `and`. */
function neededGuards(expression: string, scope: Scope): readonly Guard[] {
  const args = splitArguments(unwrapped(expression));
  if (args[0] === 'and') return args.slice(1).flatMap((argument) => neededGuards(argument, scope));
  return guardsOf(expression, scope) ?? [];
}

/** What an `else` adds: that every earlier branch was not taken, when each was one guard. */
function negated(earlier: ReadonlyArray<readonly Guard[] | undefined>): readonly Guard[] | undefined {
  if (earlier.some((branch) => branch === undefined || branch.length !== 1)) return undefined;
  return earlier.map((branch) => ({ path: branch![0]!.path, truthy: !branch![0]!.truthy }));
}

/** The guards of the frames from `depth` down; undefined when one is not followed. */
function guardsBelow(frames: readonly Frame[], depth: number): readonly Guard[] | undefined {
  const inner = frames.slice(depth);
  return inner.some((frame) => frame.branch === undefined) ? undefined : inner.flatMap((frame) => frame.branch!);
}

/** One template file, its actions, and what is open at each point of it. */
class Template {
  readonly lines: string[];
  readonly lineStarts: number[] = [0];
  private readonly index: LineIndex;
  readonly actions: Action[] = [];
  readonly variables = new Map<string, Variable>();
  /** The helpers it defines (`define "name"`), as ranges of its text. */
  readonly defines = new Map<string, { start: number; end: number }>();
  /** The frames open after each control action, by offset. */
  private readonly snapshots: Array<{ at: number; frames: readonly Frame[] }> = [{ at: 0, frames: [] }];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.index = new LineIndex(text);
    this.lines = text.split('\n');
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.lineStarts.push(at + 1);
    let frames: Frame[] = [];
    for (const match of text.matchAll(actionPattern)) {
      const body = (match[1] ?? '').trim();
      const action: Action = { start: match.index, end: match.index + match[0].length, line: this.lineOf(match.index), body, control: controlAction.test(body) };
      this.actions.push(action);
      if (!action.control || body.startsWith('/*')) continue;
      const top = frames.at(-1);
      const scope: Scope = { dot: top === undefined ? undefined : top.dot, variables: this.variables };
      const [keyword, ...rest] = body.split(/\s+/);
      const argument = rest.join(' ');
      if (keyword === 'if') frames = [...frames, { keyword, branch: guardsOf(argument, scope), needs: neededGuards(argument, scope), earlier: [], dot: scope.dot }];
      else if (keyword === 'with') {
        const ref = singleRef(argument, scope);
        const branch = ref === undefined ? undefined : [{ path: ref, truthy: true }];
        frames = [...frames, { keyword, branch, needs: branch ?? [], earlier: [], dot: ref ?? null }];
      } else if (keyword === 'range') frames = [...frames, { keyword, branch: [], needs: [], earlier: [], dot: null }];
      else if (keyword === 'define' || keyword === 'block') {
        frames = [...frames, { keyword, branch: [], needs: [], earlier: [], dot: undefined, define: { name: literalText(rest[0] ?? '') ?? '', start: action.end } }];
      } else if (keyword === 'else' && top !== undefined) {
        const earlier = [...top.earlier, top.branch];
        const [, kind, ...condition] = body.split(/\s+/);
        const own = kind === 'if' || kind === 'with' ? guardsOf(condition.join(' '), { dot: top.dot, variables: this.variables }) : [];
        const previous = negated(earlier);
        const branch = previous === undefined || own === undefined ? undefined : [...previous, ...own];
        frames = [...frames.slice(0, -1), { ...top, branch, needs: branch ?? [], earlier }];
      } else if (keyword === 'end' && top !== undefined) {
        if (top.define) this.defines.set(top.define.name, { start: top.define.start, end: action.start });
        frames = frames.slice(0, -1);
      } else {
        const assignment = /^\$(\w+)\s*:?=\s*([\s\S]*)$/.exec(body);
        if (assignment) {
          const helper = /\b(?:include|template)\s+"([^"]+)"/.exec(assignment[2]!)?.[1];
          this.variables.set(assignment[1]!, { refs: refsIn(assignment[2]!, scope), ...(helper !== undefined ? { helper } : {}) });
        }
      }
      this.snapshots.push({ at: action.end, frames });
    }
  }

  /** The 0-based line of an offset. */
  lineOf(offset: number): number {
    return this.index.position(offset).line - 1;
  }

  /** The frames open at an offset. */
  framesAt(offset: number): readonly Frame[] {
    let low = 0;
    let high = this.snapshots.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.snapshots[middle]!.at <= offset) low = middle;
      else high = middle - 1;
    }
    return this.snapshots[low]!.frames;
  }

  scopeAt(offset: number): Scope {
    return { dot: this.framesAt(offset).at(-1)?.dot, variables: this.variables };
  }

  /** A line's text with its actions taken out: what YAML reads literally. */
  literal(line: number): string {
    const start = this.lineStarts[line]!;
    const end = start + this.lines[line]!.length;
    let text = '';
    let at = start;
    for (const action of this.actionsBetween(start, end)) {
      text += this.text.slice(at, Math.max(at, action.start));
      at = Math.max(at, action.end);
    }
    return text + this.text.slice(Math.min(at, end), end);
  }

  /** The actions that start from `from` to before `to`, found by halving: templates read line by line ask for many. */
  actionsBetween(from: number, to: number): Action[] {
    let low = 0;
    let high = this.actions.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.actions[middle]!.start < from) low = middle + 1;
      else high = middle;
    }
    const found: Action[] = [];
    for (let index = low; index < this.actions.length && this.actions[index]!.start < to; index++) found.push(this.actions[index]!);
    return found;
  }

  /** The lines of a mapping key's value: below it, up to the next line that writes something at its indent or less. */
  blockEnd(keyLine: number, indent: number, last: number): number {
    for (let line = keyLine + 1; line < last; line++) {
      const literal = this.literal(line);
      if (literal.trim() !== '' && !literal.trim().startsWith('#') && literal.length - literal.trimStart().length <= indent) return line;
    }
    return last;
  }
}

/** Something in a chart's templates that could not be followed, and where. */
export interface UnfollowedTemplate {
  readonly path: string;
  readonly line: number;
  readonly reason: string;
}

/** What a chart's templates say of its accounts: the chart knowledge they make, and what they left unread. */
export interface TemplateKnowledge {
  /** Undefined when no ServiceAccount template takes its annotations from values. */
  readonly knowledge: ChartKnowledge | undefined;
  /** Whether any template of the chart runs containers: when none does, env in values is read by the convention. */
  readonly hasWorkloads: boolean;
  readonly unfollowed: readonly UnfollowedTemplate[];
}

/** An account as its template is read, with what identifies it to a workload that runs as it. */
interface LearnedAccount {
  account: ChartServiceAccount;
  /** How its `name:` is written (`value:a.b`, `helper:app.serviceAccountName`, `text:x`). */
  nameKey: string | undefined;
}

/** A name, resolved: the value that sets it, and the name the chart gives it otherwise. */
interface ResolvedName {
  readonly path?: string;
  readonly defaultName?: string;
  readonly key?: string;
  /** The helper that writes it is not among the scanned files. */
  readonly unknownHelper?: string;
}

/** Reads the templates of one chart folder. */
class ChartReader {
  readonly templates: Template[];
  readonly unfollowed: UnfollowedTemplate[] = [];

  constructor(
    readonly chart: string,
    folder: string,
    repository: RepositoryView,
  ) {
    const prefix = folder === '.' ? 'templates/' : `${folder}/templates/`;
    this.templates = repository.paths
      .filter((file) => file.startsWith(prefix) && /\.(?:ya?ml|tpl)$/.test(file))
      .map((file) => new Template(file, repository.text(file) ?? ''));
  }

  note(template: Template, line: number, reason: string): void {
    this.unfollowed.push({ path: template.file, line: line + 1, reason });
  }

  /** The body of a helper the chart defines, as a template and a range of it. */
  helper(name: string): { template: Template; start: number; end: number } | undefined {
    for (const template of this.templates) {
      const range = template.defines.get(name);
      if (range) return { template, ...range };
    }
    return undefined;
  }

  /** The name a fallback expression gives (`include "app.fullname" .`, `print (include ...) "-x"`, `"literal"`). */
  fallbackName(expression: string, scope: Scope): string | undefined {
    const text = unwrapped(expression);
    const literal = literalText(text);
    if (literal !== undefined) return literal;
    const args = splitArguments(text);
    if ((args[0] === 'include' || args[0] === 'template') && fullnameHelper.test(literalText(args[1] ?? '') ?? '')) return '{fullname}';
    const variable = /^\$(\w+)$/.exec(text);
    if (variable) return fullnameHelper.test(scope.variables.get(variable[1]!)?.helper ?? '') ? '{fullname}' : undefined;
    const parts = args.slice(1).map((part) => this.fallbackName(part, scope));
    if (parts.some((part) => part === undefined)) return undefined;
    if (args[0] === 'print') return parts.join('');
    if (args[0] === 'printf' && parts.length > 0) {
      let index = 1;
      return parts[0]!.replace(/%s/g, () => parts[index++] ?? '');
    }
    return undefined;
  }

  /** The name an expression gives: `.Values.x.name`, `default (fallback) .Values.x.name`, `.Values.x.name | default (fallback)`, a helper of those. */
  nameOf(expression: string, scope: Scope, template: Template, line: number, resolve = true): ResolvedName {
    const piped = /^([^|]+?)\s*\|\s*default\s+(.+)$/.exec(expression);
    const args = splitArguments(expression);
    const [value, fallback] = piped ? [piped[1]!, piped[2]!] : args[0] === 'default' && args.length === 3 ? [args[2]!, args[1]!] : [expression, undefined];
    const helper = /^(?:include|template)\s+"([^"]+)"/.exec(unwrapped(value))?.[1];
    if (helper !== undefined && !fullnameHelper.test(helper)) return { ...(resolve ? this.helperName(helper, template, line) : {}), key: `helper:${helper}` };
    const path = refsIn(value, scope)[0];
    const defaultName = fallback === undefined ? (helper !== undefined ? '{fullname}' : undefined) : this.fallbackName(fallback, scope);
    return { ...(path !== undefined ? { path, key: `value:${path}` } : {}), ...(defaultName !== undefined ? { defaultName } : {}) };
  }

  /** The name a helper gives (`app.serviceAccountName`): the first `default` it writes, or the one value it writes. */
  helperName(name: string, template: Template, line: number): ResolvedName {
    const helper = this.helper(name);
    if (!helper) return { unknownHelper: name };
    const actions = helper.template.actionsBetween(helper.start, helper.end).filter((action) => !action.control);
    const named = actions.find((action) => /\bdefault\b/.test(action.body)) ?? actions.find((action) => refsIn(action.body, helper.template.scopeAt(action.start)).length === 1);
    return named ? this.nameOf(named.body, helper.template.scopeAt(named.start), template, line) : {};
  }

  /**
   * The name a `name:` line writes: literal text, one expression, or text around the chart's full
   * name. Without `resolve`, only how it is written, to tie a workload to its account: no helper is looked up.
   */
  nameLine(template: Template, line: number, resolve = true): ResolvedName {
    const raw = /^(\s*[\w-]+:\s*)(.*?)\s*$/.exec(template.lines[line]!)!;
    const quoted = /^(["'])(.*)\1$/.exec(raw[2]!);
    const value = quoted ? quoted[2]! : raw[2]!;
    const start = template.lineStarts[line]! + raw[1]!.length + (quoted ? 1 : 0);
    const actions = template.actionsBetween(start, start + value.length);
    if (actions.length === 0) return { defaultName: value, key: `text:${value}` };
    if (actions.length === 1 && actions[0]!.start === start && actions[0]!.end === start + value.length) {
      return this.nameOf(actions[0]!.body, template.scopeAt(actions[0]!.start), template, line, resolve);
    }
    let name = '';
    let at = start;
    for (const action of actions) {
      name += template.text.slice(at, action.start);
      const part = /^\.Release\.Name$/.test(action.body) ? '{release}' : this.fallbackName(action.body, template.scopeAt(action.start));
      if (part === undefined) return {};
      name += part;
      at = action.end;
    }
    name += template.text.slice(at, start + value.length);
    return { defaultName: name, key: `text:${name}` };
  }

  /** The first line from `from` to `to` whose literal text matches, and the match. */
  find(template: Template, from: number, to: number, pattern: RegExp): { line: number; match: RegExpExecArray } | undefined {
    for (let line = from; line < to; line++) {
      const match = pattern.exec(template.literal(line));
      if (match) return { line, match };
    }
    return undefined;
  }

  /** A ServiceAccount document: where its annotations, name and `create` switch come from in the values. */
  serviceAccount(template: Template, from: number, to: number, kindLine: number): LearnedAccount | undefined {
    const metadata = this.find(template, from, to, /^metadata:\s*$/);
    if (!metadata) return undefined;
    const metadataEnd = this.find(template, metadata.line + 1, to, /^\S/)?.line ?? to;
    const annotations = this.find(template, metadata.line + 1, metadataEnd, /^(\s+)annotations:/);
    if (!annotations) return undefined;
    const indent = annotations.match[1]!.length;
    const blockStart = template.lineStarts[annotations.line]! + template.lines[annotations.line]!.indexOf('annotations:') + 'annotations:'.length;
    const end = template.blockEnd(annotations.line, indent, metadataEnd);
    const blockEnd = template.lineStarts[end] ?? template.text.length;
    const maps: string[] = [];
    let unread = false;
    for (const action of template.actionsBetween(blockStart, blockEnd)) {
      const alone = action.line === annotations.line || template.literal(action.line).trim() === '';
      const range = /^range\s+(?:\$\w+\s*,\s*\$\w+\s*:=\s*)?([\s\S]+)$/.exec(action.body);
      if (!alone || !(range || (!action.control && renders.test(action.body)))) continue;
      const refs = refsIn(range ? range[1]! : action.body, template.scopeAt(action.start));
      if (refs.length === 0) unread = true;
      maps.push(...refs);
    }
    const annotationDepth = template.framesAt(template.lineStarts[annotations.line]!).length;
    const annotationValues: Record<string, string> = {};
    for (let line = annotations.line + 1; line < end; line++) {
      const entry = /^\s*["']?([\w./-]+)["']?\s*:\s*(.*)$/.exec(template.literal(line));
      if (!entry || !irsaAnnotations.includes(entry[1]!)) continue;
      const valueStart = template.lineStarts[line]! + template.lines[line]!.indexOf(':') + 1;
      const actions = template.actionsBetween(valueStart, template.lineStarts[line]! + template.lines[line]!.length);
      const refs = actions.length === 1 && entry[2]!.replace(/["'\s]/g, '') === '' ? refsIn(actions[0]!.body, template.scopeAt(actions[0]!.start)) : [];
      if (refs.length !== 1) continue;
      const guards = guardsBelow(template.framesAt(template.lineStarts[line]!), annotationDepth)?.filter((guard) => guard.path !== refs[0]);
      const when = guards?.length === 1 && guards[0]!.truthy ? guards[0]!.path : undefined;
      if (guards === undefined || (guards.length > 0 && when === undefined)) {
        this.note(template, line, `\`${entry[1]}\` is written under a condition that is not followed: not read from values`);
        continue;
      }
      annotationValues[entry[1]!] = refs[0]!;
      if (when !== undefined) annotationValues.when = when;
    }
    const annotationsPath = maps.find((ref) => /serviceaccount/i.test(ref) && /annotation/i.test(ref.split('.').at(-1)!)) ?? maps.find((ref) => /annotation/i.test(ref.split('.').at(-1)!)) ?? maps[0];
    const fromValues = Object.keys(annotationValues).some((key) => key !== 'when');
    if (annotationsPath === undefined && !fromValues) {
      if (unread) this.note(template, annotations.line, 'the ServiceAccount annotations are written by template actions that are not followed: values files of this chart are read by the `helm create` convention');
      return undefined;
    }
    const kindFrames = template.framesAt(template.lineStarts[kindLine]!);
    const creates = kindFrames.flatMap((frame) => frame.needs).filter((guard) => guard.truthy && guard.path.endsWith('.create'));
    const anchor = (annotationsPath ?? Object.values(annotationValues)[0]!).split('.');
    const shared = (other: string): number => {
      const differs = other.split('.').findIndex((segment, index) => anchor[index] !== segment);
      return differs < 0 ? anchor.length : differs;
    };
    const create = creates.map((guard) => guard.path).sort((a, b) => shared(b) - shared(a))[0];
    if (create === undefined && kindFrames.some((frame) => frame.branch === undefined)) {
      this.note(template, kindLine, 'whether the ServiceAccount is made is decided by a condition that is not followed: it is taken as made');
    }
    const nameLine = this.find(template, metadata.line + 1, metadataEnd, /^\s+name:/);
    const written = nameLine ? this.nameLine(template, nameLine.line) : {};
    // A name helper not in the scan is taken to read the `name` beside the annotations, as `helm create` writes it.
    const beside = annotationsPath?.endsWith('.annotations') ? annotationsPath.replace(/annotations$/, 'name') : undefined;
    const name = written.unknownHelper !== undefined && beside !== undefined ? { ...written, path: beside } : written;
    if (written.unknownHelper !== undefined) {
      this.note(
        template,
        nameLine!.line,
        `the ServiceAccount's name comes from helper \`${written.unknownHelper}\`, which is not among the scanned files: it is taken as ${beside !== undefined ? `\`${beside}\`, else ` : ''}the release's full name`,
      );
    }
    const account: ChartServiceAccount = {
      annotations: annotationsPath ?? '',
      ...(name.path !== undefined ? { name: name.path } : {}),
      ...(create !== undefined ? { create } : {}),
      defaultName: name.defaultName ?? '{fullname}',
      ...(fromValues ? { annotationValues } : {}),
    };
    return { account, nameKey: name.key };
  }

  /** A workload document: the env its containers take from values, and the account it runs as. */
  workload(template: Template, from: number, to: number, kindLine: number): { nameKey: string | undefined; env: Pick<ChartServiceAccount, 'env' | 'envSwitches' | 'envValues'>; line: number } {
    const depth = template.framesAt(template.lineStarts[kindLine]!).length;
    const env: Array<{ path: string; form: 'list' | 'map' }> = [];
    const envSwitches: Array<NonNullable<ChartServiceAccount['envSwitches']>[number]> = [];
    const envValues: Array<NonNullable<ChartServiceAccount['envValues']>[number]> = [];
    for (let line = from; line < to; line++) {
      const key = /^(\s*)(?:-\s+)?env:/.exec(template.literal(line));
      if (!key) continue;
      const indent = template.lines[line]!.indexOf('env:');
      const end = template.blockEnd(line, indent, to);
      const blockStart = template.lineStarts[line]! + indent + 'env:'.length;
      for (const action of template.actionsBetween(blockStart, template.lineStarts[end] ?? template.text.length)) {
        if (action.line !== line && template.literal(action.line).trim() !== '') continue;
        const range = /^range\s+(\$\w+\s*,\s*\$\w+\s*:=\s*)?([\s\S]+)$/.exec(action.body);
        if (!range && (action.control || !renders.test(action.body))) continue;
        const form = range?.[1] !== undefined ? 'map' : 'list';
        for (const path of refsIn(range ? range[2]! : action.body, template.scopeAt(action.start))) if (!env.some((known) => known.path === path)) env.push({ path, form });
      }
      for (let entryLine = line + 1; entryLine < end; entryLine++) {
        const entry = /^(\s*)-\s+name:\s*["']?([\w-]+)["']?\s*$/.exec(template.literal(entryLine));
        if (!entry || !judgedEnv.has(entry[2]!)) continue;
        const valueLine = this.find(template, entryLine + 1, end, new RegExp(`^\\s{${entry[1]!.length + 1},}value:\\s*(.*)$`));
        if (!valueLine || this.find(template, entryLine + 1, valueLine.line, new RegExp(`^\\s{0,${entry[1]!.length}}-`))) continue;
        const guards = guardsBelow(template.framesAt(template.lineStarts[entryLine]!), depth);
        if (guards === undefined) {
          this.note(template, entryLine, `the \`${entry[2]}\` env entry is written under a condition that is not followed: not read from values`);
          continue;
        }
        const conditions = (list: readonly Guard[]) => ({
          ...(list.some((guard) => guard.truthy) ? { requires: list.filter((guard) => guard.truthy).map((guard) => guard.path) } : {}),
          ...(list.some((guard) => !guard.truthy) ? { unless: list.filter((guard) => !guard.truthy).map((guard) => guard.path) } : {}),
        });
        const valueStart = template.lineStarts[valueLine.line]! + template.lines[valueLine.line]!.indexOf('value:') + 'value:'.length;
        const actions = template.actionsBetween(valueStart, template.lineStarts[valueLine.line]! + template.lines[valueLine.line]!.length);
        if (actions.length > 0) {
          const refs = actions.length === 1 ? refsIn(actions[0]!.body, template.scopeAt(actions[0]!.start)) : [];
          if (refs.length === 1) envValues.push({ path: refs[0]!, name: entry[2]!, ...conditions(guards) });
          continue;
        }
        // A literal value under no condition is read where it is written, as any text of a template.
        const switchAt = guards.findLastIndex((guard) => guard.truthy);
        if (switchAt < 0) continue;
        const value = valueLine.match[1]!.trim().replace(/^(["'])(.*)\1$/, '$2');
        envSwitches.push({ path: guards[switchAt]!.path, name: entry[2]!, value, ...conditions(guards.filter((_, index) => index !== switchAt)) });
      }
    }
    const account = this.find(template, from, to, /^\s+serviceAccount(?:Name)?:/);
    const nameKey = account ? this.nameLine(template, account.line, false).key : undefined;
    return { nameKey, env: { ...(env.length > 0 ? { env } : {}), ...(envSwitches.length > 0 ? { envSwitches } : {}), ...(envValues.length > 0 ? { envValues } : {}) }, line: kindLine };
  }

  read(): TemplateKnowledge {
    const accounts: LearnedAccount[] = [];
    const workloads: Array<ReturnType<ChartReader['workload']> & { template: Template }> = [];
    let hasWorkloads = false;
    for (const template of this.templates) {
      if (template.file.endsWith('.tpl')) continue;
      const separators = template.lines.flatMap((_, line) => (/^---\s*$/.test(template.literal(line)) ? [line] : []));
      const bounds = [-1, ...separators, template.lines.length];
      for (let index = 0; index + 1 < bounds.length; index++) {
        const [from, to] = [bounds[index]! + 1, bounds[index + 1]!];
        const kind = this.find(template, from, to, /^kind:\s*["']?(\w+)/);
        if (!kind) continue;
        if (kind.match[1] === 'ServiceAccount') {
          const account = this.serviceAccount(template, from, to, kind.line);
          if (account) accounts.push(account);
        } else if (workloadKinds.test(kind.match[1]!)) {
          hasWorkloads = true;
          const workload = this.workload(template, from, to, kind.line);
          if (Object.keys(workload.env).length > 0) workloads.push({ ...workload, template });
        }
      }
    }
    for (const workload of workloads) {
      const runsAs = accounts.filter((account) => account.nameKey !== undefined && account.nameKey === workload.nameKey);
      const target = runsAs[0] ?? (accounts.length === 1 ? accounts[0] : undefined);
      if (!target) {
        if (accounts.length > 0) this.note(workload.template, workload.line, 'the container env of this workload is not tied to a ServiceAccount of the chart (its account name is not followed): not read from values');
        continue;
      }
      const { env = [], envSwitches = [], envValues = [] } = target.account;
      target.account = {
        ...target.account,
        env: [...env, ...(workload.env.env ?? [])],
        envSwitches: [...envSwitches, ...(workload.env.envSwitches ?? [])],
        envValues: [...envValues, ...(workload.env.envValues ?? [])],
      };
    }
    const knowledge = accounts.length === 0 ? undefined : { chart: this.chart, source: 'the chart templates in the repository', serviceAccounts: accounts.map((account) => account.account) };
    return { knowledge, hasWorkloads, unfollowed: this.unfollowed };
  }
}

/** What was read of each chart folder, per scan: a chart several releases install is read once. */
const read = new WeakMap<RepositoryView, Map<string, TemplateKnowledge>>();

/**
 * What the templates of a chart in the repository say of its IRSA ServiceAccounts, read without
 * rendering them: which values feed each ServiceAccount's annotations (`toYaml`, `tpl`, `with ...
 * toYaml .`, `range` over a map, an annotation written from one value), its name (a value, a
 * `default`, a `_helpers.tpl` helper of those) and its `create` switch (the `if` around it); and
 * which values feed the env of the containers that run as it (`toYaml` or `range` of a list or
 * map, an entry whose value is a value, an entry written under an `if` of a value). What is
 * written otherwise is listed in `unfollowed`.
 */
export function chartTemplateKnowledge(folder: string, chartName: string | undefined, repository: RepositoryView): TemplateKnowledge {
  const byFolder = read.get(repository) ?? new Map<string, TemplateKnowledge>();
  read.set(repository, byFolder);
  const known = byFolder.get(folder);
  if (known) return known;
  const learned = new ChartReader(chartName ?? path.posix.basename(folder), folder, repository).read();
  byFolder.set(folder, learned);
  return learned;
}
