// The embed on a publisher's page: plain HTML pages on another origin than the site (a tiny
// static server started here, on its own port) that include only dist/embed/article-player.js.
// Real Chromium, real speech, real sound.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticlePlayer } from '../../src/element/player-element.js';
import { readmeHtml } from '../../scripts/readme-snippet.mjs';
import AxeBuilder from '@axe-core/playwright';
import { recordSink, SILENCE_RMS, startRecording } from './support/audio';
import { launchBrowser, type LaunchedBrowser } from './support/browser';
import { url } from './support/env';
import { installSpeechLog, speechLog, waitForSpeech, type SpeechLogEntry } from './support/speech';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = `${ROOT}tests/e2e/fixtures/embed/`;
const EMBED = `${ROOT}dist/embed/article-player.js`;

/** The strict policy of the issue: nothing but this origin, nothing inline, no eval, Trusted Types. */
const STRICT_CSP = "default-src 'self'; require-trusted-types-for 'script'";

/** README, "Start the player early": a classic script in the head that imports the embed. */
const EARLY_SNIPPET = readmeHtml('Start the player early (long articles)');
/** The policy the README gives for it: the strict one, and that one script by its hash. */
const earlyPolicy = (withHash: boolean): string => {
  const script = /<script>([^<]*)<\/script>/u.exec(EARLY_SNIPPET)?.[1] ?? '';
  const hash = createHash('sha256').update(script).digest('base64');
  return `${STRICT_CSP}; script-src 'self'${withHash ? ` 'sha256-${hash}'` : ''}`;
};
/** A publisher's page with the README's early start in its head, under `policy`. */
const earlyPage = (policy: string): Route => ({
  type: 'text/html; charset=utf-8',
  headers: { 'Content-Security-Policy': policy },
  body: () =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Early</title>` +
    `${EARLY_SNIPPET}</head><body><article-player id="early"><article>` +
    `<h1>Started early</h1><p>A page that starts its player before the article.</p>` +
    `</article></article-player></body></html>`,
});

interface Route {
  readonly body: () => string;
  readonly type: string;
  readonly headers?: Record<string, string>;
}

interface FixtureServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** A static server of a fixed set of routes; anything else is a 404. Never sends CORS headers. */
async function serve(routes: Record<string, Route>): Promise<FixtureServer> {
  const server: Server = createServer((req, res) => {
    const route = routes[new URL(req.url ?? '/', 'http://localhost').pathname];
    if (!route) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': route.type,
      'Cache-Control': 'no-store',
      ...route.headers,
    });
    res.end(route.body());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${String(port)}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const page = (file: string, headers?: Record<string, string>): Route => ({
  body: () => readFileSync(`${FIXTURES}${file}`, 'utf8'),
  type: 'text/html; charset=utf-8',
  ...(headers ? { headers } : {}),
});

let publisher: FixtureServer;
let elsewhere: FixtureServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  // Another origin, without CORS: the publisher's player must not be able to read from it.
  elsewhere = await serve({
    '/article.json': {
      type: 'application/json',
      body: () =>
        JSON.stringify({
          lang: 'en',
          title: 'Elsewhere',
          blocks: [{ kind: 'paragraph', text: 'Secret.' }],
        }),
    },
  });
  const strict = { 'Content-Security-Policy': STRICT_CSP };
  const embed: Route = {
    type: 'text/javascript; charset=utf-8',
    body: () => readFileSync(EMBED, 'utf8'),
    headers: strict,
  };
  publisher = await serve({
    '/article-player.js': embed,
    // Where the README's early start imports it from.
    '/embed/article-player.js': embed,
    '/early.html': earlyPage(earlyPolicy(true)),
    '/early-no-hash.html': earlyPage(earlyPolicy(false)),
    '/plain.html': page('plain.html'),
    '/two.html': page('two.html'),
    '/story.html': page('story.html', strict),
    '/csp.html': page('csp.html', strict),
    '/csp-control.html': page('csp-control.html', strict),
    '/cross-origin.html': {
      type: 'text/html; charset=utf-8',
      body: () =>
        readFileSync(`${FIXTURES}plain.html`, 'utf8').replace(
          '<article-player id="story">',
          `<article-player id="story" src="${elsewhere.origin}/article.json">`,
        ),
    },
  });
  browser = await launchBrowser();
  await installSpeechLog(browser.context);
  // Every CSP or Trusted Types violation of every page, from its first moment.
  await browser.context.addInitScript({
    content: `window.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__violations.push(event.effectiveDirective + ' ' + event.blockedURI + ' ' + (event.sample || ''));
      });`,
  });
});

afterAll(async () => {
  await browser.page.evaluate(() => {
    for (const player of document.querySelectorAll('article-player')) void player.stop();
  });
  await browser.close();
  await publisher.close();
  await elsewhere.close();
});

/** Waits until the player's Play button can be pressed (its voices have loaded). */
async function ready(target: Page, selector: string, timeout = 20_000): Promise<void> {
  await target.locator(`${selector} button.play:not([disabled])`).waitFor({ timeout });
}

function status(target: Page, selector: string): Promise<string> {
  return target.evaluate(
    (s) => document.querySelector<ArticlePlayer>(s)?.status ?? 'missing',
    selector,
  );
}

function violations(target: Page): Promise<string[]> {
  return target.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

function entries(log: SpeechLogEntry[], type: SpeechLogEntry['type'], text = ''): SpeechLogEntry[] {
  return log.filter((entry) => entry.type === type && entry.text.includes(text));
}

describe('<article-player> embedded in a publisher’s page on another origin', () => {
  it('plays its own article with real speech, from the one embed file and no other request', async () => {
    const requests: string[] = [];
    browser.page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await browser.page.goto(`${publisher.origin}/plain.html`);
    await ready(browser.page, '#story');
    const recording = await startRecording();
    await browser.page.click('#story button.play');
    const log = await waitForSpeech(
      browser.page,
      { type: 'end', text: 'Rivers in spring' },
      30_000,
    );
    const stats = await recording.stop();
    browser.page.removeAllListeners('request');

    expect(entries(log, 'speak')[0]?.text).toBe('Rivers in spring');
    expect(entries(log, 'speak')[0]?.lang).toBe('en');
    expect(entries(log, 'error')).toEqual([]);
    expect(stats.rms).toBeGreaterThan(SILENCE_RMS);
    expect(await status(browser.page, '#story')).toBe('playing');
    // The page itself: no request but the page and the embed (Chromium asks for a favicon itself).
    expect(requests.filter((path) => path !== '/favicon.ico')).toEqual([
      '/plain.html',
      '/article-player.js',
    ]);
    expect(await browser.page.locator('#outside').textContent()).toContain('The rest of the page');
  });

  it('removing it while it speaks stops the speech, and the page keeps working', async () => {
    await browser.page.goto(`${publisher.origin}/plain.html`);
    await ready(browser.page, '#story');
    await browser.page.click('#story button.play');
    await waitForSpeech(browser.page, { type: 'start', text: 'Rivers rise in spring' }, 30_000);
    // The sound of the first utterance, until the next one starts, to compare with the silence
    // after the removal.
    const speaking = await startRecording();
    await waitForSpeech(browser.page, { type: 'start', count: 2 }, 30_000);
    expect((await speaking.stop()).rms).toBeGreaterThan(SILENCE_RMS);

    const removedAt = await browser.page.evaluate(() => {
      const at = performance.now();
      document.querySelector('#story')?.remove();
      return at;
    });
    await browser.page.waitForFunction(
      () => !speechSynthesis.speaking && !speechSynthesis.pending,
      undefined,
      { timeout: 10_000 },
    );
    // What speech-dispatcher had already sent on is still heard for a moment: wait until the
    // sink falls silent (in short windows, 5 s at most), then listen for 2 s more.
    for (let tries = 0; (await recordSink(300)).rms >= SILENCE_RMS; tries++) {
      if (tries >= 15) throw new Error('the sound did not stop after the player was removed');
    }
    const stats = await recordSink(2000);
    const log = await speechLog(browser.page);

    expect(stats.rms).toBeLessThan(SILENCE_RMS);
    expect(log.some((entry) => entry.type === 'call:cancel' && entry.time >= removedAt)).toBe(true);
    expect(log.filter((entry) => entry.type === 'start' && entry.time > removedAt)).toEqual([]);
    expect(await browser.page.evaluate(() => speechSynthesis.speaking)).toBe(false);
    expect(await browser.page.locator('#outside').isVisible()).toBe(true);
  });

  it('reports its violations on a strict page that breaks its own policy (the check can fail)', async () => {
    await browser.page.goto(`${publisher.origin}/csp-control.html`);
    const seen = await violations(browser.page);
    expect(seen.some((line) => line.startsWith('style-src'))).toBe(true);
    expect(seen.some((line) => line.startsWith('script-src'))).toBe(true);
  });

  it('works under a strict CSP with Trusted Types, loading an article page by src, with no violation', async () => {
    await browser.page.goto(`${publisher.origin}/csp.html`);
    await ready(browser.page, '#inline');
    await ready(browser.page, '#loaded');
    expect(await browser.page.locator('#loaded h1').textContent()).toBe('Loaded story');

    await browser.page.click('#inline button.play');
    await waitForSpeech(browser.page, { type: 'start', text: 'A strict page' }, 30_000);
    await browser.page.click('#loaded button.play');
    const log = await waitForSpeech(browser.page, { type: 'start', text: 'Loaded story' }, 30_000);

    expect(entries(log, 'error').filter((entry) => entry.error !== 'interrupted')).toEqual([]);
    expect(await browser.page.evaluate(() => 'trustedTypes' in window)).toBe(true);
    expect(
      await browser.page.evaluate(
        () => (window as { __storyScriptRan?: boolean }).__storyScriptRan,
      ),
    ).toBe(undefined);
    expect(await violations(browser.page)).toEqual([]);
  });

  it('starts early as the README shows, under a strict policy with that script’s hash, and reads aloud', async () => {
    await browser.page.goto(`${publisher.origin}/early.html`);
    await ready(browser.page, '#early');
    await browser.page.click('#early button.play');
    const log = await waitForSpeech(browser.page, { type: 'start', text: 'Started early' }, 30_000);
    expect(entries(log, 'error').filter((entry) => entry.error !== 'interrupted')).toEqual([]);
    expect(await violations(browser.page)).toEqual([]);
    await browser.page.evaluate(() => document.querySelector<ArticlePlayer>('#early')?.stop());
  });

  it('without the hash, the policy refuses the early start (the check can fail)', async () => {
    await browser.page.goto(`${publisher.origin}/early-no-hash.html`);
    await expect
      .poll(() => violations(browser.page))
      .toEqual([expect.stringMatching(/^script-src-elem inline /u)]);
    expect(await browser.page.evaluate(() => customElements.get('article-player'))).toBe(undefined);
    // The article is still there to read.
    expect(await browser.page.locator('#early h1').textContent()).toBe('Started early');
  });

  it('two players on one page: starting B pauses A, and B is heard to the end', async () => {
    await browser.page.goto(`${publisher.origin}/two.html`);
    await ready(browser.page, '#a');
    await ready(browser.page, '#b');
    await browser.page.click('#a button.play');
    await waitForSpeech(browser.page, { type: 'start', text: 'The first player' }, 30_000);
    const pausedA = browser.page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          document.querySelector('#a')?.addEventListener('ap-pause', () => resolve('ap-pause')),
        ),
    );
    await browser.page.click('#b button.play');
    const log = await waitForSpeech(
      browser.page,
      { type: 'end', text: 'The second player' },
      30_000,
    );

    expect(await pausedA).toBe('ap-pause');
    expect(await status(browser.page, '#a')).toBe('paused');
    const bSpoke = entries(log, 'speak', 'The second player')[0]!;
    // A's speech was cancelled before B's was queued, and A said nothing after that.
    const aCancelled = log.filter(
      (entry) => entry.type === 'call:cancel' && entry.time <= bSpoke.time,
    );
    expect(aCancelled.length).toBeGreaterThan(0);
    expect(
      log.filter(
        (entry) =>
          entry.type === 'start' && entry.text.includes('first player') && entry.time > bSpoke.time,
      ),
    ).toEqual([]);
    expect(entries(log, 'error', 'The second player')).toEqual([]);
  });

  it('a src on another origin without CORS gets a clear message; the page keeps working', async () => {
    await browser.page.goto(`${publisher.origin}/cross-origin.html`);
    const message = browser.page.locator('#story [part~="status"]');
    await message.filter({ hasText: 'could not be loaded' }).waitFor({ timeout: 10_000 });
    expect(await message.textContent()).toContain('The article could not be loaded');
    expect(await browser.page.locator('#story h1').textContent()).toBe('Rivers in spring');
    expect(
      await browser.page.locator('#story').evaluate((player) => player.textContent),
    ).not.toContain('Secret.');
    expect(await browser.page.locator('#outside').isVisible()).toBe(true);
  });

  it('the site’s /embed/ page shows it live, from the built file, and is accessible', async () => {
    const scripts: string[] = [];
    browser.page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await browser.page.goto(url('/embed/'));
    await ready(browser.page, '#demo');
    browser.page.removeAllListeners('request');
    expect(scripts).toContain('/embed/article-player.js');
    expect(scripts.filter((path) => path.startsWith('/assets/'))).toEqual([]);
    expect(await browser.page.locator('#demo h3').textContent()).toBe('Why listen to an article?');
    const results = await new AxeBuilder({ page: browser.page }).analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });

  it('gets ready on a 5,000-paragraph article and reads its last one (the time it takes is printed)', async () => {
    await browser.page.goto(`${publisher.origin}/plain.html`);
    await ready(browser.page, '#story');
    const timing = await browser.page.evaluate(async () => {
      const player = document.createElement('article-player');
      player.lang = 'en';
      player.setAttribute('no-follow', '');
      player.innerHTML = Array.from(
        { length: 5000 },
        (_, i) => `<p>Paragraph ${String(i + 1)} of a very long article. It has two sentences.</p>`,
      ).join('');
      const startedAt = performance.now();
      document.body.append(player); // connectedCallback
      const enabled = () =>
        player.shadowRoot?.querySelector<HTMLButtonElement>('button.play')?.disabled === false;
      while (!enabled()) await new Promise((resolve) => setTimeout(resolve, 0));
      const readyMs = performance.now() - startedAt;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const paintedMs = performance.now() - startedAt;
      // What the player made of them: the last block, 5,000 of 5,000, read from the seek.
      const paragraph = new Promise<{ index: number; total: number }>((resolve) =>
        player.addEventListener('ap-paragraph', (event) => resolve(event.detail), { once: true }),
      );
      await player.seek(4999);
      await player.play();
      const detail = await paragraph;
      const reading = player.querySelector('[data-reading]')?.textContent ?? '';
      await player.stop();
      player.remove();
      return { readyMs, paintedMs, detail, reading };
    });
    console.info(
      `5,000 paragraphs (production embed, real engine with voices loaded): connectedCallback → ready ${timing.readyMs.toFixed(0)} ms, → next frame ${timing.paintedMs.toFixed(0)} ms`,
    );
    expect(timing.detail).toEqual({ index: 4999, total: 5000 });
    expect(timing.reading).toBe('Paragraph 5000 of a very long article. It has two sentences.');
  });
});
