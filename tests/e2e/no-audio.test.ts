// A device with no sound output, in real WebKit (WebKitGTK): its speech then fires `start` and, about
// 30 ms later, `end` for every utterance, with nothing heard. The player must stop there and say so,
// not "read" the article in silence to its end and forget the listener's place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectedEngines } from '../../scripts/engines.mjs';
import {
  describeSpeech,
  observeSpeech,
  pageSpeechLog,
  waitInPage,
  type EngineBrowser,
} from './support/engine-browser';
import { launchWebKit } from './support/engine-webkit';
import { url } from './support/env';

const SEED = '/articles/tajikistan-kyrgyzstan-clashes/';
const TITLE = 'Vladimir Putin calls for calm after Tajikistan-Kyrgyzstan clashes';

function playerState() {
  const player = document.querySelector('article-player');
  return {
    status: player?.status ?? 'missing',
    text: player?.shadowRoot?.querySelector('[part~="status"]')?.textContent.trim() ?? '',
  };
}

describe.runIf(selectedEngines().includes('webkit'))('WebKit with no sound output', () => {
  let browser: EngineBrowser;

  beforeAll(async () => {
    // A sound server that is not there.
    browser = await launchWebKit({ PULSE_SERVER: 'unix:/nonexistent/pulse-native' });
  }, 60_000);

  afterAll(async () => {
    await browser.close();
  });

  it('stops at the first sentence with "no audio output was found", and Play starts there again', async () => {
    const until = (fn: () => boolean, what: string) =>
      waitInPage(browser, fn, { what, timeoutMs: 20_000, describe: () => describeSpeech(browser) });
    await browser.goto(url(SEED));
    await observeSpeech(browser);
    await until(() => {
      const play = document
        .querySelector('article-player')
        ?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="play"]');
      return play ? !play.disabled : false;
    }, 'Play enabled');
    const spoken = async () =>
      (await pageSpeechLog(browser)).filter((e) => e.type === 'speak').map((e) => e.text);

    await browser.clickInPlayer('[part~="play"]');
    await until(() => document.querySelector('article-player')?.status === 'error', 'the error');
    const stopped = await browser.evaluate(playerState);
    expect(stopped.text).toContain('no audio output was found');
    // Stopped at the title, where it began: nothing past it was taken as read.
    expect(await spoken()).toEqual([TITLE]);

    await browser.clickInPlayer('[part~="play"]');
    await until(
      () =>
        document.querySelector('article-player')?.status === 'error' &&
        ((window as unknown as { __speechLog?: { type: string }[] }).__speechLog ?? []).filter(
          (e) => e.type === 'speak',
        ).length === 2,
      'a second speak, and the error again',
    );
    expect(await spoken()).toEqual([TITLE, TITLE]);
  });
});
