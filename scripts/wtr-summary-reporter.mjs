// A web-test-runner reporter that writes the run's counts to a JSON file, for scripts/test.mjs:
// { passed, failed, skipped, sessionErrors,
//   engines: { chromium: { passed, failed, skipped }, … },
//   files: [{ file, browser, engine, status, passed, failed, skipped, errors, failures: [{ test, error }] }] }.
// A test file whose session failed without a failing test (it did not load, threw at top
// level, timed out, or the browser crashed) counts as one failure, never as 0.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { engineOf } from './engines.mjs';

/** @typedef {{ name: string, passed: boolean, skipped: boolean, error?: { message?: string } }} TestResult */
/** @typedef {{ name: string, suites: SuiteResult[], tests: TestResult[] }} SuiteResult */

/**
 * @param {SuiteResult | undefined} suite
 * @param {string[]} path the names of the enclosing suites
 * @param {{ test: string, error: string }[]} failures collects the failed tests
 */
function count(suite, path, failures) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  if (!suite) return totals;
  const here = suite.name ? [...path, suite.name] : path;
  for (const test of suite.tests) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else {
      totals.failed += 1;
      failures.push({
        test: [...here, test.name].join(' › '),
        error: (test.error?.message ?? '').split('\n')[0] ?? '',
      });
    }
  }
  for (const child of suite.suites) {
    const sub = count(child, here, failures);
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
        /** @type {{ test: string, error: string }[]} */
        const failures = [];
        const totals = count(session.testResults, [], failures);
        const errors = (session.errors ?? []).map((error) => error.message);
        // A failed session with no failed test (load error, timeout, crash) is one failure.
        const sessionFailed = session.passed !== true && totals.failed === 0;
        const browser = session.browser?.name ?? '';
        return {
          file: relative(rootDir, session.testFile),
          browser,
          engine: engineOf(browser),
          status: session.status,
          passed: totals.passed,
          failed: totals.failed + (sessionFailed ? 1 : 0),
          skipped: totals.skipped,
          errors,
          failures,
        };
      });
      const sum = (list, key) => list.reduce((total, file) => total + file[key], 0);
      /** @type {Record<string, { passed: number, failed: number, skipped: number }>} */
      const engines = {};
      for (const engine of new Set(files.map((file) => file.engine))) {
        const own = files.filter((file) => file.engine === engine);
        engines[engine] = {
          passed: sum(own, 'passed'),
          failed: sum(own, 'failed'),
          skipped: sum(own, 'skipped'),
        };
      }
      const summary = {
        passed: sum(files, 'passed'),
        failed: sum(files, 'failed'),
        skipped: sum(files, 'skipped'),
        sessionErrors: files.filter((file) => file.errors.length > 0).length,
        engines,
        files,
      };
      mkdirSync(dirname(outputFile), { recursive: true });
      writeFileSync(outputFile, `${JSON.stringify(summary, null, 2)}\n`);
    },
  };
}
