// Component tests: tests/component/**/*.test.ts in Debian's Chromium, with mocha and
// @open-wc/testing (chai `expect`, `fixture`, `html`, axe through `.to.be.accessible()`).
// Run them with `node scripts/test.mjs component`, or `npx web-test-runner` (add `--watch`).
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_ARGS, SPEECH_ARG } from './scripts/chromium.mjs';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';

/** Flags for Debian's Chromium here, with real voices for a test of the real engine (the fake engine does not need them). */
const chromiumArgs = [...CHROMIUM_ARGS, SPEECH_ARG];

// scripts/test.mjs sets AP_WTR_SUMMARY to collect the counts as JSON.
const summaryFile = process.env.AP_WTR_SUMMARY;

/**
 * @mozilla/readability is CommonJS only (Vite converts it for the app): served here as a module,
 * for the paste path's tests. Its Readability.js ends in `module.exports = Readability`.
 */
function readabilityAsModule() {
  return {
    name: 'readability-as-module',
    transform(context) {
      if (!context.path.includes('/@mozilla/readability/')) return undefined;
      if (context.path.endsWith('/index.js')) {
        return { body: "export { default as Readability } from './Readability.js';\n" };
      }
      if (context.path.endsWith('/Readability.js')) {
        return {
          body: `const module = { exports: {} };\n${context.body}\nexport default module.exports;\n`,
        };
      }
      return undefined;
    },
  };
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  files: ['tests/component/**/*.test.ts'],
  nodeResolve: true,
  plugins: [
    readabilityAsModule(),
    esbuildPlugin({
      ts: true,
      // Lit decorators: experimentalDecorators and useDefineForClassFields: false come from here.
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
      target: 'es2022',
    }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: chromiumArgs,
      },
    }),
  ],
  // One browser page at a time: the machine has 2 cores and one speech queue.
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: {
    config: { ui: 'bdd', timeout: 10_000 },
  },
  reporters: [
    defaultReporter({ reportTestResults: true, reportTestProgress: !process.env.CI }),
    ...(summaryFile ? [summaryReporter({ outputFile: summaryFile })] : []),
  ],
};
