// The app's own pages defend themselves (issue 14): every page carries a Content Security Policy
// (no inline script, no eval, no plugins, no <base>) and enforces Trusted Types, so that a flaw in
// the paste path could not run script. Hostile HTML pasted into /listen/ — including a short page
// (Readability's retries) and one it cannot reduce — causes no violation, runs nothing, and its
// article is read aloud.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './support/browser';
import { url } from './support/env';
import { silenceSpeech, waitForServiceWorker } from './support/pwa';
import { installSpeechLog, waitForSpeech, waitForVoices } from './support/speech';

const CATALOG = JSON.parse(
  readFileSync(new URL('../../dist/articles/index.json', import.meta.url), 'utf8'),
) as { articles: { slug: string }[] };
const PAGES = [
  '/',
  '/listen/',
  '/offline.html',
  '/embed/',
  `/articles/${CATALOG.articles[0]!.slug}/`,
];

const violations = (browser: LaunchedBrowser): Promise<string[]> =>
  browser.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
/**
 * Violations other than the policy refusing the pasted markup's own inline event handlers and
 * `<base>`: the inert document DOMParser builds inherits the page's policy, and Chromium checks
 * them as it parses (they would never run or apply there anyway). Trusted Types, script and
 * every other directive must see nothing.
 */
const appViolations = async (browser: LaunchedBrowser): Promise<string[]> =>
  (await violations(browser)).filter(
    (v) =>
      !v.startsWith('script-src-attr inline') && !v.startsWith('base-uri https://evil.example/'),
  );
const pwned = (browser: LaunchedBrowser): Promise<unknown> =>
  browser.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

const HOSTILE = `<!doctype html><html lang="en"><head><title>A hostile page</title>
  <script>window.__pwned = 'head script';</script>
  <base href="https://evil.example/">
  <style>.trap { display: none }</style></head>
  <body onload="window.__pwned = 'onload'">
  <article>
    <h1>A hostile page</h1>
    <p>This opening paragraph is harmless, and long enough, together with the next ones, for Readability to find an article here.</p>
    <img src="x" onerror="window.__pwned = 'onerror'">
    <noscript><img src="y" onerror="window.__pwned = 'noscript'"></noscript>
    <p>The second paragraph has <a href="javascript:window.__pwned='link'">a link</a> and an <svg onload="window.__pwned='svg'"></svg>icon.</p>
    <iframe srcdoc="<script>parent.__pwned = 'iframe'</script>"></iframe>
    <p class="trap">This trap is hidden by the page's style sheet and must not be read.</p>
    <p>The last paragraph ends the hostile article, which is read aloud all the same.</p>
    <script>window.__pwned = 'body script';</script>
  </article></body></html>`;
/** Too short for Readability's default threshold: it retries (innerHTML in its inert copy). */
const SHORT = `<div><p onclick="window.__pwned='short'">A short pasted note.</p><script>window.__pwned='short script'</script></div>`;

describe('the app under its Content Security Policy and Trusted Types', () => {
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    browser = await launchBrowser();
    await installSpeechLog(browser.context);
    await browser.context.addInitScript({
      content: `window.__violations = [];
        document.addEventListener('securitypolicyviolation', (event) => {
          window.__violations.push(event.effectiveDirective + ' ' + event.blockedURI + ' ' + (event.sample || ''));
        });`,
    });
  });

  afterAll(async () => {
    await silenceSpeech(browser.page);
    await browser.close();
  });

  it.each(PAGES)('%s carries the policy, enforces it, and violates nothing', async (path) => {
    const { page } = browser;
    await page.goto(url(path));
    if (path === '/') await waitForServiceWorker(page);
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "require-trusted-types-for 'script'",
    ]) {
      expect(policy).toContain(directive);
    }
    const enforced = await page.evaluate(() => {
      const outcome = (run: () => void): string => {
        try {
          run();
          return 'ran';
        } catch (error) {
          return (error as Error).name;
        }
      };
      return {
        innerHTML: outcome(() => {
          document.createElement('div').innerHTML = '<b>markup from a string</b>';
        }),
      };
    });
    // (eval cannot be tried from here: the test's own evaluation is exempt from the page's CSP.)
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/u);
    expect(enforced).toEqual({ innerHTML: 'TypeError' });
    // The attempt above is the only violation.
    const seen = await violations(browser);
    expect(
      seen.filter(
        (v) => !/^(script-src|require-trusted-types-for) .*(eval|Element innerHTML)/u.test(v),
      ),
    ).toEqual([]);
    expect(seen).toHaveLength(1);
  });

  it('reads hostile pasted HTML without a violation, without running anything', async () => {
    const { page } = browser;
    await page.goto(url('/listen/'));
    await waitForVoices(page);
    for (const [html, heading] of [
      [SHORT, null],
      [HOSTILE, 'A hostile page'],
    ] as const) {
      await page.goto(url('/listen/'));
      await page.fill('#paste-text', html);
      await page.click('.paste-form button[type=submit]');
      await page.locator('article-player h1').waitFor();
      if (heading) expect(await page.locator('article-player h1').innerText()).toBe(heading);
      expect(await appViolations(browser)).toEqual([]);
      expect(await pwned(browser)).toBeUndefined();
    }
    const texts = await page.evaluate(() =>
      [...document.querySelectorAll('article-player p:not([data-skip])')].map((p) => p.textContent),
    );
    expect(texts).toEqual([
      'This opening paragraph is harmless, and long enough, together with the next ones, for Readability to find an article here.',
      'The second paragraph has a link and an icon.',
      'The last paragraph ends the hostile article, which is read aloud all the same.',
    ]);
    await page
      .locator('article-player')
      .evaluate((player) => (player as unknown as { play(): Promise<void> }).play());
    await waitForSpeech(
      page,
      { type: 'end', text: 'The last paragraph ends the hostile article' },
      60_000,
    );
    expect(await appViolations(browser)).toEqual([]);
    expect(await pwned(browser)).toBeUndefined();
  });
});
