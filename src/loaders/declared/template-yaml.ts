import { parseYamlDocuments, type YamlDocuments } from '../yaml-stream.js';
import { isRecord } from '../../values.js';

/**
 * Characters that stand in for the delimiters and YAML indicators of a template expression while
 * YAML reads it: Unicode noncharacters, which no real text holds, and which YAML still reads as
 * plain-scalar text. Each is one UTF-16 unit, as what it replaces, so offsets do not move.
 */
const stand = { '{': '\uFDD0', '}': '\uFDD1', ':': '\uFDD2', '#': '\uFDD3', '"': '\uFDD4', "'": '\uFDD5' } as const;
const restore = new Map<string, string>(Object.entries(stand).map(([real, standIn]) => [standIn, real]));
const standIns = /[\uFDD0-\uFDD5]/g;

/** Go template actions that output nothing: branches, loops, definitions, comments, variable assignments. */
export const controlAction = /^(?:if|else|end|range|with|define|block|break|continue)\b|^\/\*|^\$\w*\s*:?=/;

/** A Go template action in a text: `{{ … }}`, a `{{/* comment *\/}}` included, with its trim markers. */
export const actionPattern = /\{\{-?\s*(\/\*[\s\S]*?\*\/|(?:[^}"'`]|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|`[^`]*`|\}(?!\}))*?)\s*-?\}\}/g;

/** The indentation of a line, and whether it opens a value on the lines below (`key:` with nothing after it). */
function lineShape(line: string): { indent: number; opensValue: boolean; blank: boolean } {
  const indent = line.length - line.trimStart().length;
  const content = line.trim();
  return { indent, opensValue: /^(?:- )?[^\s#][^#]*:$/.test(content), blank: content === '' || content.startsWith('#') };
}

/**
 * The text of a Helm or helmfile template as YAML can read it, every offset where it was, so
 * that lines and columns found in it are those of the file. Actions that output nothing (`if`,
 * `range`, `with`, `end`, comments, `$x := …`) are blanked; an expression written inside a value
 * or key (`role/{{ .Values.name }}`, `name: {{ include "x" . }}`, `"https://{{ env "HOST" }}"`) stays
 * as text, whatever quotes, braces or colons it holds. Lines holding only an expression
 * (`{{- toYaml .Values.annotations | nindent 4 }}`, or one written over several lines) stay as the
 * value of the `key:` right above them when nothing else is written under that key, and are
 * blanked otherwise: what they render is not known until install time. {@link templateText} gives
 * the original text of a value read.
 */
export function maskTemplateActions(text: string): string {
  const masked: string[] = text.split('');
  /** Lines, 0-based, that hold only expressions that output something: the first line of each run, to its last. */
  const outputLines = new Map<number, number>();
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const lineOf = (offset: number): number => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const standIn = (from: number, to: number): void => {
    for (let at = from; at < to; at++) {
      const char = masked[at] as keyof typeof stand;
      if (Object.hasOwn(stand, char)) masked[at] = stand[char];
    }
  };
  const blank = (from: number, to: number): void => {
    for (let at = from; at < to; at++) if (masked[at] !== '\n' && masked[at] !== '\r') masked[at] = ' ';
  };
  const byLine = new Map<number, Array<{ start: number; end: number; control: boolean }>>();
  for (const match of text.matchAll(actionPattern)) {
    const line = lineOf(match.index);
    const onLine = byLine.get(line) ?? [];
    onLine.push({ start: match.index, end: match.index + match[0].length, control: controlAction.test(match[1] ?? '') });
    byLine.set(line, onLine);
  }
  for (const [line, actions] of byLine) {
    let outside = '';
    let at = lineStarts[line]!;
    for (const action of actions) {
      outside += text.slice(at, action.start);
      at = Math.max(at, action.end);
    }
    const lineEnd = text.indexOf('\n', at);
    outside += text.slice(at, lineEnd < 0 ? text.length : lineEnd);
    if (outside.trim() !== '') {
      // Written inside a key or value: a branch (`cpu: {{ if … }} "1" {{ else }} "2" {{ end }}`)
      // makes the whole of it unknown text; an expression alone is unknown text where it stands.
      if (actions.some((action) => action.control)) standIn(actions[0]!.start, actions.at(-1)!.end);
      else for (const action of actions) standIn(action.start, action.end);
      continue;
    }
    for (const action of actions) (action.control ? blank : standIn)(action.start, action.end);
    if (actions.some((action) => !action.control)) outputLines.set(line, lineOf(actions.at(-1)!.end));
  }
  const lines = masked.join('').split('\n');
  const shapes = lines.map(lineShape);
  const outputLine = new Set([...outputLines].flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, offset) => first + offset)));
  const inOutput = (index: number): boolean => outputLine.has(index);
  for (const [first, last] of [...outputLines].sort(([a], [b]) => a - b)) {
    const { indent } = shapes[first]!;
    const above = shapes.slice(0, first).findLastIndex((shape, index) => !shape.blank && !inOutput(index));
    const below = shapes.findIndex((shape, index) => index > last && !shape.blank && !inOutput(index));
    const opener = above >= 0 ? shapes[above]! : undefined;
    const keep = opener?.opensValue === true && opener.indent < indent && (below < 0 || shapes[below]!.indent <= opener.indent);
    if (keep) continue;
    for (let line = first; line <= last; line++) {
      lines[line] = lines[line]!.replace(/[^\r]/g, ' ');
      shapes[line] = { indent: 0, opensValue: false, blank: true };
    }
  }
  return lines.join('\n');
}

/** A string read from a masked template as it is written in the template. */
function templateString(text: string): string {
  return text.replace(standIns, (standIn) => restore.get(standIn)!);
}

/** A value read from a masked template, every key and string as written in the template. */
export function templateText(value: unknown): unknown {
  if (typeof value === 'string') return templateString(value);
  if (Array.isArray(value)) return value.map(templateText);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, child]) => [templateString(key), templateText(child)]));
  return value;
}

/**
 * Reads a Go template that renders YAML (a Helm chart template, a helmfile `*.yaml.gotmpl`
 * values file) without rendering it: what is written literally is read with its line and
 * column, an expression stands for an unknown but present value (a role ARN built from
 * `{{ .Values.accountId }}` is still a role), and what only rendering decides is left out (see
 * {@link maskTemplateActions}). Every branch of an `if` is read, the last one winning a key both
 * set. An error when even so it is not YAML.
 */
export function parseTemplateYaml(path: string, text: string): YamlDocuments {
  const parsed = parseYamlDocuments(path, text, maskTemplateActions(text));
  if (parsed.outcome === 'error') return parsed;
  return { outcome: 'parsed', documents: parsed.documents.map(({ value, locator }) => ({ value: templateText(value), locator })) };
}
