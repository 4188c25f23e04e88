// Listening to shared and pasted text: the share target (/listen/), the local library, hostile and bad input.
// After the first test the browser stays offline: everything here must work without a network.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SILENCE_RMS, startRecording } from './support/audio';
import { axeScan, formatViolations } from './support/axe';
import { launchBrowser, type LaunchedBrowser } from './support/browser';
import { url } from './support/env';
import { appStatus, clearSiteStorage, silenceSpeech, waitForServiceWorker } from './support/pwa';
import { installSpeechLog, speechLog, waitForSpeech, waitForVoices } from './support/speech';

const TITLE = 'A note shared from another app';
const PARAGRAPHS = [
  'This text was shared to the app. It is kept on this device.',
  'It can be read aloud, even offline.',
];

/** The paragraphs the player holds (its light DOM), without the meta line. */
function playerParagraphs(browser: LaunchedBrowser): Promise<string[]> {
  return browser.page.evaluate(() =>
    [...document.querySelectorAll('article-player p:not([data-skip])')].map((p) => p.textContent),
  );
}

/** Titles of the saved texts listed on the home page. */
async function savedTitles(browser: LaunchedBrowser): Promise<string[]> {
  await browser.page.goto(url('/'));
  await browser.page.locator('[data-saved-list] :is(ul, p)').first().waitFor();
  return browser.page.locator('.saved-card h3').allInnerTexts();
}

describe('listening to shared and pasted text', () => {
  let browser: LaunchedBrowser;

  /**
   * Nothing saved, then these texts saved through /listen/ (a test of its own state, whatever
   * ran before it; the service worker is kept).
   */
  async function savedOnly(texts: readonly [title: string, text: string][]): Promise<void> {
    const { page } = browser;
    await clearSiteStorage(browser.context, page, new URL(url('/')).origin);
    for (const [title, text] of texts) {
      await page.goto(url('/listen/'));
      await page.getByLabel('Title (optional)').fill(title);
      await page.getByLabel('Text to listen to').fill(text);
      await page.getByRole('button', { name: 'Save and listen' }).click();
      await page.waitForURL(/\/listen\/\?id=/u);
      await page.evaluate(() => document.querySelector('article-player')?.stop());
    }
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    await installSpeechLog(browser.context);
    await browser.page.goto(url('/'));
    await waitForServiceWorker(browser.page);
  });

  afterAll(async () => {
    await silenceSpeech(browser.page);
    await browser.context.setOffline(false);
    await browser.close();
  });

  it('opens shared text, reads it aloud, and still has it after an offline reload', async () => {
    const { page } = browser;
    await savedOnly([]);
    // What the browser opens for the manifest's share_target (GET /listen/?title=&text=&url=).
    const query = new URLSearchParams({
      title: TITLE,
      text: PARAGRAPHS.join('\n\n'),
      url: 'https://example.org/note',
    });
    await page.goto(url(`/listen/?${query.toString()}`));
    await page.locator('article-player h1').waitFor();
    expect(new URL(page.url()).search).toMatch(/^\?id=[\w-]+$/u);
    expect(await page.locator('article-player h1').innerText()).toBe(TITLE);
    expect(await playerParagraphs(browser)).toEqual(PARAGRAPHS);
    expect(await page.locator('article-player .meta').innerText()).toContain(
      'Shared from https://example.org/note',
    );
    expect(await appStatus(page)).toBe(`Saved “${TITLE}” on this device.`);

    await waitForVoices(page, 'en');
    const recording = await startRecording();
    await page.click('article-player button.play');
    await waitForSpeech(page, { type: 'start', text: TITLE }, 20_000);
    await waitForSpeech(page, { type: 'start', text: 'This text was shared to the app.' }, 30_000);
    const stats = await recording.stop();
    expect(stats.rms).toBeGreaterThan(SILENCE_RMS);
    const spoken = (await speechLog(page)).filter((entry) => entry.type === 'speak');
    expect(spoken.map((entry) => entry.text)).not.toContain(expect.stringContaining('Shared from'));
    await page.click('article-player button.play'); // pause
    expect(await page.evaluate(() => document.querySelector('article-player')?.status)).toBe(
      'paused',
    );

    const savedUrl = page.url();
    await browser.context.setOffline(true);
    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    expect(page.url()).toBe(savedUrl);
    await page.locator('article-player h1').waitFor();
    expect(await page.locator('article-player h1').innerText()).toBe(TITLE);
    expect(await playerParagraphs(browser)).toEqual(PARAGRAPHS);

    expect(await savedTitles(browser)).toEqual([TITLE]);
    const results = await axeScan(page);
    expect(results.violations, formatViolations(results.violations)).toEqual([]);
  });

  it('explains what to do when only a link is shared, instead of fetching it', async () => {
    const { page } = browser;
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(url(`/listen/?url=${encodeURIComponent('https://example.org/an-article')}`));
    const error = page.locator('#paste-error');
    await error.waitFor();
    expect(await error.innerText()).toBe(
      'Only a link was shared (https://example.org/an-article), and this app does not fetch web pages. Open the page, copy its text, and paste it here.',
    );
    expect(await appStatus(page)).toBe(await error.innerText());
    expect(new URL(page.url()).search).toBe('');
    expect(requests.filter((request) => new URL(request).hostname === 'example.org')).toEqual([]);
    expect(await page.locator('#paste-text').getAttribute('aria-invalid')).toBe('true');
  });

  it('runs nothing from pasted HTML: scripts, event handlers, frames and links are gone', async () => {
    const { page } = browser;
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(url('/listen/'));
    const hostile = `<!doctype html><html lang="en"><head><title>Hostile article</title>
      <script>window.__pwned = 'head script';</script>
      <meta http-equiv="refresh" content="0;url=/pwned-refresh">
      <style>body { display: none }</style></head>
      <body onload="window.__pwned = 'body onload'">
      <article>
        <h1>Hostile article</h1>
        <p>The first paragraph is harmless, and it is long enough for Readability to see an article in it.</p>
        <img src="/pwned-img.png" onerror="window.__pwned = 'img onerror'">
        <p onmouseover="window.__pwned = 'mouseover'">The second paragraph has <a href="javascript:window.__pwned='link'">a link</a> and <svg onload="window.__pwned = 'svg onload'"><circle r="1"/></svg>an image.</p>
        <iframe srcdoc="&lt;script&gt;parent.__pwned = 'iframe'&lt;/script&gt;"></iframe>
        <script>window.__pwned = 'body script';</script>
        <form action="/pwned-form"><input name="x" autofocus onfocus="window.__pwned = 'autofocus'"></form>
        <p>The third paragraph is <b>bold</b> and <object data="/pwned-object"></object>plain.</p>
      </article></body></html>`;
    await page.fill('#paste-text', hostile);
    await page.click('.paste-form button[type=submit]');
    await page.locator('article-player h1').waitFor();
    expect(await page.locator('article-player h1').innerText()).toBe('Hostile article');
    const paragraphs = await playerParagraphs(browser);
    expect(paragraphs).toEqual([
      'The first paragraph is harmless, and it is long enough for Readability to see an article in it.',
      'The second paragraph has a link and an image.',
      'The third paragraph is bold and plain.',
    ]);
    // Give anything that might run a chance to: hover the paragraph, wait until nothing loads.
    await page.locator('article-player p', { hasText: 'The second paragraph' }).hover();
    await page.waitForLoadState('networkidle');
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned),
    ).toBeUndefined();
    const active = await page.evaluate(
      () =>
        document.querySelectorAll(
          'article-player :is(script, img, iframe, svg, object, form, input, a, style, meta), article-player [onerror], article-player [onmouseover], article-player [onload]',
        ).length,
    );
    expect(active).toBe(0);
    expect(requests.filter((request) => request.includes('pwned'))).toEqual([]);
    expect(await page.locator('body').isVisible()).toBe(true);

    // Read back from storage after a reload: still nothing runs.
    await page.reload();
    await page.locator('article-player h1').waitFor();
    expect(await playerParagraphs(browser)).toHaveLength(3);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned),
    ).toBeUndefined();
    expect(requests.filter((request) => request.includes('pwned'))).toEqual([]);
  });

  it('gives a clear message for empty, gigantic, binary and wordless input, and loses nothing saved', async () => {
    const { page } = browser;
    await savedOnly([
      ['Kept one', 'A text saved before.'],
      ['Kept two', 'Another text saved before.'],
    ]);
    const before = await savedTitles(browser);
    expect(before.toSorted()).toEqual(['Kept one', 'Kept two']);
    await page.goto(url('/listen/'));
    const error = page.locator('#paste-error');
    const submit = async (fill: () => Promise<void>): Promise<string> => {
      const previous = (await error.isVisible()) ? await error.innerText() : '';
      await fill();
      await page.click('.paste-form button[type=submit]');
      // Each case's message differs from the one before: wait for this submission's.
      await expect
        .poll(async () => (await error.isVisible()) && (await error.innerText()) !== previous)
        .toBe(true);
      const text = await error.innerText();
      await expect.poll(() => appStatus(page)).toBe(text);
      expect(await page.locator('article-player').count()).toBe(0);
      return text;
    };

    expect(await submit(() => page.fill('#paste-text', '   \n\n  '))).toBe(
      'There is no text to listen to. Paste or type some text first.',
    );
    // 10 MB pasted: refused at once, before the box has to lay it out.
    await page.fill('#paste-text', '');
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'word '.repeat(2_000_000));
      const paste = new ClipboardEvent('paste', {
        clipboardData: data,
        bubbles: true,
        cancelable: true,
      });
      document.querySelector('#paste-text')!.dispatchEvent(paste);
    });
    await expect
      .poll(() => error.innerText())
      .toBe(
        'This text is too long to keep: 10,000,000 characters, and the limit is 1,000,000. Paste a shorter part of it.',
      );
    expect(await appStatus(page)).toBe(await error.innerText());
    expect(await page.inputValue('#paste-text')).toBe('');
    // Over the limit when submitted (typed, or put there some other way).
    expect(
      await submit(() =>
        page.evaluate(() => {
          (document.querySelector('#paste-text') as HTMLTextAreaElement).value = 'word '.repeat(
            200_001,
          );
        }),
      ),
    ).toBe(
      'This text is too long to keep: 1,000,005 characters, and the limit is 1,000,000. Paste a shorter part of it.',
    );
    // Binary junk: the bytes of a PNG file's start and random bytes, decoded as UTF-8.
    expect(
      await submit(() =>
        page.evaluate(() => {
          const bytes = new Uint8Array(4096);
          let seed = 42;
          for (let i = 0; i < bytes.length; i += 1) {
            seed = (seed * 1103515245 + 12345) % 2 ** 31;
            bytes[i] = seed % 256;
          }
          bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
          (document.querySelector('#paste-text') as HTMLTextAreaElement).value =
            new TextDecoder().decode(bytes);
        }),
      ),
    ).toBe(
      'This does not look like text: it has too many unreadable characters. If it is a document such as a PDF, open it, copy its text and paste that here.',
    );
    expect(await submit(() => page.fill('#paste-text', '!!! ... ??? ---'))).toBe(
      'This text has no words to read aloud. Paste text with letters or numbers in it.',
    );
    expect(
      await submit(() => page.fill('#paste-text', '<div><script>alert(1)</script></div>')),
    ).toBe('No readable text was found in this HTML. Try pasting the text itself instead.');
    const results = await axeScan(page);
    expect(results.violations, formatViolations(results.violations)).toEqual([]);

    expect(await savedTitles(browser)).toEqual(before);
  });

  it('shows a long pasted text in parts laid out as they come into view, and reads where it is tapped', async () => {
    const { page } = browser;
    const paragraphs = Array.from(
      { length: 250 },
      (_, i) => `Paragraph ${String(i + 1)} of a long pasted text. It goes on for a while.`,
    );
    await savedOnly([['A long pasted text', paragraphs.join('\n\n')]]);
    expect(await playerParagraphs(browser)).toEqual(paragraphs);
    const parts = page.locator('article-player .article-part');
    expect(await parts.count()).toBe(3);
    expect(await parts.first().evaluate((part) => getComputedStyle(part).contentVisibility)).toBe(
      'auto',
    );
    // The reader scrolls far down (parts laid out on the way change the page's height) and taps.
    const target = page.locator('article-player p', { hasText: 'Paragraph 230 of' });
    await expect
      .poll(() =>
        target.evaluate((p) => {
          p.scrollIntoView({ block: 'center', behavior: 'instant' });
          const rect = p.getBoundingClientRect();
          return rect.top >= 0 && rect.bottom <= innerHeight;
        }),
      )
      .toBe(true);
    await waitForVoices(page, 'en');
    await target.click({ position: { x: 3, y: 8 } }); // its first word
    await waitForSpeech(
      page,
      { type: 'start', text: 'Paragraph 230 of a long pasted text.' },
      20_000,
    );
    expect(await target.getAttribute('data-reading')).not.toBeNull();
    await page.evaluate(() => document.querySelector('article-player')?.stop());
  });

  it('deletes a saved text from the home page', async () => {
    const { page } = browser;
    await savedOnly([
      ['To delete', 'A text to delete.'],
      ['To keep', 'A text to keep.'],
    ]);
    await savedTitles(browser);
    await page.getByRole('button', { name: 'Delete “To delete”' }).click();
    await expect.poll(() => appStatus(page)).toBe('Deleted “To delete”.');
    expect(await page.locator('.saved-card h3').allInnerTexts()).toEqual(['To keep']);
    const box = await page.locator('.saved-card .delete-button').boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
    expect(await savedTitles(browser)).toEqual(['To keep']);
  });
});
