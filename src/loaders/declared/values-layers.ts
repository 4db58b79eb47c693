import { LineIndex } from '../line-index.js';
import { parseYamlDocuments } from '../yaml-stream.js';
import { parseTemplateYaml } from './template-yaml.js';
import { isRecord } from '../../values.js';
import type { LocatedValues } from '../../model/declared.js';
import type { InputError } from '../../model/inputs.js';
import type { DocumentLocator, LocateOptions, PathSegment, SourcePosition } from '../../model/resource.js';

/** A values layer, or why the values could not be read (an input error at their position). */
export type LayerOutcome = { layer: LocatedValues } | { error: InputError };

/** Reads a YAML text as values: its first document, `{}` when it is empty. */
function readValues(path: string, text: string): { value: unknown; locator: DocumentLocator } | { message: string; line?: number; column?: number } {
  // Go-template actions (an ApplicationSet's `{{ .metadata.annotations.role }}`) stand for values
  // known only when it is rendered: read as text where they are written, not as YAML flow mappings.
  const parsed = text.includes('{{') ? parseTemplateYaml(path, text) : parseYamlDocuments(path, text);
  if (parsed.outcome === 'error') return parsed;
  const document = parsed.documents.find((candidate) => candidate.value !== null && candidate.value !== undefined);
  // Empty values set nothing: no path is ever located in them.
  if (!document) return { value: {}, locator: { path, locate: () => ({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1, lineText: '' }) } };
  return { value: document.value, locator: document.locator };
}

/** Reads a whole values file (`values-prod.yaml`) as a layer. */
export function valuesFileLayer(path: string, text: string, label: string): LayerOutcome {
  const read = readValues(path, text);
  if ('message' in read) return { error: { path, message: `${label}: ${read.message}`, ...lineAndColumn(read) } };
  if (!isRecord(read.value)) return { error: { path, message: `${label} is not a mapping of values` } };
  return { layer: { value: read.value, locator: read.locator, label } };
}

function lineAndColumn(at: { line?: number; column?: number }): { line?: number; column?: number } {
  return { ...(at.line !== undefined ? { line: at.line } : {}), ...(at.column !== undefined ? { column: at.column } : {}) };
}

/** How far positions inside a string are from the file's: added to its 1-based lines and columns. */
interface Shift {
  line: number;
  column: number;
}

/**
 * Where a YAML string's text is written as is in the file (a `|` block scalar, a one-line string
 * without escapes): the shift from positions in the string to positions in the file. Undefined
 * when the file writes it otherwise (folded, escaped, spread over quoted lines).
 */
function verbatimShift(lines: LineIndex, at: SourcePosition, value: string): Shift | undefined {
  const lead = /^\n*/.exec(value)![0].length;
  const body = value.slice(lead).trimEnd();
  if (at.startLine === at.endLine) {
    const raw = lines.lineText(at.startLine).slice(at.startColumn - 1, at.endColumn - 1);
    const quoted = raw.startsWith('"') || raw.startsWith("'");
    if ((quoted ? raw.slice(1, -1) : raw) !== body) return undefined;
    return { line: at.startLine - 1 - lead, column: at.startColumn - 1 + (quoted ? 1 : 0) };
  }
  const indent = at.startColumn - 1;
  const pieces: string[] = [];
  for (let line = at.startLine; line <= at.endLine; line++) {
    const text = lines.lineText(line);
    if (text.slice(0, indent).trim() !== '') return undefined;
    pieces.push(line === at.endLine ? text.slice(indent, at.endColumn - 1) : text.slice(indent));
  }
  return pieces.join('\n').trimEnd() === body ? { line: at.startLine - 1 - lead, column: indent } : undefined;
}

/** Positions inside a values string, as positions in the file that holds it. */
class EmbeddedLocator implements DocumentLocator {
  constructor(
    private readonly inner: DocumentLocator,
    private readonly lines: LineIndex,
    private readonly shift: Shift | undefined,
    /** The string itself, where every position points when its text is not written as is. */
    private readonly whole: SourcePosition,
    private readonly note: string,
  ) {}

  get path(): string {
    return this.inner.path;
  }

  locate(path: readonly PathSegment[], options?: LocateOptions): SourcePosition {
    if (!this.shift) return { ...this.whole, note: this.note };
    const position = this.inner.locate(path, options);
    const startLine = position.startLine + this.shift.line;
    return {
      startLine,
      startColumn: position.startColumn + this.shift.column,
      endLine: position.endLine + this.shift.line,
      endColumn: position.endColumn + this.shift.column,
      lineText: this.lines.lineText(startLine),
    };
  }
}

/**
 * Reads values written as a YAML string inside a YAML document (an Argo CD `helm.values`, a
 * ConfigMap's `values.yaml` key), located in the file that holds it: at their own line and column
 * where the string is written as is, else at the string, with `note` saying why.
 */
export function valuesStringLayer(
  file: { path: string; lines: LineIndex },
  locator: DocumentLocator,
  path: readonly PathSegment[],
  value: string,
  label: string,
  note = 'the values are not written as is (a folded or escaped string): pointing at the string that holds them',
): LayerOutcome {
  const whole = locator.locate(path);
  const shift = verbatimShift(file.lines, whole, value);
  const read = readValues(file.path, value);
  if ('message' in read) {
    // An error at the end of the string (an unclosed bracket) is shown at its last line.
    const inside = shift && read.line !== undefined && read.line + shift.line <= whole.endLine;
    const at = inside ? { line: read.line! + shift.line, column: (read.column ?? 1) + shift.column } : shift ? { line: whole.endLine, column: whole.endColumn } : { line: whole.startLine, column: whole.startColumn };
    return { error: { path: file.path, message: `${label}: ${read.message.replace(/ \(line \d+\)$/, '')}`, ...at } };
  }
  if (!isRecord(read.value)) return { error: { path: file.path, message: `${label} is not a mapping of values`, line: whole.startLine, column: whole.startColumn } };
  return { layer: { value: read.value, locator: new EmbeddedLocator(read.locator, file.lines, shift, whole, note), label } };
}

/** A file's lines, for locating strings written inside it. */
export function fileLines(path: string, text: string): { path: string; lines: LineIndex } {
  return { path, lines: new LineIndex(text) };
}
