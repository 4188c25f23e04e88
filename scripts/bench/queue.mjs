// Figure 2, Up next (real speech): the silence between two articles of the queue — from the end of
// the first article's last utterance to the start of "Next: <title>.", and from the end of that to
// the start of the next article — beside the floor, the silence between two utterances of one
// article (the speech server's own latency). A figure, not a test: the e2e queue test checks that
// nothing waits in between (the next article fetched before the announcement, nothing spoken
// between), and prints the gap; its length, on a machine shared with other speech, is this.
/* global window, document -- in the functions that Playwright runs in the page */

import { ms, ratio, REPEATS, row, spread, summarize } from './lib.mjs';

/** The player's `ap-paragraph` events (the article's length, to seek to its last block). */
const PARAGRAPH_SCRIPT = `(() => {
  window.__paragraph = null;
  document.addEventListener('ap-paragraph', (event) => { window.__paragraph = event.detail; });
})();`;

/** Utterances of the first article heard whole before it is sought to its end. */
const FLOOR_UTTERANCES = 4;

const errorText = (error) => String(error?.message ?? error).split('\n')[0];

/** Waits until the speech log has a `type` entry of exactly `text`. */
function spoken(page, type, text, timeout) {
  return page.waitForFunction(
    ([t, s]) => (window.__speechLog ?? []).some((e) => e.type === t && e.text === s),
    [type, text],
    { timeout, polling: 20 },
  );
}

/**
 * The silences of one listening to the first two articles of the library through Up next, at
 * rate 3 from the first one's last block: `between` (the two parts of the gap between the
 * articles) and `within` (each gap between two utterances of the first article).
 */
export function silences(log, announcement, next) {
  const announced = log.find((e) => e.type === 'start' && e.text === announcement);
  const announcedEnd = log.find((e) => e.type === 'end' && e.text === announcement);
  if (!announced || !announcedEnd) return null;
  const lastEnd = log.filter((e) => e.type === 'end' && e.time <= announced.time).at(-1);
  const nextStart = log.find(
    (e) => e.type === 'start' && e.text === next && e.time >= announcedEnd.time,
  );
  if (!lastEnd || !nextStart) return null;
  // Within the first article: a start that follows an end, with nothing but word boundaries and
  // the next speak() call between (no cancel, no error).
  const within = [];
  let previousEnd = null;
  const events = log.filter(
    (e) => e.time < announced.time && e.type !== 'boundary' && e.type !== 'speak',
  );
  for (const entry of events) {
    if (entry.type === 'start' && previousEnd) within.push(entry.time - previousEnd.time);
    previousEnd = entry.type === 'end' ? entry : null;
  }
  return {
    toAnnouncement: announced.time - lastEnd.time,
    toArticle: nextStart.time - announcedEnd.time,
    within,
  };
}

async function queueRun(support, site) {
  const browser = await support.launchBrowser({ failOnPageError: false });
  try {
    await support.installSpeechLog(browser.context);
    await browser.context.addInitScript({ content: PARAGRAPH_SCRIPT });
    const { page } = browser;
    await page.goto(site.url('/'), { waitUntil: 'load' });
    const titles = (await page.locator('.library .article-card h3 a').allInnerTexts())
      .slice(0, 2)
      .map((title) => title.trim());
    if (titles.length < 2) throw new Error('the library lists fewer than two articles');
    for (const title of titles) {
      await page.getByRole('button', { name: `Add to Up next: ${title}` }).click();
    }
    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-queue-list] > li').length === count,
      titles.length,
    );
    await page.locator('[data-play-all][data-ready]').waitFor();
    await page.getByRole('button', { name: 'Play all' }).click();
    await spoken(page, 'start', titles[0], 30_000);
    await page.locator('article-player select[part="speed"]').selectOption('3');
    // A few utterances of the first article at that rate, for the floor.
    const ends = await page.evaluate(
      () => window.__speechLog.filter((e) => e.type === 'end').length,
    );
    await page.waitForFunction(
      (count) => window.__speechLog.filter((e) => e.type === 'end').length >= count,
      ends + FLOOR_UTTERANCES,
      { timeout: 60_000, polling: 50 },
    );
    await page.waitForFunction(() => window.__paragraph !== null);
    await page.evaluate(async () => {
      const total = window.__paragraph.total;
      await document.querySelector('article-player').seek(total - 1);
    });
    const announcement = `Next: ${titles[1]}.`;
    await spoken(page, 'end', announcement, 90_000);
    await spoken(page, 'start', titles[1], 30_000);
    const log = await support.speechLog(page);
    await page.evaluate(() => document.querySelector('article-player')?.stop());
    return silences(log, announcement, titles[1]);
  } finally {
    await browser.close().catch(() => undefined);
  }
}

export async function queueFigures(support, site) {
  const runs = Math.max(2, Math.ceil(REPEATS / 2));
  const between = [];
  const toAnnouncement = [];
  const toArticle = [];
  const within = [];
  const problems = [];
  for (let run = 0; run < runs; run++) {
    try {
      const result = await queueRun(support, site);
      if (!result) throw new Error('the speech log lacks the announcement or the next article');
      toAnnouncement.push(result.toAnnouncement);
      toArticle.push(result.toArticle);
      between.push(result.toAnnouncement + result.toArticle);
      within.push(...result.within);
    } catch (error) {
      problems.push(`Up next, run ${String(run + 1)}: ${errorText(error)}`);
    }
  }
  const gap = summarize(between);
  const floor = summarize(within);
  const rows = [
    row(
      'Time to speak',
      'Up next: silence between two articles (real speech), not counting "Next: …" itself',
      ms(gap.median),
      {
        spread: `${spread(gap)}; ${ms(summarize(toAnnouncement).median)} to the announcement + ${ms(summarize(toArticle).median)} from it to the next article`,
      },
    ),
    row(
      'Time to speak',
      'floor: silence between two utterances of one article (real speech)',
      ms(floor.median),
      { spread: spread(floor) },
    ),
    row(
      'Time to speak',
      'Up next: the gap between articles / two gaps between utterances',
      ratio(gap.median / (2 * floor.median)),
      { spread: 'two utterance gaps make the floor of an announced change of article' },
    ),
  ];
  const details = [
    `Up next: ${String(runs)} run(s), each in a fresh browser: the home page of the bench site, the library's first two articles added to Up next, Play all, rate 3, the first article sought to its last block; times from the speech spy's \`start\` and \`end\` events (tests/e2e/support/speech.ts). The floor is every gap between the end of an utterance and the start of the next in the first article at that rate. The e2e queue test checks that nothing waits in between; this says how long the silence is.`,
    '',
    ...problems.map((p) => `- ${p}`),
  ];
  return { rows, details };
}
