// The test command: `npm test` (all parts) or `node scripts/test.mjs unit|component|e2e`.
//
// 1. Checks the system programs the browser tests need (installs them as root with apt-get).
// 2. Starts an audio sink for real speech (PulseAudio null sink), the tests' own
//    speech-dispatcher (scripts/speech-server.mjs) and, for WebKit, Xvfb and WebKitWebDriver
//    (scripts/webkit-driver.mjs); all stopped again at the end.
// 3. Runs, in order: unit tests (vitest), component tests (web-test-runner, once per engine:
//    Chromium, Firefox, WebKit), then `npm run build` and the end-to-end tests (vitest,
//    tests/e2e/vitest.config.ts; tests/e2e/engines.test.ts speaks in every engine).
// AP_ENGINES=chromium,firefox,webkit (any subset) picks the engines.
// Each runner prints its own output; the counts come from machine-readable reports (vitest's
// JSON reporter, a web-test-runner summary reporter). A runner that crashes, or fails without
// a failing test, counts as one failure, never as 0 failed.
// The summary gives each part, and each engine's counts, skips and time under it; the last line
// is exactly `N passed, N failed`; the exit code is non-zero if anything failed.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAudioSink } from './audio-sink.mjs';
import { startSpeechServer } from './speech-server.mjs';
import { engineOf, selectedEngines } from './engines.mjs';
import { ensureSystemDeps } from './system-deps.mjs';
import { startWebKitDriver } from './webkit-driver.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PARTS = ['unit', 'component', 'e2e'];
const MINUTE = 60_000;
/** A part that runs longer than this is stopped and counted as failed (override in minutes). */
const PART_TIMEOUT_MS = Number(process.env.AP_TEST_TIMEOUT_MIN ?? 20) * MINUTE;

const bin = (path) => join(ROOT, 'node_modules', path);
const VITEST = bin('vitest/vitest.mjs');
const WTR = bin('@web/test-runner/dist/bin.js');

// ---------------------------------------------------------------------------------------------
// Running a child process (in its own process group, so that a timeout or Ctrl-C stops the
// whole tree: vitest workers, browsers).

/** @type {import('node:child_process').ChildProcess | null} */
let current = null;
let interrupted = false;

function killGroup(child, signal) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/**
 * Runs a command with inherited stdout/stderr. Resolves with its exit code, or a description of
 * how it failed to run (spawn error, signal, timeout).
 * @returns {Promise<{ code: number | null, problem: string | null }>}
 */
function run(command, args, { env = {}, timeoutMs = PART_TIMEOUT_MS } = {}) {
  return new Promise((resolve) => {
    console.log(`\n$ ${[command, ...args].join(' ')}`);
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    });
    current = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(
        `\n[test] ${command} ran longer than ${String(timeoutMs / MINUTE)} min: stopping it.`,
      );
      killGroup(child, 'SIGTERM');
      setTimeout(() => killGroup(child, 'SIGKILL'), 10_000).unref();
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      current = null;
      resolve({ code: null, problem: `could not start: ${error.message}` });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      current = null;
      // Make sure nothing of the group outlives the runner (e.g. a browser it left behind).
      killGroup(child, 'SIGKILL');
      let problem = null;
      if (timedOut) problem = `timed out after ${String(timeoutMs / MINUTE)} min`;
      else if (interrupted) problem = 'interrupted';
      else if (signal) problem = `killed by ${signal}`;
      resolve({ code, problem });
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Counting results.

/**
 * @typedef {{ engine: string, passed: number, failed: number, skipped: number, seconds: number }} EngineResult
 * @typedef {{ name: string, passed: number, failed: number, skipped: number, seconds: number, notes: string[], engines?: EngineResult[], enginesNote?: string }} PartResult
 */

/** The engine a vitest test belongs to: its describe block is titled "… in <engine>". */
function vitestEngine(test) {
  for (const title of test.ancestorTitles ?? []) {
    const match = /\bin (chromium|firefox|webkit)\b/i.exec(title);
    if (match?.[1]) return engineOf(match[1]);
  }
  return null;
}

/** Per-engine counts and time of the engine-parameterised tests in a vitest JSON report. */
function vitestEngines(report) {
  /** @type {Map<string, EngineResult>} */
  const engines = new Map();
  for (const file of report?.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      const engine = vitestEngine(test);
      if (!engine) continue;
      const entry = engines.get(engine) ?? { engine, passed: 0, failed: 0, skipped: 0, seconds: 0 };
      if (test.status === 'passed') entry.passed += 1;
      else if (test.status === 'failed') entry.failed += 1;
      else entry.skipped += 1;
      entry.seconds += (test.duration ?? 0) / 1000;
      engines.set(engine, entry);
    }
  }
  return [...engines.values()];
}

/** Counts from vitest's JSON report, made robust against crashes and failed files. */
function vitestResult(name, report, exit, seconds) {
  /** @type {PartResult} */
  const result = { name, passed: 0, failed: 0, skipped: 0, seconds, notes: [] };
  if (report && typeof report.numPassedTests === 'number') {
    result.passed = report.numPassedTests;
    result.failed = report.numFailedTests ?? 0;
    result.skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    // A file that failed without a failing test (import error, failing beforeAll) is one failure.
    for (const file of report.testResults ?? []) {
      const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
      if (file.status === 'failed' && failedTests.length === 0) {
        result.failed += 1;
        result.notes.push(`${file.name.replace(ROOT, '')}: failed outside any test`);
      }
    }
    result.engines = vitestEngines(report);
    if (result.engines.length > 0) {
      result.enginesNote =
        'per engine: the tests titled "… in <engine>" (tests/e2e/engines.test.ts); the other files run in Chromium';
    }
  } else {
    result.failed = 1;
    result.notes.push('no JSON report (the runner crashed): counted as 1 failure');
  }
  return finish(result, exit);
}

/** Counts from the web-test-runner summary reporter. */
function wtrResult(name, summary, exit, seconds) {
  /** @type {PartResult} */
  const result = { name, passed: 0, failed: 0, skipped: 0, seconds, notes: [] };
  if (summary && typeof summary.passed === 'number') {
    result.passed = summary.passed;
    result.failed = summary.failed;
    result.skipped = summary.skipped;
    for (const file of summary.files ?? []) {
      for (const error of file.errors ?? [])
        result.notes.push(`${file.file}: ${error.split('\n')[0]}`);
      for (const failure of file.failures ?? [])
        result.notes.push(`✗ ${file.file} › ${failure.test}`);
    }
  } else {
    result.failed = 1;
    result.notes.push('no summary report (the runner crashed): counted as 1 failure');
  }
  return finish(result, exit);
}

/** A runner that exited badly, or crashed, counts as failed even if it reported no failure. */
function finish(result, { code, problem }) {
  if (problem) result.notes.push(problem);
  if ((code !== 0 || problem) && result.failed === 0) {
    result.failed = 1;
    result.notes.push(
      `runner ${problem ?? `exited with code ${String(code)}`} without a failing test: counted as 1 failure`,
    );
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// The parts.

const reportsDir = mkdtempSync(join(tmpdir(), 'ap-test-'));

async function runVitest(name, extraArgs) {
  const outputFile = join(reportsDir, `${name}.json`);
  const started = Date.now();
  const exit = await run(process.execPath, [
    VITEST,
    'run',
    ...extraArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${outputFile}`,
  ]);
  return vitestResult(name, readJson(outputFile), exit, (Date.now() - started) / 1000);
}

const runners = {
  unit: () => runVitest('unit', []),

  // One web-test-runner per engine, one after the other: each engine's time is its own, and a
  // browser that crashes its runner does not take the other engines' results with it.
  async component() {
    /** @type {PartResult} */
    const total = { name: 'component', passed: 0, failed: 0, skipped: 0, seconds: 0, notes: [] };
    total.engines = [];
    for (const engine of engines) {
      if (interrupted) break;
      console.log(`\n── component tests in ${engine} ──`);
      let result;
      if (engine === 'webkit' && webkitDriver === null) {
        result = { name: engine, passed: 0, failed: 1, skipped: 0, seconds: 0, notes: [] };
        result.notes.push(`not run: ${webkitProblem ?? 'no WebKitWebDriver'}`);
      } else {
        const outputFile = join(reportsDir, `component-${engine}.json`);
        const started = Date.now();
        const exit = await run(process.execPath, [WTR], {
          env: { AP_WTR_SUMMARY: outputFile, AP_ENGINES: engine },
        });
        result = wtrResult(engine, readJson(outputFile), exit, (Date.now() - started) / 1000);
      }
      total.passed += result.passed;
      total.failed += result.failed;
      total.skipped += result.skipped;
      total.seconds += result.seconds;
      total.notes.push(...result.notes.map((note) => `${engine}: ${note}`));
      const { passed, failed, skipped, seconds } = result;
      total.engines.push({ engine, passed, failed, skipped, seconds });
    }
    return total;
  },

  async e2e() {
    const started = Date.now();
    // Under `npm test`, npm_execpath is the npm that runs us.
    const npmCli = process.env.npm_execpath;
    const build = npmCli?.endsWith('.js')
      ? await run(process.execPath, [npmCli, 'run', 'build'])
      : await run('npm', ['run', 'build']);
    if (build.code !== 0 || build.problem) {
      return finish(
        {
          name: 'e2e',
          passed: 0,
          failed: 0,
          skipped: 0,
          seconds: (Date.now() - started) / 1000,
          notes: ['npm run build failed: end-to-end tests not run'],
        },
        build.code === 0 ? { code: 1, problem: build.problem } : build,
      );
    }
    const result = await runVitest('e2e', ['--config', 'tests/e2e/vitest.config.ts']);
    result.seconds = (Date.now() - started) / 1000;
    return result;
  },
};

// ---------------------------------------------------------------------------------------------
// Main.

/** @type {{ stop: () => void } | null} */
let sink = null;
/** @type {{ stop: () => void } | null} */
let speechServer = null;
/** The engines of this run (AP_ENGINES, read in main). */
let engines = [];
/** @type {{ stop: () => void, url: string } | null} */
let webkitDriver = null;
/** Why WebKitWebDriver could not start (WebKit's tests then count one failure each part). */
let webkitProblem = null;
function cleanUp() {
  webkitDriver?.stop();
  webkitDriver = null;
  speechServer?.stop();
  speechServer = null;
  sink?.stop();
  sink = null;
  rmSync(reportsDir, { recursive: true, force: true });
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (interrupted) {
      // A second Ctrl-C: stop at once.
      if (current) killGroup(current, 'SIGKILL');
      cleanUp();
      process.exit(130);
    }
    interrupted = true;
    console.error(`\n[test] ${signal}: stopping the runner and cleaning up…`);
    if (current) {
      killGroup(current, 'SIGINT');
      const child = current;
      setTimeout(() => killGroup(child, 'SIGKILL'), 5_000).unref();
    }
  });
}

function summaryLine(results) {
  const passed = results.reduce((total, r) => total + r.passed, 0);
  const failed = results.reduce((total, r) => total + r.failed, 0);
  return { passed, failed, line: `${String(passed)} passed, ${String(failed)} failed` };
}

async function main() {
  const arg = process.argv[2];
  if (process.argv.length > 3 || (arg !== undefined && !PARTS.includes(arg))) {
    console.error(`usage: node scripts/test.mjs [${PARTS.join('|')}]`);
    return 2;
  }
  const selected = arg ? [arg] : PARTS;
  /** @type {PartResult[]} */
  const results = [];
  try {
    engines = selectedEngines();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 2;
  }

  const needsBrowser = selected.some((part) => part !== 'unit');
  try {
    if (needsBrowser) {
      ensureSystemDeps();
      sink = startAudioSink();
      speechServer = startSpeechServer();
      if (engines.includes('webkit')) {
        try {
          webkitDriver = await startWebKitDriver();
          // Read by web-test-runner.config.mjs and tests/e2e/support/engine-webkit.ts.
          process.env.AP_WEBKIT_WEBDRIVER = webkitDriver.url;
        } catch (error) {
          webkitProblem = error instanceof Error ? error.message : String(error);
          console.error(`\n[test] WebKitWebDriver did not start: ${webkitProblem}`);
        }
      }
    }
  } catch (error) {
    console.error(
      `\n[test] setup failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    results.push({
      name: 'setup',
      passed: 0,
      failed: 1,
      skipped: 0,
      seconds: 0,
      notes: ['setup failed'],
    });
  }

  if (results.length === 0) {
    for (const part of selected) {
      if (interrupted) {
        results.push({
          name: part,
          passed: 0,
          failed: 1,
          skipped: 0,
          seconds: 0,
          notes: ['not run (interrupted)'],
        });
        continue;
      }
      console.log(`\n━━━ ${part} tests ━━━`);
      results.push(await runners[part]());
    }
  }

  cleanUp();

  console.log('\n━━━ summary ━━━');
  for (const r of results) {
    const skipped = r.skipped ? `, ${String(r.skipped)} skipped` : '';
    console.log(
      `  ${r.name.padEnd(10)} ${String(r.passed)} passed / ${String(r.failed)} failed${skipped} (${r.seconds.toFixed(1)} s)`,
    );
    if (r.enginesNote) console.log(`    (${r.enginesNote})`);
    for (const e of r.engines ?? []) {
      const skips = e.skipped ? `, ${String(e.skipped)} skipped` : '';
      console.log(
        `    ${e.engine.padEnd(10)} ${String(e.passed)} passed / ${String(e.failed)} failed${skips} (${e.seconds.toFixed(1)} s)`,
      );
    }
    for (const note of r.notes) console.log(`             ${note}`);
  }
  const { failed, line } = summaryLine(results);
  console.log(line);
  if (interrupted) return 130;
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    cleanUp();
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
  },
);
