import { fingerprint } from './fingerprint.js';
import { lineHashes } from './line-hash.js';
import { interpolate, occurrencesBefore } from '../text.js';
import { describeProfile } from '../profiles/describe-profile.js';
import { describeRegionCase } from '../profiles/region-case.js';
import type { RuleMetadata } from '../rules/catalogue.js';
import type { FileProblem, Problem } from '../rules/rule.js';
import type { SourceFile } from '../model/source.js';
import type { LineIndex } from '../loaders/line-index.js';
import type { BoundRule } from './rule-plan.js';
import type { Finding, FindingLocation } from './report.js';
import type { ClusterProfile, DocumentLocator, Level, ObjectIdentity, Resource, SourcePosition } from '../model/resource.js';
import { maskCredentials } from '../model/credentials.js';

/** Everything a finding is made of, before wording and hashing. */
export interface FindingParts {
  metadata: RuleMetadata;
  messageId: string;
  data: Readonly<Record<string, string>>;
  /** The level the rule chose for this finding, if it differs from the message's. */
  level?: Level;
  /** The level the config file sets for the rule, which wins over every other. */
  configuredLevel?: Level;
  location?: { path: string; position: SourcePosition };
  /** Of a live object: the position in its YAML rendering. */
  renderedLocation?: { path: string; position: SourcePosition };
  object?: ObjectIdentity & { cluster: string };
  /** What identifies the problem apart from its line: hashed into the fingerprint. */
  identity: readonly string[];
}

/** Lines longer than this (minified JSON, long commands) are shown only around the finding. */
const maxSnippet = 240;
const snippetLeadIn = 80;

function snippetOf(line: string, startColumn: number): { snippet: string; snippetColumn?: number } {
  if (line.length <= maxSnippet) return { snippet: line };
  const start = Math.max(0, Math.min(startColumn - 1 - snippetLeadIn, line.length - maxSnippet));
  return { snippet: line.slice(start, start + maxSnippet), snippetColumn: start + 1 };
}

/** Words a finding from its rule's messages and gives it its fingerprint. */
export function buildFinding(parts: FindingParts): Finding {
  const { metadata } = parts;
  const message = metadata.messages[parts.messageId];
  if (!message) throw new Error(`${metadata.id} has no message '${parts.messageId}'`);
  const finding: Finding = {
    ruleId: metadata.id,
    ruleName: metadata.name,
    level: parts.configuredLevel ?? parts.level ?? message.level ?? metadata.level,
    message: interpolate(message.text, parts.data),
    remediation: interpolate(message.remediation ?? metadata.remediation, parts.data),
    fingerprint: fingerprint([metadata.id, ...parts.identity]),
    suppressed: null,
  };
  if (parts.location) finding.location = findingLocation(parts.location);
  if (parts.renderedLocation) finding.renderedLocation = findingLocation(parts.renderedLocation);
  if (parts.object) finding.object = parts.object;
  return finding;
}

function findingLocation({ path, position }: { path: string; position: SourcePosition }): FindingLocation {
  const { lineText, ...range } = position;
  return { path, ...range, ...snippetOf(maskCredentials(lineText), range.startColumn) };
}

/** Where a problem is: what messages may say of the place, where it is, and what identifies the problem there. */
export interface Place {
  data: Readonly<Record<string, string>>;
  location?: FindingParts['location'];
  renderedLocation?: FindingParts['renderedLocation'];
  object?: FindingParts['object'];
  identity: readonly string[];
}

/** What a rule reported, as a finding of that rule at a place. */
export function toFinding(
  rule: BoundRule,
  problem: { messageId: string; data?: Readonly<Record<string, string>>; level?: Level },
  place: Place,
  configuredLevel = rule.configuredLevel,
): Finding {
  const { data, ...where } = place;
  return buildFinding({
    metadata: rule.metadata,
    messageId: problem.messageId,
    data: { ...data, ...problem.data },
    ...(problem.level ? { level: problem.level } : {}),
    ...(configuredLevel ? { configuredLevel } : {}),
    ...where,
  });
}

/** How messages name an object: `Kind namespace/name`. */
export function objectLabel(resource: Resource): string {
  const { kind, namespace, name } = resource.identity;
  return `${kind} ${namespace ? `${namespace}/` : ''}${name}`;
}

/** Where a problem of an object is: its path, located in the object's file or in its YAML rendering. */
export function objectPlace(resource: Resource, problem: Pick<Problem, 'path' | 'target' | 'text'>): Place {
  const { identity, profile, document, rendering } = resource;
  const notes: string[] = [];
  const at = (locator: DocumentLocator): { path: string; position: SourcePosition } => {
    const { file, note, ...position } = locator.locate(problem.path, {
      ...(problem.target ? { target: problem.target } : {}),
      ...(problem.text ? { text: problem.text } : {}),
    });
    if (note) notes.push(note);
    return { path: file ?? locator.path, position };
  };
  const location = document ? at(document) : undefined;
  const renderedLocation = rendering ? at(rendering) : undefined;
  const builtBy = resource.builtBy ? ` ${resource.builtBy}` : '';
  return {
    data: {
      object: `${objectLabel(resource)}${builtBy}${notes.length > 0 ? ` (${notes[0]})` : ''}`,
      kind: identity.kind,
      name: identity.name,
      namespace: identity.namespace ?? '(none)',
      cluster: describeProfile(profile),
      regionCase: describeRegionCase(profile),
    },
    ...(location ? { location } : {}),
    ...(renderedLocation ? { renderedLocation } : {}),
    object: { ...identity, cluster: profile.name },
    identity: [
      // Only a file's path: a live object's rendered path is made of the identity below, and its
      // fingerprint stays what it was before objects were rendered.
      document?.path ?? '',
      identity.apiVersion,
      identity.kind,
      identity.namespace ?? '',
      identity.name,
      profile.name,
      problem.path.join('.'),
      problem.target ?? 'value',
      problem.text?.value ?? '',
      String(problem.text?.occurrence ?? 0),
    ],
  };
}

/** Where a problem of a text is: a range of the file, found by its line index. */
export function textPlace(file: SourceFile, lines: LineIndex, profile: ClusterProfile, problem: FileProblem): Place {
  const start = lines.position(problem.index);
  const end = lines.position(problem.index + problem.length);
  const text = file.text.slice(problem.index, problem.index + problem.length);
  return {
    data: { file: file.path, cluster: describeProfile(profile), regionCase: describeRegionCase(problem.region === undefined ? profile : { region: problem.region }) },
    location: {
      path: file.path,
      position: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column, lineText: lines.lineText(start.line) },
    },
    identity: [file.path, problem.messageId, text, String(occurrencesBefore(file.text, text, problem.index))],
  };
}

/** Which location of a finding: in a scanned file, or in a live object's YAML rendering. */
export type LocationKind = 'location' | 'renderedLocation';

/** Findings with a location (of the given kind), by file. */
export function findingsByFile(findings: readonly Finding[], kind: LocationKind = 'location'): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const location = finding[kind];
    if (!location) continue;
    const inFile = byFile.get(location.path);
    if (inFile) inFile.push(finding);
    else byFile.set(location.path, [finding]);
  }
  return byFile;
}

/**
 * Sets `lineHash` on the findings' locations of the given kind, hashing each file that has
 * findings up to its last finding's line.
 */
export function addLineHashes(findings: readonly Finding[], files: Iterable<{ path: string; text: string }>, kind: LocationKind = 'location'): void {
  const byFile = findingsByFile(findings, kind);
  for (const file of files) {
    const inFile = byFile.get(file.path);
    if (!inFile) continue;
    const hashes = lineHashes(file.text, Math.max(...inFile.map((finding) => finding[kind]!.startLine)));
    for (const finding of inFile) {
      const hash = hashes[finding[kind]!.startLine];
      if (hash) finding[kind]!.lineHash = hash;
    }
  }
}
