import { languageOf } from '../code/languages.js';
import { escapeRegExp } from '../text.js';
import { endpoints } from '../facts.js';
import { isValue, setsEndpoint } from './code-context.js';

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
  /**
   * The text is source code with its comments already blanked: the global host counts only
   * where it is given to an endpoint setting (`setsEndpoint`), a region only where it stands as a
   * value, and a value alone in a list (`values = ["sts.amazonaws.com"]`) is an audience when the
   * enclosing `{ … }` block names one (a trust policy's `:aud` condition).
   */
  code?: boolean;
}

/**
 * One pass over the text finds every kind of use; a named group tells which matched. Each
 * alternative is a literal or a bounded class run, so matching stays linear.
 */
const usePattern = new RegExp(
  [
    `(?<globalHost>(?<![A-Za-z0-9.-])${escapeRegExp(endpoints.globalHost)}(?![A-Za-z0-9-]|\\.[A-Za-z0-9]))`,
    `(?<globalRegion>(?<![A-Za-z0-9-])${escapeRegExp(endpoints.globalRegion)}(?![A-Za-z0-9-]))`,
    `(?:${endpoints.settingNames.map(escapeRegExp).join('|')})["']?(?:[ \\t]*[:=][ \\t]*|[ \\t]+)["']?(?<legacy>${escapeRegExp(endpoints.legacyValue)})(?![A-Za-z0-9_-])`,
    `(?<legacyConstant>(?<![A-Za-z0-9_])(?:${endpoints.legacyConstants.map(escapeRegExp).join('|')})(?![A-Za-z0-9_]))`,
    `(?<globalRegionConstant>(?<![A-Za-z0-9_])(?:${endpoints.globalRegionConstants.map(escapeRegExp).join('|')})(?![A-Za-z0-9_]))`,
    `(?<regionalHost>(?<![A-Za-z0-9.-])${endpoints.regionalHostPattern}(?![A-Za-z0-9-]))`,
  ].join('|'),
  'g',
);
const audienceKey = new RegExp(endpoints.audienceKeyPattern);
const regionKey = new RegExp(endpoints.regionKeyPattern);
const commentLine = new RegExp(endpoints.commentLinePattern);
const settingNames = new Set(endpoints.settingNames);
const endpointKey = new RegExp(endpoints.endpointKeyPattern);
/**
 * Every alternative of `usePattern` contains one of these. Testing for them first is much faster
 * than running the pattern, whose alternatives start with look-behinds, over every text.
 */
const candidate = new RegExp(['sts', 'STS', endpoints.globalRegion, ...endpoints.globalRegionConstants].map(escapeRegExp).join('|'));
/** How far back a statement that creates a client is looked for. */
const statementLookBehind = 300;
/** How far back the enclosing block of a value in code is looked for. */
const blockLookBehind = 2000;

/**
 * False when a text, named by `key`, cannot hold any use: the cheap test to run before
 * {@link findEndpointUses}.
 */
export function mayNameEndpoint(text: string, key?: string): boolean {
  return candidate.test(text) || (key !== undefined && candidate.test(key));
}

/** How much of a line before a match is read. */
const lineReach = 400;

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
  // Looked up at the first match: most texts that pass the cheap test hold none.
  let comment: RegExp | undefined;
  // Line starts are followed forward, and only a bounded stretch of the line is read before a
  // match: a long line with many matches stays linear.
  let lineStart = 0;
  let nextNewline = text.indexOf('\n');
  for (const match of text.matchAll(usePattern)) {
    const groups = match.groups as Record<string, string | undefined>;
    while (nextNewline >= 0 && nextNewline < match.index) {
      lineStart = nextNewline + 1;
      nextNewline = text.indexOf('\n', lineStart);
    }
    const before = text.slice(Math.max(lineStart, match.index - lineReach), match.index);
    // In code the language's own comments are blanked already; a line-start `;` is a statement
    // there (JavaScript style), a comment only in INI-like config text.
    if (!context.code && (comment ??= commentLineFor(context.key)).test(text.slice(lineStart, Math.min(match.index, lineStart + lineReach)))) continue;
    const end = match.index + match[0].length;
    if (groups.globalHost !== undefined) {
      if (before.endsWith('/') && !before.endsWith('://')) continue;
      const key = keyBefore(text, lineStart, before);
      if (audienceKey.test(key)) continue;
      if (context.code && !setsEndpoint(text, match.index, end)) continue;
      if (context.code && !endpointKey.test(key) && audienceKey.test(enclosingBlock(text, match.index))) continue;
      uses.push({ kind: 'global-host', index: match.index, text: match[0] });
    } else if (groups.globalRegion !== undefined) {
      const named = regionKey.test(keyBefore(text, lineStart, before)) || (context.key !== undefined && regionKey.test(context.key));
      if (named && (!context.code || (forSts(text, match.index) && isValue(text, match.index, end)))) uses.push({ kind: 'global-region', index: match.index, text: match[0] });
    } else if (groups.globalRegionConstant !== undefined) {
      if (!context.code || (forSts(text, match.index) && isValue(text, match.index, end))) uses.push({ kind: 'global-region', index: match.index, text: match[0] });
    } else if (groups.legacyConstant !== undefined) {
      uses.push({ kind: 'legacy-setting', index: match.index, text: match[0] });
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
  const above = text.slice(Math.max(0, lineStart - lineReach), lineStart);
  let start = above.length;
  for (let n = 0; n < keyLookBehindLines && start > 0; n++) start = above.lastIndexOf('\n', start - 2) + 1;
  return above.slice(start);
}

/**
 * In code, `aws-global` is an STS mistake only for an STS client: IAM and other global services
 * are rightly created in it. True when the statement before the region names STS.
 */
function forSts(text: string, index: number): boolean {
  const start = Math.max(0, text.lastIndexOf(';', index), text.lastIndexOf('\n\n', index), index - statementLookBehind);
  return /sts|STS|Sts/.test(text.slice(start, index));
}

/** The text from the `{` that encloses `index` (within a bounded distance) up to `index`. */
function enclosingBlock(text: string, index: number): string {
  let depth = 0;
  const floor = Math.max(0, index - blockLookBehind);
  for (let i = index - 1; i >= floor; i--) {
    const char = text[i];
    if (char === '}') depth++;
    else if (char === '{') {
      if (depth === 0) return text.slice(i, index);
      depth--;
    }
  }
  return '';
}

const commentLines = new Map<string, RegExp>();

/**
 * What starts a comment line in embedded text named `key`: its language's line comments when the
 * key is a file name (`app.js` takes only `//`, `config` the INI `#` and `;`), else every marker
 * a config text may use.
 */
function commentLineFor(key: string | undefined): RegExp {
  if (key === undefined) return commentLine;
  let pattern = commentLinesByKey.get(key);
  if (!pattern) {
    // Keys repeat (env names, ConfigMap keys), and finding a name's language tries every pattern.
    if (commentLinesByKey.size >= 1024) commentLinesByKey.clear();
    commentLinesByKey.set(key, (pattern = commentLineOfLanguage(key)));
  }
  return pattern;
}

const commentLinesByKey = new Map<string, RegExp>();

function commentLineOfLanguage(key: string): RegExp {
  const language = languageOf(key);
  if (!language) return commentLine;
  let pattern = commentLines.get(language.name);
  if (!pattern) {
    pattern = new RegExp(`^\\s*(?:${language.lineComments.map(escapeRegExp).join('|') || '(?!)'})`);
    commentLines.set(language.name, pattern);
  }
  return pattern;
}
