#!/usr/bin/env node
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { runCached } from './code-cache.js';
import { nodeVersionProblem } from './node-version.js';

/** The hash of the command line's script, set as the bundles are built. */
declare const STS_AUDIT_MAIN_HASH: string;

// V8's compiled code for the modules the command line loads later (the cluster audit, the worker
// threads' scripts), kept between runs in the machine's temporary folder, or NODE_COMPILE_CACHE.
// Node.js before 22.1 has no such cache.
module.enableCompileCache?.();

// The version check runs before the rest of the command line is loaded: on a Node.js that is too
// old, the rest might not even load.
const problem = nodeVersionProblem(process.argv.slice(2), process.version);
if (problem === undefined) {
  const { exports } = runCached(fileURLToPath(new URL('./sts-audit-main.cjs', import.meta.url)), STS_AUDIT_MAIN_HASH);
  void (exports as { main(): Promise<void> }).main();
} else {
  process.stderr.write(`sts-audit: ${problem}\n`);
  process.exitCode = 2;
}
