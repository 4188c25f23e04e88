// Nothing moves when the player appears: the app's article pages carry the player's shadow root
// (declarative shadow DOM, rendered at build time), which the element takes over; an embed that
// reserves the bar's box as the README says does not move either. Every script is answered late,
// so that the text is painted long before the player starts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticle, renderArticleMarkup } from '../../scripts/content/articles.js';
import { articleHtml, articleMarkdown, generateArticle } from '../../scripts/generate-articles.mjs';
import { readmeCss } from '../../scripts/readme-snippet.mjs';
import { launchBrowser, type LaunchedBrowser } from './support/browser';
import { url } from './support/env';
import { installSpeechLog, waitForSpeech } from './support/speech';

const SEED = '/articles/tajikistan-kyrgyzstan-clashes/';
/** Served by the test: the seed article's page, as built, with 10,000 generated paragraphs in parts. */
const LONG = '/articles/long-prerendered-test/';
const EMBED = (paragraphs: number, sections = 0) =>
  `/embed-reserved-test-${String(paragraphs)}${sections ? '-sections' : ''}.html`;
const SCRIPT_DELAY_MS = 1500;

/** The README's snippet (the embed section, "Reserve the player's box"), as a publisher copies it. */
const RESERVE_SNIPPET = `<style>\n${readmeCss("Reserve the player's box")}</style>`;
/** The README's snippet for long articles ("Long articles in sections"). */
const SECTIONS_SNIPPET = `<style>\n${readmeCss('Long articles in sections')}</style>`;

interface Watch {
  cls: number;
  /** How far the article's first text moved, at most, from its first painted place (px). */
  moved: number;
  frames: number;
  /** The shadow root and its slot, as first seen (before the element upgraded) and now. */
  sameRoot: boolean | null;
  sameSlot: boolean | null;
  roots: number;
  log: string[];
  definedAt: number;
}

/**
 * `?voices-later`: the voices have not arrived yet (as for the first seconds after a load), for
 * the whole visit. Their arrival changes the bar later on (the voice's name beside Settings),
 * which is not the player appearing.
 */
const VOICES_LATER_SCRIPT = `
  if (location.search.includes('voices-later') && window.speechSynthesis) {
    Object.defineProperty(speechSynthesis, 'getVoices', { value: () => [] });
    Object.defineProperty(speechSynthesis, 'addEventListener', { value: () => undefined });
  }
`;

/**
 * Watches every frame from the start: layout shifts (all of them: no input is given, and Chromium
 * marks those of a page's first 500 ms as after input, which Lighthouse counts anyway), where the
 * text is, the shadow root.
 */
const WATCH_SCRIPT = `
  window.__watch = { log: [], shifts: 0, first: null, moved: 0, frames: 0, root: undefined, slot: undefined };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) { window.__watch.shifts += entry.value; window.__watch.log.push(Math.round(entry.startTime) + ' ' + entry.value.toFixed(4) + ' ' + entry.sources.map((s) => s.node && s.node.nodeName + ' ' + s.previousRect.top + '->' + s.currentRect.top).join(', ')); }
  }).observe({ type: 'layout-shift', buffered: true });
  const frame = () => {
    const watch = window.__watch;
    const player = document.querySelector('article-player');
    const text = player && player.querySelector('h1, h2, p');
    if (text) {
      // Chromium counts no layout shift for boxes it builds anew (slotting rebuilds the
      // article's): where the text is painted is measured as well.
      const top = text.getBoundingClientRect().top + scrollY;
      watch.first ??= top;
      watch.moved = Math.max(watch.moved, Math.abs(top - watch.first));
      watch.frames += 1;
      if (customElements.get('article-player')) watch.definedAt ??= Math.round(performance.now());
      if (watch.root === undefined && !customElements.get('article-player')) {
        watch.root = player.shadowRoot;
        watch.slot = player.shadowRoot && player.shadowRoot.querySelector('slot');
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
`;

describe('nothing moves when the player appears', () => {
  let browser: LaunchedBrowser;
  let longPage = '';

  beforeAll(async () => {
    // No service worker: it would answer the scripts from its cache, before the text is painted.
    browser = await launchBrowser({ serviceWorkers: 'block' });
    await installSpeechLog(browser.context);
    await browser.context.addInitScript({ content: WATCH_SCRIPT });
    await browser.context.addInitScript({ content: VOICES_LATER_SCRIPT });
    // The scripts arrive after the text.
    await browser.context.route(/\.js(\?|$)/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, SCRIPT_DELAY_MS));
      await route.continue();
    });
    const seed = await (await fetch(url(SEED))).text();
    const start = seed.indexOf('<article lang=');
    const end = seed.indexOf('</article-player>');
    // The article's body as the content pipeline renders a long one: in parts.
    const long = renderArticleMarkup(
      parseArticle(
        'content/long-prerendered-test.md',
        articleMarkdown(generateArticle('en', 10_000)),
      ),
    );
    const body = long.slice(long.indexOf('<article lang='), long.lastIndexOf('</article-player>'));
    expect(body.match(/<div class="article-part"/gu)).toHaveLength(100);
    longPage = `${seed.slice(0, start)}${body}${seed.slice(end)}`;
    await browser.context.route(`${url(LONG)}*`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: longPage }),
    );
    for (const [paragraphs, sections] of [
      [10, 0],
      [10_000, 0],
      [10_000, 100],
    ] as const) {
      const body = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>An embedded article</title>
${RESERVE_SNIPPET}${sections ? SECTIONS_SNIPPET : ''}
<script type="module" src="/embed/article-player.js"></script>
</head>
<body>
<article-player>
${articleHtml(generateArticle('en', paragraphs), { sections })}
</article-player>
</body>
</html>`;
      await browser.context.route(`${url(EMBED(paragraphs, sections))}*`, (route) =>
        route.fulfill({ contentType: 'text/html; charset=utf-8', body }),
      );
    }
  });

  afterAll(async () => {
    await browser.close();
  });

  /** Opens `path`, waits until the player's live bar is there and a few frames have passed. */
  async function openAndWatch(path: string): Promise<Watch> {
    const { page } = browser;
    await page.goto(`${url(path)}?voices-later`, { timeout: 60_000 });
    await page.locator('article-player button.play:enabled').waitFor({ timeout: 60_000 });
    // Thirty frames more with the live bar: a late shift would be among them.
    const frames = await page.evaluate(
      () => (window as unknown as { __watch: { frames: number } }).__watch.frames,
    );
    await page.waitForFunction(
      (seen) => (window as unknown as { __watch: { frames: number } }).__watch.frames >= seen + 30,
      frames,
    );
    return page.evaluate(() => {
      const watch = (window as unknown as { __watch: Record<string, unknown> }).__watch;
      const player = document.querySelector('article-player');
      const root = player?.shadowRoot ?? null;
      const pre = watch['root'] as ShadowRoot | null | undefined;
      return {
        cls: watch['shifts'] as number,
        moved: watch['moved'] as number,
        frames: watch['frames'] as number,
        sameRoot: pre ? pre === root : null,
        sameSlot: pre ? watch['slot'] === root?.querySelector('slot') : null,
        roots: root ? 1 : 0,
        log: watch['log'] as string[],
        definedAt: watch['definedAt'] as number,
      };
    });
  }

  for (const [name, path] of [
    ['the seed article', SEED],
    ['a 10,000-paragraph article', LONG],
  ] as const) {
    it(`the app's page of ${name}: the pre-rendered root is taken over, CLS 0`, async () => {
      const watch = await openAndWatch(path);
      expect(watch.frames).toBeGreaterThan(10);
      expect(watch).toMatchObject({ cls: 0, moved: 0 });
      // The root the page was parsed with, and its slot, are the element's: nothing was attached anew.
      expect(watch.sameRoot).toBe(true);
      expect(watch.sameSlot).toBe(true);
      expect(
        await browser.page
          .locator('article-player')
          .evaluate((p) => p.shadowRoot?.querySelectorAll('.bar').length),
      ).toBe(1);
    });
  }

  it('the pre-rendered bar is inert until the script runs, and the live one plays', async () => {
    const { page } = browser;
    await page.goto(url(SEED), { waitUntil: 'commit' });
    // Before the script: the pre-rendered bar, its controls disabled.
    const early = page.locator('article-player button.play');
    await early.waitFor();
    expect(await page.evaluate(() => Boolean(customElements.get('article-player')))).toBe(false);
    expect(await early.isDisabled()).toBe(true);
    await page.click('article-player button.play');
    await waitForSpeech(page, { type: 'start' }, 20_000);
    await page.evaluate(() => document.querySelector('article-player')?.stop());
  });

  for (const [paragraphs, sections] of [
    [10, 0],
    [10_000, 0],
    [10_000, 100],
  ] as const) {
    const what = sections ? ', in sections laid out near the view (README),' : '';
    it(`an embed of ${String(paragraphs)} paragraphs${what} that reserves the bar's box: CLS 0`, async () => {
      const watch = await openAndWatch(EMBED(paragraphs, sections));
      expect(watch.frames).toBeGreaterThan(10);
      expect(watch.cls).toBe(0);
      expect(watch.moved).toBe(0);
      if (sections) {
        const contentVisibility = await browser.page
          .locator('article-player section')
          .first()
          .evaluate((section) => getComputedStyle(section).contentVisibility);
        expect(contentVisibility).toBe('auto');
      }
    });
  }
});
