// A long article that arrives slowly, as over a phone's network: the page's script is `async`, so
// the player starts while the article is still arriving. Play works at once, the pre-rendered
// root is taken over all the same, and the article the player reads is the whole article, each
// block once. The pages: the seed article's, as built, with 3,000 generated paragraphs, and a
// publisher's page that loads the embed `async`; a server of the test's own sends them in
// chunks with pauses between them (and takes everything else from the preview server).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleHtml, generateArticle } from '../../scripts/generate-articles.mjs';
import { launchBrowser, type LaunchedBrowser } from './support/browser';
import { url } from './support/env';
import { inPieces, startPacedServer, type PacedServer } from './support/paced-server';
import { installSpeechLog, waitForSpeech } from './support/speech';

const SEED = '/articles/tajikistan-kyrgyzstan-clashes/';
const LONG = '/articles/streamed-test/';
const EMBED = '/embed-streamed-test.html';
const PARAGRAPHS = 3_000;
/** The page goes out in this many pieces, this far apart: the parser waits for each. */
const CHUNKS = 40;
const CHUNK_GAP_MS = 60;

/** Records, every frame, whether the live Play button was usable while the page was loading. */
const WATCH_SCRIPT = `
  window.__streamed = { enabledWhileLoading: false, root: undefined };
  // The shadow root the page had at the moment the element was defined (the one it takes over).
  const define = customElements.define.bind(customElements);
  customElements.define = (name, constructor, options) => {
    const player = document.querySelector('article-player');
    if (name === 'article-player' && player) window.__streamed.root = player.shadowRoot;
    define(name, constructor, options);
  };
  const frame = () => {
    const watch = window.__streamed;
    const player = document.querySelector('article-player');
    const play = player && player.shadowRoot && player.shadowRoot.querySelector('button.play');
    if (play && !play.disabled && !play.closest('[inert]') && document.readyState === 'loading') {
      watch.enabledWhileLoading = true;
    }
    if (document.readyState === 'loading') requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
`;

describe('a long article that arrives slowly', () => {
  let browser: LaunchedBrowser;
  let server: PacedServer;

  beforeAll(async () => {
    const seed = await (await fetch(url(SEED))).text();
    const start = seed.indexOf('<article lang=');
    const end = seed.indexOf('</article-player>');
    const article = articleHtml(generateArticle('en', PARAGRAPHS));
    const embed = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>An embedded article</title>
<script type="module" async src="/embed/article-player.js"></script>
</head>
<body>
<article-player>
${article}
</article-player>
</body>
</html>`;
    server = await startPacedServer(
      new Map([
        [
          LONG,
          inPieces(`${seed.slice(0, start)}${article}\n${seed.slice(end)}`, CHUNKS, CHUNK_GAP_MS),
        ],
        [EMBED, inPieces(embed, CHUNKS, CHUNK_GAP_MS)],
      ]),
    );
    browser = await launchBrowser({ serviceWorkers: 'block' });
    await installSpeechLog(browser.context);
    await browser.context.addInitScript({ content: WATCH_SCRIPT });
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  for (const [name, path] of [
    ["the app's page", LONG],
    ['the embed, loaded async', EMBED],
  ] as const) {
    it(`${name}: plays before the article has all arrived, then reads the whole of it, each block once`, async () => {
      const { page } = browser;
      await page.goto(`${server.origin}${path}`, { waitUntil: 'commit' });
      await page.locator('article-player button.play:enabled').waitFor({ timeout: 30_000 });
      const early = await page.evaluate(() => ({
        loading: document.readyState === 'loading',
        paragraphs: document.querySelectorAll('article-player p').length,
      }));
      // Play is there while the parser is still adding the article.
      expect(early.loading).toBe(true);
      expect(early.paragraphs).toBeLessThan(PARAGRAPHS);
      await page.click('article-player button.play');
      const log = await waitForSpeech(page, { type: 'start' }, 20_000);
      expect(log.find((entry) => entry.type === 'start')?.text).toBe(
        await page.locator('article-player h1').evaluate((h1) => h1.textContent.trim()),
      );

      await page.waitForFunction(() => document.readyState !== 'loading', null, {
        timeout: 30_000,
      });
      const watch = await page.evaluate(() => {
        const player = document.querySelector('article-player')!;
        const streamed = (window as unknown as { __streamed: Record<string, unknown> }).__streamed;
        return {
          enabledWhileLoading: streamed['enabledWhileLoading'],
          sameRoot: streamed['root'] === player.shadowRoot,
          bars: player.shadowRoot?.querySelectorAll('.bar').length,
          templates: player.querySelectorAll('template').length,
        };
      });
      expect(watch).toMatchObject({ enabledWhileLoading: true, bars: 1, templates: 0 });
      // The app's page comes with the player's shadow root, which the element takes over.
      if (path === LONG) expect(watch.sameRoot).toBe(true);

      // The last block is the article's last paragraph, and the total counts every block once.
      const blocks = PARAGRAPHS + 1;
      const last = await page.evaluate(async (index) => {
        const player = document.querySelector('article-player')!;
        const moved = new Promise<{ index: number; total: number }>((resolve) =>
          player.addEventListener('ap-paragraph', (event) => resolve(event.detail), { once: true }),
        );
        await player.seek(index);
        const detail = await moved;
        const reading = player.querySelector('[data-reading]');
        const paragraphs = player.querySelectorAll('p');
        return { ...detail, isLast: reading === paragraphs[paragraphs.length - 1] };
      }, blocks - 1);
      expect(last).toEqual({ index: blocks - 1, total: blocks, isLast: true });
      await page.evaluate(() => document.querySelector('article-player')?.stop());
    });
  }
});
