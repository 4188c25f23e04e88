import AxeBuilder from '@axe-core/playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SILENCE_RMS, startRecording } from './support/audio';
import { launchBrowser, type LaunchedBrowser } from './support/browser';
import { url } from './support/env';
import { playerStatus, readingIndex as readingIndexIn } from './support/player';
import { installSpeechLog, speechLog, waitForSpeech, type SpeechLogEntry } from './support/speech';

const SEED = '/articles/tajikistan-kyrgyzstan-clashes/';

/** Index of the block carrying data-reading, or -1. */
function readingIndex(browser: LaunchedBrowser): Promise<number> {
  return readingIndexIn(browser.page);
}

function status(browser: LaunchedBrowser): Promise<string> {
  return playerStatus(browser.page);
}

async function waitForReadingIndex(browser: LaunchedBrowser, atLeast: number, timeoutMs: number) {
  const seen: number[] = [];
  // Every block seen on the way is recorded, to check the order.
  await vi.waitFor(
    async () => {
      const index = await readingIndex(browser);
      if (seen[seen.length - 1] !== index) seen.push(index);
      if (index < atLeast) throw new Error(`data-reading only reached ${JSON.stringify(seen)}`);
    },
    { timeout: timeoutMs, interval: 200 },
  );
  return seen;
}

describe('the article page, with real speech', () => {
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    browser = await launchBrowser();
    await installSpeechLog(browser.context);
    // The time of the last click, to measure how long speech takes to start after Play.
    await browser.context.addInitScript({
      content: `document.addEventListener('click', () => { window.__lastClickAt = performance.now(); }, true);`,
    });
  });

  // Each test opens the article itself: none depends on what the one before left.
  afterEach(async () => {
    await browser.page.evaluate(() => document.querySelector('article-player')?.stop());
  });

  afterAll(async () => {
    await browser.close();
  });

  /** Opens the article and starts reading it; resolves once the first utterance has started. */
  async function openAndPlay(): Promise<void> {
    await browser.page.goto(url(SEED));
    await browser.page.click('article-player button.play');
    await waitForSpeech(browser.page, { type: 'start' }, 20_000);
  }

  it('shows the article text before any script and has no accessibility violations', async () => {
    await browser.page.goto(url(SEED));
    expect(await browser.page.locator('h1').textContent()).toMatch(/Vladimir Putin calls for calm/);
    await browser.page.locator('article-player button.play').waitFor();
    const results = await new AxeBuilder({ page: browser.page }).analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });

  it('marks the language of each part of a French article’s page: the article and its player French, the app’s own parts English (WCAG 3.1.2)', async () => {
    await browser.page.goto(url('/articles/lecture-a-voix-haute/'));
    await browser.page.locator('article-player button.play').waitFor();
    // Every visible text, the player's shadow root included, with the language it is in.
    const parts = await browser.page.evaluate(() => {
      const found: { lang: string | null; text: string; inArticle: boolean }[] = [];
      const walk = (root: Document | ShadowRoot) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement!;
          const text = node.nodeValue?.trim() ?? '';
          if (!text || parent.closest('script, style, template') || !parent.checkVisibility())
            continue;
          // Up the tree, out of a shadow root to its host.
          const up = (element: Element): Element | null => {
            const root = element.getRootNode();
            return element.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
          };
          let element: Element | null = parent;
          while (element && !element.hasAttribute('lang')) element = up(element);
          const root = parent.getRootNode();
          const outer = root instanceof ShadowRoot ? root.host : parent;
          found.push({
            lang: element?.getAttribute('lang') ?? null,
            text,
            inArticle: Boolean(outer.closest('article-player')),
          });
        }
        for (const element of root.querySelectorAll('*')) {
          if (element.shadowRoot) walk(element.shadowRoot);
        }
      };
      walk(document);
      return found;
    });
    expect(parts.filter((part) => part.inArticle).length).toBeGreaterThan(5);
    expect(parts.filter((part) => part.inArticle && part.lang !== 'fr')).toEqual([]);
    expect(parts.filter((part) => !part.inArticle).map((part) => part.text)).toContain(
      'All articles',
    );
    expect(parts.filter((part) => !part.inArticle && part.lang !== 'en')).toEqual([]);
  });

  it('reads aloud from Play: real start and end events, the highlight moves, sound is made', async () => {
    await browser.page.goto(url(SEED));
    await browser.page.locator('article-player button.play').waitFor();
    const recording = await startRecording();
    await browser.page.click('article-player button.play');
    const seen = await waitForReadingIndex(browser, 2, 45_000);
    const stats = await recording.stop();
    const log = await speechLog(browser.page);

    const blocks = seen.filter((index) => index >= 0);
    expect(blocks[0]).toBe(0);
    expect(blocks.at(-1)).toBeGreaterThanOrEqual(2);
    expect([...blocks].sort((a, b) => a - b)).toEqual(blocks);
    const title = 'Vladimir Putin calls for calm after Tajikistan-Kyrgyzstan clashes';
    const spoken = entries(log, 'speak');
    expect(spoken[0]?.text).toBe(title);
    expect(spoken[0]?.lang).toBe('en');
    const start = entries(log, 'start')[0];
    expect(start?.text).toBe(title);
    expect(entries(log, 'end').length).toBeGreaterThanOrEqual(2);
    expect(entries(log, 'error')).toEqual([]);
    expect(entries(log, 'call:pause')).toEqual([]);
    expect(stats.rms).toBeGreaterThan(SILENCE_RMS);
    const clickAt = await browser.page.evaluate(
      () => (window as unknown as { __lastClickAt: number }).__lastClickAt,
    );
    console.info(
      `Play click → speak(): ${(spoken[0]!.time - clickAt).toFixed(1)} ms; ` +
        `→ first start: ${(start!.time - clickAt).toFixed(0)} ms; RMS ${stats.rms}`,
    );
  });

  it('is accessible while playing', async () => {
    await openAndPlay();
    expect(await status(browser)).toBe('playing');
    const results = await new AxeBuilder({ page: browser.page }).analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });

  it('pauses, then resumes from the paragraph where it paused', async () => {
    await openAndPlay();
    await browser.page.click('article-player button.play');
    expect(await status(browser)).toBe('paused');
    const pausedAt = await readingIndex(browser);
    const pausedText = await browser.page.evaluate(
      () => document.querySelector('article-player [data-reading]')?.textContent ?? '',
    );
    const before = entries(await speechLog(browser.page), 'start').length;
    // Paused means silent: the engine's queue empties, and nothing starts again from it.
    await browser.page.waitForFunction(
      () => !speechSynthesis.speaking && !speechSynthesis.pending,
      undefined,
      { timeout: 10_000 },
    );
    expect(await readingIndex(browser)).toBe(pausedAt);
    expect(entries(await speechLog(browser.page), 'start').length).toBe(before);

    await browser.page.click('article-player button.play');
    const log = await waitForSpeech(browser.page, { type: 'start', count: before + 1 }, 15_000);
    const resumed = entries(log, 'start')[before]!;
    expect(pausedText).toContain(resumed.text.trim());
    expect(await readingIndex(browser)).toBe(pausedAt);
    expect(await status(browser)).toBe('playing');
  });

  it('reads from a paragraph when it is clicked', async () => {
    const text = 'Still, the situation appears to be stabilising.';
    await browser.page.goto(url(SEED));
    await browser.page.locator('article-player button.play').waitFor();
    await browser.page.locator('article-player p', { hasText: text }).click();
    const log = await waitForSpeech(browser.page, { type: 'start', text }, 15_000);
    expect(entries(log, 'start').at(-1)?.text).toBe(text);
    expect(
      await browser.page
        .locator('article-player p', { hasText: text })
        .getAttribute('data-reading'),
    ).toBe('');
  });
});

function entries(log: SpeechLogEntry[], type: SpeechLogEntry['type']): SpeechLogEntry[] {
  return log.filter((entry) => entry.type === type);
}

describe('the home page', () => {
  it('lists the bundled articles from the catalog', async () => {
    const browser = await launchBrowser();
    try {
      const catalog = (await (await fetch(url('/articles/index.json'))).json()) as {
        articles: { title: string; url: string }[];
      };
      expect(catalog.articles.length).toBeGreaterThanOrEqual(1);
      await browser.page.goto(url('/'));
      for (const article of catalog.articles) {
        expect(await browser.page.getByRole('link', { name: article.title }).isVisible()).toBe(
          true,
        );
      }
      const results = await new AxeBuilder({ page: browser.page }).analyze();
      expect(results.violations.map((violation) => violation.id)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
