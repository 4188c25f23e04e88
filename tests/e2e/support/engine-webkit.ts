// WebKit behind the EngineBrowser interface: WebKitGTK's MiniBrowser through WebKitWebDriver
// (classic WebDriver only), driven by webdriverio. scripts/test.mjs starts Xvfb and the driver
// and passes AP_WEBKIT_WEBDRIVER; without it, this starts its own for the session. WebKit speaks
// with its own Flite voices through GStreamer into PULSE_SINK (scripts/webkit-driver.mjs).
import { remote } from 'webdriverio';
import {
  startWebKitDriver,
  webkitCapabilities,
  webkitDriverFromEnv,
} from '../../../scripts/webkit-driver.mjs';
import type { EngineBrowser } from './engine-browser';

/**
 * `env`: a browser of its own, started with these variables added to its environment (the shared
 * driver's browser has the test sink's).
 */
export async function launchWebKit(env?: Record<string, string>): Promise<EngineBrowser> {
  let own: { stop(): void } | null = null;
  let driver = env ? null : webkitDriverFromEnv();
  if (!driver) {
    const started = await startWebKitDriver({ quiet: true, env });
    own = started;
    driver = { hostname: '127.0.0.1', port: started.port };
  }
  let browser: WebdriverIO.Browser;
  try {
    browser = await remote({ ...driver, logLevel: 'error', capabilities: webkitCapabilities() });
  } catch (error) {
    own?.stop();
    throw error;
  }
  // Shadow DOM through WebDriver's shadow-root commands.
  const inPlayer = async (selector: string) => {
    const element = browser.$('article-player').shadow$(selector);
    await element.waitForExist({ timeout: 10_000 });
    return element;
  };
  const caps = browser.capabilities as { browserName?: string; browserVersion?: string };
  return {
    engine: 'webkit',
    version: `${caps.browserName ?? 'MiniBrowser'} ${caps.browserVersion ?? ''}`.trim(),
    async goto(url) {
      await browser.url(url); // returns after the page's load
    },
    evaluate: <T>(fn: () => T | Promise<T>) =>
      browser.execute(`return (${fn.toString()})();`) as Promise<T>,
    async runScript(source) {
      await browser.execute(source);
    },
    async clickInPlayer(selector) {
      await (await inPlayer(selector)).click();
    },
    async clickInPage(selector, position) {
      // To the middle of the view first: an element click with offsets does not reach
      // MiniBrowser's page, a pointer at a point of the view does. ('instant': the app's page
      // scrolls smoothly, and a smooth scroll here has not moved when the pointer comes.) The
      // pointer waits two frames: the UI process places it by the scroll it was last sent, and a
      // click right after the scroll landed where the view had been (a link that went nowhere).
      const box = await browser.execute<DOMRectInit & { left: number; top: number }, []>(`
        const element = document.querySelector(${JSON.stringify(selector)});
        element.scrollIntoView({ block: 'center', behavior: 'instant' });
        return new Promise((resolve) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() => resolve(element.getBoundingClientRect().toJSON())),
          ),
        );
      `);
      const { x, y } = position ?? { x: (box.width ?? 0) / 2, y: (box.height ?? 0) / 2 };
      await browser
        .action('pointer')
        .move({ x: Math.round(box.left + x), y: Math.round(box.top + y) })
        .down()
        .up()
        .perform();
    },
    async selectInPlayer(selector, value) {
      await (await inPlayer(selector)).selectByAttribute('value', value);
    },
    async close() {
      try {
        await browser.deleteSession();
      } finally {
        own?.stop();
      }
    },
  };
}
