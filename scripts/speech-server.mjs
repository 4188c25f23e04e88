// The tests' own speech-dispatcher, for real speech in Chromium and Firefox (both speak through
// it on Linux; WebKit's Flite does not).
//
// Left to themselves, the browsers start one on the user's default socket, and it outlives them.
// One started while no audio server was up keeps a dead output: every later run's speech then
// gets no `end`. Another, still exiting from the run before, drops the next run's first speech.
// So a run starts its own, after the audio sink, on a socket of its own (`SPEECHD_ADDRESS`,
// which the browsers it launches inherit), and stops it at the end. It never touches the
// user's (a screen reader may be speaking through it).
//
// Usage: `const speech = startSpeechServer(); … speech.stop();` (idempotent: a run inside a run
// that already started one, such as the e2e tests under `npm test`, reuses it).
// Synchronous, so that `stop()` also works from a process 'exit' handler.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sleepSync } from './audio-sink.mjs';

const PREFIX = 'unix_socket:';

/**
 * Starts a speech-dispatcher on a socket of its own and points `SPEECHD_ADDRESS` at it, unless
 * one this way is already running. Where speech-dispatcher cannot start, the browsers start
 * their own as before (a warning says so).
 *
 * @param {{ quiet?: boolean }} [options]
 * @returns {{ address: string | null, stop: () => void }}
 */
export function startSpeechServer({ quiet = false } = {}) {
  const log = (message) => {
    if (!quiet) console.log(`[speech-server] ${message}`);
  };
  const inherited = process.env.SPEECHD_ADDRESS;
  if (inherited?.startsWith(PREFIX) && existsSync(inherited.slice(PREFIX.length))) {
    return { address: inherited, stop() {} };
  }
  const dir = mkdtempSync(join(tmpdir(), 'ap-speechd-'));
  const socket = join(dir, 'speechd.sock');
  // -s: in the foreground, ours to stop; -t 0: never exit on its own while the run goes on.
  const child = spawn(
    'speech-dispatcher',
    ['-s', '-t', '0', '-c', 'unix_socket', '-S', socket, '-P', join(dir, 'pid'), '-L', dir],
    { stdio: 'ignore', detached: true },
  );
  let failed = null;
  child.on('error', (error) => (failed = error));
  child.unref();
  const deadline = Date.now() + 10_000;
  // It makes its socket once it listens.
  while (Date.now() < deadline && !failed && !existsSync(socket)) {
    sleepSync(100);
  }
  if (failed || !existsSync(socket)) {
    const reason = failed ? failed.message : 'it made no socket within 10 s';
    console.warn(
      `[speech-server] speech-dispatcher did not start (${reason}); the browsers start their own`,
    );
    if (child.pid !== undefined && !failed) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    rmSync(dir, { recursive: true, force: true });
    return { address: null, stop() {} };
  }
  const address = `${PREFIX}${socket}`;
  process.env.SPEECHD_ADDRESS = address;
  log(`started speech-dispatcher (pid ${String(child.pid)}) on ${socket}`);
  let stopped = false;
  return {
    address,
    stop() {
      if (stopped) return;
      stopped = true;
      if (process.env.SPEECHD_ADDRESS === address) {
        if (inherited === undefined) delete process.env.SPEECHD_ADDRESS;
        else process.env.SPEECHD_ADDRESS = inherited;
      }
      try {
        process.kill(/** @type {number} */ (child.pid), 'SIGTERM');
      } catch {
        /* already gone */
      }
      rmSync(dir, { recursive: true, force: true });
      log(`stopped speech-dispatcher (pid ${String(child.pid)})`);
    },
  };
}
