// A device with no sound output, in real WebKit (WebKitGTK): its speech then fires `start` and, about
// 30 ms later, `end` for every utterance, with nothing heard. The player must stop there and say so,
// not "read" the article in silence to its end and forget the listener's place.
import { remote } from 'webdriverio';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { selectedEngines } from '../../scripts/engines.mjs';
import { startWebKitDriver, webkitCapabilities } from '../../scripts/webkit-driver.mjs';
import { url } from './support/env';

const SEED = '/articles/tajikistan-kyrgyzstan-clashes/';

describe.runIf(selectedEngines().includes('webkit'))('WebKit with no sound output', () => {
  let driver: { stop(): void } | undefined;
  let browser: WebdriverIO.Browser | undefined;

  beforeAll(async () => {
    // A sound server that is not there: what the browser inherits from this process.
    const server = process.env['PULSE_SERVER'];
    process.env['PULSE_SERVER'] = 'unix:/nonexistent/pulse-native';
    try {
      const started = await startWebKitDriver({ quiet: true });
      driver = started;
      browser = await remote({
        hostname: '127.0.0.1',
        port: started.port,
        logLevel: 'error',
        capabilities: webkitCapabilities(),
      });
    } finally {
      if (server === undefined) delete process.env['PULSE_SERVER'];
      else process.env['PULSE_SERVER'] = server;
    }
  }, 60_000);

  afterAll(async () => {
    await browser?.deleteSession().catch(() => undefined);
    driver?.stop();
  });

  it('stops at the first sentence with "no audio output was found", and Play starts there again', async () => {
    const page = browser!;
    await page.url(url(SEED));
    const play = page.$('article-player').shadow$('[part~="play"]');
    await play.waitForEnabled({ timeout: 15_000 });
    await page.execute(() => {
      const spoken: string[] = [];
      (window as unknown as { spoken: string[] }).spoken = spoken;
      const speak = speechSynthesis.speak.bind(speechSynthesis);
      speechSynthesis.speak = (utterance) => {
        spoken.push(utterance.text);
        speak(utterance);
      };
    });
    await play.click();
    const state = () =>
      page.execute(() => {
        const player = document.querySelector('article-player')!;
        return {
          status: player.status,
          text: player.shadowRoot!.querySelector('[part~="status"]')?.textContent.trim() ?? '',
          spoken: [...(window as unknown as { spoken: string[] }).spoken],
        };
      });
    await vi.waitFor(async () => expect((await state()).status).toBe('error'), {
      timeout: 20_000,
      interval: 100,
    });
    const stopped = await state();
    expect(stopped.text).toContain('no audio output was found');
    // Stopped at the title, where it began: nothing past it was taken as read.
    const title = 'Vladimir Putin calls for calm after Tajikistan-Kyrgyzstan clashes';
    expect(stopped.spoken).toEqual([title]);
    await play.click();
    await vi.waitFor(async () => expect((await state()).spoken).toHaveLength(2), {
      timeout: 20_000,
      interval: 100,
    });
    await vi.waitFor(async () => expect((await state()).status).toBe('error'), {
      timeout: 20_000,
      interval: 100,
    });
    expect((await state()).spoken).toEqual([title, title]);
  });
});
