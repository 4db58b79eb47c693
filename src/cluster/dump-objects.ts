import path from 'node:path';
import { writeOutputFile } from '../output-file.js';
import type { AuditedObject } from './audit.js';

/**
 * Writes each object with findings as the YAML its findings point into, under the path SARIF gives
 * it, to publish beside the report.
 */
export function dumpObjects(folder: string, audited: readonly AuditedObject[]): void {
  for (const object of audited) writeOutputFile(path.join(folder, ...object.path.split('/')), object.text);
}
