// Runs the vitest suite and prints one closing line, "Tests: N passed, N failed, N skipped".
// A test file that fails to load (a broken import, a throw at the top level) has no tests of its
// own to count, so it counts as one failed test; the exit code is non-zero whenever vitest's is,
// or anything failed, or nothing ran at all.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const resultsFile = '.test-results.json';
// A results file left by an earlier run must never be summarised as this run's.
rmSync(resultsFile, { force: true });

const vitestPackage = createRequire(import.meta.url).resolve('vitest/package.json');
const vitest = path.join(path.dirname(vitestPackage), JSON.parse(readFileSync(vitestPackage, 'utf8')).bin.vitest);
const run = spawnSync(process.execPath, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)], { stdio: 'inherit' });

/** Counts of one run; files that failed outside any test count as failed tests. */
function summarise(results) {
  const brokenFiles = results.testResults.filter((file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'));
  for (const file of brokenFiles) console.error(`failed to run: ${file.name}: ${(file.message ?? '').split('\n')[0]}`);
  // Skipped tests say why in their names (an optional corpus that is absent, say): list them.
  for (const file of results.testResults) {
    for (const test of file.assertionResults) if (test.status === 'pending' || test.status === 'skipped' || test.status === 'todo') console.log(`skipped: ${test.fullName}`);
  }
  return {
    passed: results.numPassedTests,
    failed: results.numFailedTests + brokenFiles.length,
    skipped: results.numPendingTests + results.numTodoTests,
  };
}

const counts = existsSync(resultsFile)
  ? summarise(JSON.parse(readFileSync(resultsFile, 'utf8')))
  : { passed: 0, failed: 1, skipped: 0 };
if (!existsSync(resultsFile)) console.error(`vitest wrote no results (exit code ${run.status ?? run.signal})`);
console.log(`Tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(run.status !== 0 || counts.failed > 0 || counts.passed === 0 ? 1 : 0);
