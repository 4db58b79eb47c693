/**
 * Credentials that scanned text or live objects may carry (an AWS secret key in an env var, a
 * password in a ConfigMap, a token in a container's args) are never copied into a report, a
 * snippet or a dumped object. No rule reads them: they are masked where text leaves the tool.
 */

/** Words in a variable, key or flag name that make its value a credential. */
const credentialWord = /secret|passw(?:or)?d|token|private[_-]?key|api[_-]?key|access[_-]?key|credential|session/i;
/** Names that hold where a credential is, not the credential: rules need these (AWS_WEB_IDENTITY_TOKEN_FILE). */
const locationSuffix = /[_-](?:file|path|dir|url|uri|endpoint|audience|expiration|arn)$/i;

/** The stand-in for a credential's value in dumped objects. */
export const redacted = '[redacted]';

/** Whether a variable, key or flag name holds a credential. */
export function isCredentialName(name: string): boolean {
  return credentialWord.test(name) && !locationSuffix.test(name);
}

const nameChars = '[A-Za-z0-9_.-]';
/** `NAME=value`, `NAME: value`, `"NAME": "value"`, `--name=value`. */
const assignment = new RegExp(`(${nameChars}+)(["']?\\s*[:=]\\s*["']?)([^\\s"',;}\\]]+)`, 'g');
/** `name: NAME, value: value` in flow YAML or JSON (an env entry on one line). */
const envEntry = new RegExp(`(["']?name["']?\\s*:\\s*["']?)(${nameChars}+)(["']?\\s*,\\s*["']?value["']?\\s*:\\s*["']?)([^\\s"',}]+)`, 'g');
/** Values that are credentials by their shape alone: AWS access key ids, JSON web tokens, PEM private keys. */
const shaped = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b|\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*|-----BEGIN [A-Z ]*PRIVATE KEY-----/g;
/** A value that names an endpoint or a place is not a credential (and may be what a finding points at). */
const notSecret = /^(?:https?:\/\/|\/)|amazonaws\.com/;

const stars = (text: string): string => '*'.repeat(text.length);

/**
 * Masks credentials in one line of text with as many `*`s, so that columns into the line hold:
 * values assigned to credential names, and values shaped like keys or tokens.
 */
export function maskCredentials(line: string): string {
  if (!credentialWord.test(line) && !/AKIA|ASIA|eyJ|PRIVATE KEY/.test(line)) return line;
  return line
    .replace(envEntry, (whole, lead: string, name: string, between: string, value: string) => (isCredentialName(name) && !notSecret.test(value) ? `${lead}${name}${between}${stars(value)}` : whole))
    .replace(assignment, (whole, name: string, between: string, value: string) => (isCredentialName(name) && !notSecret.test(value) ? `${name}${between}${stars(value)}` : whole))
    .replace(shaped, stars);
}
