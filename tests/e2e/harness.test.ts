// Self-test of the end-to-end harness: real Chromium, real speech, real sound in the test sink.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  installSpeechLog,
  launchBrowser,
  recordSink,
  SILENCE_RMS,
  startRecording,
  url,
  waitForSpeech,
  waitForVoices,
  axeScan,
  type LaunchedBrowser,
} from './support';

// A page at the preview server's origin (answered by page.route, so it does not depend on the
// app): one button that speaks, synchronously in its click handler, with an English voice.
const SPEAKING_PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Harness</title></head>
  <body>
    <main>
      <h1>Harness</h1>
      <button type="button" id="speak">Speak</button>
    </main>
    <script>
      window.events = [];
      document.getElementById('speak').addEventListener('click', () => {
        const voice = speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith('en'));
        const utterance = new SpeechSynthesisUtterance('Hello world. This is a test.');
        if (voice) utterance.voice = voice;
        utterance.lang = voice ? voice.lang : 'en';
        utterance.onstart = () => window.events.push('start');
        utterance.onend = () => window.events.push('end');
        utterance.onerror = (event) => window.events.push('error:' + event.error);
        window.utterance = utterance; // keep it from being garbage-collected before 'end'
        speechSynthesis.speak(utterance);
      });
    </script>
  </body>
</html>`;

describe('e2e harness', () => {
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    browser = await launchBrowser();
    await installSpeechLog(browser.context);
    await browser.context.route(url('/__harness__.html'), (route) =>
      route.fulfill({ contentType: 'text/html', body: SPEAKING_PAGE }),
    );
  });

  afterAll(async () => {
    await browser.close();
  });

  it('serves the built app with vite preview', async () => {
    const response = await fetch(url('/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
  });

  it('records silence when nothing is spoken', async () => {
    const silence = await recordSink(500);
    expect(silence.seconds).toBeGreaterThan(0.3);
    expect(silence.rms).toBeLessThan(SILENCE_RMS);
  });

  it('speaks a sentence aloud with an English voice when the button is clicked', async () => {
    const { page } = browser;
    await page.goto(url('/__harness__.html'));
    // Both take about 2 s here: voices arrive late, and an idle sink resumes late.
    const [voices, recording] = await Promise.all([waitForVoices(page, 'en'), startRecording()]);
    expect(voices.length).toBeGreaterThan(0);

    await page.click('#speak');
    const log = await waitForSpeech(page, { type: 'end' }, 20_000);
    const sound = await recording.stop();

    expect(await page.evaluate(() => (window as unknown as { events: string[] }).events)).toEqual([
      'start',
      'end',
    ]);
    const types = log.map((entry) => entry.type);
    expect(types).toEqual(['speak', 'start', 'end']);
    const [speak, start, end] = log;
    expect(speak?.voiceLang?.toLowerCase()).toMatch(/^en/);
    expect(speak?.text).toBe('Hello world. This is a test.');
    expect((end?.time ?? 0) - (start?.time ?? 0)).toBeGreaterThan(1_000);
    expect(sound.rms).toBeGreaterThan(SILENCE_RMS);
  });

  it('reports accessibility violations, and none on a clean page', async () => {
    const { page } = browser;
    await page.goto(url('/__harness__.html'));
    await expectNoAxeViolations(page);

    await page.evaluate(() => {
      const host = document.createElement('div');
      host.attachShadow({ mode: 'open' }).innerHTML = '<button></button>';
      document.querySelector('main')?.append(host);
    });
    const results = await axeScan(page);
    expect(results.violations.map((violation) => violation.id)).toContain('button-name');
    await expect(expectNoAxeViolations(page)).rejects.toThrow(/button-name/);
  });
});
