import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Node.js built-in modules loaded at their first use, not at start: loading node:zlib and
 * node:child_process made every start about 5 ms longer, node:worker_threads 1.5 ms, node:v8 1 ms.
 * (`process.getBuiltinModule` would do, but it is newer than the Node.js 20.0 that `scan` runs on.)
 */
export function builtin(name: 'node:zlib'): typeof import('node:zlib');
export function builtin(name: 'node:child_process'): typeof import('node:child_process');
export function builtin(name: 'node:v8'): typeof import('node:v8');
export function builtin(name: 'node:worker_threads'): typeof import('node:worker_threads');
export function builtin(name: 'node:os'): typeof import('node:os');
export function builtin(name: string): unknown {
  return require(name);
}
