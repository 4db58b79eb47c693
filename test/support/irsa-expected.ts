import { readFileSync } from 'node:fs';
import path from 'node:path';
import { scan } from '../../src/engine/scan.js';
import type { Report } from '../../src/engine/report.js';

/** One row of section 1 of the irsa-sources corpus's `EXPECTED.md`: an IRSA ServiceAccount definition. */
export interface ExpectedDefinition {
  row: number;
  /** The file that holds the definition, relative to the corpus folder. */
  path: string;
  /** The line of the role (or of the eksctl entry, the `set` block…). */
  line: number;
  format: string;
  /** The cell as written, for messages. */
  where: string;
}

/** Reads the definitions table of the corpus's `EXPECTED.md`. */
export function expectedDefinitions(folder: string): ExpectedDefinition[] {
  const text = readFileSync(path.join(folder, 'EXPECTED.md'), 'utf8');
  const section = text.slice(text.indexOf('## 1.'), text.indexOf('## 2.'));
  return section
    .split('\n')
    .map((line) => /^\| (\d+) \| ([^|]+?):(\d+)[^|]* \| ([a-z0-9-]+) \|/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ row: Number(match[1]), path: match[2]!, line: Number(match[3]), format: match[4]!, where: `${match[2]}:${match[3]}` }));
}

let corpusReport: Promise<Report> | undefined;

/** The corpus scanned once per test process, with its inventory. */
export function scanCorpusWithInventory(folder: string): Promise<Report> {
  corpusReport ??= scan({ targets: ['.'], root: folder, inventory: true });
  return corpusReport;
}
