// Component tests: tests/component/**/*.test.ts with mocha and @open-wc/testing (chai `expect`,
// `fixture`, `html`, axe through `.to.be.accessible()`), in three engines one after the other:
// Debian's Chromium, Firefox ESR and WebKitGTK's MiniBrowser (scripts/wtr-engines.mjs).
// Run them with `node scripts/test.mjs component`, or `npx web-test-runner` (add `--watch`);
// AP_ENGINES=firefox (or any comma-separated subset of chromium,firefox,webkit) picks engines.
// A test that needs what an engine's driver cannot do skips itself there (tests/component/engine.ts).
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { startWebKitDriver, webkitDriverFromEnv } from './scripts/webkit-driver.mjs';
import { selectedEngines } from './scripts/engines.mjs';
import { enginePlugin, engineLaunchers } from './scripts/wtr-engines.mjs';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';

const engines = selectedEngines();

// scripts/test.mjs starts Xvfb and WebKitWebDriver and passes AP_WEBKIT_WEBDRIVER; a direct
// `npx web-test-runner` starts its own and stops them when it exits.
let webkitDriver = webkitDriverFromEnv();
if (engines.includes('webkit') && !webkitDriver) {
  const started = await startWebKitDriver();
  process.once('exit', started.stop);
  webkitDriver = { hostname: '127.0.0.1', port: started.port };
}

// scripts/test.mjs sets AP_WTR_SUMMARY to collect the counts as JSON.
const summaryFile = process.env.AP_WTR_SUMMARY;

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  files: ['tests/component/**/*.test.ts'],
  nodeResolve: true,
  plugins: [
    esbuildPlugin({
      ts: true,
      // Lit decorators: experimentalDecorators and useDefineForClassFields: false come from here.
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
      target: 'es2022',
    }),
    enginePlugin(),
  ],
  browsers: engineLaunchers(engines, { webkitDriver }),
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
