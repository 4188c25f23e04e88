// The app offline and installable: real Chromium, the built app (vite preview), its service worker.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SILENCE_RMS, startRecording } from './support/audio';
import { axeScan, formatViolations } from './support/axe';
import { launchBrowser, type LaunchedBrowser } from './support/browser';
import { url } from './support/env';
import {
  appStatus,
  cachedEntries,
  getJson,
  waitForServiceWorker,
  type ArticleJson,
  type CatalogEntry,
  silenceSpeech,
} from './support/pwa';
import { installSpeechLog, speechLog, waitForSpeech, waitForVoices } from './support/speech';

const SEED = '/articles/tajikistan-kyrgyzstan-clashes/';

describe('the app offline, after a first visit', () => {
  let browser: LaunchedBrowser;
  let catalog: CatalogEntry[];
  let articles: Map<string, ArticleJson>;

  beforeAll(async () => {
    catalog = (await getJson<{ articles: CatalogEntry[] }>(url('/articles/index.json'))).articles;
    articles = new Map();
    for (const entry of catalog)
      articles.set(entry.url, await getJson<ArticleJson>(url(`${entry.url}article.json`)));
    // The first visit, online; every test after it is offline (each test of its own: the
    // first visit's test has a browser of its own).
    browser = await launchBrowser();
    await installSpeechLog(browser.context);
    await browser.page.goto(url('/'));
    await waitForServiceWorker(browser.page);
    await vi.waitFor(
      async () => expect(await appStatus(browser.page)).toMatch(/Ready to work offline/u),
      { timeout: 30_000, interval: 100 },
    );
    await browser.context.setOffline(true);
  });

  afterAll(async () => {
    await silenceSpeech(browser.page);
    await browser.context.setOffline(false);
    await browser.close();
  });

  it('saves itself for offline use on the first visit and says so', async () => {
    const firstVisit = await launchBrowser();
    try {
      await savesItselfOnTheFirstVisit(firstVisit);
    } finally {
      await firstVisit.close();
    }
  });

  async function savesItselfOnTheFirstVisit({ page }: LaunchedBrowser): Promise<void> {
    await page.goto(url('/'));
    await waitForServiceWorker(page);
    const { urls, bytes } = await cachedEntries(page);
    const paths = urls.map((entry) => new URL(entry).pathname);
    for (const entry of catalog) {
      expect(paths).toContain(`${entry.url}index.html`);
      expect(paths).toContain(`${entry.url}article.json`);
    }
    for (const file of [
      '/index.html',
      '/listen/index.html',
      '/offline.html',
      '/articles/index.json',
      '/manifest.webmanifest',
      '/icons/icon-192.png',
      '/icons/maskable-512.png',
    ]) {
      expect(paths).toContain(file);
    }
    // Not precached: the screenshots (install dialog only) and the publishers' embed build.
    expect(
      paths.some((path) => path.startsWith('/screenshots/') || path.startsWith('/embed/')),
    ).toBe(false);
    console.info(
      `Precached on first visit: ${String(urls.length)} files, ${String(bytes)} bytes (${(bytes / 1024).toFixed(1)} KiB)`,
    );

    await expect.poll(() => appStatus(page)).toMatch(/Ready to work offline/u);
    await expect
      .poll(() => page.locator('[data-offline-summary]').innerText())
      .toMatch(new RegExp(`All ${String(catalog.length)} articles are saved on this device`, 'u'));
    await expect
      .poll(() => page.locator('.article-list .offline-badge[data-available]').count())
      .toBe(catalog.length);
    for (const badge of await page.locator('.article-list .offline-badge').all()) {
      expect(await badge.evaluate((element) => getComputedStyle(element).visibility)).toBe(
        'visible',
      );
      expect(await badge.innerText()).toContain('Available offline');
    }
  }

  // A first visit to an article, and a tap on "All articles" before the app has saved itself:
  // the home page said "Saving the articles…" for good (the worker another page had started
  // sent it no event), and nobody said the app was ready.
  it('a first page left while the app saves itself: the next page says when it is saved', async () => {
    const firstVisit = await launchBrowser();
    try {
      const { context, page } = firstVisit;
      // The worker's saving waits for the offline page until the home page is open.
      let release = (): void => undefined;
      const released = new Promise<void>((resolve) => (release = resolve));
      await context.route('**/offline.html*', async (route) => {
        await released;
        await route.continue();
      });
      await page.goto(url('/articles/lecture-a-voix-haute/'));
      await page.goto(url('/'));
      expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
      expect(await page.locator('[data-offline-summary]').innerText()).toMatch(
        /Saving the articles/u,
      );
      release();
      await expect
        .poll(() => page.locator('[data-offline-summary]').innerText(), { timeout: 20_000 })
        .toMatch(
          new RegExp(`All ${String(catalog.length)} articles are saved on this device`, 'u'),
        );
      await expect.poll(() => appStatus(page)).toMatch(/Ready to work offline/u);
      expect(await page.locator('.article-list .offline-badge[data-available]').count()).toBe(
        catalog.length,
      );
    } finally {
      await firstVisit.close();
    }
  });

  it('loads the home page offline from the service worker, and shows that it is offline', async () => {
    const { page } = browser;
    const response = await page.goto(url('/'));
    expect(response?.fromServiceWorker()).toBe(true);
    expect(await page.locator('h1').innerText()).toBe('Listen to articles');
    for (const entry of catalog) {
      await expect.poll(() => page.getByRole('link', { name: entry.title }).isVisible()).toBe(true);
    }
    // In the header, in the place of Install app: not over the page's text.
    await expect.poll(() => page.locator('.site-header .connection-badge').isVisible()).toBe(true);
    expect(await page.locator('.connection-badge').innerText()).toBe('Offline');
    expect(await page.locator('.site-header [data-install]').isVisible()).toBe(false);
    expect(await appStatus(page)).toMatch(/You are offline/u);
    const results = await axeScan(page);
    expect(results.violations, formatViolations(results.violations)).toEqual([]);
  });

  it('loads every article of the catalog offline, with its text', async () => {
    const { page } = browser;
    for (const entry of catalog) {
      const response = await page.goto(url(entry.url));
      expect(response?.fromServiceWorker(), entry.url).toBe(true);
      expect(await page.locator('article-player h1').innerText()).toBe(entry.title);
      const article = articles.get(entry.url)!;
      const last = article.blocks.at(-1)!;
      expect(await page.locator('article-player').innerText()).toContain(last.text.slice(0, 60));
      await page.locator('article-player button.play').waitFor();
    }
  });

  it('answers an address it does not have with its offline page, not the browser’s error', async () => {
    const { page } = browser;
    const response = await page.goto(url('/not-precached/page/'));
    // The browser's own error page has no such text: the service worker answered.
    expect(response?.fromServiceWorker()).toBe(true);
    expect(await page.locator('h1').innerText()).toBe('This page is not available offline');
    for (const entry of catalog) {
      await expect.poll(() => page.getByRole('link', { name: entry.title }).isVisible()).toBe(true);
    }
    // A file that is not precached, which the server does have, fails: nothing comes from the HTTP cache.
    const robots = await page.evaluate(async () => {
      try {
        const answer = await fetch('/robots.txt');
        return `HTTP ${String(answer.status)}`;
      } catch (error) {
        return `failed: ${String(error)}`;
      }
    });
    expect(robots).toMatch(/^failed/u);
  });

  it('reloads an article offline from the service worker, again and again', async () => {
    const { page } = browser;
    await page.goto(url(SEED));
    const times: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = Date.now();
      const response = await page.reload({ waitUntil: 'load' });
      times.push(Date.now() - started);
      expect(response?.fromServiceWorker()).toBe(true);
    }
    const navigation = await page.evaluate(() => {
      const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { domContentLoaded: entry.domContentLoadedEventEnd, load: entry.loadEventEnd };
    });
    times.sort((a, b) => a - b);
    console.info(
      `Offline reload of ${SEED}: median ${String(times[2])} ms wall clock (all: ${times.join(', ')}); ` +
        `last one in the page: DOMContentLoaded ${navigation.domContentLoaded.toFixed(0)} ms, load ${navigation.load.toFixed(0)} ms`,
    );
  });

  it('reads an article aloud offline (real speech, real sound)', async () => {
    const { page } = browser;
    await page.goto(url(SEED));
    const title = await page.locator('article-player h1').innerText();
    await waitForVoices(page, 'en');
    const recording = await startRecording();
    await page.click('article-player button.play');
    const log = await waitForSpeech(page, { type: 'start', text: title }, 20_000);
    await waitForSpeech(page, { type: 'end', text: title }, 20_000);
    const stats = await recording.stop();
    expect(log.find((entry) => entry.type === 'start')?.text).toBe(title);
    expect((await speechLog(page)).filter((entry) => entry.type === 'error')).toEqual([]);
    expect(stats.rms).toBeGreaterThan(SILENCE_RMS);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  });
});

describe('installing the app', () => {
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    // Headless Chromium offers installation (beforeinstallprompt) only without the engagement checks.
    browser = await launchBrowser({ args: ['--bypass-app-banner-engagement-checks'] });
    await browser.page.goto(url('/'));
    await waitForServiceWorker(browser.page);
  });

  afterAll(async () => {
    await browser.close();
  });

  it('is installable: no installability errors over the DevTools protocol', async () => {
    const { page } = browser;
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors).toEqual([]);
  });

  it('has a manifest with icons, display, id, share target, shortcuts and screenshots', async () => {
    const { page } = browser;
    const cdp = await page.context().newCDPSession(page);
    const {
      url: manifestUrl,
      errors,
      data,
    } = (await cdp.send('Page.getAppManifest')) as {
      url: string;
      errors: { message: string; critical: number }[];
      data?: string;
    };
    expect(new URL(manifestUrl).pathname).toBe('/manifest.webmanifest');
    expect(errors).toEqual([]);
    const manifest = JSON.parse(data ?? '{}') as {
      id: string;
      display: string;
      start_url: string;
      icons: { src: string; sizes: string; purpose: string }[];
      share_target: { action: string; method: string; params: Record<string, string> };
      shortcuts: { url: string }[];
      screenshots?: { src: string; sizes: string; form_factor: string }[];
    };
    expect(manifest.id).toBe('/');
    expect(manifest.display).toBe('standalone');
    expect(manifest.share_target).toEqual({
      action: '/listen/',
      method: 'GET',
      enctype: 'application/x-www-form-urlencoded',
      params: { title: 'title', text: 'text', url: 'url' },
    });
    const catalog = (await getJson<{ articles: CatalogEntry[] }>(url('/articles/index.json')))
      .articles;
    expect(manifest.shortcuts[0]?.url).toBe(catalog[0]?.url);

    // Every icon is a real PNG of the size it claims.
    const purposes = new Set<string>();
    for (const icon of manifest.icons) {
      const body = Buffer.from(await (await fetch(url(icon.src))).arrayBuffer());
      const meta = await sharp(body).metadata();
      expect(`${String(meta.width)}x${String(meta.height)}`, icon.src).toBe(icon.sizes);
      expect(meta.format).toBe('png');
      purposes.add(`${icon.purpose} ${icon.sizes}`);
    }
    expect([...purposes].sort()).toEqual([
      'any 192x192',
      'any 512x512',
      'maskable 192x192',
      'maskable 512x512',
    ]);

    // The screenshots exist when the build had Chromium (it does here), at the sizes listed.
    expect(manifest.screenshots?.map((shot) => shot.form_factor)).toEqual(['wide', 'narrow']);
    for (const shot of manifest.screenshots ?? []) {
      const body = Buffer.from(await (await fetch(url(shot.src))).arrayBuffer());
      const meta = await sharp(body).metadata();
      expect(`${String(meta.width)}x${String(meta.height)}`, shot.src).toBe(shot.sizes);
    }
  });

  it('shows an Install button in the header, in the place of the link to the steps', async () => {
    const { page } = browser;
    await page.reload();
    const box = (selector: string) =>
      page.evaluate((s) => {
        const r = document.querySelector(s)!.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }, selector);
    await expect
      .poll(() => page.locator('.install-button').isVisible(), { timeout: 15_000 })
      .toBe(true);
    expect(await page.locator('.install-button').innerText()).toBe('Install app');
    expect(await page.locator('.install-link').count()).toBe(0);
    const button = await box('.install-button');
    expect(button.height).toBeGreaterThanOrEqual(44);
    // In the header, never over the article's text.
    const header = await box('.site-header');
    expect(button.y + button.height).toBeLessThanOrEqual(header.y + header.height);
    // The same box as the link it replaced: the swap moves nothing.
    const withLink = await launchBrowser({ serviceWorkers: 'block' });
    try {
      await withLink.page.addInitScript(() => {
        // This browser does not offer installation, as Safari and Firefox do not.
        window.addEventListener('beforeinstallprompt', (event) => event.stopImmediatePropagation());
      });
      await withLink.page.goto(url('/'));
      const link = await withLink.page.evaluate(() => {
        const r = document.querySelector('.install-link')!.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      });
      expect(Math.abs(link.x - button.x)).toBeLessThanOrEqual(1);
      expect(Math.abs(link.y - button.y)).toBeLessThanOrEqual(1);
      expect(Math.abs(link.width - button.width)).toBeLessThanOrEqual(1);
      expect(link.height).toBe(button.height);
    } finally {
      await withLink.close();
    }
  });

  it('where the browser offers no installation, links Install app to the steps for each browser', async () => {
    const other = await launchBrowser({ serviceWorkers: 'block' });
    try {
      const { page } = other;
      await page.addInitScript(() => {
        window.addEventListener('beforeinstallprompt', (event) => event.stopImmediatePropagation());
      });
      await page.goto(url(SEED));
      await page.getByRole('link', { name: 'Install app' }).click();
      await page.waitForURL(url('/#install'));
      await expect
        .poll(() => page.getByRole('heading', { name: 'Install the app' }).isVisible())
        .toBe(true);
      expect(await page.locator('#install').innerText()).toMatch(/Safari.*Add to Home Screen/su);
      const { violations } = await axeScan(page);
      expect(violations, formatViolations(violations)).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
