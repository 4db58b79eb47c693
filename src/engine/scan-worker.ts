// A worker thread of a scan (`dist/sts-audit-worker.mjs`): checks the files it is given apart
// from the rest, and sends back what it found.
import { enableCompileCache } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { checkApart, type ApartTask } from './check-apart.js';

enableCompileCache();
parentPort!.postMessage(checkApart(workerData as ApartTask));
