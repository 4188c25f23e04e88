import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { ArticlePlayer } from '../../src/element/article-player.js';
import { FakeSpeechEngine } from '../support/fake-speech-engine.js';
import { mountPlayer, part } from './mount-player.js';

const ARTICLE = `
  <article>
    <h1>Title here</h1>
    <p id="one">First sentence here. Second sentence follows. Third one ends.</p>
    <p id="two">Another paragraph. With two sentences.</p>
    <p id="three">Last paragraph.</p>
  </article>
`;

function mount(engine = new FakeSpeechEngine(), attributes: Record<string, string> = {}) {
  return mountPlayer({ engine, markup: ARTICLE, attributes });
}

function highlighted(name: string): string {
  const highlight = CSS.highlights.get(name);
  if (!highlight) return '';
  return [...highlight].map((range) => (range as Range).toString()).join('|');
}

/** Where `word` is drawn in the first text node of the paragraph `selector`. */
function wordRect(player: ArticlePlayer, selector: string, word: string): DOMRect {
  const text = player.querySelector(selector)!.firstChild as Text;
  const range = document.createRange();
  const start = text.data.indexOf(word);
  range.setStart(text, start);
  range.setEnd(text, start + word.length);
  return range.getBoundingClientRect();
}

/** A real mouse click at a point of the page. */
function tapAt(x: number, y: number) {
  return sendMouse({ type: 'click', position: [Math.round(x), Math.round(y)] });
}

beforeEach(() => {
  localStorage.clear();
  CSS.highlights.clear();
});

describe('<article-player> reading along', () => {
  it('highlights the sentence and the word being spoken, without touching the markup', async () => {
    const { player, engine } = await mount();
    const before = player.innerHTML;
    await player.seek(1);
    await player.play();
    engine.current!.handlers.onStart?.();
    expect(highlighted('ap-sentence')).to.equal('First sentence here.');
    expect(highlighted('ap-word')).to.equal('First');
    expect(player.innerHTML.replace(' data-reading=""', '')).to.equal(before);
  });

  it('moves the word highlight forward by estimate when the voice sends no boundaries', async () => {
    const { player, engine, clock } = await mount();
    await player.seek(1);
    await player.play();
    engine.current!.handlers.onStart?.();
    const words: string[] = [highlighted('ap-word')];
    // "First sentence here. " at 14 characters a second: about 1.5 s, in steps of 100 ms.
    for (let i = 0; i < 20; i++) {
      clock.advance(100);
      const now = highlighted('ap-word');
      if (now !== words[words.length - 1]) words.push(now);
    }
    expect(words).to.deep.equal(['First', 'sentence', 'here']);
  });

  it('keeps the word estimate with the voice when the voice ignores the speed (WebKitGTK’s Flite)', async () => {
    const engine = new FakeSpeechEngine();
    engine.ignoresRate = true;
    const { player, clock } = await mount(engine, { rate: '3' });
    await player.seek(1);
    await player.play();
    // The first sentence, said at the voice's own speed: the player hears how long it took.
    const first = engine.current!;
    expect(first.request.rate).to.equal(3);
    first.handlers.onStart?.();
    clock.advance(engine.speakingMs(first.request));
    engine.finishCurrent();
    await player.updateComplete;
    clock.advance(0);
    // Halfway through "Second sentence follows.", the highlight is on its middle word.
    const second = engine.current!;
    expect(second.request.text.trim()).to.equal('Second sentence follows.');
    second.handlers.onStart?.();
    clock.advance(engine.speakingMs(second.request) / 2);
    expect(highlighted('ap-word')).to.equal('sentence');
  });

  it('follows boundary events where the voice sends them, with or without charLength', async () => {
    const { player, engine } = await mount();
    await player.seek(1);
    await player.play();
    const { handlers } = engine.current!;
    handlers.onStart?.();
    handlers.onBoundary?.(6, 8);
    expect(highlighted('ap-word')).to.equal('sentence');
    handlers.onBoundary?.(15, 0);
    expect(highlighted('ap-word')).to.equal('here');
    // A boundary on punctuation alone moves nothing.
    handlers.onBoundary?.(19, 1);
    expect(highlighted('ap-word')).to.equal('here');
  });

  it('changes nothing in the DOM for a word, light or shadow (a word costs no style or layout)', async () => {
    const { player, engine } = await mount();
    await player.seek(1);
    await player.play();
    const { handlers } = engine.current!;
    handlers.onStart?.();
    await player.updateComplete;
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((list) => records.push(...list));
    const everything = { subtree: true, attributes: true, childList: true, characterData: true };
    observer.observe(player, everything);
    observer.observe(player.shadowRoot!, everything);
    handlers.onBoundary?.(6, 8);
    await player.updateComplete;
    handlers.onBoundary?.(15, 4);
    await player.updateComplete;
    records.push(...observer.takeRecords());
    observer.disconnect();
    expect(highlighted('ap-word')).to.equal('here');
    expect(records.map((record) => `${record.type} ${record.attributeName ?? ''}`)).to.deep.equal(
      [],
    );
  });

  it('clears the word and sentence highlights on pause', async () => {
    const { player, engine } = await mount();
    await player.play();
    engine.current!.handlers.onStart?.();
    await player.pause();
    expect(highlighted('ap-word')).to.equal('');
    expect(highlighted('ap-sentence')).to.equal('');
  });

  it('skips forward and back by sentence; back early in a sentence goes to the one before', async () => {
    const { player, engine } = await mount();
    await player.seek(1);
    await player.play();
    part(player, 'next-sentence').click();
    await player.updateComplete;
    expect(engine.current?.request.text).to.equal('Second sentence follows. ');
    engine.current!.handlers.onStart?.();
    part(player, 'previous-sentence').click();
    await player.updateComplete;
    expect(engine.current?.request.text).to.equal('First sentence here. ');
  });

  it('back late in a sentence restarts that sentence', async () => {
    const { player, engine, clock } = await mount();
    await player.seek(2);
    await player.play();
    engine.current!.handlers.onStart?.();
    clock.advance(1600);
    part(player, 'previous-sentence').click();
    await player.updateComplete;
    expect(engine.current?.request.text).to.equal('Another paragraph. ');
    expect(engine.spoken.length).to.equal(2);
  });

  it('next sentence at the end of a paragraph goes to the next paragraph', async () => {
    const { player, engine } = await mount();
    await player.seek(2);
    await player.play();
    part(player, 'next-sentence').click();
    part(player, 'next-sentence').click();
    await player.updateComplete;
    expect(engine.current?.request.text).to.equal('Last paragraph.');
  });

  it('has a position slider that screen readers hear as "paragraph N of M" and that seeks', async () => {
    const { player, engine } = await mount();
    const slider = part(player, 'progress').querySelector('input')!;
    expect(slider.getAttribute('aria-valuetext')).to.equal('Paragraph 1 of 4');
    await player.play();
    slider.value = '3';
    slider.dispatchEvent(new Event('change'));
    await player.updateComplete;
    expect(engine.current?.request.text).to.equal('Last paragraph.');
    expect(slider.getAttribute('aria-valuetext')).to.equal('Paragraph 4 of 4');
  });

  it('shows the time left at the current speed', async () => {
    const { player } = await mount();
    expect(part(player, 'progress').textContent).to.contain('Less than a minute left');
  });

  it('reads from the word that is tapped', async () => {
    const { player, engine } = await mount();
    const rect = wordRect(player, '#one', 'follows');
    await tapAt(rect.left + rect.width / 2, rect.top + rect.height / 2);
    await player.updateComplete;
    expect(player.status).to.equal('playing');
    expect(engine.current?.request.text).to.equal('follows. ');
  });

  it('reads a paragraph from its start when tapped beside its last line', async () => {
    const { player, engine } = await mount();
    const box = player.querySelector('#three')!.getBoundingClientRect();
    await tapAt(box.right - 5, box.top + box.height / 2);
    await player.updateComplete;
    expect(engine.current?.request.text).to.equal('Last paragraph.');
  });

  it('reads from a word when its right half is tapped', async () => {
    const { player, engine } = await mount();
    const rect = wordRect(player, '#one', 'follows');
    await tapAt(rect.right - 2, rect.top + rect.height / 2);
    await player.updateComplete;
    expect(engine.current?.request.text).to.equal('follows. ');
  });

  it('restarts from the sentence’s start when the speed changes mid-sentence and the word is an estimate at a speed not heard yet', async () => {
    const { player, engine, clock } = await mount();
    await player.seek(1);
    await player.play();
    engine.current!.handlers.onStart?.();
    clock.advance(1_000);
    expect(highlighted('ap-word')).to.not.equal('First');
    player.rate = 2;
    await player.updateComplete;
    expect(engine.current?.request.text).to.equal('First sentence here. ');
    expect(engine.current?.request.rate).to.equal(2);
  });

  it('restarts, when the word is an estimate, from a word the voice has surely said: none is left unsaid', async () => {
    const engine = new FakeSpeechEngine();
    const { player, clock } = await mountPlayer({
      engine,
      markup: `<article><p>The first sentence is here so that the player hears the voice's speed. The second one is longer, and said a fifth more slowly than the first, as a voice does from one sentence to the next.</p></article>`,
    });
    await player.play();
    // The first sentence, heard to its end: the speed at this rate is known.
    const first = engine.current!;
    first.handlers.onStart?.();
    clock.advance(engine.speakingMs(first.request));
    engine.finishCurrent();
    await player.updateComplete;
    clock.advance(0);
    // The second, said more slowly: the estimate runs ahead of the voice.
    engine.charactersPerSecond = 14 / 1.2;
    const second = engine.current!;
    const sentence = second.request.text;
    second.handlers.onStart?.();
    const elapsed = engine.speakingMs(second.request) * 0.75;
    clock.advance(elapsed);
    const said = engine.saidBy(second.request, elapsed);
    expect(sentence.indexOf(highlighted('ap-word')), 'the estimate is ahead').to.be.above(said);
    player.rate = 1.5;
    await player.updateComplete;
    const again = engine.current!.request.text;
    expect(sentence.endsWith(again)).to.equal(true);
    // Back to a word before the one being said (some words heard twice, none lost).
    expect(sentence.length - again.length).to.be.at.most(said);
    expect(sentence.length - again.length).to.be.above(0);
  });

  it('restarts from the current word when the speed changes mid-sentence', async () => {
    const { player, engine } = await mount();
    await player.seek(1);
    await player.play();
    const { handlers } = engine.current!;
    handlers.onStart?.();
    handlers.onBoundary?.(6, 8);
    player.rate = 2;
    await player.updateComplete;
    expect(engine.current?.request.text).to.equal('sentence here. ');
    expect(engine.current?.request.rate).to.equal(2);
  });
});

describe('<article-player> keyboard shortcuts', () => {
  function focusPlay(player: ArticlePlayer) {
    part(player, 'play').focus();
  }

  it('k plays and pauses, arrows skip sentences, shift+arrows paragraphs, + and - change speed', async () => {
    const { player, engine } = await mount();
    focusPlay(player);
    await sendKeys({ press: 'k' });
    expect(player.status).to.equal('playing');
    await sendKeys({ press: 'Shift+ArrowRight' });
    expect(engine.current?.request.text).to.equal('First sentence here. ');
    await sendKeys({ press: 'ArrowRight' });
    expect(engine.current?.request.text).to.equal('Second sentence follows. ');
    await sendKeys({ press: '+' });
    expect(player.rate).to.equal(1.25);
    await sendKeys({ press: '-' });
    await sendKeys({ press: '-' });
    expect(player.rate).to.equal(0.75);
    await sendKeys({ press: 'k' });
    expect(player.status).to.equal('paused');
  });

  it('declares its shortcuts with aria-keyshortcuts', async () => {
    const { player } = await mount();
    expect(part(player, 'play').getAttribute('aria-keyshortcuts')).to.equal('k Space');
    expect(part(player, 'next').getAttribute('aria-keyshortcuts')).to.equal('Shift+ArrowRight');
  });

  it('can be turned off by the page (no-hotkeys) or by the listener', async () => {
    const { player } = await mount(undefined, { 'no-hotkeys': '' });
    focusPlay(player);
    await sendKeys({ press: 'k' });
    expect(player.status).to.equal('idle');
    expect(part(player, 'play').hasAttribute('aria-keyshortcuts')).to.equal(false);

    const other = await mount();
    part(other.player, 'settings').click();
    await other.player.updateComplete;
    const checkbox =
      other.player.shadowRoot!.querySelector<HTMLInputElement>('input[name="hotkeys"]')!;
    checkbox.click();
    part(other.player, 'close').click();
    focusPlay(other.player);
    await sendKeys({ press: 'k' });
    expect(other.player.status).to.equal('idle');
  });

  it('leaves the keys of a focused select alone', async () => {
    const { player } = await mount();
    part(player, 'speed').focus();
    await sendKeys({ press: 'k' });
    expect(player.status).to.equal('idle');
  });

  it('lists the shortcuts in the settings dialog, which is accessible', async () => {
    const { player } = await mount();
    part(player, 'settings').click();
    await player.updateComplete;
    const dialog = part<HTMLDialogElement>(player, 'dialog');
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.contain('Shift+ArrowRight');
    await expect(player).to.be.accessible();
    part(player, 'close').click();
    expect(dialog.open).to.equal(false);
  });
});

describe('<article-player> remembering', () => {
  it('offers to continue where reading stopped, after a reload', async () => {
    const first = await mount();
    await first.player.seek(2);
    await first.player.play();
    await first.player.pause();
    first.player.remove();

    const { player, engine } = await mount();
    const resume = part(player, 'resume');
    expect(resume.textContent.trim()).to.equal('Continue from paragraph 3');
    resume.click();
    await player.updateComplete;
    expect(engine.current?.request.text).to.equal('Another paragraph. ');
  });

  it('forgets the position once the article is finished', async () => {
    const first = await mount();
    await first.player.seek(3);
    await first.player.play();
    first.engine.finishCurrent();
    await first.player.updateComplete;
    expect(first.player.status).to.equal('ended');
    first.player.remove();
    const { player } = await mount();
    expect(player.shadowRoot!.querySelector('[part~="resume"]')).to.equal(null);
  });

  it('remembers the speed', async () => {
    const first = await mount();
    const speed = part<HTMLSelectElement>(first.player, 'speed');
    speed.value = '1.5';
    speed.dispatchEvent(new Event('change'));
    first.player.remove();
    const { player } = await mount();
    expect(player.rate).to.equal(1.5);
  });

  it('ignores corrupted saved data', async () => {
    localStorage.setItem('article-player:settings', '{"version":1,"rate":"fast"');
    localStorage.setItem('article-player:positions', '[]');
    const { player } = await mount();
    expect(player.rate).to.equal(1);
    expect(player.shadowRoot!.querySelector('[part~="resume"]')).to.equal(null);
  });
});

describe('<article-player> media session and background', () => {
  it('sets the lock-screen metadata and handlers, which pause, resume and skip', async () => {
    const handlers = new Map<string, (() => void) | null>();
    const original = navigator.mediaSession.setActionHandler.bind(navigator.mediaSession);
    navigator.mediaSession.setActionHandler = (action, handler) => {
      handlers.set(action, handler as (() => void) | null);
      original(action, handler);
    };
    try {
      const { player, engine } = await mount();
      await player.play();
      expect(navigator.mediaSession.metadata?.title).to.equal('Title here');
      expect(navigator.mediaSession.playbackState).to.equal('playing');
      handlers.get('pause')!();
      await player.updateComplete;
      expect(player.status).to.equal('paused');
      expect(navigator.mediaSession.playbackState).to.equal('paused');
      handlers.get('play')!();
      await player.updateComplete;
      expect(player.status).to.equal('playing');
      handlers.get('nexttrack')!();
      await player.updateComplete;
      expect(engine.current?.request.text).to.equal('First sentence here. ');
      handlers.get('seekforward')!();
      await player.updateComplete;
      expect(engine.current?.request.text).to.equal('Second sentence follows. ');
      handlers.get('stop')!();
      await player.updateComplete;
      expect(player.status).to.equal('idle');
      expect(navigator.mediaSession.metadata).to.equal(null);
    } finally {
      navigator.mediaSession.setActionHandler = original;
    }
  });

  it('speaks again when the page comes back and the engine lost its utterance', async () => {
    const { player, engine } = await mount();
    await player.play();
    // The engine dropped it silently while hidden.
    engine.current!.cancelled = true;
    document.dispatchEvent(new Event('visibilitychange'));
    await player.updateComplete;
    expect(engine.current?.request.text).to.equal('Title here');
    expect(player.status).to.equal('playing');
  });

  it('calls speak synchronously inside the tap (iOS drops it after an await)', async () => {
    const { player, engine } = await mount();
    part(player, 'play').click();
    expect(engine.spoken.length).to.equal(1);
  });
});
