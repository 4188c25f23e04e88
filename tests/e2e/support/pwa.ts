// Helpers for the PWA tests: waiting for the service worker, reading the precache, the catalog.
import type { BrowserContext, Page } from 'playwright-core';
import { recordSink, SILENCE_RMS } from './audio';

export interface CatalogEntry {
  slug: string;
  title: string;
  standfirst: string;
  url: string;
  lang: string;
}

export interface ArticleJson {
  id: string;
  lang: string;
  title: string;
  blocks: { id: string; kind: string; text: string }[];
}

/** Fetches JSON from the server (from the test process, not the page). */
export async function getJson<T>(absoluteUrl: string): Promise<T> {
  const response = await fetch(absoluteUrl);
  if (!response.ok) throw new Error(`${absoluteUrl}: HTTP ${String(response.status)}`);
  return (await response.json()) as T;
}

/** Waits until the page is controlled by an activated service worker (the app saved for offline use). */
export async function waitForServiceWorker(page: Page, timeoutMs = 20_000): Promise<void> {
  const outcome = await page.evaluate(async (timeout) => {
    const ready = (async () => {
      const registration = await navigator.serviceWorker.ready;
      const worker = registration.active;
      if (worker && worker.state !== 'activated') {
        await new Promise<void>((resolve) => {
          const check = (): void => {
            if (worker.state === 'activated') resolve();
          };
          worker.addEventListener('statechange', check);
          check();
        });
      }
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) =>
          navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
        );
      }
      return 'ready';
    })();
    const late = new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), timeout));
    return Promise.race([ready, late]);
  }, timeoutMs);
  if (outcome !== 'ready')
    throw new Error(
      `No activated service worker controls ${page.url()} within ${String(timeoutMs)} ms`,
    );
}

/** The entries of every cache of the origin, and their total size in bytes (bodies, as stored). */
export function cachedEntries(page: Page): Promise<{ urls: string[]; bytes: number }> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    let bytes = 0;
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        urls.push(request.url);
        const response = await cache.match(request);
        if (response) bytes += (await response.blob()).size;
      }
    }
    return { urls, bytes };
  });
}

/** The text of the page's app status region (`role=status`). */
export function appStatus(page: Page): Promise<string> {
  return page.locator('[data-app-status]').innerText();
}

/**
 * Stops all speech of the browser and waits until the speech queue is idle, so that the next browser of the
 * run does not find speech-dispatcher still busy with this one's utterances.
 */
export async function silenceSpeech(page: Page): Promise<void> {
  await page
    .evaluate(async () => {
      await document.querySelector('article-player')?.stop();
      speechSynthesis.cancel();
    })
    .catch(() => undefined);
  await page
    .waitForFunction(() => !speechSynthesis.speaking, undefined, { timeout: 3_000 })
    .catch(() => undefined);
  // What speech-dispatcher had already sent on is still heard for a moment: until the sink is
  // silent (in short windows, 5 s at most).
  for (let tries = 0; tries < 15; tries++) {
    if ((await recordSink(300)).rms < SILENCE_RMS) break;
  }
}

/**
 * Clears the site's IndexedDB and localStorage (what was heard, queued, saved and set), as on a
 * first visit, but keeps its service worker and caches. The page is left on about:blank, so that
 * no page of the site holds the storage open.
 */
export async function clearSiteStorage(context: BrowserContext, page: Page, origin: string) {
  await page.goto('about:blank');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', {
    origin,
    storageTypes: 'indexeddb,local_storage',
  });
  await cdp.detach();
}
