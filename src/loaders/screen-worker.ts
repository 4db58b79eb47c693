// A thread that screens source and config files ahead of a scan's main thread
// (`dist/sts-audit-screen-worker.mjs`, {@link ScreenAhead}): for each file posted, it takes the
// file in the shared table, unless the main thread took it first, and marks whether it holds
// nothing to decode.
import { enableCompileCache } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { fileState, type ScreenBatch, type ScreenWorkerData } from './screen-table.js';

// Before the screen's modules load: they are the command line's own chunks, whose compiled code
// the main thread's start left in the cache.
enableCompileCache?.();
const { passedOver } = await import('./code-screen.js');
const { states: buffer, maxBytes } = workerData as ScreenWorkerData;
const states = new Uint8Array(buffer);

parentPort!.on('message', (batch: ScreenBatch) => {
  for (const [index, path, absolutePath] of batch) {
    if (Atomics.compareExchange(states, index, fileState.free, fileState.taken) !== fileState.free) continue;
    Atomics.store(states, index, passedOver(path, absolutePath, maxBytes) ? fileState.passedOver : fileState.toRead);
  }
});
