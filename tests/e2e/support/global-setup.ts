// vitest globalSetup of the end-to-end tests (runs once, in the main vitest process):
// checks the system programs, makes sure the audio sink exists, serves the built `dist/`
// with `vite preview` on 127.0.0.1:PORT, and undoes all of it afterwards.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview, type PreviewServer } from 'vite';
import { startAudioSink, type AudioSink } from '../../../scripts/audio-sink.mjs';
import { DEBIAN_PACKAGES, missingPrograms } from '../../../scripts/system-deps.mjs';
import { BASE_URL, PORT } from './env';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const DIST = fileURLToPath(new URL('../../../dist', import.meta.url));

async function waitUntilAnswering(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
      lastError = new Error(`HTTP ${String(response.status)}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within ${String(timeoutMs)} ms: ${String(lastError)}`);
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

  let sink: AudioSink | null = startAudioSink({ quiet: true });
  let server: PreviewServer | null = null;
  try {
    server = await preview({
      root: ROOT,
      logLevel: 'warn',
      preview: { host: '127.0.0.1', port: PORT, strictPort: true, open: false },
    });
    await waitUntilAnswering(`${BASE_URL}/`, 15_000);
  } catch (error) {
    await server?.close();
    sink.stop();
    throw error;
  }

  return async () => {
    await server?.close();
    server = null;
    sink?.stop();
    sink = null;
  };
}
