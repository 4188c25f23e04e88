// Firefox behind the EngineBrowser interface: Debian's firefox-esr, headless, driven by
// puppeteer-core over WebDriver BiDi (Playwright cannot drive a stock Firefox). Firefox speaks
// through speech-dispatcher (it starts it, as Chromium does) into PulseAudio's default sink.
import { launch, type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_PATH } from '../../../scripts/system-deps.mjs';
import type { EngineBrowser } from './engine-browser';

export async function launchFirefox(): Promise<EngineBrowser> {
  const browser: Browser = await launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      // navigator.language and Accept-Language, as the other engines get them.
      'intl.accept_languages': 'en-US',
      'intl.locale.requested': 'en-US',
    },
  });
  let page: Page;
  try {
    page = (await browser.pages())[0] ?? (await browser.newPage());
  } catch (error) {
    await browser.close();
    throw error;
  }
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  // Puppeteer's `>>>` goes into shadow roots.
  const inPlayer = async (selector: string) => {
    const handle = await page.waitForSelector(`article-player >>> ${selector}`, {
      timeout: 10_000,
    });
    if (!handle) throw new Error(`firefox: no ${selector} in the player`);
    return handle;
  };
  return {
    engine: 'firefox',
    version: await browser.version(),
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn) => page.evaluate(fn),
    async runScript(source) {
      await page.evaluate(`(() => {\n${source}\n})()`);
    },
    async clickInPlayer(selector) {
      await (await inPlayer(selector)).click();
    },
    async clickInPage(selector, position) {
      const handle = await page.waitForSelector(selector, { timeout: 10_000 });
      if (!handle) throw new Error(`firefox: no ${selector} in the page`);
      await handle.click(position ? { offset: position } : {});
    },
    async selectInPlayer(selector, value) {
      await (await inPlayer(selector)).select(value);
    },
    async close() {
      await browser.close();
      if (pageErrors.length > 0)
        throw new Error(`Uncaught errors in the page:\n${pageErrors.join('\n')}`);
    },
  };
}
