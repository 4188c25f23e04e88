// Nothing moves while a page of the app starts (issue 13): the layout shifts a listener would see
// (Cumulative Layout Shift, as Lighthouse counts it) on a phone, and what the page shows without
// JavaScript instead.
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './support/browser';
import { url } from './support/env';
import { startPacedServer } from './support/paced-server';

const SEED = '/articles/tajikistan-kyrgyzstan-clashes/';
const PHONE = { viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true };

/**
 * Every layout shift from the start of the page's load. The tests give no input, so none is let
 * off for input: Chromium marks shifts within 500 ms of a page's start as after input (the
 * emulated viewport counts as one), and Lighthouse counts those anyway.
 */
const SHIFTS = `(() => {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__shifts.push({
        value: entry.value,
        nodes: entry.sources.map((source) => source.node && source.node.nodeName),
        rects: entry.sources.map((source) => [source.previousRect.toJSON(), source.currentRect.toJSON()]),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

interface ShiftWindow {
  __shifts: { value: number; nodes: string[]; rects: unknown[] }[];
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

  // The pre-rendered bar comes in the page's HTML. Where the network pauses in the middle of it,
  // the browser paints what has arrived; on a phone the bar is docked at the bottom, and a bar
  // of one row that became three grew upward over the text (Lighthouse: CLS 0.014 in 2 runs of 3).
  it('an article page whose HTML pauses inside the player’s bar does not move on a phone', async () => {
    const seed = await (await fetch(url(SEED))).text();
    const play = seed.indexOf('part="button play"');
    expect(play).toBeGreaterThan(0);
    const cut = seed.indexOf('</button>', play) + '</button>'.length;
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const server = await startPacedServer(
      new Map([
        [
          SEED,
          async (write) => {
            write(seed.slice(0, cut));
            await released;
            write(seed.slice(cut));
          },
        ],
      ]),
    );
    try {
      browser = await launchBrowser({ ...PHONE, serviceWorkers: 'block' });
      await browser.context.addInitScript({ content: SHIFTS });
      const { page } = browser;
      await page.goto(`${server.origin}${SEED}`, { waitUntil: 'commit' });
      await page.waitForFunction(
        () => performance.getEntriesByName('first-contentful-paint').length > 0,
      );
      // The first buttons have arrived; the bar does not show them alone.
      const arrived = await page.evaluate(() => {
        const bar = document.querySelector('article-player')?.shadowRoot?.querySelector('.bar');
        const button = bar?.querySelector('button.play');
        return {
          parsing: document.readyState === 'loading',
          shown: button?.checkVisibility({ visibilityProperty: true }),
        };
      });
      expect(arrived).toEqual({ parsing: true, shown: false });
      release();
      await page.locator('article-player button.play:enabled').waitFor();
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      );
      expect(
        await page
          .locator('article-player button.play')
          .evaluate((button) => button.checkVisibility({ visibilityProperty: true })),
      ).toBe(true);
      const shifts = await page.evaluate(() => (window as unknown as ShiftWindow).__shifts);
      expect(shifts).toEqual([]);
    } finally {
      release();
      await server.close();
    }
  });

  it('without JavaScript, the home page lists the articles and shows no dead Up next', async () => {
    browser = await launchBrowser({ ...PHONE, javaScriptEnabled: false });
    await browser.page.goto(url('/'), { waitUntil: 'load' });
    expect(await browser.page.locator('[data-queue]').isVisible()).toBe(false);
    expect(await browser.page.locator('.library a').count()).toBeGreaterThan(0);
    expect(await browser.page.locator('.library').isVisible()).toBe(true);
  });
});
