import { endpoints } from '../facts.js';

/**
 * Whether a literal in source code configures something or only mentions it. Code names the
 * global host for many reasons besides setting an endpoint: comparing a host with it, listing
 * hosts in a table or a set, mapping hosts to regions, logging, raising errors, documenting. Only
 * a literal given to something named for an endpoint (`endpoint_url=`, `BaseEndpoint:`,
 * `endpointOverride(URI.create(…))`, `--endpoint-url`, `sts = …` in a Terraform `endpoints`
 * block) or a request sent to the endpoint (`?Action=`) sets one. When the intent cannot be told,
 * the answer is "mention": a finding a reviewer would dismiss is a defect.
 */

const endpointKey = new RegExp(endpoints.endpointKeyPattern);
/** An operator or keyword that compares or tests membership, anywhere on the line before the literal. */
const comparison = /[=!]==?|\b(?:case|when)\b|\bin\s*[[({]|\bin\s*$|\bnot\s+in\b|(?:^|\s)\[\[?\s/;
/** A call that compares, searches or asserts, anywhere on the line before the literal. */
const comparisonCall =
  /(?:(?<![a-z])(?:equals\w*|contains\w*|includes|has(?:Prefix|Suffix)?|startswith|endswith|startsWith|endsWith|indexOf|index|find|match\w*|test|assert\w*|expect|eq|compare\w*)|Equals?\w*|EqualFold|Contains\w*|Has(?:Prefix|Suffix)?|Match\w*|StartsWith|EndsWith|Index|Compare\w*|Is|ToBe|toBe)\s*\(/;
/** A callee that writes a message (a log line, an error, formatted text), by its last name. */
const messageCallee = /(?:^|\.)(?:[Ll]og|[Pp]rint|[Ii]nfo|[Dd]ebug|[Ww]arn|[Ee]rror|[Ff]atal|[Pp]anic|[Tt]race|[Ss]printf|[Ff]ormat|puts|echo)\w*$|(?:Error|Exception|Errorf)$|^(?:errors|fmt|console|logging|logger|log|klog|slog|zap|logrus)\./;
/** A command-line flag just before the value: `--endpoint-url https://…`, `--endpoint-url=…`. */
const flagBefore = /(?:^|[\s"'[,])(--?[A-Za-z][\w-]*)(?:=|["']?\s*,?\s*["']?|\s+)$/;
/** What a URL, or a pattern of one, holds before the host: a scheme, a bucket, a placeholder (`https://{bucket}.`, `[^.]+\\.`). */
const urlHeadChar = /[\w.\-/:%{}$\\[\]^+*?|]/;
/** A comparison right after a literal's closing quote: `"sts.amazonaws.com".equals(host)`, `"…" == host`. */
const comparedAfter = /^\s*(?:[=!]==?|\.(?:equals\w*|contentEquals|compareTo\w*|eql\?|casecmp))/;
/** A string's prefix letters in the languages read (Python `f"`, C# `@"`, `$"`). */
const stringPrefix = /(?<![\w])[fFrRbBuU@$]{1,2}$/;
/** `ENV NAME value` in a Dockerfile, `name value` in a properties file: the name before an unquoted value. */
const unquotedKey = /^\s*(?:(?:ENV|ARG|export|setenv|set)\s+)?([\w.-]+)\s+$/;
/** A previous argument that may name what the next one is (`flag.String("sts-endpoint", …)`). */
const namingArgument = /^\s*["'`]?[\w.:-]*["'`]?\s*$/;

/** A call's name just before its opening parenthesis: `URI.create(`, `new EndpointConfiguration(`. */
const calleeBefore = /((?:new\s+)?[A-Za-z_$][\w$]*(?:(?:\.|::)[A-Za-z_$][\w$]*)*)\s*\($/;
/** A key just before its operator: `endpoint_url=`, `BaseEndpoint:`, `'endpoint' =>`, `sts =`. */
const keyBefore = /([^,;({[]*?)\s*(?::=|=>|=|:)$/;
/** How much of the text before a call or a key is read for its name. */
const nameReach = 120;
/** How far before and after a literal its line is read. */
const contextReach = 400;
/** How many calls and keys around the literal are read back to find what it is given to. */
const maxSteps = 4;

/** Where a literal stands as a value: the line before it (without its quote) and the URL's rest after it. */
interface ValuePlace {
  lead: string;
  tail: string;
  /** The command-line flag naming an endpoint that the value follows (`--endpoint-url`). */
  flag?: string;
}

/** Why a literal is not a value: part of a message's text, a map key or case label, or compared with something. */
type Mention = 'message' | 'key' | 'comparison';

/**
 * Where the literal at `[index, end)` of `text` stands as a value, or why it is only mentioned. The URL around it (`https://`, `{bucket}.`, a path, a
 * query) belongs to the literal.
 */
function placeOf(text: string, index: number, end: number): ValuePlace | Mention {
  // Bounded both ways, so that a long line with many literals stays linear.
  const reach = text.slice(Math.max(0, index - contextReach), index);
  const before = reach.slice(reach.lastIndexOf('\n') + 1);
  const window = text.slice(end, end + contextReach);
  const lineEnd = window.indexOf('\n');
  const after = lineEnd < 0 ? window : window.slice(0, lineEnd);
  let headStart = before.length;
  while (headStart > 0 && urlHeadChar.test(before[headStart - 1]!)) headStart--;
  let lead = before.slice(0, headStart);
  const tail = /^[^\s"'`]*/.exec(after)![0];
  const flag = flagBefore.exec(lead)?.[1];
  if (flag !== undefined && endpointKey.test(flag)) return { lead, tail, flag };
  const opening = lead.at(-1);
  if (opening === '"' || opening === "'" || opening === '`') {
    const rest = after.slice(tail.length);
    // Text after the URL inside the same string: a message, not a value.
    if (rest[0] !== opening && /\S/.test(rest)) return 'message';
    const following = rest.slice(1);
    if (/^\s*(?::(?![:=])|=>)/.test(following)) return 'key';
    if (comparedAfter.test(following)) return 'comparison';
    lead = lead.slice(0, -1).replace(stringPrefix, '');
  } else if (insideString(lead)) {
    return 'message';
  }
  if (comparison.test(lead) || comparisonCall.test(lead)) return 'comparison';
  return { lead, tail };
}

/**
 * True when the global host at `[index, end)` of `text` is given to an endpoint setting or sent a request, not merely mentioned.
 */
export function setsEndpoint(text: string, index: number, end: number): boolean {
  const place = placeOf(text, index, end);
  if (typeof place === 'string') return false;
  if (place.flag !== undefined) return true;
  if (/[?&]Action=/.test(place.tail)) return true;
  const names = unquotedKey.exec(place.lead)?.[1] ?? namesBefore(place.lead);
  return names !== undefined && endpointKey.test(names);
}

/** True when the literal at `[index, end)` stands as a value: not compared, not a key, not in a message. */
export function isValue(text: string, index: number, end: number): boolean {
  return typeof placeOf(text, index, end) !== 'string';
}

/** True when the literal at `[index, end)` is part of a message: a log line, an error, a doc string, help text. */
export function isInMessage(text: string, index: number, end: number): boolean {
  const place = placeOf(text, index, end);
  if (typeof place === 'string') return place === 'message';
  return place.flag === undefined && namesBefore(place.lead) === undefined;
}

/** True when the line so far has opened a string it has not closed (the literal is part of its text). */
function insideString(lead: string): boolean {
  for (const quote of ['"', "'", '`']) {
    let count = 0;
    for (let i = lead.indexOf(quote); i >= 0; i = lead.indexOf(quote, i + 1)) if (lead[i - 1] !== '\\') count++;
    if (count % 2 === 1) return true;
  }
  return false;
}

/**
 * The names the value is given to, read back from it: the key of an assignment or a key-value
 * pair, the callees it is nested in, and short literal arguments before it. Undefined for a
 * value given to a message call (a log line, an error); empty for an element of a collection.
 */
function namesBefore(lead: string): string | undefined {
  const names: string[] = [];
  let rest = lead.trimEnd();
  for (let step = 0; step < maxSteps && rest.length > 0; step++) {
    // The last character tells which shape can end here; only then is a pattern run, on the end of the text.
    const last = rest.at(-1);
    const tail = rest.slice(-nameReach);
    const offset = rest.length - tail.length;
    if (last === '(') {
      const call = calleeBefore.exec(tail);
      if (!call) break;
      const callee = call[1]!.replace(/^new\s+/, '');
      if (messageCallee.test(callee)) return undefined;
      names.push(callee);
      rest = rest.slice(0, offset + call.index).trimEnd();
    } else if (last === '=' || last === ':' || last === '>') {
      // `name = value`, `name: value`, `name := value`, `'name' => value`: the key names the value.
      const pair = keyBefore.exec(tail);
      if (pair && /[A-Za-z]/.test(pair[1]!)) names.push(pair[1]!);
      break;
    } else if (last === ',') {
      // A positional argument after others: short literal arguments before it may name it.
      const opener = openerBefore(rest);
      const args = rest.slice(opener + 1, -1).split(',');
      names.push(...args.filter((arg) => namingArgument.test(arg)));
      rest = rest.slice(0, opener + 1);
      if (!rest.endsWith('(')) break;
    } else {
      break;
    }
  }
  return names.join(' ');
}

/** The index of the unclosed `(`, `[` or `{` before the end of `text`; -1 when there is none. */
function openerBefore(text: string): number {
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const char = text[i];
    if (char === ')' || char === ']' || char === '}') depth++;
    else if (char === '(' || char === '[' || char === '{') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}
