import path from 'node:path';
import { scan } from '../../src/engine/scan.js';
import { assertValidReport, repoRoot } from '../helpers.js';
import type { Report } from '../../src/engine/report.js';

/** Scans one folder of `fixtures/declared` with its inventory, and checks the report against the schema. */
export async function scanDeclaredFixtures(kind: string): Promise<Report> {
  const report = await scan({ targets: ['.'], root: path.join(repoRoot, 'fixtures', 'declared', kind), inventory: true });
  assertValidReport(JSON.parse(JSON.stringify(report)));
  return report;
}
