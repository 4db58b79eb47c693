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

/**
 * One pass over the text finds every kind of use; a named group tells which matched. Each
 * alternative is a literal or a bounded class run, so matching stays linear.
 */
const usePattern = new RegExp(
  [
    `(?<globalHost>(?<![A-Za-z0-9.-])${escape(endpoints.globalHost)}(?![A-Za-z0-9-]|\\.[A-Za-z0-9]))`,
    `(?<globalRegion>(?<![A-Za-z0-9-])${escape(endpoints.globalRegion)}(?![A-Za-z0-9-]))`,
    `(?:${endpoints.settingNames.map(escape).join('|')})["']?[ \\t]*[:=][ \\t]*["']?(?<legacy>${escape(endpoints.legacyValue)})(?![A-Za-z0-9_-])`,
    `(?<regionalHost>(?<![A-Za-z0-9.-])${endpoints.regionalHostPattern}(?![A-Za-z0-9-]))`,
  ].join('|'),
  'g',
);
const audienceKey = new RegExp(endpoints.audienceKeyPattern);
const regionKey = new RegExp(endpoints.regionKeyPattern);
const commentLine = new RegExp(endpoints.commentLinePattern);
const settingNames = new Set(endpoints.settingNames);
/**
 * Every alternative of `usePattern` contains one of these. Testing for them first is much faster
 * than running the pattern, whose alternatives start with look-behinds, over every text.
 */
const candidate = new RegExp(['sts', 'STS', endpoints.globalRegion].map(escape).join('|'));

/**
 * False when a text, named by `key`, cannot hold any use: the cheap test to run before
 * {@link findEndpointUses}.
 */
export function mayNameEndpoint(text: string, key?: string): boolean {
  return candidate.test(text) || (key !== undefined && candidate.test(key));
}

/** How many previous lines may name the key of a value that stands alone on its line. */
const keyLookBehindLines = 2;

/**
 * Finds the STS endpoint uses in a value or in embedded config text. The IRSA audience
 * (`sts.amazonaws.com` after an audience or client-id key), file paths that contain the host
 * name, and comment lines are not uses (`domain.md` §4).
 */
export function findEndpointUses(text: string, context: TextContext = {}): EndpointUse[] {
  if (context.key !== undefined && audienceKey.test(context.key)) return [];
  const trimmed = text.trim();
  if (context.key !== undefined && trimmed === endpoints.legacyValue && settingNames.has(context.key)) {
    return [{ kind: 'legacy-setting', index: text.indexOf(trimmed), text: trimmed }];
  }
  if (context.key !== undefined && trimmed === endpoints.globalRegion && regionKey.test(context.key)) {
    return [{ kind: 'global-region', index: text.indexOf(trimmed), text: trimmed }];
  }
  const uses: EndpointUse[] = [];
  if (!candidate.test(text)) return uses;
  for (const match of text.matchAll(usePattern)) {
    const groups = match.groups as Record<string, string | undefined>;
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    const before = text.slice(lineStart, match.index);
    if (commentLine.test(before)) continue;
    if (groups.globalHost !== undefined) {
      if (before.endsWith('/') && !before.endsWith('://')) continue;
      if (audienceKey.test(keyBefore(text, lineStart, before))) continue;
      uses.push({ kind: 'global-host', index: match.index, text: match[0] });
    } else if (groups.globalRegion !== undefined) {
      if (regionKey.test(keyBefore(text, lineStart, before)) || (context.key !== undefined && regionKey.test(context.key))) {
        uses.push({ kind: 'global-region', index: match.index, text: match[0] });
      }
    } else if (groups.legacy !== undefined) {
      uses.push({ kind: 'legacy-setting', index: match.index + match[0].length - groups.legacy.length, text: groups.legacy });
    } else {
      uses.push({ kind: 'regional-host', index: match.index, text: match[0], region: groups.region as string });
    }
  }
  return uses;
}

/**
 * The text that names a value: what stands before it on its line since the last separator; for a
 * value alone on its line (an item of a list), the lines just above it.
 */
function keyBefore(text: string, lineStart: number, before: string): string {
  const segment = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('&')) + 1);
  if (/[A-Za-z]/.test(segment)) return segment;
  let start = lineStart;
  for (let n = 0; n < keyLookBehindLines && start > 0; n++) start = text.lastIndexOf('\n', start - 2) + 1;
  return text.slice(start, lineStart);
}
