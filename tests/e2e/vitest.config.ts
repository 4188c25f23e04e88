// End-to-end tests: a real Chromium (Debian's) with real speech, against `vite preview`
// of the built `dist/`. Run them through `node scripts/test.mjs e2e` (which builds first
// and sets up the audio sink), or `npx vitest run --config tests/e2e/vitest.config.ts`
// after `npm run build`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    // One speech queue (speech-dispatcher) and one audio sink per machine: never run files,
    // or tests inside a file, at the same time.
    fileParallelism: false,
    sequence: { concurrent: false },
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
