#!/usr/bin/env node
import { nodeVersionProblem } from './node-version.js';

// The version check runs before the rest of the command line is loaded: on a Node.js that is too
// old, the rest might not even load.
const problem = nodeVersionProblem(process.argv.slice(2), process.version);
if (problem === undefined) {
  void import('./main.js');
} else {
  process.stderr.write(`sts-audit: ${problem}\n`);
  process.exitCode = 2;
}
