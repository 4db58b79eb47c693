// A worker thread of a scan (`dist/sts-audit-worker.mjs`): started as a scan begins, it waits for
// the files it is to check apart from the rest, and sends back what it found.
import { enableCompileCache } from 'node:module';
import { parentPort } from 'node:worker_threads';
import type { ApartTask } from './check-apart.js';

// Before the checks' modules load: they are chunks the worker threads' scripts share, whose
// compiled code Node.js keeps from the runs before.
enableCompileCache?.();
const { checkApart } = await import('./check-apart.js');
parentPort!.once('message', (task: ApartTask) => parentPort!.postMessage(checkApart(task)));
