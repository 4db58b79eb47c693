// A thread that screens source and config files ahead of a scan's main thread
// (`dist/sts-audit-screen-worker.mjs`, {@link ScreenAhead}): for each file posted, it takes the
// file in the shared table, unless the main thread took it first, and marks whether it holds
// nothing to decode.
import { enableCompileCache } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { fileState, splitPaths, type ScreenBatch, type ScreenWorkerData } from './screen-table.js';

// Before the screen's modules load: they are chunks the worker threads' scripts share, whose
// compiled code Node.js keeps from the runs before.
enableCompileCache?.();
const { passedOver } = await import('./code-screen.js');
const { states: buffer, maxBytes, shortReadEnds } = workerData as ScreenWorkerData;
const states = new Uint8Array(buffer);

parentPort!.on('message', ({ first, paths: joined, openPaths }: ScreenBatch) => {
  const paths = splitPaths(joined);
  const open = splitPaths(openPaths);
  for (let offset = 0; offset < paths.length; offset++) {
    const index = first + offset;
    if (Atomics.compareExchange(states, index, fileState.free, fileState.taken) !== fileState.free) continue;
    Atomics.store(states, index, passedOver(paths[offset]!, open[offset]!, maxBytes, shortReadEnds) ? fileState.passedOver : fileState.toRead);
  }
});
