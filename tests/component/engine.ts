// Which browser engine runs this test file, and skipping a test where the engine's *driver*
// (not the engine, not the player) lacks what the test needs. Never use this to hide a fault of
// the player: a test that fails in one engine because of the product stays failing.
import { executeServerCommand } from '@web/test-runner-commands';

export type Engine = 'chromium' | 'firefox' | 'webkit';

/** The engine of this run, from the test runner (scripts/wtr-engines.mjs). */
export const engine = await executeServerCommand<Engine, undefined>('ap-engine');

/** What a test may need from the driver, and the engines whose driver cannot do it. */
const MISSING: Record<DriverCapability, Partial<Record<Engine, string>>> = {
  emulateMedia: {
    firefox: 'puppeteer over WebDriver BiDi cannot emulate media features in Firefox',
    webkit: '@web/test-runner-webdriver (classic WebDriver) cannot emulate media features',
  },
  setViewport: {
    webkit: '@web/test-runner-webdriver (classic WebDriver) cannot set the viewport',
  },
};

export type DriverCapability = 'emulateMedia' | 'setViewport';

/** True when this engine's driver can do `capability`. */
export function driverCan(capability: DriverCapability): boolean {
  return MISSING[capability][engine] === undefined;
}

// The test that is running: mocha marks a test pending when its own `skip()` is called in it.
let running: Mocha.Test | undefined;
beforeEach(function () {
  running = this.currentTest;
});

/**
 * Skips the running test when this engine's driver lacks `capability`; the reason is logged.
 * Call it first in the test: `needsDriver('emulateMedia');`.
 */
export function needsDriver(capability: DriverCapability): void {
  const reason = MISSING[capability][engine];
  if (reason === undefined) return;
  if (!running) throw new Error('needsDriver() is for the body of a test');
  console.info(`"${running.title}" skipped in ${engine}: ${reason}`);
  running.skip();
}
