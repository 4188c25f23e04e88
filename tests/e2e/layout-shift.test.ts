// Nothing moves while a page of the app starts (issue 13): the layout shifts a listener would see
// (Cumulative Layout Shift, as Lighthouse counts it) on a phone, and what the page shows without
// JavaScript instead.
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './support/browser';
import { url } from './support/env';

const PHONE = { viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true };

/** Every layout shift not caused by input, from the start of the page's load. */
const SHIFTS = `(() => {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) {
        window.__shifts.push({
          value: entry.value,
          nodes: entry.sources.map((source) => source.node && source.node.nodeName),
        });
      }
    }
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

interface ShiftWindow {
  __shifts: { value: number; nodes: string[] }[];
}

let browser: LaunchedBrowser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

describe('layout shifts while the app starts', () => {
  it('the home page does not move when its script draws Up next and the library', async () => {
    browser = await launchBrowser(PHONE);
    await browser.context.addInitScript({ content: SHIFTS });
    await browser.page.goto(url('/'), { waitUntil: 'load' });
    // The script has run: Up next says it is empty and its Play all is disabled.
    await browser.page.waitForSelector('[data-play-all][aria-disabled="true"]', {
      state: 'attached',
    });
    // A frame after the script's changes, so that their shifts are reported.
    await browser.page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    const shifts = await browser.page.evaluate(() => (window as unknown as ShiftWindow).__shifts);
    expect(shifts).toEqual([]);
  });

  // Its players' bars are one row wide and two rows on a phone: the reserved room follows both.
  it.each([
    ['a phone', PHONE],
    ['a wide screen', { viewport: { width: 1280, height: 800 } }],
  ])(
    'the /embed/ page keeps its players’ places, as it tells publishers to, on %s',
    async (_, options) => {
      browser = await launchBrowser(options);
      await browser.context.addInitScript({ content: SHIFTS });
      // The player's script well after the text, as on a slow network.
      let release = (): void => undefined;
      const released = new Promise<void>((resolve) => (release = resolve));
      await browser.page.route('**/embed/article-player.js', async (route) => {
        await released;
        await route.continue();
      });
      // A module script holds DOMContentLoaded back: wait for the text's first paint instead.
      await browser.page.goto(url('/embed/'), { waitUntil: 'commit' });
      await browser.page.waitForFunction(
        () => performance.getEntriesByName('first-contentful-paint').length > 0,
      );
      expect(await browser.page.locator('article-player:not(:defined)').count()).toBe(2);
      // Layout shifts count only on screen: where each player's text is, and the page's height.
      const place = () =>
        browser!.page.evaluate(() => ({
          texts: [...document.querySelectorAll('article-player')].map(
            (player) => player.firstElementChild!.getBoundingClientRect().top + window.scrollY,
          ),
          height: document.documentElement.scrollHeight,
        }));
      const before = await place();
      release();
      await browser.page.waitForFunction(() =>
        [...document.querySelectorAll('article-player')].every((player) =>
          player.shadowRoot?.querySelector('[part~="play"]'),
        ),
      );
      await browser.page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      );
      expect(await place()).toEqual(before);
      const shifts = await browser.page.evaluate(() => (window as unknown as ShiftWindow).__shifts);
      expect(shifts).toEqual([]);
    },
  );

  it('without JavaScript, the home page lists the articles and shows no dead Up next', async () => {
    browser = await launchBrowser({ ...PHONE, javaScriptEnabled: false });
    await browser.page.goto(url('/'), { waitUntil: 'load' });
    expect(await browser.page.locator('[data-queue]').isVisible()).toBe(false);
    expect(await browser.page.locator('.library a').count()).toBeGreaterThan(0);
    expect(await browser.page.locator('.library').isVisible()).toBe(true);
  });
});
