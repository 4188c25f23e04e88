import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { VoiceInfo } from '../../src/core/voices.js';
import { FullArticlePlayer } from '../../src/element/article-player-full.js';
import type { ArticlePlayer } from '../../src/element/player-element.js';
import { FakeSpeechEngine } from '../support/fake-speech-engine.js';
import { ManualClock } from '../support/fake-synth.js';
import { mountPlayer, part } from './mount-player.js';

const ARTICLE = `
  <h1>Voices</h1>
  <p>First sentence here. Second sentence follows.</p>
  <p>Another paragraph.</p>
`;

const voice = (name: string, lang: string, extra: Partial<VoiceInfo> = {}): VoiceInfo => ({
  name,
  lang,
  voiceURI: `uri:${name}`,
  localService: true,
  default: false,
  ...extra,
});

const VOICES: VoiceInfo[] = [
  voice('Afrikaans espeak-ng', 'af', { default: true }),
  voice('English (America) espeak-ng', 'en-US'),
  voice('English (America)+whisper espeak-ng', 'en-US'),
  voice('English (Great Britain) espeak-ng', 'en-GB'),
  voice('Microsoft Aria Online (Natural) - English (United States)', 'en-US', {
    localService: false,
  }),
];

async function openSettings(player: ArticlePlayer) {
  part(player, 'settings').click();
  await player.updateComplete;
  return part<HTMLSelectElement>(player, 'voice');
}

/** Makes the page look offline (or online again) the way a browser tells it. */
function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

describe('<article-player> voice picker', () => {
  afterEach(() => {
    // Back to the browser's own answer.
    delete (navigator as { onLine?: boolean }).onLine;
    localStorage.clear();
  });

  it('is accessible with the dialog open', async () => {
    const { player } = await mountPlayer({ engine: new FakeSpeechEngine(VOICES), markup: ARTICLE });
    await openSettings(player);
    await expect(player).to.be.accessible();
    part(player, 'close').click();
  });

  it('groups the article’s voices by region, the listener’s first, effects last', async () => {
    const { player } = await mountPlayer({ engine: new FakeSpeechEngine(VOICES), markup: ARTICLE });
    const select = await openSettings(player);
    const groups = [...select.querySelectorAll('optgroup')].map((group) => [
      group.label,
      [...group.querySelectorAll('option')].map((option) => option.textContent.trim()),
    ]);
    const region = navigator.language.startsWith('en-GB') ? 'United Kingdom' : 'United States';
    expect(groups[0]?.[0]).to.equal(`English — ${region}`);
    expect(groups).to.deep.include([
      'English — United States',
      ['English (America)', 'Aria (Natural) (needs a connection)'],
    ]);
    expect(groups).to.deep.include(['English — United Kingdom', ['English (Great Britain)']]);
    expect(groups[groups.length - 1]).to.deep.equal([
      'Novelty and effect voices',
      ['English (America)+whisper'],
    ]);
    expect(select.options[0]?.textContent.trim()).to.equal('Automatic');
    part(player, 'close').click();
  });

  it('shows the voice in use in the bar', async () => {
    const { player } = await mountPlayer({ engine: new FakeSpeechEngine(VOICES), markup: ARTICLE });
    expect(part(player, 'voice-name').textContent.trim()).to.match(/^Voice: English \(/);
  });

  it('keeps the bar’s height when the voices arrive after it is drawn (no layout shift)', async () => {
    let release!: () => void;
    const late = new Promise<void>((resolve) => (release = resolve));
    class LateVoices extends FakeSpeechEngine {
      override async getVoices(): Promise<readonly VoiceInfo[]> {
        await late;
        return super.getVoices();
      }
    }
    const engine = new LateVoices(VOICES);
    const player = new FullArticlePlayer(engine, new ManualClock());
    player.lang = 'en';
    player.innerHTML = ARTICLE;
    // Narrow enough that a voice name of its own on the bar's line would wrap it.
    const container = await fixture<HTMLDivElement>(html`<div style="width: 520px"></div>`);
    container.append(player);
    await player.updateComplete;
    const bar = part(player, 'bar');
    const before = bar.getBoundingClientRect().height;
    release();
    await engine.settled(player);
    await waitUntil(
      () => player.shadowRoot?.querySelector('[part~="voice-name"]')?.textContent.trim(),
      'the voice in use is shown',
    );
    expect(part(player, 'voice-name').textContent.trim()).to.match(/^Voice: English \(/);
    expect(bar.getBoundingClientRect().height).to.equal(before);
  });

  it('disables network voices offline, and reads on with a local voice from the next sentence', async () => {
    const engine = new FakeSpeechEngine(VOICES);
    const { player } = await mountPlayer({ engine, markup: ARTICLE });
    const select = await openSettings(player);
    select.value = 'uri:Microsoft Aria Online (Natural) - English (United States)';
    select.dispatchEvent(new Event('change'));
    part(player, 'close').click();
    await player.seek(1);
    await player.play();
    expect(engine.current?.request.voiceURI).to.equal(select.value);

    setOnline(false);
    await player.updateComplete;
    engine.finishCurrent();
    await waitUntil(() => engine.current, 'the next sentence to be spoken');
    expect(engine.current?.request.text).to.equal('Second sentence follows.');
    expect(engine.current?.request.voiceURI).to.equal('uri:English (America) espeak-ng');

    await player.updateComplete;
    expect(part(player, 'status').textContent).to.contain(
      'Aria Online (Natural) - English (United States) cannot be used now, so English (America) espeak-ng reads instead',
    );
    const reopened = await openSettings(player);
    const aria = [...reopened.options].find((o) => o.textContent.includes('Aria'));
    expect(aria?.disabled).to.equal(true);
    part(player, 'close').click();
  });

  it('previews a voice with the sentence being read, then reads on from where it was', async () => {
    const engine = new FakeSpeechEngine(VOICES);
    const { player } = await mountPlayer({ engine, markup: ARTICLE });
    await player.seek(1);
    await player.play();
    engine.finishCurrent();
    await waitUntil(() => engine.current?.request.text === 'Second sentence follows.');

    const select = await openSettings(player);
    select.value = 'uri:English (Great Britain) espeak-ng';
    part(player, 'preview').click();
    expect(player.status).to.equal('paused');
    expect(engine.current?.request).to.include({
      text: 'Second sentence follows.',
      voiceURI: 'uri:English (Great Britain) espeak-ng',
    });

    engine.finishCurrent();
    await waitUntil(() => player.status === 'playing', 'reading to go on');
    expect(engine.current?.request.text).to.equal('Second sentence follows.');
    part(player, 'close').click();
  });

  it('works with the keyboard: the picker and Preview are reachable and named', async () => {
    const { player } = await mountPlayer({ engine: new FakeSpeechEngine(VOICES), markup: ARTICLE });
    const select = await openSettings(player);
    const preview = part<HTMLButtonElement>(player, 'preview');
    expect(select.labels[0]?.textContent).to.contain('Voice');
    expect(preview.textContent.trim()).to.equal('Preview');
    expect(preview.tabIndex).to.equal(0);
    expect(select.tabIndex).to.equal(0);
    part(player, 'close').click();
  });

  it('reads on with another voice from the next sentence when the chosen one is removed', async () => {
    const engine = new FakeSpeechEngine(VOICES);
    const { player } = await mountPlayer({ engine, markup: ARTICLE });
    const select = await openSettings(player);
    select.value = 'uri:English (Great Britain) espeak-ng';
    select.dispatchEvent(new Event('change'));
    part(player, 'close').click();
    await player.seek(1);
    await player.play();
    expect(engine.current?.request.voiceURI).to.equal('uri:English (Great Britain) espeak-ng');

    engine.changeVoices(VOICES.filter((v) => !v.name.startsWith('English (Great Britain)')));
    await engine.settled(player);
    engine.finishCurrent();
    await waitUntil(() => engine.current, 'the next sentence to be spoken');
    expect(engine.current?.request).to.include({
      text: 'Second sentence follows.',
      voiceURI: 'uri:English (America) espeak-ng',
    });
    await player.updateComplete;
    expect(part(player, 'status').textContent).to.contain(
      'The chosen voice cannot be used now, so English (America) espeak-ng reads instead',
    );
  });
});
