import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A report, baseline or object dump that cannot be written where it was asked for: a usage error (exit 2). */
export class OutputError extends Error {}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Writes a file, creating the folders it needs, as `--output reports/sts-audit.sarif` expects. */
export function writeOutputFile(file: string, text: string): void {
  const folder = path.dirname(file);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // mkdir says EEXIST or ENOTDIR when a part of the path is a file.
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? `a part of ${folder} is a file, not a folder` : reason(error);
    throw new OutputError(`cannot write ${file}: ${why}`);
  }
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new OutputError(`cannot write ${file}: ${reason(error)}`);
  }
}
