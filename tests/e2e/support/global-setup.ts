// vitest globalSetup of the end-to-end tests (runs once, in the main vitest process):
// checks the system programs, makes sure the audio sink and the tests' own speech-dispatcher
// exist (scripts/speech-server.mjs), serves the built `dist/`
// with `vite preview` on 127.0.0.1:PORT (the same command as `npm run preview`), and undoes
// all of it afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { startAudioSink, type AudioSink } from '../../../scripts/audio-sink.mjs';
import { startSpeechServer } from '../../../scripts/speech-server.mjs';
import { DEBIAN_PACKAGES, missingPrograms } from '../../../scripts/system-deps.mjs';
import { BASE_URL, PORT } from './env';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const DIST = fileURLToPath(new URL('../../../dist', import.meta.url));
const VITE_BIN = fileURLToPath(new URL('../../../node_modules/vite/bin/vite.js', import.meta.url));

function startPreview(): { child: ChildProcess; output: () => string } {
  // Without vitest's variables: vite.config.ts must see a plain `vite preview`.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(VITEST|TEST$|NODE_ENV$)/.test(name)),
  );
  const child = spawn(
    process.execPath,
    [VITE_BIN, 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return { child, output: () => output };
}

/**
 * Resolves once our `vite preview` says it listens (another process may hold the port: its
 * answer is not trusted) and answers; rejects if it exits first or takes over `timeoutMs`.
 */
async function waitUntilAnswering(
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const listening = new Promise<void>((resolve, reject) => {
    const check = (): void => {
      if (!stripVTControlCharacters(output()).includes(`${BASE_URL}/`)) return;
      done();
      resolve();
    };
    const exited = (): void => {
      done();
      reject(
        new Error(
          `vite preview exited (${String(child.exitCode ?? child.signalCode)}) before answering ` +
            `(is port ${String(PORT)} taken? set AP_E2E_PORT):\n${output()}`,
        ),
      );
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`vite preview did not listen within ${String(timeoutMs)} ms:\n${output()}`));
    }, timeoutMs);
    const done = (): void => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.stderr?.off('data', check);
      child.off('exit', exited);
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', exited);
    check();
  });
  await listening;
  const response = await fetch(`${BASE_URL}/`, { signal: AbortSignal.timeout(timeoutMs) });
  await response.arrayBuffer();
  if (response.status >= 500) {
    throw new Error(
      `vite preview answered HTTP ${String(response.status)} at ${BASE_URL}/:\n${output()}`,
    );
  }
}

async function stopPreview(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export default async function setup(): Promise<() => Promise<void>> {
  const missing = missingPrograms();
  if (missing.length > 0) {
    throw new Error(
      `Missing programs: ${missing.map(({ program }) => program).join(', ')}. ` +
        `Run \`node scripts/system-deps.mjs\` as root, or apt-get install ${DEBIAN_PACKAGES.join(' ')}.`,
    );
  }
  if (!existsSync(DIST) || readdirSync(DIST).length === 0) {
    throw new Error(`No build in ${DIST}: run npm run build first (npm test does it for you).`);
  }

  const sink: AudioSink = startAudioSink({ quiet: true });
  // After the sink: the dispatcher opens its audio output when it starts.
  const speech = startSpeechServer({ quiet: true });
  const { child, output } = startPreview();
  // If vitest dies without running the teardown, do not leave the server behind.
  const killOnExit = (): void => {
    child.kill('SIGTERM');
  };
  process.once('exit', killOnExit);
  try {
    await waitUntilAnswering(child, output, 20_000);
  } catch (error) {
    await stopPreview(child);
    process.off('exit', killOnExit);
    speech.stop();
    sink.stop();
    throw error;
  }

  return async () => {
    await stopPreview(child);
    process.off('exit', killOnExit);
    speech.stop();
    sink.stop();
  };
}
