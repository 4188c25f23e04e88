// Real speech in every engine (issue 11): the same test, through one small driver per engine
// (./support/engine-browser.ts): Chromium (playwright-core), Firefox (puppeteer-core over
// WebDriver BiDi), WebKit (webdriverio over WebKitWebDriver). AP_ENGINES picks a subset.
// Each engine reads the article aloud into the test sink; the sink is recorded to prove sound.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SILENCE_RMS, startRecording, type SoundStats } from './support/audio';
import {
  describeSpeech,
  engines,
  launchEngine,
  observeSpeech,
  pageSpeechLog,
  waitInPage,
  type EngineBrowser,
} from './support/engine-browser';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { url } from './support/env';
import { readingIndexInPage as readingIndex } from './support/player';
import type { SpeechLogEntry, SpeechLogType } from './support/speech';

const ENGLISH = '/articles/tajikistan-kyrgyzstan-clashes/';
const FRENCH = '/articles/lecture-a-voix-haute/';
/** A whole article read at the top speed: 341 words, with headings, a list and a quote. */
const WHOLE = '/articles/how-text-to-speech-works/';
const TITLE = 'Vladimir Putin calls for calm after Tajikistan-Kyrgyzstan clashes';
/** Pasted on /listen/ with no title: its first line becomes the title shown. */
const OWN_TEXT = 'A note to myself\n\nBuy bread on the way home. Call the library about the book.';
/** A window recorded this long after the Pause click must be silent. */
const PAUSE_SILENT_AFTER_MS = 500;
const SILENCE_WINDOW_MS = 1_000;

const of = (log: SpeechLogEntry[], type: SpeechLogType) => log.filter((e) => e.type === type);

const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });
/** The words of a text, lower-cased, in order (punctuation and white space left out). */
const words = (text: string) =>
  [...wordSegmenter.segment(text)]
    .filter((segment) => segment.isWordLike)
    .map((segment) => segment.segment.toLowerCase());

function playerState() {
  const player = document.querySelector('article-player');
  const root = player?.shadowRoot;
  return {
    status: player?.status ?? 'missing',
    statusText: root?.querySelector('[part~="status"]')?.textContent.trim() ?? '',
    playDisabled: root?.querySelector<HTMLButtonElement>('[part~="play"]')?.disabled ?? true,
    playLabel: root?.querySelector('[part~="play"]')?.getAttribute('aria-label') ?? '',
  };
}

/** A measurement window (the half second after Pause, the recording of silence), not a wait for something. */
function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

for (const engine of engines()) {
  describe(`real speech in ${engine}`, () => {
    let browser: EngineBrowser;
    let launched = false;
    const measured: string[] = [];

    const waitFor = <T>(
      fn: () => T | Promise<T>,
      what: string,
      timeoutMs = 30_000,
    ): Promise<NonNullable<T>> =>
      waitInPage(browser, fn, { what, timeoutMs, describe: () => describeSpeech(browser) });

    /** Waits until the speech log has more than `count` entries of `type`; returns the log. */
    const waitForLog = async (type: SpeechLogType, count: number, timeoutMs = 20_000) => {
      try {
        return await vi.waitFor(
          async () => {
            const log = await pageSpeechLog(browser);
            if (of(log, type).length <= count) throw new Error(`no ${type} yet`);
            return log;
          },
          { timeout: timeoutMs, interval: 50 },
        );
      } catch (error) {
        throw new Error(
          `${engine}: no ${type} number ${String(count + 1)} within ${String(timeoutMs)} ms. ${await describeSpeech(browser)}`,
          { cause: error },
        );
      }
    };

    /** A page of the site, freshly loaded, its speech observed (each test from its own page). */
    const openPage = async (path: string) => {
      await browser.evaluate(() => document.querySelector('article-player')?.stop());
      await browser.goto(url(path));
      await observeSpeech(browser);
    };

    /** An article (the English one), freshly loaded, with its Play button. */
    const openArticle = async (path = ENGLISH) => {
      await openPage(path);
      await waitFor(
        () =>
          Boolean(
            document.querySelector('article-player')?.shadowRoot?.querySelector('[part~="play"]'),
          ),
        'Play button',
      );
    };

    /** The English article, reading: its first utterance has started. */
    const reading = async () => {
      await openArticle();
      await browser.clickInPlayer('[part~="play"]');
      await waitForLog('start', 0);
    };

    /** The English article, paused by the Play/Pause button once it was reading. */
    const pausedAfterReading = async () => {
      await reading();
      await browser.clickInPlayer('[part~="play"]');
      await waitFor(
        () => document.querySelector('article-player')?.status === 'paused',
        'paused status',
        5_000,
      );
    };

    beforeAll(async () => {
      browser = await launchEngine(engine);
      launched = true;
      measured.push(browser.version);
      const caret = await browser.evaluate(() =>
        ['caretPositionFromPoint', 'caretRangeFromPoint'].filter((name) => name in document),
      );
      measured.push(`caret API ${caret.join(' + ') || 'none'}`);
    });

    afterAll(async () => {
      if (!launched) return;
      await browser
        .evaluate(() => document.querySelector('article-player')?.stop())
        .catch(() => undefined);
      await browser.close();
      console.info(`[${engine}] ${measured.join('; ')}`);
    });

    it('reads the first three blocks in order, with sound', { timeout: 120_000 }, async () => {
      await openArticle();
      const recording = await startRecording();
      let stats: SoundStats;
      const seen: number[] = [];
      try {
        await browser.clickInPlayer('[part~="play"]');
        // Three blocks read: the fourth has started. Every block seen on the way is recorded.
        await vi
          .waitFor(
            async () => {
              const index = await browser.evaluate(readingIndex);
              if (seen.at(-1) !== index) seen.push(index);
              if (index < 3) throw new Error('not yet at the fourth block');
            },
            { timeout: 90_000, interval: 100 },
          )
          .catch(async (error: unknown) => {
            throw new Error(
              `data-reading only reached ${JSON.stringify(seen)}. ${await describeSpeech(browser)}`,
              { cause: error },
            );
          });
      } finally {
        stats = await recording.stop();
      }
      const threeBlocksAt = await browser.evaluate(() => performance.now());
      const log = await pageSpeechLog(browser);
      const clickAt = await browser.evaluate(
        () => (window as unknown as { __lastClickAt?: number }).__lastClickAt ?? Number.NaN,
      );

      expect(seen.filter((index) => index >= 0)).toEqual([0, 1, 2, 3]);
      expect(of(log, 'speak')[0]?.text).toBe(TITLE);
      expect(of(log, 'speak')[0]?.lang).toMatch(/^en/);
      expect(of(log, 'start')[0]?.text).toBe(TITLE);
      // A speak Firefox failed while its voices still arrived is spoken again, and starts.
      const failures = of(log, 'error').filter((e) => e.error !== 'interrupted');
      for (const failure of failures) {
        expect(
          of(log, 'start').some((e) => e.text === failure.text && e.time > failure.time),
          `${failure.text} failed and was not spoken again`,
        ).toBe(true);
      }
      expect(stats.rms).toBeGreaterThan(SILENCE_RMS);

      const firstStart = of(log, 'start')[0]!;
      measured.push(
        `Play click → first start ${(firstStart.time - clickAt).toFixed(0)} ms`,
        `three blocks read ${((threeBlocksAt - clickAt) / 1000).toFixed(1)} s`,
        `RMS while reading ${String(stats.rms)}`,
        `boundary events ${String(of(log, 'boundary').length)}`,
        `voice ${firstStart.voice ?? '(none set)'} (${firstStart.voiceLang ?? '-'})`,
        `failed speaks spoken again ${String(failures.length)}`,
      );
    });

    it(
      'reads a whole article at 3×, to its end: every word of it heard once, in order',
      { timeout: 240_000 },
      async () => {
        await openArticle(WHOLE);
        // What a reader sees of the article, less what the player skips by design (README:
        // "What is read, and what is skipped"): here, the date line marked data-skip.
        const visible = await browser.evaluate(() => {
          const article = document.querySelector('article-player article') as HTMLElement;
          let text = article.innerText;
          for (const skipped of article.querySelectorAll<HTMLElement>('[data-skip]')) {
            text = text.replace(skipped.innerText, ' ');
          }
          return text;
        });
        await browser.selectInPlayer('select[part="speed"]', '3');
        await browser.clickInPlayer('[part~="play"]');
        const startedAt = Date.now();
        await waitFor(
          () => document.querySelector('article-player')?.status === 'ended',
          'the end of the article',
          200_000,
        );
        const readIn = Date.now() - startedAt;
        const log = await pageSpeechLog(browser);

        // Heard: each utterance that ended (one that failed has no end, and is spoken again).
        const heard = of(log, 'end').map((e) => e.text);
        expect(words(heard.join(' '))).toEqual(words(visible));
        expect(new Set(of(log, 'speak').map((e) => e.rate))).toEqual(new Set([3]));
        measured.push(
          `whole article at 3×: ${String(words(visible).length)} words in ${String(heard.length)} utterances, ${(readIn / 1000).toFixed(1)} s`,
        );
      },
    );

    it(
      'a tap on a paragraph while reading reads from the word tapped to the end of it, then on',
      { timeout: 120_000 },
      async () => {
        await openArticle();
        await browser.selectInPlayer('select[part="speed"]', '3');
        await browser.clickInPlayer('[part~="play"]');
        await waitForLog('start', 0);
        // The eighth word of the fourth paragraph (in view in every engine's window).
        const tapped = await browser.evaluate(() => {
          const paragraph = document.querySelector('article-player article > p:nth-of-type(4)')!;
          const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
          const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
          let count = 0;
          for (let text = walker.nextNode(); text; text = walker.nextNode()) {
            for (const { segment, index, isWordLike } of segmenter.segment(text.nodeValue ?? '')) {
              if (!isWordLike || ++count < 8) continue;
              const range = document.createRange();
              range.setStart(text, index);
              range.setEnd(text, index + segment.length);
              const word = range.getBoundingClientRect();
              const box = paragraph.getBoundingClientRect();
              return {
                text: paragraph.textContent,
                next: paragraph.nextElementSibling?.textContent ?? '',
                x: word.left + word.width / 2 - box.left,
                y: word.top + word.height / 2 - box.top,
              };
            }
          }
          throw new Error('the paragraph has fewer than 8 words');
        });
        const before = (await pageSpeechLog(browser)).length;
        await browser.clickInPage('article-player article > p:nth-of-type(4)', tapped);
        await waitFor(
          () =>
            document
              .querySelector('article-player [data-reading]')
              ?.matches('article > p:nth-of-type(4)') ?? false,
          'the tapped paragraph being read',
          10_000,
        );
        const index = await browser.evaluate(readingIndex);
        // On to the next paragraph: the tapped one was read to its end.
        await waitFor(
          () =>
            document
              .querySelector('article-player [data-reading]')
              ?.matches('article > p:nth-of-type(4) + *') ?? false,
          'the paragraph after it being read',
          60_000,
        );
        // Its first utterance heard starting (the engine's start comes after the speak that
        // moved data-reading: in Firefox, up to a few hundred ms).
        const since = await vi.waitFor(
          async () => {
            const entries = (await pageSpeechLog(browser)).slice(before);
            if (of(entries, 'start').every((e) => tapped.text.includes(e.text.trim())))
              throw new Error('the next paragraph has not started yet');
            return entries;
          },
          { timeout: 10_000, interval: 50 },
        );
        const starts = of(since, 'start');
        const cut = starts.findIndex((e) => !tapped.text.includes(e.text.trim()));
        const heard = words(
          of(since, 'end')
            .filter((e) => tapped.text.includes(e.text.trim()))
            .map((e) => e.text)
            .join(' '),
        );
        const paragraph = words(tapped.text);
        const next = words(starts[cut]?.text ?? '');

        expect(index).toBeGreaterThan(0);
        // The first utterance after the tap is of the tapped paragraph.
        expect(cut).toBeGreaterThan(0);
        // From the word tapped to the paragraph's end, each once.
        expect(heard).toEqual(paragraph.slice(7));
        // Then the next paragraph, from its start.
        expect(next.length).toBeGreaterThan(0);
        expect(words(tapped.next).slice(0, next.length)).toEqual(next);
      },
    );

    /**
     * Queues two articles on the home page, taps Play all and brings the first to its last
     * paragraph at 3× (where it plays); returns their titles and the speech log once the second
     * has started.
     */
    const playAllUntilTheSecond = async (slugs: [string, string]) => {
      await openPage('/');
      // Up next as an earlier test left it (the session is kept on the device): emptied first,
      // by the cards' own buttons.
      const queued = await waitFor(
        () =>
          document.querySelector('.article-card button[aria-pressed]') && [
            ...[...document.querySelectorAll('.article-card')]
              .filter((card) => card.querySelector('button[aria-pressed="true"]'))
              .map((card) => card.querySelector('h3 a')?.getAttribute('href') ?? ''),
          ],
        'the library and Up next',
      );
      for (const href of queued) {
        await browser.clickInPage(`.article-card:has(a[href="${href}"]) button[aria-pressed]`);
      }
      await waitFor(
        () => document.querySelectorAll('[data-queue-list] > li').length === 0,
        'Up next emptied',
      );
      for (const slug of slugs) {
        await browser.clickInPage(
          `.article-card:has(a[href="/articles/${slug}/"]) button[aria-pressed]`,
        );
      }
      const titles = await waitFor(() => {
        const queued = [...document.querySelectorAll('[data-queue-list] .queue-title')];
        const ready = document.querySelector('[data-play-all][data-ready]');
        return queued.length === 2 && ready
          ? queued.map((title) => title.textContent.trim())
          : null;
      }, 'two articles in Up next, and Play all ready');
      await browser.clickInPage('[data-play-all]');
      await waitForLog('start', 0);
      // (From where an earlier test left it: Play all continues each article.)
      const opened = await browser.evaluate(() =>
        document.querySelector('main article-player h1')?.textContent.trim(),
      );
      if (
        (await browser.evaluate(() => document.querySelector('article-player')?.status)) ===
        'playing'
      ) {
        await browser.selectInPlayer('select[part="speed"]', '3');
        await browser.evaluate(async () => {
          const player = document.querySelector('article-player')!;
          const last =
            player.shadowRoot?.querySelector<HTMLInputElement>('[part="progress"] input');
          await player.seek(Number(last?.max ?? 0));
        });
      }
      const second = titles[1]!;
      const log = await vi
        .waitFor(
          async () => {
            const entries = await pageSpeechLog(browser);
            if (!of(entries, 'start').some((e) => e.text === second)) throw new Error('not yet');
            return entries;
          },
          { timeout: 90_000, interval: 200 },
        )
        .catch(async (error: unknown) => {
          throw new Error(
            `${engine}: the second article never started. ${await describeSpeech(browser)}`,
            {
              cause: error,
            },
          );
        });
      return { titles, opened, log };
    };

    it(
      'Up next: Play all reads the first article, then the second, without another tap',
      { timeout: 150_000 },
      async () => {
        // The two English articles (WebKit here has no French voice).
        const { titles, opened, log } = await playAllUntilTheSecond([
          'tajikistan-kyrgyzstan-clashes',
          'how-text-to-speech-works',
        ]);
        const [first, second] = titles as [string, string];
        const starts = of(log, 'start').map((e) => e.text);
        expect(opened).toBe(first);
        const announcement = starts.indexOf('Next article.');
        expect(announcement).toBeGreaterThan(0);
        expect(starts[announcement + 1]).toBe(second);
        expect(
          await browser.evaluate(() =>
            document.querySelector('main article-player h1')?.textContent.trim(),
          ),
        ).toBe(second);
        expect(await browser.evaluate(() => document.querySelector('article-player')?.status)).toBe(
          'playing',
        );
      },
    );

    it(
      'Up next: an article no voice here can read is skipped, not read in another language’s voice',
      { timeout: 150_000 },
      async () => {
        const { titles, opened, log } = await playAllUntilTheSecond([
          'lecture-a-voix-haute',
          'how-text-to-speech-works',
        ]);
        const [french, english] = titles as [string, string];
        const frenchVoice = await browser.evaluate(() =>
          speechSynthesis.getVoices().some((v) => v.lang.toLowerCase().startsWith('fr')),
        );
        const heardFrench = of(log, 'end').filter((e) => e.lang.startsWith('fr'));
        if (frenchVoice) {
          // Read in French, to its end, then the next.
          expect(heardFrench.length).toBeGreaterThan(0);
          expect(heardFrench.every((e) => e.voiceLang?.toLowerCase().startsWith('fr'))).toBe(true);
        } else {
          // Tried at once, before the voices were listed, and cut short once they said no French.
          expect(opened).toBe(french);
          expect(heardFrench.every((e) => e.time - of(log, 'start')[0]!.time < 1_000)).toBe(true);
          measured.push(
            `Up next without a French voice: French utterances heard ${String(heardFrench.length)}`,
          );
        }
        const starts = of(log, 'start').map((e) => e.text);
        expect(starts[starts.indexOf('Next article.') + 1]).toBe(english);
      },
    );

    it(
      'the embed on /embed/ reads its example to its end: every word once, in order, the note marked no-read-aloud left out',
      { timeout: 120_000 },
      async () => {
        await openPage('/embed/');
        await waitFor(
          () =>
            document.querySelector('article-player')?.id === 'demo' &&
            document
              .querySelector('#demo')
              ?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="play"]')?.disabled === false,
          'the example’s Play button, enabled',
        );
        const [visible, skipped] = await browser.evaluate(() => {
          const article = document.querySelector('#demo article') as HTMLElement;
          const note = article.querySelector<HTMLElement>('.no-read-aloud')!.innerText;
          return [article.innerText.replace(note, ' '), note];
        });
        await browser.selectInPlayer('select[part="speed"]', '3');
        await browser.clickInPlayer('[part~="play"]');
        await waitFor(
          () => document.querySelector('article-player')?.status === 'ended',
          'the end of the example',
          90_000,
        );
        const log = await pageSpeechLog(browser);
        // Only the embed's file runs here (no app script).
        const scripts = await browser.evaluate(() =>
          [...document.scripts].map((script) => new URL(script.src || location.href).pathname),
        );

        expect(scripts).toContain('/embed/article-player.js');
        expect(scripts.filter((path) => path.startsWith('/assets/'))).toEqual([]);
        expect(
          words(
            of(log, 'end')
              .map((e) => e.text)
              .join(' '),
          ),
        ).toEqual(words(visible));
        expect(of(log, 'speak').some((e) => e.text.includes(skipped.split(':')[0]!))).toBe(false);
        expect(new Set(of(log, 'speak').map((e) => e.rate))).toEqual(new Set([3]));
      },
    );

    it(
      'a text pasted on /listen/ is kept on the device, and read once, its title made of its first words not again',
      { timeout: 120_000 },
      async () => {
        await openPage('/listen/');
        await waitFor(() => Boolean(document.querySelector('#paste-text')), 'the paste form');
        // No title given: the page makes one of the first words (and shows it).
        await browser.runScript(
          `document.querySelector('#paste-text').value = ${JSON.stringify(OWN_TEXT)};`,
        );
        await browser.clickInPage('#main button[type="submit"]');
        await waitFor(
          () =>
            location.search.startsWith('?id=') &&
            Boolean(
              document.querySelector('article-player')?.shadowRoot?.querySelector('[part~="play"]'),
            ),
          'the saved text in the player',
        );
        // Kept on the device: there again when the page is loaded again.
        await openArticle(await browser.evaluate(() => location.pathname + location.search));
        const title = await browser.evaluate(
          () => document.querySelector('article-player h1')?.textContent ?? '',
        );
        await browser.clickInPlayer('[part~="play"]');
        await waitFor(
          () => document.querySelector('article-player')?.status === 'ended',
          'the end of the text',
          90_000,
        );
        const heard = of(await pageSpeechLog(browser), 'end').map((e) => e.text);

        expect(title).toBe(OWN_TEXT.split('\n')[0]);
        expect(words(heard.join(' '))).toEqual(words(OWN_TEXT));
      },
    );

    it(
      'a new speed mid-sentence says that sentence again at the new speed from a word within it, then reads on',
      { timeout: 90_000 },
      async () => {
        await reading();
        // The title heard to its end (the speed at 1× is known), the next sentence under way,
        // its word highlight past the middle of it.
        await waitForLog('end', 0, 30_000);
        await waitForLog('start', 1, 30_000);
        await waitFor(
          () => {
            const word = CSS.highlights.get('ap-word')?.values().next().value as Range | undefined;
            const sentence = CSS.highlights.get('ap-sentence')?.values().next().value as
              Range | undefined;
            if (!word || !sentence) return false;
            const said = sentence.cloneRange();
            said.setEnd(word.startContainer, word.startOffset);
            return said.toString().length > sentence.toString().length / 2;
          },
          'the word highlight past the middle of the sentence',
          20_000,
        );
        const before = await pageSpeechLog(browser);
        const interrupted = of(before, 'start').at(-1)!.text;
        await browser.selectInPlayer('select[part="speed"]', '2');
        const after = await waitForLog('start', of(before, 'start').length + 1, 30_000);
        const since = after.slice(before.length);
        const spokenAgain = of(since, 'speak')[0]!;

        expect(spokenAgain.rate).toBe(2);
        // From a word within the sentence, not its start.
        expect(interrupted.endsWith(spokenAgain.text)).toBe(true);
        expect(spokenAgain.text.length).toBeLessThan(interrupted.length);
        expect(of(since, 'start').at(-1)!.text).not.toBe(spokenAgain.text);
        expect(of(since, 'speak').every((e) => e.rate === 2)).toBe(true);
        expect(
          of(since, 'error').filter((e) => !/interrupted|canceled/.test(e.error ?? '')),
        ).toEqual([]);
        measured.push(
          `a new speed mid-sentence: said again from character ${String(interrupted.length - spokenAgain.text.length)} of ${String(interrupted.length)}`,
        );
      },
    );

    it(
      'Pause is silent within half a second, and speaks nothing more',
      { timeout: 60_000 },
      async () => {
        await reading();
        const before = await pageSpeechLog(browser);
        await browser.clickInPlayer('[part~="play"]');
        const clickedAt = Date.now();
        await waitFor(
          () => document.querySelector('article-player')?.status === 'paused',
          'paused status',
          5_000,
        );
        const pausedAt = await browser.evaluate(readingIndex);
        const wait = PAUSE_SILENT_AFTER_MS - (Date.now() - clickedAt);
        if (wait > 0) await sleep(wait);
        const recording = await startRecording();
        await sleep(SILENCE_WINDOW_MS);
        const stats = await recording.stop();
        const after = await pageSpeechLog(browser);

        expect(stats.rms).toBeLessThan(SILENCE_RMS);
        expect(of(after, 'start').length).toBe(of(before, 'start').length);
        expect(await browser.evaluate(readingIndex)).toBe(pausedAt);
        // What the engine fired on the utterance that Pause's cancel() cut short.
        const since = after.slice(before.length);
        const cancelAt = since.findIndex((e) => e.type === 'call:cancel');
        const cut = since.slice(cancelAt + 1).find((e) => e.type === 'end' || e.type === 'error');
        measured.push(
          `RMS from ${String(PAUSE_SILENT_AFTER_MS)} ms after Pause ${String(stats.rms)}`,
          `cancel() fired ${cancelAt < 0 ? '(no cancel() call)' : (cut?.error ?? cut?.type ?? 'nothing')}`,
        );
      },
    );

    it('Play continues from the block where it paused', { timeout: 60_000 }, async () => {
      await pausedAfterReading();
      const pausedAt = await browser.evaluate(readingIndex);
      const pausedText = await browser.evaluate(
        () => document.querySelector('article-player [data-reading]')?.textContent ?? '',
      );
      const starts = of(await pageSpeechLog(browser), 'start').length;
      await browser.clickInPlayer('[part~="play"]');
      const log = await waitForLog('start', starts);
      const resumed = of(log, 'start')[starts]!;
      expect(pausedText.replace(/\s+/g, ' ')).toContain(resumed.text.trim().replace(/\s+/g, ' '));
      expect(await browser.evaluate(readingIndex)).toBe(pausedAt);
      expect((await browser.evaluate(playerState)).status).toBe('playing');
    });

    it(
      'reopened later, the article offers to continue where it was being read, and continues there',
      { timeout: 90_000 },
      async () => {
        await openArticle();
        await browser.evaluate(() => document.querySelector('article-player')?.seek(2));
        await browser.clickInPlayer('[part~="play"]');
        await waitForLog('start', 0);
        expect(await browser.evaluate(readingIndex)).toBe(2);
        const third = await browser.evaluate(
          () => document.querySelector('article-player [data-reading]')?.textContent ?? '',
        );
        // The page is left while it reads (no Stop), and opened again.
        await browser.goto(url(ENGLISH));
        await observeSpeech(browser);
        const offer = await waitFor(
          () =>
            document
              .querySelector('article-player')
              ?.shadowRoot?.querySelector('[part~="resume"]')
              ?.textContent.trim(),
          'the offer to continue',
        );
        expect(offer).toBe('Continue from paragraph 3');
        await browser.clickInPlayer('[part~="resume"]');
        const log = await waitForLog('start', 0);
        const resumed = of(log, 'start')[0]!;
        expect(third.replace(/\s+/g, ' ')).toContain(resumed.text.trim().replace(/\s+/g, ' '));
        expect(await browser.evaluate(readingIndex)).toBe(2);
      },
    );

    /** Once Play is enabled, presses it: the text of the first utterance, then stops. */
    const firstWordsHeard = async () => {
      await waitFor(
        () =>
          Boolean(
            document
              .querySelector('article-player')
              ?.shadowRoot?.querySelector<HTMLButtonElement>('button[part~="play"]:enabled'),
          ),
        'Play enabled',
      );
      await browser.clickInPlayer('[part~="play"]');
      const log = await waitForLog('start', 0);
      await browser.evaluate(() => document.querySelector('article-player')?.stop());
      return of(log, 'start')[0]!.text.trim();
    };

    it(
      'installed and offline: with the server gone, the home page lists the articles and a text saved on the device, and both read',
      { timeout: 120_000 },
      async () => {
        await browser.evaluate(() => document.querySelector('article-player')?.stop());
        // A site of its own, so that it can go away (the other tests keep the preview server).
        const site = await startStaticServer(fileURLToPath(new URL('../../dist', import.meta.url)));
        try {
          // The first visit, online: a text saved on /listen/, then the home page, which marks
          // each article saved on the device once the service worker has it.
          await browser.goto(`${site.origin}/listen/`);
          await waitFor(() => Boolean(document.querySelector('#paste-text')), 'the paste form');
          await browser.runScript(
            `document.querySelector('#paste-text').value = ${JSON.stringify(OWN_TEXT)};`,
          );
          await browser.clickInPage('#main button[type="submit"]');
          await waitFor(() => location.search.startsWith('?id='), 'the text saved');
          await browser.goto(`${site.origin}/`);
          await waitFor(() => {
            const badges = document.querySelectorAll('.article-list .offline-badge');
            const saved = document.querySelectorAll('.article-list .offline-badge[data-available]');
            return badges.length > 0 && saved.length === badges.length;
          }, 'every article available offline');
        } finally {
          await site.close();
        }

        await browser.goto(`${site.origin}/`);
        const listed = await waitFor(() => {
          const titles = (selector: string) =>
            [...document.querySelectorAll(selector)].map((a) => a.textContent.trim());
          const saved = titles('[data-saved-list] a');
          // Drawn whole: every card has its actions (Add to Up next), so nothing moves any more.
          const drawn = [...document.querySelectorAll('.article-card')].every((card) =>
            card.querySelector('.card-actions button'),
          );
          return saved.length > 0 && drawn
            ? { saved, articles: titles('.article-list h3 a') }
            : null;
        }, 'the texts saved on this device');
        expect(listed.saved).toEqual([OWN_TEXT.split('\n')[0]]);
        expect(listed.articles).toContain(TITLE);

        await browser.clickInPage('[data-saved-list] a');
        await waitFor(
          () =>
            location.search.startsWith('?id=') && Boolean(document.querySelector('article-player')),
          'the saved text opened',
        );
        await observeSpeech(browser);
        expect(await firstWordsHeard()).toBe(OWN_TEXT.split('\n')[0]);

        await browser.goto(`${site.origin}${ENGLISH}`);
        await observeSpeech(browser);
        expect(await firstWordsHeard()).toBe(TITLE);
      },
    );

    it(
      'the lock screen shows the article, and its pause, play and next keys work',
      { timeout: 90_000 },
      async () => {
        await openArticle();
        const supported = await browser.evaluate(() => {
          if (!('mediaSession' in navigator)) return false;
          // The keys the lock screen would press: the handlers the player sets when it plays.
          const keys: Record<string, (() => void) | null> = {};
          (window as unknown as { __keys: typeof keys }).__keys = keys;
          const set = navigator.mediaSession.setActionHandler.bind(navigator.mediaSession);
          navigator.mediaSession.setActionHandler = (action, handler) => {
            keys[action] = handler ? () => handler({ action }) : null;
            set(action, handler);
          };
          return true;
        });
        // All three engines have it, as Safari on the iPhone and Chrome and Firefox on Android do.
        expect(supported).toBe(true);
        await browser.clickInPlayer('[part~="play"]');
        await waitForLog('start', 0);
        const session = () => ({
          title: navigator.mediaSession.metadata?.title,
          state: navigator.mediaSession.playbackState,
        });
        expect(await browser.evaluate(session)).toEqual({ title: TITLE, state: 'playing' });
        const press = (key: string) =>
          browser.runScript(`window.__keys[${JSON.stringify(key)}]();`);

        await press('pause');
        await waitFor(
          () => document.querySelector('article-player')?.status === 'paused',
          'paused by the pause key',
          5_000,
        );
        expect(await browser.evaluate(session)).toEqual({ title: TITLE, state: 'paused' });

        const starts = of(await pageSpeechLog(browser), 'start').length;
        const at = await browser.evaluate(readingIndex);
        await press('play');
        await waitForLog('start', starts);
        expect(await browser.evaluate(session)).toEqual({ title: TITLE, state: 'playing' });

        const next = of(await pageSpeechLog(browser), 'start').length;
        await press('nexttrack');
        const log = await waitForLog('start', next);
        expect(await browser.evaluate(readingIndex)).toBe(at + 1);
        const nextText = await browser.evaluate(
          () => document.querySelector('article-player [data-reading]')?.textContent ?? '',
        );
        expect(nextText.replace(/\s+/g, ' ')).toContain(
          of(log, 'start')[next]!.text.trim().replace(/\s+/g, ' '),
        );
      },
    );

    it('speaks with the voice chosen in the settings', { timeout: 60_000 }, async () => {
      await pausedAfterReading();
      const current = of(await pageSpeechLog(browser), 'start').at(-1)?.voice ?? null;
      await browser.clickInPlayer('[part~="settings"]');
      const options = await waitFor(() => {
        const select = document
          .querySelector('article-player')
          ?.shadowRoot?.querySelector<HTMLSelectElement>('select[part="voice"]');
        // An option shows a plain label; its value names the voice (voiceURI, else name).
        const voices = speechSynthesis.getVoices();
        const list = [...(select?.options ?? [])].map((o) => ({
          value: o.value,
          label: o.text.trim(),
          name: voices.find((v) => v.voiceURI === o.value || v.name === o.value)?.name ?? null,
        }));
        return list.length > 1 ? list : null;
      }, 'voice choices');
      // A listener chooses by the option; the page can only tell options apart by their value.
      const values = options.map((o) => o.value);
      expect(new Set(values).size, `option values ${JSON.stringify(values)}`).toBe(values.length);
      const chosen =
        options.slice(1).find((o) => o.name !== null && o.name !== current) ?? options[1]!;
      await browser.selectInPlayer('select[part="voice"]', chosen.value);
      await browser.clickInPlayer('[part~="close"]');

      const starts = of(await pageSpeechLog(browser), 'start').length;
      await browser.clickInPlayer('[part~="play"]');
      const log = await waitForLog('start', starts);
      const started = of(log, 'start')[starts]!;
      expect(started.voice).toBe(chosen.name);
      measured.push(`voices to choose from ${String(options.length - 1)}; chose ${chosen.label}`);
    });

    it(
      'reads the French article in French, or says plainly that no French voice is installed',
      { timeout: 90_000 },
      async () => {
        await openPage(FRENCH);
        // Either a French voice arrives, or the player gives up on finding one and says so.
        const outcome = await waitFor(
          () => {
            const french = speechSynthesis
              .getVoices()
              .some((v) => v.lang.toLowerCase().startsWith('fr'));
            const text =
              document
                .querySelector('article-player')
                ?.shadowRoot?.querySelector('[part~="status"]')?.textContent ?? '';
            if (french) return 'voice';
            return /fran[cç]ais|french/i.test(text) ? 'message' : null;
          },
          'French voice or message',
          45_000,
        );

        if (outcome === 'message') {
          const state = await browser.evaluate(playerState);
          expect(state.statusText).toMatch(/fran[cç]ais/i);
          expect(state.statusText).toMatch(/voix/i);
          expect(state.playDisabled).toBe(true);
          measured.push(`no French voice: "${state.statusText}"`);
          return;
        }
        const recording = await startRecording();
        let stats: SoundStats;
        let started: SpeechLogEntry;
        try {
          await browser.clickInPlayer('[part~="play"]');
          const log = await waitForLog('start', 0, 30_000);
          started = of(log, 'start')[0]!;
          // Some sound of it, then stop listening.
          await waitForLog('end', 0, 30_000);
        } finally {
          stats = await recording.stop();
        }
        expect(started.text).toBe('Écouter un article plutôt que le lire');
        expect(started.lang).toMatch(/^fr/);
        expect(started.voiceLang?.toLowerCase()).toMatch(/^fr/);
        expect(stats.rms).toBeGreaterThan(SILENCE_RMS);
        measured.push(
          `French read with ${started.voice ?? '?'} (${started.voiceLang ?? '?'}), RMS ${String(stats.rms)}`,
        );
      },
    );
  });
}
