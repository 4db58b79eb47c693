import { fingerprint } from './fingerprint.js';
import { interpolate, type Level, type RuleMetadata } from '../rules/catalogue.js';
import type { Finding, FindingLocation } from './report.js';
import type { ObjectIdentity, SourcePosition } from '../model/resource.js';
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
  if (parts.location) {
    const { lineText, ...range } = parts.location.position;
    const location: FindingLocation = { path: parts.location.path, ...range, ...snippetOf(maskCredentials(lineText), range.startColumn) };
    finding.location = location;
  }
  if (parts.object) finding.object = parts.object;
  return finding;
}

/** Findings with a location, by file. */
export function findingsByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (!finding.location) continue;
    const inFile = byFile.get(finding.location.path);
    if (inFile) inFile.push(finding);
    else byFile.set(finding.location.path, [finding]);
  }
  return byFile;
}
