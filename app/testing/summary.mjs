// Prints one closing line for the whole `npm test` run from the two runners' JSON reports:
// "tests: N passed, N failed" (unit tests from vitest, browser tests from Playwright).
import { readFileSync } from 'node:fs';

const vitest = JSON.parse(readFileSync('test-reports/vitest.json', 'utf8'));
const e2e = JSON.parse(readFileSync('test-reports/e2e.json', 'utf8'));
const passed = vitest.numPassedTests + (e2e.stats.expected ?? 0);
const failed = vitest.numFailedTests + (e2e.stats.unexpected ?? 0) + (e2e.stats.flaky ?? 0);
const skipped = vitest.numPendingTests + vitest.numTodoTests + (e2e.stats.skipped ?? 0);
console.log(`unit ${vitest.numPassedTests} passed, browser ${e2e.stats.expected} passed`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed ? 1 : 0;
