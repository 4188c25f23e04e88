import { expect } from '@open-wc/testing';
import type { Position } from '../../src/core/article.js';
import type { Progress } from '../../src/core/progress.js';
import { queueFeature, type ListeningSession } from '../../src/app/queue-feature.js';
import { FullArticlePlayer } from '../../src/element/full-player-element.js';
import type { FakeSpeechEngine } from '../support/fake-speech-engine.js';
import { mountPlayer, part } from './mount-player.js';

/** A session the test drives: what it answers, and what the feature asked of it. */
class FakeSession implements ListeningSession {
  placeNow: { index: number; total: number } | null = { index: 1, total: 2 };
  next: { title: string; lang?: string } | null = { title: 'The second one' };
  autoplay: Position | null = null;
  skipResult = true;
  calls: string[] = [];
  announced: string[] = [];
  progress: Progress[] = [];
  keys = new Set<string>();

  place() {
    return this.placeNow;
  }
  upNext() {
    return this.next;
  }
  prepareNext() {
    this.calls.push('prepareNext');
  }
  playNext() {
    this.calls.push('playNext');
  }
  skip(by: 1 | -1) {
    this.calls.push(`skip ${String(by)}`);
    return this.skipResult;
  }
  cancelNext() {
    this.calls.push('cancelNext');
    this.next = null;
    this.placeNow = null;
  }
  takeAutoplay() {
    const start = this.autoplay;
    this.autoplay = null;
    return start;
  }
  progressKey() {
    return '/articles/the-first-one/';
  }
  recordProgress(key: string, progress: Progress) {
    this.keys.add(key);
    this.progress.push(progress);
  }
  announce(message: string) {
    this.announced.push(message);
  }
  now() {
    return 1000;
  }
}

/** The feature is registered once per class: each test's session sits behind this one. */
let session = new FakeSession();
const delegate = new Proxy({} as ListeningSession, {
  get: (_, name) => {
    const value: unknown = (session as unknown as Record<string | symbol, unknown>)[name];
    return typeof value === 'function' ? (value as () => unknown).bind(session) : value;
  },
});

// As the app does (src/app/app-player.ts): on the full player's class (defined as
// <article-player> by mount-player's import), in this test page alone, before any player exists.
FullArticlePlayer.use(queueFeature(delegate));

const ARTICLE = `<article><h1>The first one</h1><p>Its only paragraph.</p></article>`;

/** Captured Media Session handlers: the lock-screen keys. */
let handlers: Record<string, (() => void) | null> = {};
const originalSetActionHandler = navigator.mediaSession.setActionHandler.bind(
  navigator.mediaSession,
);

function mount(markup = ARTICLE) {
  return mountPlayer({ markup });
}

/** Speaks the article to its end. */
async function finishArticle(player: FullArticlePlayer, engine: FakeSpeechEngine) {
  await player.play();
  while (player.status === 'playing' && engine.current) {
    engine.finishCurrent();
    await player.updateComplete;
  }
}

const cancelButton = (player: FullArticlePlayer) =>
  player.shadowRoot!.querySelector<HTMLButtonElement>('[part~="cancel-next"]');

beforeEach(() => {
  localStorage.clear();
  session = new FakeSession();
  handlers = {};
  navigator.mediaSession.setActionHandler = (action, handler) => {
    handlers[action] = handler ? () => handler({ action }) : null;
    originalSetActionHandler(action, handler);
  };
});

afterEach(() => {
  navigator.mediaSession.setActionHandler = originalSetActionHandler;
});

describe('the queue feature (Up next in the player)', () => {
  it('is accessible while it announces the next article', async () => {
    const { player, engine } = await mount();
    await finishArticle(player, engine);
    expect(cancelButton(player)).to.exist;
    await expect(player).to.be.accessible();
  });

  // The line is in the app's language; a title in another is marked so (WCAG 3.1.2).
  it('shows the next title in its own language', async () => {
    const { player, engine } = await mount();
    session.next = { title: 'Écouter un article', lang: 'fr' };
    await finishArticle(player, engine);
    const line = part(player, 'up-next');
    expect(line.lang).to.equal('en');
    const title = [...line.querySelectorAll('[lang]')].find(
      (element) => element.textContent.trim() === 'Écouter un article',
    );
    expect(title?.getAttribute('lang')).to.equal('fr');
    expect(line.textContent.replace(/\s+/gu, ' ')).to.contain('Next: Écouter un article');
  });

  it('says “Next article.” at the end of an article, shows the next title, then asks the session to play it', async () => {
    const { player, engine } = await mount();
    await finishArticle(player, engine);
    expect(player.status).to.equal('ended');
    // Not its title: the next article says that itself, in its own language's voice.
    expect(engine.current?.request.text).to.equal('Next article.');
    expect(session.calls).to.deep.equal(['prepareNext']);
    // Announced once in the status region, and shown with a named button.
    expect(session.announced).to.deep.equal(['Next: The second one']);
    expect(part(player, 'up-next').textContent).to.contain('Next: The second one');
    expect(cancelButton(player)?.textContent.trim()).to.equal('Cancel next article');
    // The lock screen keeps playing between the two.
    expect(navigator.mediaSession.playbackState).to.equal('playing');

    engine.finishCurrent();
    await player.updateComplete;
    expect(session.calls).to.deep.equal(['prepareNext', 'playNext']);
    expect(cancelButton(player)).to.equal(null);
  });

  it('skips an article no voice here can read: says so, says the next article is coming, and plays it', async () => {
    session.autoplay = { block: 0, offset: 0 };
    const { player, engine } = await mountPlayer({
      markup: '<article><h1>Un article</h1><p>Bonjour.</p></article>',
      lang: 'fr',
    });
    await player.updateComplete;
    expect(player.status).to.equal('error');
    expect(part(player, 'status').textContent).to.contain('No voice for French');
    // Tried at once, before the voices were listed, then cut short once they said no French.
    const french = engine.spoken.filter((record) => record.request.lang === 'fr');
    expect(french.every((record) => record.cancelled)).to.equal(true);
    expect(engine.current?.request.text).to.equal('Next article.');
    engine.finishCurrent();
    await player.updateComplete;
    expect(session.calls).to.deep.equal(['prepareNext', 'playNext']);
  });

  it('Cancel stops there: the next article is not played and the session ends', async () => {
    const { player, engine } = await mount();
    await finishArticle(player, engine);
    const announcement = engine.current;
    cancelButton(player)!.click();
    await player.updateComplete;
    expect(announcement?.cancelled).to.equal(true);
    expect(session.calls).to.deep.equal(['prepareNext', 'cancelNext']);
    expect(session.announced.at(-1)).to.match(/Cancelled/u);
    expect(cancelButton(player)).to.equal(null);
    expect(player.status).to.equal('idle');
    expect(navigator.mediaSession.playbackState).to.not.equal('playing');
  });

  it('Pause on the lock screen or headset cancels the announcement too', async () => {
    const { player, engine } = await mount();
    await finishArticle(player, engine);
    handlers['pause']?.();
    await player.updateComplete;
    expect(session.calls).to.deep.equal(['prepareNext', 'cancelNext']);
    expect(cancelButton(player)).to.equal(null);
  });

  it('without a queue, the end of an article is the end: nothing is announced', async () => {
    session.next = null;
    session.placeNow = null;
    const { player, engine } = await mount();
    await finishArticle(player, engine);
    expect(engine.current).to.equal(undefined);
    expect(cancelButton(player)).to.equal(null);
    expect(session.announced).to.deep.equal([]);
  });

  it('at the end of the queue, says so once', async () => {
    session.next = null;
    const { player, engine } = await mount();
    await finishArticle(player, engine);
    expect(session.calls).to.deep.equal(['cancelNext']);
    expect(session.announced).to.deep.equal(['That was the last article in Up next.']);
  });

  it('shows where the article is in the queue, and the lock screen says "N of M"', async () => {
    session.placeNow = { index: 2, total: 5 };
    const { player } = await mount();
    expect(part(player, 'queue-place').textContent.trim()).to.equal('Up next: 2 of 5');
    await player.play();
    expect(navigator.mediaSession.metadata?.album).to.equal('2 of 5');
    expect(navigator.mediaSession.metadata?.title).to.equal('The first one');
    await player.stop();
  });

  it('nexttrack and previoustrack go to the session while a queue plays, else to the paragraphs', async () => {
    const { player } = await mount(
      `<article><h1>T</h1><p>One.</p><p>Two.</p><p>Three.</p></article>`,
    );
    await player.play();
    handlers['nexttrack']?.();
    handlers['previoustrack']?.();
    expect(session.calls).to.deep.equal(['skip 1', 'skip -1']);
    expect(player.shadowRoot!.querySelector('[part~="progress"] input')).to.exist;

    session.skipResult = false;
    const paragraphs: number[] = [];
    player.addEventListener('ap-paragraph', (event) => paragraphs.push(event.detail.index));
    handlers['nexttrack']?.();
    await player.updateComplete;
    expect(paragraphs).to.deep.equal([1]);
    await player.stop();
  });

  it('plays an article the session opened, from where the listener left it', async () => {
    session.autoplay = { block: 1, offset: 0 };
    const { player, engine } = await mount();
    expect(player.status).to.equal('playing');
    expect(engine.current?.request.text).to.equal('Its only paragraph.');
    await player.stop();
  });

  it('records progress once per paragraph and "finished" at the end, never the bare start', async () => {
    session.next = null;
    session.placeNow = null;
    const { player, engine } = await mount(
      `<article><h1>Title</h1><p>One. Two.</p><p>Three.</p></article>`,
    );
    await finishArticle(player, engine);
    expect(session.progress.map((p) => [p.position.block, p.finished])).to.deep.equal([
      [1, false],
      [2, false],
      [0, true],
    ]);
    expect(session.progress.at(-1)?.heard).to.equal(1);
    expect([...session.keys]).to.deep.equal(['/articles/the-first-one/']);
  });
});
