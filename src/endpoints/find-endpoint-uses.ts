import { endpoints } from '../facts.js';

/** What a piece of text does with the STS endpoint. */
export type EndpointUseKind =
  /** `sts.amazonaws.com` used as a host or URL. */
  | 'global-host'
  /** `aws-global` given as a region. */
  | 'global-region'
  /** `legacy` chosen for the STS regional endpoints setting. */
  | 'legacy-setting'
  /** A regional STS host such as `sts.eu-west-1.amazonaws.com`. */
  | 'regional-host';

/** One use found in a text: where it starts and the exact text to point at. */
export interface EndpointUse {
  kind: EndpointUseKind;
  index: number;
  text: string;
  /** The region a `regional-host` names. */
  region?: string;
}

/** What names the text: an env var name, a ConfigMap key, or the flag before a command argument. */
export interface TextContext {
  key?: string;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const globalHostPattern = new RegExp(`(?<![A-Za-z0-9.-])${escape(endpoints.globalHost)}(?![A-Za-z0-9-]|\\.[A-Za-z0-9])`, 'g');
const globalRegionPattern = new RegExp(`(?<![A-Za-z0-9-])${escape(endpoints.globalRegion)}(?![A-Za-z0-9-])`, 'g');
const legacySettingPattern = new RegExp(
  `(?:${endpoints.settingNames.map(escape).join('|')})["']?[ \\t]*[:=][ \\t]*["']?(${escape(endpoints.legacyValue)})(?![A-Za-z0-9_-])`,
  'g',
);
const regionalHostPattern = new RegExp(`(?<![A-Za-z0-9.-])${endpoints.regionalHostPattern}(?![A-Za-z0-9-])`, 'g');
const audienceKey = new RegExp(endpoints.audienceKeyPattern);
const regionKey = new RegExp(endpoints.regionKeyPattern);
const commentLine = new RegExp(endpoints.commentLinePattern);
const settingNames = new Set(endpoints.settingNames);
/** Every pattern above contains one of these: a text without them needs no closer look. */
const candidate = new RegExp(['sts', 'STS', endpoints.globalRegion].map(escape).join('|'));

/** How many previous lines may name the key of a value that stands alone on its line. */
const keyLookBehindLines = 2;

/**
 * Finds the STS endpoint uses in a value or in embedded config text, line by line. The IRSA
 * audience (`sts.amazonaws.com` after an audience or client-id key), file paths that contain the
 * host name, and comment lines are not uses (`domain.md` §4).
 */
export function findEndpointUses(text: string, context: TextContext = {}): EndpointUse[] {
  if (context.key !== undefined && audienceKey.test(context.key)) return [];
  const uses: EndpointUse[] = [];
  const trimmed = text.trim();
  if (context.key !== undefined && trimmed === endpoints.legacyValue && settingNames.has(context.key)) {
    return [{ kind: 'legacy-setting', index: text.indexOf(trimmed), text: trimmed }];
  }
  if (context.key !== undefined && trimmed === endpoints.globalRegion && regionKey.test(context.key)) {
    return [{ kind: 'global-region', index: text.indexOf(trimmed), text: trimmed }];
  }
  if (!candidate.test(text)) return uses;
  const lines = text.split('\n');
  let offset = 0;
  lines.forEach((line, lineNumber) => {
    if (!commentLine.test(line)) {
      for (const use of usesInLine(line, lines, lineNumber, context)) uses.push({ ...use, index: use.index + offset });
    }
    offset += line.length + 1;
  });
  return uses;
}

function usesInLine(line: string, lines: string[], lineNumber: number, context: TextContext): EndpointUse[] {
  const uses: EndpointUse[] = [];
  for (const match of line.matchAll(globalHostPattern)) {
    const before = line.slice(0, match.index);
    if (before.endsWith('/') && !before.endsWith('://')) continue;
    if (audienceKey.test(keyBefore(before, lines, lineNumber))) continue;
    uses.push({ kind: 'global-host', index: match.index, text: match[0] });
  }
  for (const match of line.matchAll(globalRegionPattern)) {
    const key = keyBefore(line.slice(0, match.index), lines, lineNumber);
    if (regionKey.test(key) || (context.key !== undefined && regionKey.test(context.key))) {
      uses.push({ kind: 'global-region', index: match.index, text: match[0] });
    }
  }
  for (const match of line.matchAll(legacySettingPattern)) {
    const value = match[1] as string;
    uses.push({ kind: 'legacy-setting', index: match.index + match[0].length - value.length, text: value });
  }
  for (const match of line.matchAll(regionalHostPattern)) {
    uses.push({ kind: 'regional-host', index: match.index, text: match[0], region: match[1] as string });
  }
  return uses;
}

/**
 * The text that names a value: what stands before it on its line since the last separator; for a
 * value alone on its line (an item of a list), the lines just above it.
 */
function keyBefore(before: string, lines: string[], lineNumber: number): string {
  const segment = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('&')) + 1);
  if (/[A-Za-z]/.test(segment)) return segment;
  return lines.slice(Math.max(0, lineNumber - keyLookBehindLines), lineNumber).join('\n');
}
