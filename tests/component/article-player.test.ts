import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { ArticlePlayer } from '../../src/element/article-player.js';
import { FakeSpeechEngine } from '../support/fake-speech-engine.js';
import { needsDriver } from './engine.js';
import { documentedParts } from './manifest.js';
import { mountPlayer, part } from './mount-player.js';

const ARTICLE = `
  <article>
    <h1>The title</h1>
    <p>First paragraph. It has two sentences.</p>
    <nav><p>Site navigation is never read.</p></nav>
    <p aria-hidden="true">Hidden text.</p>
    <p data-skip>Metadata.</p>
    <figure><img alt="" src="data:,"><figcaption>A caption.</figcaption></figure>
    <aside><p>An aside.</p></aside>
    <p>Second paragraph.</p>
    <ul><li>A list item.</li></ul>
    <blockquote><p>A quote.</p></blockquote>
  </article>
`;

function mount(engine = new FakeSpeechEngine(), markup = ARTICLE, lang = 'en') {
  return mountPlayer({ engine, markup, lang });
}

const control = part;

function readingText(player: ArticlePlayer): string[] {
  return [...player.querySelectorAll('[data-reading]')].map((element) => element.textContent);
}

async function finishAll(player: ArticlePlayer, engine: FakeSpeechEngine, limit = 50) {
  const seen: string[][] = [];
  for (let i = 0; i < limit && engine.current; i++) {
    seen.push(readingText(player));
    engine.finishCurrent();
    await player.updateComplete;
  }
  return seen;
}

beforeEach(() => localStorage.clear());

describe('<article-player>', () => {
  it('is accessible when idle', async () => {
    const { player } = await mount();
    await expect(player).to.be.accessible();
  });

  it('is accessible while playing', async () => {
    const { player } = await mount();
    await player.play();
    await expect(player).to.be.accessible();
  });

  it('is accessible in the error state', async () => {
    const { player, engine } = await mount();
    await player.play();
    engine.failCurrent('synthesis-failed');
    await player.updateComplete;
    expect(player.status).to.equal('error');
    await expect(player).to.be.accessible();
  });

  it('reads the blocks in order, skipping hidden, navigation, aside and caption content', async () => {
    const { player, engine } = await mount();
    await player.play();
    await finishAll(player, engine);
    expect(engine.spokenTexts).to.deep.equal([
      'The title',
      'First paragraph. ',
      'It has two sentences.',
      'Second paragraph.',
      'A list item.',
      'A quote.',
    ]);
    expect(player.status).to.equal('ended');
  });

  it('highlights the paragraph being read, one at a time, block by block to the end', async () => {
    const { player, engine } = await mount();
    const paragraphs: number[] = [];
    player.addEventListener('ap-paragraph', (event) => paragraphs.push(event.detail.index));
    const ended = oneEvent(player, 'ap-ended');
    await player.play();
    const seen = await finishAll(player, engine);
    expect(seen).to.deep.equal([
      ['The title'],
      ['First paragraph. It has two sentences.'],
      ['First paragraph. It has two sentences.'],
      ['Second paragraph.'],
      ['A list item.'],
      ['A quote.'],
    ]);
    await ended;
    expect(paragraphs).to.deep.equal([0, 1, 2, 3, 4]);
    expect(readingText(player)).to.deep.equal([]);
  });

  it('speaks in the article language with a voice for it, never the engine default', async () => {
    const { player, engine } = await mount();
    await player.play();
    expect(engine.current?.request.lang).to.equal('en');
    expect(engine.current?.request.voiceURI).to.equal('en-us');
  });

  it('reads from a paragraph when it is clicked', async () => {
    const { player, engine } = await mount();
    const second = [...player.querySelectorAll('p')].find(
      (p) => p.textContent === 'Second paragraph.',
    )!;
    second.click();
    await player.updateComplete;
    expect(player.status).to.equal('playing');
    expect(engine.current?.request.text).to.equal('Second paragraph.');
    expect(second.hasAttribute('data-reading')).to.equal(true);
  });

  it('ignores clicks on links inside the article', async () => {
    const { player, engine } = await mount(undefined, '<p>Text with <a href="#x">a link</a>.</p>');
    player.querySelector('a')!.click();
    await player.updateComplete;
    expect(player.status).to.equal('idle');
    expect(engine.spoken).to.have.length(0);
  });

  it('moves to the next and previous paragraph, stopping at both ends', async () => {
    const { player, engine } = await mount();
    await player.play();
    await player.previous();
    expect(engine.current?.request.text).to.equal('The title');
    await player.next();
    expect(engine.current?.request.text).to.equal('First paragraph. ');
    for (let i = 0; i < 10; i++) await player.next();
    expect(engine.current?.request.text).to.equal('A quote.');
    expect(control<HTMLButtonElement>(player, 'next').disabled).to.equal(true);
    await player.previous();
    expect(engine.current?.request.text).to.equal('A list item.');
  });

  it('the next and previous buttons skip paragraphs', async () => {
    const { player, engine } = await mount();
    await player.play();
    control(player, 'next').click();
    await player.updateComplete;
    expect(readingText(player)).to.deep.equal(['First paragraph. It has two sentences.']);
    control(player, 'previous').click();
    await player.updateComplete;
    expect(engine.current?.request.text).to.equal('The title');
  });

  it('pauses and resumes at the start of the sentence it was reading', async () => {
    const { player, engine } = await mount();
    await player.seek(1);
    const playing = oneEvent(player, 'ap-play');
    control(player, 'play').click();
    await playing;
    engine.finishCurrent();
    await player.updateComplete;
    expect(engine.current?.request.text).to.equal('It has two sentences.');
    const paused = oneEvent(player, 'ap-pause');
    control(player, 'play').click();
    await paused;
    expect(player.status).to.equal('paused');
    expect(engine.current).to.equal(undefined);
    expect(readingText(player)).to.deep.equal(['First paragraph. It has two sentences.']);
    await player.play();
    expect(engine.current?.request.text).to.equal('It has two sentences.');
  });

  it('swaps the play button name between Play and Pause', async () => {
    const { player } = await mount();
    const button = control(player, 'play');
    expect(button.textContent.trim()).to.equal('Play');
    await player.play();
    expect(button.textContent.trim()).to.equal('Pause');
  });

  it('changing the speed respeaks the current sentence at the new rate', async () => {
    const { player, engine } = await mount();
    await player.play();
    const speed = control<HTMLSelectElement>(player, 'speed');
    speed.value = '2';
    speed.dispatchEvent(new Event('change'));
    await player.updateComplete;
    expect(player.rate).to.equal(2);
    expect(engine.current?.request.rate).to.equal(2);
    expect(engine.current?.request.text).to.equal('The title');
  });

  it('clamps the rate to 0.5–3', async () => {
    const { player, engine } = await mount();
    player.rate = 10;
    await player.play();
    expect(engine.current?.request.rate).to.equal(3);
  });

  it('shows an engine error plainly and fires ap-error', async () => {
    const { player, engine } = await mount();
    await player.play();
    const error = oneEvent(player, 'ap-error');
    engine.failCurrent('synthesis-failed');
    const event = (await error) as CustomEvent<{ code: string }>;
    expect(event.detail.code).to.equal('synthesis-failed');
    await player.updateComplete;
    expect(control(player, 'status').textContent).to.contain('speech engine failed');
  });

  it('says when there is no audio output, and keeps its place: Play reads the same sentence again', async () => {
    const { player, engine } = await mount();
    await player.play();
    engine.finishCurrent();
    await player.updateComplete;
    const unheard = engine.current!.request.text;
    // The engine ended it unspoken (WebKit without a sound device; src/speech/web-speech-engine.ts).
    engine.failCurrent('audio-hardware');
    await player.updateComplete;
    expect(player.status).to.equal('error');
    expect(control(player, 'status').textContent).to.contain('no audio output was found');
    expect(engine.spoken.length).to.equal(2);
    await player.play();
    expect(engine.current?.request.text).to.equal(unheard);
  });

  it('pauses instead of skipping when something outside interrupts it', async () => {
    const { player, engine } = await mount();
    await player.play();
    engine.current!.handlers.onInterrupted();
    await player.updateComplete;
    expect(player.status).to.equal('paused');
    await player.play();
    expect(engine.current?.request.text).to.equal('The title');
  });

  it('says so when the browser has no speech synthesis, and the article stays readable', async () => {
    const engine = new FakeSpeechEngine();
    engine.supported = false;
    const { player } = await mount(engine);
    expect(control(player, 'status').textContent).to.contain('cannot read aloud');
    expect(control<HTMLButtonElement>(player, 'play').disabled).to.equal(true);
    expect(player.querySelector('h1')?.textContent).to.equal('The title');
    expect(player.status).to.equal('error');
  });

  it('says so when there is no voice for the article language', async () => {
    const { player } = await mount(new FakeSpeechEngine(), '<p lang="fr">Bonjour.</p>', 'fr');
    expect(control(player, 'status').textContent).to.contain('No voice for French');
    expect(control<HTMLButtonElement>(player, 'play').disabled).to.equal(true);
  });

  it('play() with no voice for the article language says so, and speaks nothing in another voice', async () => {
    const engine = new FakeSpeechEngine();
    const { player } = await mount(engine, '<p lang="fr">Bonjour.</p>', 'fr');
    await player.play();
    expect(engine.spoken).to.deep.equal([]);
    expect(player.status).to.equal('error');
    expect(control(player, 'status').textContent).to.contain('No voice for French');
  });

  it('says it is waiting for the voices until the browser lists them, then that it reads', async () => {
    const engine = new FakeSpeechEngine();
    const releaseVoices = engine.holdVoices();
    const { player } = await mountPlayer({ engine, markup: ARTICLE, settle: false });
    await player.play();
    expect(player.status).to.equal('playing');
    expect(control(player, 'status').textContent).to.equal('Waiting for the browser’s voices…');
    releaseVoices();
    await engine.settled(player);
    expect(control(player, 'status').textContent).to.equal('Reading aloud');
  });

  it('says so when there are no voices at all', async () => {
    const { player } = await mount(new FakeSpeechEngine([]));
    expect(control(player, 'status').textContent).to.contain('No voices are installed');
  });

  it('says so when the article has no text', async () => {
    const { player } = await mount(undefined, '<p>   </p><img alt="">');
    expect(control(player, 'status').textContent).to.contain('no text here');
    expect(control<HTMLButtonElement>(player, 'play').disabled).to.equal(true);
  });

  it('offers only the voices of the article language, in the settings', async () => {
    const { player } = await mount();
    control(player, 'settings').click();
    await player.updateComplete;
    const options = [...control<HTMLSelectElement>(player, 'voice').options].map((o) =>
      o.text.trim(),
    );
    expect(options).to.deep.equal(['Automatic', 'English (America)', 'English (Great Britain)']);
  });

  it('stops speaking when removed from the page, and leaves the lock screen', async () => {
    const { player, engine } = await mount();
    await player.play();
    expect(navigator.mediaSession.playbackState).to.equal('playing');
    player.remove();
    expect(engine.current).to.equal(undefined);
    expect(readingText(player)).to.deep.equal([]);
    expect(navigator.mediaSession.playbackState).to.not.equal('playing');
  });

  it('every part in custom-elements.json exists, and every part in the shadow DOM is documented', async () => {
    const documented = (await documentedParts('FullArticlePlayer')).sort();
    // A saved position, so that the "continue" button (part resume) is offered.
    const first = await mount();
    await first.player.seek(3);
    await first.player.play();
    await first.player.pause();
    first.player.remove();
    const { player } = await mount();
    // The settings dialog's controls exist while it is open.
    control(player, 'settings').click();
    await player.updateComplete;
    const present = new Set<string>();
    for (const element of player.shadowRoot!.querySelectorAll('[part]')) {
      for (const name of element.getAttribute('part')!.split(/\s+/)) present.add(name);
    }
    expect([...present].sort()).to.deep.equal(documented);
    control(player, 'close').click();
  });

  it('loads an article from src JSON, with text only', async () => {
    const json = JSON.stringify({
      id: 'x',
      lang: 'en',
      title: 'Loaded',
      blocks: [
        { kind: 'heading', text: 'Loaded <img src=x onerror=alert(1)>' },
        { kind: 'paragraph', text: 'From JSON.' },
      ],
    });
    const { player, engine } = await mount(undefined, '');
    player.src = `data:application/json,${encodeURIComponent(json)}`;
    await waitUntil(() => player.querySelector('h1'), 'the article from src to load');
    await player.updateComplete;
    expect(player.querySelector('img')).to.equal(null);
    expect(player.querySelector('h1')?.textContent).to.equal('Loaded <img src=x onerror=alert(1)>');
    await player.play();
    expect(engine.current?.request.text).to.equal('Loaded <img src=x onerror=alert(1)>');
  });

  it('says plainly when src cannot be loaded', async () => {
    const { player } = await mount(undefined, '');
    const error = oneEvent(player, 'ap-error');
    player.src = '/this-file-does-not-exist.json';
    const event = (await error) as CustomEvent<{ code: string }>;
    expect(event.detail.code).to.equal('load-failed');
    await player.updateComplete;
    expect(control(player, 'status').textContent).to.contain('could not be loaded (HTTP 404)');
  });
  it('on a phone, one bar is docked at the bottom: the first player’s, then the one that speaks', async () => {
    needsDriver('setViewport');
    await setViewport({ width: 390, height: 844 });
    try {
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      const a = await mountPlayer({ markup: ARTICLE });
      const b = await mountPlayer({ markup: '<p>The other article.</p>' });
      container.append(a.player, b.player);
      await Promise.all([a.player.updateComplete, b.player.updateComplete]);
      const bars = () =>
        [a, b].map(({ player }) => {
          const bar = part(player, 'bar');
          const bottom = Math.round(bar.getBoundingClientRect().bottom) === window.innerHeight;
          return `${getComputedStyle(bar).position} ${String(bottom)}`;
        });
      expect(bars()).to.deep.equal(['fixed true', 'static false']);
      await b.player.play();
      expect(bars()).to.deep.equal(['static false', 'fixed true']);
      await a.player.play();
      expect(bars()).to.deep.equal(['fixed true', 'static false']);
      // The docked one leaves the page: the first one left takes the bottom.
      a.player.remove();
      await b.player.updateComplete;
      expect(bars()[1]).to.equal('fixed true');
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
