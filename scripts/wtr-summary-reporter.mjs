// A web-test-runner reporter that writes the run's counts to a JSON file, for scripts/test.mjs:
// { passed, failed, skipped, sessionErrors, files: [{ file, browser, status, passed, failed, skipped, errors }] }.
// A test file whose session failed without a failing test (it did not load, threw at top
// level, timed out, or the browser crashed) counts as one failure, never as 0.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

/** @typedef {{ name: string, suites: SuiteResult[], tests: { name: string, passed: boolean, skipped: boolean }[] }} SuiteResult */

/** @param {SuiteResult | undefined} suite */
function count(suite) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  if (!suite) return totals;
  for (const test of suite.tests) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites) {
    const sub = count(child);
    totals.passed += sub.passed;
    totals.failed += sub.failed;
    totals.skipped += sub.skipped;
  }
  return totals;
}

/**
 * @param {{ outputFile: string }} options
 * @returns {import('@web/test-runner').Reporter}
 */
export function summaryReporter({ outputFile }) {
  let rootDir = process.cwd();
  return {
    start({ config }) {
      rootDir = config.rootDir ?? rootDir;
    },
    stop({ sessions }) {
      const files = sessions.map((session) => {
        const totals = count(session.testResults);
        const errors = (session.errors ?? []).map((error) => error.message);
        // A failed session with no failed test (load error, timeout, crash) is one failure.
        const sessionFailed = session.passed !== true && totals.failed === 0;
        return {
          file: relative(rootDir, session.testFile),
          browser: session.browser?.name ?? '',
          status: session.status,
          passed: totals.passed,
          failed: totals.failed + (sessionFailed ? 1 : 0),
          skipped: totals.skipped,
          errors,
        };
      });
      const sum = (key) => files.reduce((total, file) => total + file[key], 0);
      const summary = {
        passed: sum('passed'),
        failed: sum('failed'),
        skipped: sum('skipped'),
        sessionErrors: files.filter((file) => file.errors.length > 0).length,
        files,
      };
      mkdirSync(dirname(outputFile), { recursive: true });
      writeFileSync(outputFile, `${JSON.stringify(summary, null, 2)}\n`);
    },
  };
}
