// Prints one closing line, "Tests: N passed, N failed, N skipped", from vitest's JSON results.
import { readFileSync } from 'node:fs';

const results = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const skipped = results.numPendingTests + results.numTodoTests;
console.log(`Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`);
process.exit(results.numFailedTests > 0 || results.numTotalTests === 0 ? 1 : 0);
