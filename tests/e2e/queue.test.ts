// Up next with real speech: Play all on the home page, one article after another in the same
// page without a click, the address and Back, the lock-screen track keys, and the progress shown
// in the library after a reload, offline.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeScan, formatViolations } from './support/axe';
import { launchBrowser, type LaunchedBrowser } from './support/browser';
import { url } from './support/env';
import { playerStatus } from './support/player';
import { clearSiteStorage, waitForServiceWorker } from './support/pwa';
import { installSpeechLog, speechLog, waitForSpeech, type SpeechLogEntry } from './support/speech';

/** Captures the Media Session handlers (to press the lock-screen keys), counts clicks, and logs
 * the player's `ap-paragraph` events. */
const INIT = `(() => {
  window.__mediaHandlers = {};
  const original = navigator.mediaSession.setActionHandler.bind(navigator.mediaSession);
  navigator.mediaSession.setActionHandler = (action, handler) => {
    window.__mediaHandlers[action] = handler;
    original(action, handler);
  };
  window.__clicks = 0;
  document.addEventListener('click', () => { window.__clicks += 1; }, true);
  // Whether speak() was called inside a click's dispatch (iOS refuses it anywhere else).
  window.__spokenInClick = [];
  let inClick = false;
  document.addEventListener('click', () => { inClick = true; }, true);
  window.addEventListener('click', () => { inClick = false; });
  const proto = Object.getPrototypeOf(window.speechSynthesis);
  const speak = proto.speak;
  proto.speak = function (utterance) {
    window.__spokenInClick.push([utterance.text, inClick]);
    return speak.call(this, utterance);
  };
  window.__paragraph = null;
  document.addEventListener('ap-paragraph', (event) => { window.__paragraph = event.detail; });
})();`;

interface TestWindow {
  __mediaHandlers: Record<string, (() => void) | null>;
  __clicks: number;
  __paragraph: { index: number; total: number } | null;
  __spokenInClick: [string, boolean][];
}

async function pressMediaKey(browser: LaunchedBrowser, action: string): Promise<void> {
  await browser.page.evaluate((name) => {
    const handler = (window as unknown as TestWindow).__mediaHandlers[name];
    if (!handler) throw new Error(`no ${name} handler`);
    handler();
  }, action);
}

const entries = (log: SpeechLogEntry[], type: string, text?: string) =>
  log.filter((entry) => entry.type === type && (text === undefined || entry.text === text));

/** Seeks the playing article to its last block, so that it ends soon. */
async function seekToLastBlock(browser: LaunchedBrowser): Promise<void> {
  await browser.page.waitForFunction(() => (window as unknown as TestWindow).__paragraph !== null);
  await browser.page.evaluate(async () => {
    const total = (window as unknown as TestWindow).__paragraph?.total ?? 1;
    await document.querySelector('article-player')?.seek(total - 1);
  });
}

/**
 * A record of the app's session store (IndexedDB `article-player-session`), after writing
 * `value` there first when one is given.
 */
function sessionRecord(page: Page, key: string, value?: unknown): Promise<unknown> {
  return page.evaluate(
    ([key, value]) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('article-player-session');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          try {
            const transaction = db.transaction(
              'records',
              value === undefined ? 'readonly' : 'readwrite',
            );
            const store = transaction.objectStore('records');
            if (value !== undefined) store.put(value, key);
            const read = store.get(key);
            transaction.oncomplete = () => resolve(read.result);
            transaction.onabort = () => reject(transaction.error ?? new Error('aborted'));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          } finally {
            db.close();
          }
        };
      }),
    [key, value] as const,
  );
}

describe('Up next, with real speech', () => {
  let browser: LaunchedBrowser;
  /** The first two articles of the library: [title, address]. */
  let articles: [string, string][];

  beforeAll(async () => {
    browser = await launchBrowser();
    await installSpeechLog(browser.context);
    await browser.context.addInitScript({ content: INIT });
    const { page } = browser;
    await page.goto(url('/'));
    await waitForServiceWorker(page);
    const links = page.locator('.library .article-card h3 a');
    articles = [];
    for (const link of (await links.all()).slice(0, 2)) {
      articles.push([
        (await link.innerText()).trim(),
        new URL(await link.evaluate((a) => (a as HTMLAnchorElement).href)).pathname,
      ]);
    }
  });

  /**
   * The home page as on a first visit, but for the service worker: nothing heard, queued, saved
   * or set (each test starts from its own state, whatever ran before it).
   */
  async function homeWithEmptyQueue(): Promise<void> {
    const { page } = browser;
    await browser.context.setOffline(false);
    await clearSiteStorage(browser.context, page, new URL(url('/')).origin);
    await page.goto(url('/'));
    await page.locator('[data-clear-queue][aria-disabled="true"]').waitFor({ state: 'attached' });
    expect(await page.locator('[data-queue-list] > li').count()).toBe(0);
  }

  /** The home page with the first two articles in Up next, in order. */
  async function homeWithBothQueued(): Promise<void> {
    await homeWithEmptyQueue();
    await queueBoth();
  }

  /** Adds the first two articles to Up next on the home page. */
  async function queueBoth(): Promise<void> {
    const { page } = browser;
    await page.goto(url('/'));
    for (const [title] of articles) {
      await page.getByRole('button', { name: `Add to Up next: ${title}` }).click();
    }
    await expect
      .poll(() => page.locator('[data-queue-list] > li .queue-title').allInnerTexts())
      .toEqual(articles.map(([title]) => title));
  }

  afterAll(async () => {
    await browser.page.evaluate(() => document.querySelector('article-player')?.stop());
    await browser.context.setOffline(false);
    await browser.close();
  });

  it('adds two articles to Up next; Move down by keyboard keeps the focus; no axe violations', async () => {
    const { page } = browser;
    await homeWithEmptyQueue();
    const [[first], [second]] = articles as [[string, string], [string, string]];
    await page.getByRole('button', { name: `Add to Up next: ${first}` }).click();
    await expect
      .poll(() => page.locator('[data-app-status]').innerText())
      .toMatch(/Added .* 1 item/u);
    await page.getByRole('button', { name: `Add to Up next: ${second}` }).click();
    const queue = page.locator('[data-queue-list] > li .queue-title');
    await expect.poll(() => queue.allInnerTexts()).toEqual([first, second]);
    // Each title in its own language, as its card has it (the page is English; one is French).
    const cardLangs = await page
      .locator('.library .article-card h3')
      .evaluateAll((headings: HTMLElement[]) =>
        headings.slice(0, 2).map((heading) => heading.lang),
      );
    expect(cardLangs).toContain('fr');
    expect(
      await queue.evaluateAll((links: HTMLElement[]) => links.map((link) => link.lang)),
    ).toEqual(cardLangs);
    // The toggle now says Remove, and is pressed.
    expect(
      await page
        .getByRole('button', { name: `Remove from Up next: ${second}` })
        .first()
        .getAttribute('aria-pressed'),
    ).toBe('true');

    // Keyboard only: Move down the first, focus stays on its button; then back up.
    const moveDown = page.getByRole('button', { name: `Move down: ${first}` });
    await moveDown.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => queue.allInnerTexts()).toEqual([second, first]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      `Move down: ${first}`,
    );
    expect(await page.locator('[data-app-status]').innerText()).toMatch(/is now 2 of 2/u);
    await page.getByRole('button', { name: `Move up: ${first}` }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => queue.allInnerTexts()).toEqual([first, second]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      `Move up: ${first}`,
    );

    const results = await axeScan(page);
    expect(results.violations, formatViolations(results.violations)).toEqual([]);
  });

  it('Play all: the second article starts after the first without a click, its address is shown, Back returns', async () => {
    const { page } = browser;
    const [[first, firstUrl], [second, secondUrl]] = articles as [
      [string, string],
      [string, string],
    ];
    await homeWithBothQueued();
    // Ready: the player is loaded and the first article fetched, so the tap itself speaks.
    await page.locator('[data-play-all][data-ready]').waitFor();
    await page.getByRole('button', { name: 'Play all' }).click();
    await waitForSpeech(page, { type: 'start', text: first }, 30_000);
    // One gesture: the first article's speech began inside the tap on Play all.
    expect(
      (await page.evaluate(() => (window as unknown as TestWindow).__spokenInClick))[0],
    ).toEqual([first, true]);
    expect(new URL(page.url()).pathname).toBe(firstUrl);
    expect(await page.title()).toContain(first);
    // Fast, to reach the end soon (and remembered for the next article).
    await page.locator('article-player select[part="speed"]').selectOption('3');
    await seekToLastBlock(browser);
    const clicksBefore = await page.evaluate(() => (window as unknown as TestWindow).__clicks);

    const announcement = 'Next article.';
    await waitForSpeech(page, { type: 'end', text: announcement }, 60_000);
    await page.waitForFunction(
      (title) => (window.__speechLog ?? []).some((e) => e.type === 'start' && e.text === title),
      second,
      { timeout: 30_000, polling: 20 },
    );
    expect(await page.evaluate(() => (window as unknown as TestWindow).__clicks)).toBe(
      clicksBefore,
    );
    expect(new URL(page.url()).pathname).toBe(secondUrl);
    expect(await page.locator('main article-player h1').innerText()).toBe(second);
    expect(await playerStatus(page)).toBe('playing');

    const log = await speechLog(page);
    const announced = entries(log, 'start', announcement)[0];
    const announcedEnd = entries(log, 'end', announcement)[0];
    const lastEnd = log
      .filter((e) => e.type === 'end' && announced && e.time <= announced.time)
      .at(-1);
    const nextStart = log.find(
      (e) => e.type === 'start' && e.text === second && announcedEnd && e.time >= announcedEnd.time,
    );
    expect(announced && announcedEnd && lastEnd && nextStart).toBeTruthy();
    if (!announced || !announcedEnd || !lastEnd || !nextStart) return;
    const toAnnouncement = announced.time - lastEnd.time;
    const announcing = announcedEnd.time - announced.time;
    const toArticle = nextStart.time - announcedEnd.time;
    console.log(
      `[queue] gap between articles: ${(nextStart.time - lastEnd.time).toFixed(0)} ms = ` +
        `${toAnnouncement.toFixed(0)} ms to the announcement + ${announcing.toFixed(0)} ms of "${announcement}" + ` +
        `${toArticle.toFixed(0)} ms to the next article's first start`,
    );
    // No wait between the articles by design. The gap's length is printed above, not asserted:
    // the speech server's latency on a loaded machine is not the player's (CI once saw 306 ms).
    // `npm run bench -- --only=speak` measures it beside that latency (scripts/bench/queue.mjs).
    // the next article was fetched while the first was still being read, and each utterance is
    // the very next thing spoken after the one before.
    const secondFetched = await page.evaluate(
      (url) =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => new URL(entry.name).pathname === url)
          .map((entry) => (entry as PerformanceResourceTiming).responseEnd),
      secondUrl,
    );
    expect(secondFetched.length).toBeGreaterThan(0);
    expect(Math.min(...secondFetched)).toBeLessThan(announced.time);
    const spokenAfterLast = log.filter((e) => e.type === 'speak' && e.time >= lastEnd.time);
    expect(spokenAfterLast.slice(0, 2).map((e) => e.text)).toEqual([announcement, second]);
    // No error (the speed change cancelled an utterance: that one is 'interrupted').
    expect(log.filter((e) => e.type === 'error' && e.error !== 'interrupted')).toEqual([]);
    // Nothing of the first article was spoken after the announcement.
    const afterAnnouncement = log.filter((e) => e.type === 'start' && e.time > announced.time);
    expect(afterAnnouncement.map((e) => e.text)).not.toContain(first);

    // The lock screen shows the second article, 2 of 2.
    expect(await page.evaluate(() => navigator.mediaSession.metadata?.title)).toBe(second);
    expect(await page.evaluate(() => navigator.mediaSession.metadata?.album)).toBe('2 of 2');
    expect(await page.evaluate(() => navigator.mediaSession.playbackState)).toBe('playing');

    await page.goBack();
    await expect.poll(() => new URL(page.url()).pathname).toBe(firstUrl);
    await expect.poll(() => page.locator('main article-player h1').innerText()).toBe(first);
    await expect.poll(() => playerStatus(page)).not.toBe('playing');
  });

  it('nexttrack on the lock screen goes to the next article of the queue', async () => {
    const { page } = browser;
    const [[first], [second, secondUrl]] = articles as [[string, string], [string, string]];
    await homeWithBothQueued();
    await page.evaluate(() => window.__speechLog?.splice(0));
    await page.locator('[data-play-all][data-ready]').waitFor();
    await page.getByRole('button', { name: 'Play all' }).click();
    await waitForSpeech(page, { type: 'start', text: first }, 30_000);
    expect(await page.evaluate(() => navigator.mediaSession.metadata?.album)).toBe('1 of 2');
    await pressMediaKey(browser, 'nexttrack');
    await waitForSpeech(page, { type: 'start', text: second }, 30_000);
    expect(new URL(page.url()).pathname).toBe(secondUrl);
    expect(await page.evaluate(() => navigator.mediaSession.metadata?.title)).toBe(second);
    // Into the article, past its title, so that some of it is heard.
    await page.waitForFunction(
      () => ((window as unknown as TestWindow).__paragraph?.index ?? 0) >= 2,
      undefined,
      {
        timeout: 60_000,
      },
    );
    await pressMediaKey(browser, 'pause');
    await expect.poll(() => playerStatus(page)).toBe('paused');
  });

  it('shows what was heard in the library after a reload, offline', async () => {
    const { page } = browser;
    const [[first, firstUrl], [second, secondUrl]] = articles as [
      [string, string],
      [string, string],
    ];
    // Heard: the first to its end (its last block, fast), the second into its third block.
    await homeWithEmptyQueue();
    await page.goto(url(firstUrl));
    await page.locator('article-player select[part="speed"]').selectOption('3');
    await page.click('article-player button.play');
    await waitForSpeech(page, { type: 'start' }, 30_000);
    await seekToLastBlock(browser);
    await expect.poll(() => playerStatus(page), { timeout: 60_000 }).toBe('ended');
    // Stored before the page is left: a navigation aborts a write still in flight (CI lost it
    // once on a busy machine, and the library then said "79 % heard").
    await expect
      .poll(() => sessionRecord(page, `progress:${firstUrl}`))
      .toMatchObject({ finished: true, heard: 1 });
    await page.goto(url(secondUrl));
    await page.evaluate(() => {
      (window as unknown as TestWindow).__paragraph = null;
    });
    await page.click('article-player button.play');
    await page.waitForFunction(
      () => ((window as unknown as TestWindow).__paragraph?.index ?? 0) >= 2,
      undefined,
      { timeout: 60_000 },
    );
    await page.evaluate(() => document.querySelector('article-player')?.pause());
    await expect.poll(() => playerStatus(page)).toBe('paused');
    await queueBoth();
    // A damaged record beside the good ones: ignored on its own, nothing else lost.
    await page.goto(url('/'));
    const third = page.locator('.library .article-card h3 a').nth(2);
    const thirdTitle = (await third.innerText()).trim();
    const thirdPath = new URL(await third.evaluate((a) => (a as HTMLAnchorElement).href)).pathname;
    await sessionRecord(page, `progress:${thirdPath}`, { version: 1, heard: 'lots' });
    await browser.context.setOffline(true);
    const response = await page.goto(url('/'));
    expect(response?.fromServiceWorker()).toBe(true);
    const card = (title: string) =>
      page
        .locator('.library .article-card')
        .filter({ has: page.getByRole('link', { name: title }) });
    await expect.poll(() => card(first).locator('.progress').innerText()).toBe('Finished');
    await expect
      .poll(() => card(second).locator('.progress').innerText())
      .toMatch(/^\d+ % heard · \d+ min left$/u);
    expect(
      await card(second)
        .getByRole('button', { name: `Continue: ${second}` })
        .isVisible(),
    ).toBe(true);
    expect(await card(thirdTitle).locator('.progress').innerText()).toMatch(/^Not started/u);
    // Up next is still there, in order.
    await expect
      .poll(() => page.locator('[data-queue-list] > li .queue-title').allInnerTexts())
      .toEqual([first, second]);
    const results = await axeScan(page);
    expect(results.violations, formatViolations(results.violations)).toEqual([]);
  });
  it('plays a saved text from Up next in the same page, and skips one deleted meanwhile', async () => {
    const { page } = browser;
    const [[first, firstUrl]] = articles as [[string, string], [string, string]];
    await homeWithEmptyQueue();
    const save = async (title: string, text: string) => {
      await page.goto(url('/listen/'));
      await page.getByLabel('Title (optional)').fill(title);
      await page.getByLabel('Text to listen to').fill(text);
      await page.getByRole('button', { name: 'Save and listen' }).click();
      await page.waitForURL(/\/listen\/\?id=/u);
      return new URL(page.url()).searchParams.get('id') ?? '';
    };
    const oneId = await save('Saved one', 'A short saved text.');
    const twoId = await save('Saved two', 'Another saved text.');
    await page.goto(url('/'));
    for (const title of ['Saved one', 'Saved two', first]) {
      await page.getByRole('button', { name: `Add to Up next: ${title}` }).click();
    }
    const queue = page.locator('[data-queue-list] > li .queue-title');
    await expect.poll(() => queue.allInnerTexts()).toEqual(['Saved one', 'Saved two', first]);
    // Deleted behind the page's back, as another tab would.
    await page.evaluate(
      (id) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('article-player');
          open.onerror = () => reject(open.error ?? new Error('open failed'));
          open.onsuccess = () => {
            const transaction = open.result.transaction('saved-texts', 'readwrite');
            transaction.objectStore('saved-texts').delete(id);
            transaction.oncomplete = () => {
              open.result.close();
              resolve();
            };
          };
        }),
      twoId,
    );
    await page.evaluate(() => window.__speechLog?.splice(0));
    await page.locator('[data-play-all][data-ready]').waitFor();
    await page.getByRole('button', { name: 'Play all' }).click();
    await waitForSpeech(page, { type: 'start', text: 'Saved one' }, 30_000);
    expect(new URL(page.url()).search).toBe(`?id=${oneId}`);
    // Shown as on its own page: its title and the line about it (which is not read).
    expect(await page.locator('main article-player h1').innerText()).toBe('Saved one');
    expect(await page.locator('main article-player .meta[data-skip]').innerText()).toMatch(
      /^1 min listen$/u,
    );
    await waitForSpeech(page, { type: 'end', text: 'A short saved text.' }, 30_000);
    // Its title was said, then it was found missing: the article after it plays.
    await waitForSpeech(page, { type: 'start', text: first }, 30_000);
    expect(new URL(page.url()).pathname).toBe(firstUrl);
    expect(await page.locator('main article-player h1').innerText()).toBe(first);
    await page.evaluate(() => document.querySelector('article-player')?.pause());
    await page.goto(url('/'));
    await expect.poll(() => queue.allInnerTexts()).toEqual(['Saved one', first]);
  });
});
