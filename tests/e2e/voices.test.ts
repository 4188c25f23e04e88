// The voice picker with real speech (Chromium, espeak-ng): the automatic choice for the French
// article, the picker's groups, and a Preview that speaks and then lets reading go on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './support/browser';
import { url } from './support/env';
import { playerStatus, readingIndex } from './support/player';
import { installSpeechLog, speechLog, waitForSpeech, waitForVoices } from './support/speech';

const SEED = '/articles/tajikistan-kyrgyzstan-clashes/';
const FRENCH = '/articles/lecture-a-voix-haute/';

describe('choosing a voice, with real speech', () => {
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    browser = await launchBrowser();
    await installSpeechLog(browser.context);
  });

  afterAll(async () => {
    await browser.close();
  });

  it('reads the French article with a French voice, and says which in the bar', async () => {
    const { page } = browser;
    await page.goto(url(FRENCH));
    await waitForVoices(page, 'fr');
    await page.locator('article-player [part~="voice-name"]').waitFor();
    expect(await page.locator('article-player [part~="voice-name"]').textContent()).toMatch(
      /French \(France\)/,
    );
    await page.click('article-player button.play');
    const log = await waitForSpeech(page, { type: 'start' }, 20_000);
    const first = log.find((entry) => entry.type === 'speak');
    expect(first?.voiceLang).toBe('fr-FR');
    expect(first?.voice).toBe('French (France) espeak-ng');
    await page.evaluate(() => document.querySelector('article-player')?.stop());
  });

  it('groups hundreds of espeak-ng voices: the regions first, the variants last', async () => {
    const { page } = browser;
    await page.goto(url(SEED));
    await waitForVoices(page, 'en');
    await page.click('article-player [part~="settings"]');
    const voiceGroups = () =>
      page.$$eval('article-player select[part~="voice"] optgroup', (all) =>
        all.map((group) => ({
          label: group.getAttribute('label'),
          count: group.querySelectorAll('option').length,
        })),
      );
    // The player takes the voice list once it has stopped changing (Firefox sends it in
    // batches), a moment after the page first sees it: the picker fills in then.
    await expect
      .poll(async () => (await voiceGroups())[0], { timeout: 10_000 })
      .toEqual({ label: 'English — United States', count: 2 });
    const groups = await voiceGroups();
    expect(groups.at(-1)?.label).toBe('Novelty and effect voices');
    expect(groups.at(-1)?.count).toBeGreaterThan(700);
    await page.click('article-player [part~="close"]');
  });

  it('previews a voice with the sentence being read, then reads on from the same block', async () => {
    const { page } = browser;
    await page.goto(url(SEED));
    await waitForVoices(page, 'en');
    await page.click('article-player button.play');
    await waitForSpeech(page, { type: 'start' }, 20_000);
    const block = await readingIndex(page);
    await page.click('article-player [part~="settings"]');
    await page.selectOption('article-player select[part~="voice"]', {
      label: 'English (Great Britain)',
    });
    const before = (await speechLog(page)).length;
    await page.click('article-player [part~="preview"]');
    // The preview is spoken in the picked voice…
    await page.waitForFunction(
      (n) =>
        (window.__speechLog ?? [])
          .slice(n)
          .some((e) => e.type === 'start' && e.voice === 'English (Great Britain) espeak-ng'),
      before,
      { timeout: 20_000, polling: 50 },
    );
    // …and reading goes on, in the same block, once it has been heard: a start after the
    // preview's end. (Not "two starts": the choice itself restarts the reading in the new voice,
    // and that start may come before the preview's.)
    await page.waitForFunction(
      (n) => {
        const log = (window.__speechLog ?? []).slice(n);
        const heard = log.findIndex(
          (e) => e.type === 'end' && e.voice === 'English (Great Britain) espeak-ng',
        );
        return heard >= 0 && log.slice(heard + 1).some((e) => e.type === 'start');
      },
      before,
      { timeout: 30_000, polling: 50 },
    );
    expect(await playerStatus(page)).toBe('playing');
    expect(await readingIndex(page)).toBe(block);
    await page.click('article-player [part~="close"]');
    await page.evaluate(() => document.querySelector('article-player')?.stop());
  });
});
