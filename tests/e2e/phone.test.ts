import { mkdir } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './support/browser';
import { url } from './support/env';
import { playerStatus, readingIndex as readingIndexIn } from './support/player';
import { installSpeechLog, waitForSpeech } from './support/speech';

const SEED = '/articles/tajikistan-kyrgyzstan-clashes/';
const SCREENSHOTS = 'test-results/screenshots';

/** Captures the page's Media Session handlers, so a test can press the lock-screen buttons. */
const MEDIA_HANDLERS_INIT = `(() => {
  window.__mediaHandlers = {};
  const original = navigator.mediaSession.setActionHandler.bind(navigator.mediaSession);
  navigator.mediaSession.setActionHandler = (action, handler) => {
    window.__mediaHandlers[action] = handler;
    original(action, handler);
  };
})();`;

function readingIndex(browser: LaunchedBrowser): Promise<number> {
  return readingIndexIn(browser.page);
}

/** The highlighted word: its text and its offset within its paragraph. */
function wordHighlight(browser: LaunchedBrowser) {
  return browser.page.evaluate(() => {
    const range = [...(CSS.highlights.get('ap-word') ?? [])][0] as Range | undefined;
    const block = document.querySelector('article-player [data-reading]');
    if (!range || !block) return null;
    const before = document.createRange();
    before.setStart(block, 0);
    before.setEnd(range.startContainer, range.startOffset);
    return { word: range.toString(), offset: before.toString().length, block: block.textContent };
  });
}

async function pressMediaKey(browser: LaunchedBrowser, action: string): Promise<void> {
  await browser.page.evaluate((name) => {
    const handlers = (window as unknown as { __mediaHandlers: Record<string, () => void> })
      .__mediaHandlers;
    handlers[name]!();
  }, action);
}

function status(browser: LaunchedBrowser): Promise<string> {
  return playerStatus(browser.page);
}

async function until<T>(
  probe: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs: number,
): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await probe();
      if (!ok(value)) throw new Error(`gave up waiting; last value ${JSON.stringify(value)}`);
      return value;
    },
    { timeout: timeoutMs, interval: 100 },
  );
}

describe('listening on a phone, with real speech', () => {
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    browser = await launchBrowser({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await installSpeechLog(browser.context);
    await browser.context.addInitScript({ content: MEDIA_HANDLERS_INIT });
    await browser.page.goto(url(SEED));
    await browser.page.locator('article-player button.play').waitFor();
    await browser.page.screenshot({ path: `${SCREENSHOTS}/phone-idle.png` });
  });

  // Each test opens the article itself: none depends on what the one before left.
  afterEach(async () => {
    await browser.page.evaluate(() => document.querySelector('article-player')?.stop());
  });

  afterAll(async () => {
    await browser.close();
  });

  async function open(): Promise<void> {
    await browser.page.goto(url(SEED));
    await browser.page.locator('article-player button.play').waitFor();
  }

  /** Opens the article and taps Play; resolves once the first utterance has started. */
  async function openAndPlay(): Promise<void> {
    await open();
    await browser.page.tap('article-player button.play');
    await waitForSpeech(browser.page, { type: 'start' }, 20_000);
  }

  it('puts the controls in a bar at the bottom, with 44 px targets', async () => {
    await open();
    const layout = await browser.page.evaluate(() => {
      const player = document.querySelector('article-player')!;
      const bar = player.shadowRoot!.querySelector('[part="bar"]')!.getBoundingClientRect();
      const targets = [...player.shadowRoot!.querySelectorAll('button, select, input')]
        .map((element) => element.getBoundingClientRect())
        .filter((rect) => rect.width > 0);
      return {
        barBottom: bar.bottom,
        viewport: innerHeight,
        smallest: Math.min(...targets.map((rect) => Math.min(rect.width, rect.height))),
      };
    });
    expect(Math.abs(layout.barBottom - layout.viewport)).toBeLessThan(2);
    expect(layout.smallest).toBeGreaterThanOrEqual(44);
  });

  it("keeps the app's messages clear of the bar at the bottom, and its Offline badge in the header", async () => {
    await open();
    const place = () =>
      browser.page.evaluate(() => {
        const bar = document
          .querySelector('article-player')!
          .shadowRoot!.querySelector('[part="bar"]')!
          .getBoundingClientRect();
        const message = document.querySelector('[data-app-status]')!;
        const badge = document.querySelector('.site-header .connection-badge');
        return {
          barTop: bar.top,
          message: message.textContent,
          messageBottom: message.getBoundingClientRect().bottom,
          dockHeight: document.querySelector('[data-app-actions]')!.getBoundingClientRect().height,
          badgeShown: badge !== null && badge.getBoundingClientRect().height > 0,
          headerHeight: document.querySelector('.site-header')!.getBoundingClientRect().height,
          articleTop: document.querySelector('article-player article')!.getBoundingClientRect().top,
        };
      });
    const online = await place();
    try {
      await browser.context.setOffline(true);
      const offline = await until(
        place,
        (p) => p.message.includes('offline') && p.messageBottom <= p.barTop,
        5_000,
      );
      // Nothing floats over the text while offline, and nothing moved for the badge.
      expect(offline.badgeShown).toBe(true);
      expect(offline.dockHeight).toBe(0);
      expect(offline.headerHeight).toBe(online.headerHeight);
      expect(offline.articleTop).toBe(online.articleTop);
    } finally {
      await browser.context.setOffline(false);
    }
  });

  it('lets a tap on the text under a message of the app through: it reads from there', async () => {
    await open();
    try {
      // "You are offline…", shown above the bar over the article's text for a while.
      await browser.context.setOffline(true);
      const under = await until(
        () =>
          browser.page.evaluate(() => {
            const message = document.querySelector('[data-app-status]')!;
            const box = message.getBoundingClientRect();
            if (!message.textContent || box.height === 0) return null;
            const x = box.left + box.width / 2;
            const y = box.top + box.height / 2;
            const paragraph = document
              .elementsFromPoint(x, y)
              .find((element) => element.matches('article-player article p'));
            return paragraph ? { x, y, text: paragraph.textContent.trim() } : null;
          }),
        (found) => found !== null,
        5_000,
      );
      await browser.page.touchscreen.tap(under!.x, under!.y);
      const reading = await until(
        () =>
          browser.page.evaluate(
            () => document.querySelector('article-player [data-reading]')?.textContent.trim() ?? '',
          ),
        (text) => text !== '',
        5_000,
      );
      expect(reading).toBe(under!.text);
      expect(await status(browser)).toBe('playing');
    } finally {
      await browser.context.setOffline(false);
      await browser.page.evaluate(() => document.querySelector('article-player')?.stop());
    }
  });

  it('highlights each word as it is spoken, moving forward within the paragraph', async () => {
    await openAndPlay();
    // The standfirst (block 1) is long enough to see several words go by.
    await until(
      () => readingIndex(browser),
      (index) => index === 1,
      20_000,
    );
    const seen: { word: string; offset: number }[] = [];
    // Until four words have gone by (each a new offset), or give up after 10 s.
    await until(
      async () => {
        const now = await wordHighlight(browser);
        if (now && now.offset !== seen[seen.length - 1]?.offset) seen.push(now);
        return seen.length;
      },
      (count) => count >= 4,
      10_000,
    );
    expect(seen.length).toBeGreaterThanOrEqual(4);
    const offsets = seen.map((entry) => entry.offset);
    expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
    for (const entry of seen) expect(entry.word).toMatch(/^[\p{L}\p{N}’'-]+$/u);
    // Nothing of the app floats over the text being read: Install is in the header, the dock is empty.
    const place = await browser.page.evaluate(() => {
      const install = document.querySelector('[data-install]')!.getBoundingClientRect();
      const header = document.querySelector('.site-header')!.getBoundingClientRect();
      const dock = document.querySelector('[data-app-actions]')!.getBoundingClientRect();
      return {
        installBottom: install.bottom,
        headerBottom: header.bottom,
        dockHeight: dock.height,
      };
    });
    expect(place.installBottom).toBeLessThanOrEqual(place.headerBottom);
    expect(place.dockHeight).toBe(0);
    await browser.page.screenshot({ path: `${SCREENSHOTS}/phone-playing.png` });
  });

  it('moves the paragraph highlight on', async () => {
    await openAndPlay();
    const index = await until(
      () => readingIndex(browser),
      (value) => value >= 2,
      30_000,
    );
    expect(index).toBeGreaterThanOrEqual(2);
  });

  it('sets the lock-screen metadata, and its buttons pause, resume and skip', async () => {
    await openAndPlay();
    const title = await browser.page.evaluate(() => navigator.mediaSession.metadata?.title);
    expect(title).toBe('Vladimir Putin calls for calm after Tajikistan-Kyrgyzstan clashes');
    expect(await browser.page.evaluate(() => navigator.mediaSession.playbackState)).toBe('playing');

    await pressMediaKey(browser, 'pause');
    expect(await status(browser)).toBe('paused');
    expect(await browser.page.evaluate(() => navigator.mediaSession.playbackState)).toBe('paused');

    await pressMediaKey(browser, 'play');
    expect(await status(browser)).toBe('playing');

    const before = await readingIndex(browser);
    await pressMediaKey(browser, 'nexttrack');
    expect(await readingIndex(browser)).toBe(before + 1);
    await waitForSpeech(browser.page, { type: 'start', count: 1, text: '' }, 10_000);
  });

  it('shows the settings dialog, accessible, at phone size', async () => {
    await open();
    await browser.page.tap('article-player [part~="settings"]');
    await browser.page.locator('article-player dialog[open]').waitFor();
    await browser.page.screenshot({ path: `${SCREENSHOTS}/phone-settings.png` });
    const results = await new AxeBuilder({ page: browser.page }).analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
    await browser.page.tap('article-player [part~="close"]');
  });
});

describe('resuming, with real speech', () => {
  it('offers to continue after a reload in paragraph 3, and continues from paragraph 3', async () => {
    const browser = await launchBrowser();
    try {
      await installSpeechLog(browser.context);
      await browser.page.goto(url(SEED));
      await browser.page
        .locator('article-player')
        .evaluate((player: HTMLElementTagNameMap['article-player']) => player.seek(2));
      await browser.page.click('article-player button.play');
      await waitForSpeech(browser.page, { type: 'start', text: 'Russian President' }, 20_000);
      expect(await readingIndex(browser)).toBe(2);

      await browser.page.reload();
      const offer = browser.page.locator('article-player [part~="resume"]');
      await offer.waitFor({ timeout: 10_000 });
      expect((await offer.textContent())?.trim()).toBe('Continue from paragraph 3');
      await offer.click();
      await waitForSpeech(browser.page, { type: 'start', text: 'Russian President' }, 20_000);
      expect(await readingIndex(browser)).toBe(2);
      await browser.page.evaluate(() => document.querySelector('article-player')?.stop());
    } finally {
      await browser.close();
    }
  });
});
