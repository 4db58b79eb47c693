import path from 'node:path';
import { dump } from 'js-yaml';
import { objectHeader, objectPath } from '../engine/report.js';
import { writeOutputFile } from '../output-file.js';
import type { AuditedObject } from './audit.js';

/** Writes each object with findings as YAML under the path SARIF gives it, to publish beside the report. */
export function dumpObjects(folder: string, audited: readonly AuditedObject[]): void {
  for (const { cluster, resource } of audited) {
    const object = { ...resource.identity, cluster };
    const file = path.join(folder, ...objectPath(object).split('/'));
    writeOutputFile(file, `${objectHeader(object)}\n${dump(resource.data, { noRefs: true })}`);
  }
}
