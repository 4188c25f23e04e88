// The three browser engines of the component tests, as web-test-runner launchers, and a plugin
// that tells a test file which engine runs it (tests/component/engine.ts).
//
// - Chromium: Debian's, through @web/test-runner-playwright.
// - Firefox: Debian's firefox-esr, through puppeteer-core over WebDriver BiDi. Playwright cannot
//   drive a stock Firefox; @web/test-runner-puppeteer only wraps @web/test-runner-chrome's
//   launcher around the full `puppeteer` package (which downloads a browser), so we hand that
//   launcher puppeteer-core directly.
// - WebKit: MiniBrowser (WebKitGTK) through WebKitWebDriver and @web/test-runner-webdriver
//   (webdriverio, classic WebDriver), under Xvfb (scripts/webkit-driver.mjs).
//
// Which engines run: AP_ENGINES (scripts/engines.mjs).

import { chromeLauncher } from '@web/test-runner-chrome';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import * as puppeteerCore from 'puppeteer-core';
import { CHROMIUM_ARGS, SPEECH_ARG } from './chromium.mjs';
import { chordKeys, engineOf } from './engines.mjs';
import { FIREFOX_PATH } from './system-deps.mjs';
import { webkitCapabilities } from './webkit-driver.mjs';

/** Lets a puppeteer page press Playwright-style chords as down/press/up (BiDi has no chords). */
function pressChordsAsDownPressUp(page) {
  const keyboard = page.keyboard;
  const press = keyboard.press.bind(keyboard);
  keyboard.press = async (key, options) => {
    const keys = chordKeys(key);
    if (!keys) return press(key, options);
    const modifiers = keys.slice(0, -1);
    for (const modifier of modifiers) await keyboard.down(modifier);
    try {
      await press(keys.at(-1), options);
    } finally {
      for (const modifier of modifiers.reverse()) await keyboard.up(modifier);
    }
  };
  return page;
}

function chromium() {
  return playwrightLauncher({
    product: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      // Real voices for a test of the real engine (the fake engine does not need them).
      args: [...CHROMIUM_ARGS, SPEECH_ARG],
    },
  });
}

function firefox() {
  return chromeLauncher({
    // @web/test-runner-chrome names the launcher after `browser`: "Firefox".
    puppeteer: /** @type {any} */ (puppeteerCore),
    launchOptions: { browser: 'firefox', executablePath: FIREFOX_PATH, headless: true },
    createPage: async ({ context }) => pressChordsAsDownPressUp(await context.newPage()),
  });
}

/** @web/test-runner-webdriver's launcher, named "WebKit", pressing chords as one key action. */
class WebKitLauncher extends WebdriverLauncher {
  async initialize(config, testFiles) {
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }

  sendKeys(sessionId, keys) {
    // webdriverio's keys(['Shift', 'ArrowRight']) holds every key down, then lets them go.
    return super.sendKeys(
      sessionId,
      keys.flatMap((key) => chordKeys(key) ?? [key]),
    );
  }
}

/** @param {{ hostname: string, port: number }} driver a running WebKitWebDriver */
function webkit(driver) {
  return new WebKitLauncher({
    hostname: driver.hostname,
    port: driver.port,
    logLevel: 'error',
    capabilities: webkitCapabilities(),
  });
}

/**
 * The launchers of the selected engines. WebKit needs a running WebKitWebDriver.
 * @param {import('./engines.mjs').Engine[]} engines
 * @param {{ webkitDriver?: { hostname: string, port: number } | null }} [options]
 */
export function engineLaunchers(engines, { webkitDriver = null } = {}) {
  return engines.map((engine) => {
    if (engine === 'chromium') return chromium();
    if (engine === 'firefox') return firefox();
    if (!webkitDriver) throw new Error('WebKit needs a running WebKitWebDriver');
    return webkit(webkitDriver);
  });
}

/** Answers `executeServerCommand('ap-engine')` with the engine of the session's browser. */
export function enginePlugin() {
  return {
    name: 'ap-engine-command',
    /** @param {{ command: string, session: { browser: { name: string } } }} args */
    executeCommand({ command, session }) {
      if (command !== 'ap-engine') return undefined;
      return engineOf(session.browser.name);
    },
  };
}
