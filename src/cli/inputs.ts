import { statSync } from 'node:fs';
import path from 'node:path';

/** How stdin is named in reports. */
export const stdinPath = '<stdin>';

/** Reads all of stdin as UTF-8. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The scan root: `--root`, else the working directory when every target lies inside it, else
 * the deepest folder that holds them all.
 */
export function chooseRoot(targets: readonly string[], explicit: string | undefined): string {
  if (explicit !== undefined) return path.resolve(explicit);
  const cwd = process.cwd();
  const absolute = targets.map((target) => path.resolve(staticPrefix(target)));
  if (absolute.every((target) => target === cwd || target.startsWith(cwd + path.sep))) return cwd;
  let common = absolute[0] ?? cwd;
  for (const target of absolute.slice(1)) {
    while (!(target === common || target.startsWith(common + path.sep))) common = path.dirname(common);
  }
  return statSync(common, { throwIfNoEntry: false })?.isFile() ? path.dirname(common) : common;
}

/** The part of a glob before its first wildcard: the folder it can match in. */
function staticPrefix(target: string): string {
  const wildcard = target.search(/[*?[{]/);
  if (wildcard < 0) return target;
  return path.dirname(target.slice(0, wildcard + 1));
}

/** A duration in seconds, as `30` or `30s`, in milliseconds; undefined unless it is a positive number. */
export function secondsInMs(value: string): number | undefined {
  const number = Number(value.trim().replace(/s$/, ''));
  return Number.isFinite(number) && number > 0 ? number * 1000 : undefined;
}
