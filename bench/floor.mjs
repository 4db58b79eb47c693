// The floor for any JavaScript YAML scanner: read every file under a folder and parse it with
// js-yaml, in one process, doing nothing else.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadAll } from 'js-yaml';

let documents = 0;
const walk = (folder) => {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const absolute = path.join(folder, entry.name);
    if (entry.isDirectory()) walk(absolute);
    else documents += loadAll(readFileSync(absolute, 'utf8')).length;
  }
};
walk(process.argv[2]);
process.stdout.write(`${documents}\n`);
