// WebKit for the tests: Debian's WebKitWebDriver in front of MiniBrowser (WebKitGTK), under
// Xvfb (MiniBrowser has no headless mode). Classic WebDriver only: drive it with webdriverio and
// the capabilities below (`webkitCapabilities()`).
//
// Usage as a module:
//   const driver = await startWebKitDriver();   // Xvfb on a free display, WebKitWebDriver on a free port
//   … webdriverio remote({ hostname: '127.0.0.1', port: driver.port, capabilities: webkitCapabilities() }) …
//   driver.stop();                              // synchronous, so it also works from an 'exit' handler
// As a script (for manual runs): `node scripts/webkit-driver.mjs` keeps both running until Ctrl-C
// and prints `AP_WEBKIT_WEBDRIVER=http://127.0.0.1:PORT` to export for the tests.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { pathToFileURL } from 'node:url';

export const WEBKIT_WEBDRIVER = process.env.WEBKIT_WEBDRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER =
  process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const XVFB = '/usr/bin/Xvfb';

/**
 * The environment WebKit needs here. `LANG=en_US.UTF-8`: under `C.UTF-8`, WebKitGTK reports
 * `navigator.language` as "C" (it takes the name from LANG; the locale need not be installed).
 * `PULSE_SINK`: WebKit's speech (Flite → GStreamer → PulseAudio) plays into the test sink.
 */
export function webkitEnv(sinkName = process.env.AP_TEST_SINK ?? 'ap_test_sink') {
  return { LANG: 'en_US.UTF-8', LC_ALL: '', LANGUAGE: '', PULSE_SINK: sinkName };
}

/** webdriverio capabilities for MiniBrowser through WebKitWebDriver. */
export function webkitCapabilities() {
  return {
    browserName: 'MiniBrowser',
    // WebKitWebDriver speaks classic WebDriver only; without this, webdriverio 9 tries BiDi.
    'wdio:enforceWebDriverClassic': true,
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function killQuietly(child, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    child.kill(signal);
  } catch {
    /* already gone */
  }
}

/** Starts Xvfb with `-displayfd`, which picks a free display and writes its number. */
function startXvfb(timeoutMs) {
  const child = spawn(
    XVFB,
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  let errors = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => (errors += chunk));
  return new Promise((resolve, reject) => {
    let number = '';
    const timer = setTimeout(() => {
      killQuietly(child, 'SIGKILL');
      reject(new Error(`Xvfb gave no display within ${String(timeoutMs)} ms: ${errors}`));
    }, timeoutMs);
    child.stdio[3].setEncoding('utf8').on('data', (chunk) => {
      number += chunk;
      if (number.includes('\n')) {
        clearTimeout(timer);
        resolve({ child, display: `:${number.trim()}` });
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Cannot start ${XVFB}: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(`Xvfb exited (${String(code ?? signal)}) before giving a display: ${errors}`),
      );
    });
  });
}

async function waitForDriver(child, port, output, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `WebKitWebDriver exited (${String(child.exitCode ?? child.signalCode)}): ${output()}`,
      );
    }
    try {
      const response = await fetch(`http://127.0.0.1:${String(port)}/status`, {
        signal: AbortSignal.timeout(1_000),
      });
      const body = await response.json();
      if (response.ok && body?.value?.ready !== false) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      throw new Error(`WebKitWebDriver did not answer within ${String(timeoutMs)} ms: ${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Starts Xvfb and WebKitWebDriver (which starts MiniBrowser on a new session).
 * `env` is added to the browser's environment (e.g. a `PULSE_SERVER` that is not there: no sound).
 * @param {{ timeoutMs?: number, quiet?: boolean, env?: Record<string, string> }} [options]
 * @returns {Promise<{ port: number, url: string, display: string, stop: () => void }>}
 */
export async function startWebKitDriver({ timeoutMs = 15_000, quiet = false, env = {} } = {}) {
  const log = (message) => {
    if (!quiet) console.log(`[webkit-driver] ${message}`);
  };
  const xvfb = await startXvfb(timeoutMs);
  const port = await freePort();
  const driver = spawn(WEBKIT_WEBDRIVER, [`--port=${String(port)}`, '--host=127.0.0.1'], {
    env: { ...process.env, ...webkitEnv(), DISPLAY: xvfb.display, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  driver.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  driver.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  const spawnFailed = new Promise((_, reject) =>
    driver.once('error', (error) =>
      reject(new Error(`Cannot start ${WEBKIT_WEBDRIVER}: ${error.message}`)),
    ),
  );

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    // WebKitWebDriver ends the MiniBrowser of an open session when it is terminated.
    killQuietly(driver);
    killQuietly(xvfb.child);
    log(`stopped WebKitWebDriver (port ${String(port)}) and Xvfb (${xvfb.display})`);
  };
  try {
    await Promise.race([waitForDriver(driver, port, () => output, timeoutMs), spawnFailed]);
  } catch (error) {
    stop();
    throw error;
  }
  log(`WebKitWebDriver on port ${String(port)}, Xvfb on display ${xvfb.display}`);
  return { port, url: `http://127.0.0.1:${String(port)}`, display: xvfb.display, stop };
}

/** The host and port of a running driver from `AP_WEBKIT_WEBDRIVER` (set by scripts/test.mjs), or null. */
export function webkitDriverFromEnv() {
  const value = process.env.AP_WEBKIT_WEBDRIVER;
  if (!value) return null;
  const parsed = new URL(value);
  return { hostname: parsed.hostname, port: Number(parsed.port) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const driver = await startWebKitDriver();
  console.log(`AP_WEBKIT_WEBDRIVER=${driver.url}`);
  const end = () => {
    driver.stop();
    process.exit(0);
  };
  process.on('SIGINT', end);
  process.on('SIGTERM', end);
}
