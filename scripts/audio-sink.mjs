// An audio sink for real speech in tests: a PulseAudio null sink that
// Chromium's speech (speech-dispatcher → espeak-ng → PulseAudio) plays into,
// and whose monitor source the tests record to prove that sound was made.
//
// Without a sink, `start` fires but `end` never does.
//
// Usage as a module:
//   const sink = startAudioSink();   // idempotent: reuses a running daemon and an existing sink
//   …
//   sink.stop();                     // undoes only what this call did
// As a script (for manual runs): `node scripts/audio-sink.mjs start|status`.
//
// Everything here is synchronous so that `stop()` also works from a process 'exit' handler.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Name of the null sink; its monitor source is `${SINK_NAME}.monitor`. */
export const SINK_NAME = process.env.AP_TEST_SINK ?? 'ap_test_sink';

function sh(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 15_000 });
  return {
    ok: result.status === 0 && !result.error,
    stdout: (result.stdout ?? '').trim(),
    stderr: (result.stderr ?? '').trim() || (result.error?.message ?? ''),
  };
}

/** Waits without giving up the thread (for setup and for 'exit' handlers). */
export function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function daemonRunning() {
  return sh('pulseaudio', ['--check']).ok && sh('pactl', ['info']).ok;
}

function waitForDaemon(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (sh('pactl', ['info']).ok) return true;
    sleepSync(100);
  }
  return false;
}

/** PID of the running daemon, read from the pid file next to its socket. */
function daemonPid() {
  const info = sh('pactl', ['info']);
  const match = /^Server String:\s*(?:unix:)?(\S+)$/m.exec(info.stdout);
  if (!match?.[1]) return null;
  try {
    const pid = Number.parseInt(readFileSync(join(dirname(match[1]), 'pid'), 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function sinkExists(name) {
  const sinks = sh('pactl', ['list', 'short', 'sinks']);
  return sinks.ok && sinks.stdout.split('\n').some((line) => line.split('\t')[1] === name);
}

/**
 * Starts PulseAudio when it is not running, loads a null sink named `sinkName`
 * when there is none, and makes it the default sink.
 *
 * @param {{ sinkName?: string, quiet?: boolean }} [options]
 * @returns {{ sinkName: string, monitor: string, startedDaemon: boolean, loadedModule: string | null, stop: () => void }}
 */
export function startAudioSink({ sinkName = SINK_NAME, quiet = false } = {}) {
  const log = (message) => {
    if (!quiet) console.log(`[audio-sink] ${message}`);
  };

  let startedPid = null;
  if (!daemonRunning()) {
    // As root, `pulseaudio --start` prints "This program is not intended to be run as root"
    // and works all the same (measured on Debian 12). `--daemonize` is the fallback.
    const attempts = [
      ['--start', '--exit-idle-time=-1'],
      ['--daemonize=yes', '--exit-idle-time=-1'],
    ];
    const failures = [];
    for (const args of attempts) {
      const result = sh('pulseaudio', args);
      if (waitForDaemon(5_000)) {
        startedPid = daemonPid();
        log(`started PulseAudio (pulseaudio ${args.join(' ')}, pid ${String(startedPid)})`);
        break;
      }
      failures.push(`pulseaudio ${args.join(' ')}: ${result.stderr || 'no daemon answered'}`);
    }
    if (startedPid === null && !daemonRunning()) {
      throw new Error(`Could not start PulseAudio:\n  ${failures.join('\n  ')}`);
    }
  }

  let loadedModule = null;
  let previousDefault = null;
  if (!sinkExists(sinkName)) {
    const load = sh('pactl', [
      'load-module',
      'module-null-sink',
      `sink_name=${sinkName}`,
      `sink_properties=device.description=${sinkName}`,
    ]);
    if (!load.ok) throw new Error(`pactl load-module module-null-sink failed: ${load.stderr}`);
    loadedModule = load.stdout;
    log(`loaded module-null-sink ${sinkName} (module ${loadedModule})`);
  }
  const current = sh('pactl', ['get-default-sink']);
  if (current.ok && current.stdout !== sinkName) {
    previousDefault = current.stdout;
    const set = sh('pactl', ['set-default-sink', sinkName]);
    if (!set.ok) throw new Error(`pactl set-default-sink ${sinkName} failed: ${set.stderr}`);
  }

  let stopped = false;
  return {
    sinkName,
    monitor: `${sinkName}.monitor`,
    startedDaemon: startedPid !== null,
    loadedModule,
    stop() {
      if (stopped) return;
      stopped = true;
      if (startedPid !== null) {
        // We started the daemon: stopping it also drops the sink.
        try {
          process.kill(startedPid, 'SIGTERM');
        } catch {
          /* already gone */
        }
        for (let i = 0; i < 30 && processAlive(startedPid); i += 1) sleepSync(100);
        log(`stopped PulseAudio (pid ${String(startedPid)})`);
        return;
      }
      if (previousDefault !== null && sinkExists(previousDefault)) {
        sh('pactl', ['set-default-sink', previousDefault]);
      }
      if (loadedModule !== null) {
        sh('pactl', ['unload-module', loadedModule]);
        log(`unloaded module ${loadedModule} (${sinkName})`);
      }
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const command = process.argv[2] ?? 'status';
  if (command === 'start') {
    // Leaves the daemon and sink running (for manual `npx vitest --config tests/e2e/…` runs).
    const sink = startAudioSink();
    console.log(`sink ${sink.sinkName} ready; record from ${sink.monitor}`);
  } else if (command === 'status') {
    const running = daemonRunning();
    console.log(`PulseAudio ${running ? `running (pid ${String(daemonPid())})` : 'not running'}`);
    if (running) console.log(`sink ${SINK_NAME} ${sinkExists(SINK_NAME) ? 'present' : 'absent'}`);
  } else {
    console.error('usage: node scripts/audio-sink.mjs start|status');
    process.exit(2);
  }
}
