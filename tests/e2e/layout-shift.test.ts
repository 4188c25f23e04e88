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

  it('without JavaScript, the home page lists the articles and shows no dead Up next', async () => {
    browser = await launchBrowser({ ...PHONE, javaScriptEnabled: false });
    await browser.page.goto(url('/'), { waitUntil: 'load' });
    expect(await browser.page.locator('[data-queue]').isVisible()).toBe(false);
    expect(await browser.page.locator('.library a').count()).toBeGreaterThan(0);
    expect(await browser.page.locator('.library').isVisible()).toBe(true);
  });
});
