// Chromium behind the EngineBrowser interface: playwright-core, as in the Chromium-only tests.
import { launchBrowser } from './browser';
import type { EngineBrowser } from './engine-browser';

export async function launchChromium(): Promise<EngineBrowser> {
  const browser = await launchBrowser();
  const { page } = browser;
  // The page's first player, as the other drivers' querySelector finds it.
  const inPlayer = (selector: string) => page.locator('article-player').first().locator(selector);
  return {
    engine: 'chromium',
    version: `Chromium ${browser.context.browser()?.version() ?? ''}`.trim(),
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn) => page.evaluate(fn),
    async runScript(source) {
      await page.evaluate(`(() => {\n${source}\n})()`);
    },
    async clickInPlayer(selector) {
      await inPlayer(selector).click();
    },
    async clickInPage(selector, position) {
      await page.locator(selector).click({ position });
    },
    async selectInPlayer(selector, value) {
      await inPlayer(selector).selectOption(value);
    },
    close: () => browser.close(),
  };
}
