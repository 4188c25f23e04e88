import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { FullArticlePlayer } from '../../src/element/article-player-full.js';
import { ArticlePlayer } from '../../src/element/player-element.js';
import { FakeSpeechEngine } from '../support/fake-speech-engine.js';
import { browserClock } from '../../src/speech/web-speech-engine.js';
import { ManualClock } from '../support/fake-synth.js';
import { driverCan, needsDriver } from './engine.js';
import { mountPlayer, part } from './mount-player.js';
import {
  boxedArticle,
  clickWord,
  inBox,
  inView,
  scrollInBox,
  scrollSettled,
  scrollUntilInView,
} from './viewport.js';

const CONTENT_VISIBILITY = 'content-visibility: auto; contain-intrinsic-size: auto 1000px';
const SENTENCE = 'The river rose again in the night and the valley woke to the sound of it. ';

/**
 * An article of `count` paragraphs of uneven length (1 to 9 sentences), each with an id; with
 * `section`, in sections of 40 paragraphs that carry that style.
 */
function article(count: number, section?: string): string {
  const paragraphs = Array.from(
    { length: count },
    (_, i) =>
      `<p id="p${String(i)}">Paragraph ${String(i)} begins. ${SENTENCE.repeat(1 + (i % 9))}</p>`,
  );
  if (section === undefined)
    return `<article><h1>A long article</h1>${paragraphs.join('')}</article>`;
  const sections = [];
  for (let i = 0; i < count; i += 40) {
    sections.push(`<section style="${section}">${paragraphs.slice(i, i + 40).join('')}</section>`);
  }
  return `<article><h1>A long article</h1>${sections.join('')}</article>`;
}

function mount(count: number, section?: string) {
  return mountPlayer({ engine: new FakeSpeechEngine(), markup: article(count, section) });
}

function paragraph(player: ArticlePlayer, index: number): HTMLElement {
  return player.querySelector<HTMLElement>(`#p${String(index)}`)!;
}

beforeEach(() => {
  localStorage.clear();
  window.scrollTo(0, 0);
});

afterEach(() =>
  driverCan('emulateMedia') ? emulateMedia({ reducedMotion: 'no-preference' }) : undefined,
);

describe('<article-player> with a long article (400 paragraphs)', () => {
  it('is accessible', async () => {
    const { player } = await mount(400);
    await expect(player).to.be.accessible();
  });

  // A publisher's long page may leave the layout of its off-screen sections to the browser
  // (content-visibility: auto, with an estimated size): the page's height changes as a scroll
  // brings them into view, and a scroll's first target is short of the block.
  for (const [reducedMotion, section, where] of [
    ['no-preference', undefined, ''],
    ['reduce', undefined, ''],
    ['no-preference', CONTENT_VISIBILITY, ', sections laid out on demand'],
    ['reduce', CONTENT_VISIBILITY, ', sections laid out on demand'],
  ] as const) {
    it(`keeps the block being read in view, far down, just below and back up (${reducedMotion} motion${where})`, async function () {
      // Smooth scrolls over a long page take a while each.
      this.timeout(30_000);
      // Where the driver cannot emulate it, the browser's own setting is no preference.
      if (reducedMotion === 'reduce' || driverCan('emulateMedia')) {
        needsDriver('emulateMedia');
        await emulateMedia({ reducedMotion });
      }
      expect(window.matchMedia(`(prefers-reduced-motion: ${reducedMotion})`).matches).to.equal(
        true,
      );
      const { player, engine } = await mount(400, section);
      const readAndCheck = async (index: number) => {
        await player.seek(index + 1); // block 0 is the heading
        if (player.status !== 'playing') await player.play();
        await scrollSettled();
        expect(engine.current?.request.text).to.equal(`Paragraph ${String(index)} begins. `);
        expect(paragraph(player, index).hasAttribute('data-reading')).to.equal(true);
        expect(inView(paragraph(player, index)), `paragraph ${String(index)} in view`).to.equal(
          true,
        );
      };
      await readAndCheck(350);
      for (let step = 0; step < 3; step++) {
        // The next paragraph just out of view below, as when reading goes on.
        const below = [...player.querySelectorAll('p')].findIndex(
          (p) => p.getBoundingClientRect().top > window.innerHeight,
        );
        await readAndCheck(below);
      }
      await readAndCheck(120);
      await readAndCheck(390);
      await readAndCheck(5);
    });
  }

  it("jumps to the block with reduced motion, whatever the page's own scroll-behavior", async () => {
    needsDriver('emulateMedia');
    await emulateMedia({ reducedMotion: 'reduce' });
    document.documentElement.style.scrollBehavior = 'smooth';
    try {
      const { player } = await mount(400);
      await player.seek(351);
      await player.play();
      // In view at once: no frame has passed for a smooth scroll to move the page.
      expect(inView(paragraph(player, 350))).to.equal(true);
    } finally {
      document.documentElement.style.scrollBehavior = '';
    }
  });

  it("scrolls all the same in an engine that does not know the 'instant' behavior", async () => {
    needsDriver('emulateMedia');
    await emulateMedia({ reducedMotion: 'reduce' });
    const original = Element.prototype.scrollIntoView;
    const behaviors: (string | undefined)[] = [];
    Element.prototype.scrollIntoView = function (
      this: Element,
      options?: boolean | ScrollIntoViewOptions,
    ) {
      const behavior = typeof options === 'object' ? options.behavior : undefined;
      behaviors.push(behavior);
      if (behavior === 'instant') throw new TypeError("'instant' is not a valid ScrollBehavior");
      original.call(this, options);
    };
    try {
      const { player } = await mount(400);
      await player.seek(351);
      await player.play();
      expect(behaviors.slice(0, 2)).to.deep.equal(['instant', 'auto']);
      expect(inView(paragraph(player, 350))).to.equal(true);
    } finally {
      Element.prototype.scrollIntoView = original;
    }
  });

  it('stops watching a block that the page keeps moving', async function () {
    this.timeout(20_000);
    const { player } = await mount(400);
    const moving = paragraph(player, 350);
    moving.animate([{ transform: 'translateY(0)' }, { transform: 'translateY(4px)' }], {
      duration: 100,
      iterations: Infinity,
      direction: 'alternate',
    });
    const nextFrame = window.requestAnimationFrame.bind(window);
    let requested = 0;
    window.requestAnimationFrame = (callback) => {
      requested++;
      return nextFrame(callback);
    };
    try {
      await player.seek(351);
      await player.play();
      await waitUntil(() => requested > 0, 'no watch of the follow scroll');
      // The page's frames go on; the watch's requests end (the animation never lets it settle).
      let seen = -1;
      let unchanged = 0;
      await waitUntil(
        () => {
          unchanged = requested === seen ? unchanged + 1 : 0;
          seen = requested;
          return unchanged >= 20;
        },
        'the watch went on',
        { interval: 50, timeout: 15_000 },
      );
      expect(player.status).to.equal('playing');
    } finally {
      window.requestAnimationFrame = nextFrame;
    }
  });

  it('leaves the listener where they scrolled as reading goes on, and follows once they are back or ask', async () => {
    const { player, engine, clock } = await mount(400);
    const reading = () => player.querySelector('[data-reading]')!;
    /** The paragraph being read, said to its end: reading goes on to the next one. */
    const readOn = async () => {
      const before = reading();
      while (reading() === before) {
        engine.current!.handlers.onStart?.();
        engine.finishCurrent();
        await player.updateComplete;
        clock.advance(0);
        await player.updateComplete;
      }
      await scrollSettled();
    };
    await player.seek(11); // paragraph 10 (block 0 is the heading)
    await player.play();
    await scrollSettled();
    expect(inView(paragraph(player, 10))).to.equal(true);

    // The listener scrolls far down, looking for a paragraph to tap.
    await scrollUntilInView(paragraph(player, 200));
    const where = window.scrollY;
    await readOn();
    expect(reading()).to.equal(paragraph(player, 11));
    expect(window.scrollY, 'the page was pulled back').to.equal(where);

    // Back to the paragraph being read, at the foot of the view: reading on follows again.
    window.scrollBy({
      top: paragraph(player, 11).getBoundingClientRect().top - (window.innerHeight - 30),
      behavior: 'instant',
    });
    expect(inView(paragraph(player, 12))).to.equal(false);
    await readOn();
    expect(reading()).to.equal(paragraph(player, 12));
    expect(inView(paragraph(player, 12))).to.equal(true);

    // Away again, then Next: the paragraph asked for comes into view.
    await scrollUntilInView(paragraph(player, 300));
    await player.next();
    await scrollSettled();
    expect(reading()).to.equal(paragraph(player, 13));
    expect(inView(paragraph(player, 13))).to.equal(true);
  });

  it('gives way to the user who scrolls while a follow scroll is being corrected', async () => {
    const { player } = await mount(400, CONTENT_VISIBILITY);
    await player.seek(351);
    await player.play();
    // The user scrolls back to the top while the player's scroll is under way.
    window.dispatchEvent(new WheelEvent('wheel', { deltaY: -100 }));
    window.scrollTo({ top: 0, behavior: 'instant' });
    await scrollSettled();
    expect(paragraph(player, 350).hasAttribute('data-reading')).to.equal(true);
    expect(window.scrollY).to.equal(0);
  });

  it("keeps the block being read clear of the page's sticky header (its scroll-padding)", async () => {
    const header = document.createElement('header');
    header.style.cssText = 'position: fixed; inset: 0 0 auto 0; height: 200px; background: #eee';
    document.body.append(header);
    document.documentElement.style.scrollPaddingTop = '200px';
    try {
      const { player } = await mount(400);
      const target = paragraph(player, 60);
      // The reader has scrolled so that the paragraph is under the header, below the bar.
      window.scrollBy({ top: target.getBoundingClientRect().top - 150, behavior: 'instant' });
      expect(target.getBoundingClientRect().top).to.be.within(149, 151);
      const bar = player.shadowRoot!.querySelector('.bar')!.getBoundingClientRect();
      expect(bar.bottom, "the player's bar is above it").to.be.below(150);
      await player.seek(61);
      await player.play();
      await scrollSettled();
      expect(target.hasAttribute('data-reading')).to.equal(true);
      const { top, bottom } = target.getBoundingClientRect();
      expect(top, 'below the header').to.be.at.least(200);
      expect(bottom).to.be.at.most(window.innerHeight);
    } finally {
      header.remove();
      document.documentElement.style.scrollPaddingTop = '';
    }
  });

  it('reads from the word that is tapped, far down the article', async () => {
    const { player, engine } = await mount(400);
    const target = paragraph(player, 300);
    target.scrollIntoView({ block: 'center' });
    await scrollSettled();
    await clickWord(target.firstChild as Text, 'valley');
    await player.updateComplete;
    expect(player.status).to.equal('playing');
    expect(engine.current?.request.text).to.equal('valley woke to the sound of it. ');
    expect(target.hasAttribute('data-reading')).to.equal(true);
  });
});

describe('<article-player> at load', () => {
  it('plays from the first sentence at once, before the page has been idle', async () => {
    const engine = new FakeSpeechEngine();
    const player = new FullArticlePlayer(engine);
    player.lang = 'en';
    player.innerHTML = article(3);
    document.body.append(player);
    try {
      // The voices come on a microtask; no idle time has passed yet.
      await Promise.resolve();
      await player.play();
      expect(engine.current?.request.text).to.equal('A long article');
    } finally {
      player.remove();
    }
  });
});

describe('<article-player> in the page before its tag is defined (the page’s start)', () => {
  let defined = 0;
  /** Markup of a player under a tag of its own, then the tag defined: the player is upgraded. */
  function upgrade(
    engine: FakeSpeechEngine,
    clock?: ManualClock,
    Player: typeof ArticlePlayer = FullArticlePlayer,
  ): ArticlePlayer {
    const tag = `ap-upgraded-${String(++defined)}`;
    const host = document.createElement('div');
    host.innerHTML = `<${tag} lang="en">${article(3)}</${tag}>`;
    document.body.append(host);
    customElements.define(
      tag,
      class extends Player {
        constructor() {
          super(engine, clock);
        }
      },
    );
    return host.firstElementChild as ArticlePlayer;
  }

  /** Microtasks only (no task): the upgrade's first update. */
  async function firstUpdate(player: ArticlePlayer): Promise<void> {
    for (let i = 0; i < 20 && !player.hasUpdated; i++) await Promise.resolve();
    expect(player.hasUpdated).to.equal(true);
  }

  afterEach(() => {
    for (const player of document.querySelectorAll('body > div > [lang]'))
      player.parentElement!.remove();
  });

  it('reads its article and renders its controls each in a task after its first update, then enables Play', async () => {
    const player = upgrade(new FakeSpeechEngine());
    await firstUpdate(player);
    const root = player.shadowRoot!;
    expect(root.querySelector('[part~="bar"]'), 'the bar’s box').to.exist;
    expect(root.querySelector('slot')?.assignedNodes().length, 'the article shown').to.be.above(0);
    expect(root.querySelector('[part~="play"]'), 'controls in the task of the upgrade').to.equal(
      null,
    );
    await player.updateComplete;
    const play = root.querySelector<HTMLButtonElement>('[part~="play"]')!;
    expect(play.disabled).to.equal(false);
  });

  it('keeps its controls’ place in the bar’s box until they come: nothing moves', async () => {
    // The embed's controls fit one row here: the bar's least height (README, "Reserve the
    // player's box"; the full player's wrap, and its box is what the page reserves).
    const player = upgrade(new FakeSpeechEngine(), undefined, ArticlePlayer);
    await firstUpdate(player);
    const bar = player.shadowRoot!.querySelector('[part~="bar"]')!;
    const heading = player.querySelector('h1')!;
    const box = {
      bar: bar.getBoundingClientRect().height,
      text: heading.getBoundingClientRect().top,
    };
    expect(player.shadowRoot!.querySelector('[part~="play"]')).to.equal(null);
    await player.updateComplete;
    expect(player.shadowRoot!.querySelector('[part~="play"]')).to.exist;
    expect(bar.getBoundingClientRect().height).to.equal(box.bar);
    expect(heading.getBoundingClientRect().top).to.equal(box.text);
  });

  it('passes an accessibility audit with the bar’s box alone', async () => {
    const player = upgrade(new FakeSpeechEngine());
    await firstUpdate(player);
    expect(player.shadowRoot!.querySelector('[part~="play"]')).to.equal(null);
    await expect(player).to.be.accessible();
  });

  it('takes those tasks from its clock’s urgentTask, not its timers (a long parse holds timers back)', async () => {
    const clock = new UrgentClock();
    const player = upgrade(new FakeSpeechEngine(), clock);
    await firstUpdate(player);
    const start = { done: false };
    void player.updateComplete.then(() => (start.done = true));
    // No timer runs (the clock never advances): each urgent task is run as it is queued.
    let tasks = 0;
    for (let turn = 0; turn < 50 && !start.done; turn++) {
      await Promise.resolve();
      const task = clock.urgent.shift();
      if (task) {
        tasks += 1;
        task();
      }
    }
    expect(start.done, 'ready with urgent tasks alone').to.equal(true);
    expect(tasks).to.be.greaterThan(0);
    const play = player.shadowRoot!.querySelector<HTMLButtonElement>('[part~="play"]')!;
    expect(play.disabled).to.equal(false);
  });

  it('reads it at once for a play() that comes before that task', async () => {
    const engine = new FakeSpeechEngine();
    const player = upgrade(engine);
    await firstUpdate(player);
    await player.play();
    expect(engine.current?.request.text).to.equal('A long article');
  });
});

describe('the browser’s clock: an urgent task', () => {
  const scheduler = Object.getOwnPropertyDescriptor(globalThis, 'scheduler');
  let posted: string[] = [];

  beforeEach(() => {
    posted = [];
    // The Prioritized Task Scheduling API, recorded (WebKit has none: the same stand-in).
    Object.defineProperty(globalThis, 'scheduler', {
      configurable: true,
      value: {
        postTask(callback: () => void, options: { priority: string }) {
          posted.push(options.priority);
          callback();
          return Promise.resolve();
        },
      },
    });
  });

  afterEach(() => {
    if (scheduler) Object.defineProperty(globalThis, 'scheduler', scheduler);
    else Reflect.deleteProperty(globalThis, 'scheduler');
    Reflect.deleteProperty(document, 'readyState');
  });

  it('is a user-blocking task while the document is loading', () => {
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'loading' });
    let ran = false;
    browserClock.urgentTask(() => (ran = true));
    expect(posted).to.deep.equal(['user-blocking']);
    expect(ran).to.equal(true);
  });

  it('is a timer once the page is parsed (it would come before the first frames)', async () => {
    expect(document.readyState).to.not.equal('loading');
    let ran = false;
    browserClock.urgentTask(() => (ran = true));
    expect(posted).to.deep.equal([]);
    expect(ran, 'not in this task').to.equal(false);
    await waitUntil(() => ran, 'the timer never ran');
  });
});

/** A clock that queues its urgent tasks (`urgent`) for the test to run; its timers wait for advance(). */
class UrgentClock extends ManualClock {
  readonly urgent: (() => void)[] = [];
  override urgentTask(callback: () => void): void {
    this.urgent.push(callback);
  }
}

/** Time goes on by 1 ms each time the player reads it: its slices of reading end after a few elements. */
class BusyClock extends ManualClock {
  override now(): number {
    return ++this.time;
  }
}

/** A clock each look at which takes longer than a slice of reading. */
class SliceClock extends ManualClock {
  override now(): number {
    this.time += 10;
    return this.time;
  }
}

/** The blocks of `article(count)`, as spoken. */
function articleTexts(count: number): string[] {
  return [
    'A long article',
    ...Array.from({ length: count }, (_, i) =>
      `Paragraph ${String(i)} begins. ${SENTENCE.repeat(1 + (i % 9))}`.trim(),
    ),
  ];
}

describe('<article-player> while it is still reading a long article (400 paragraphs)', () => {
  it('plays from the first block at once, and reads to the end as the rest is read: every word once, in order', async () => {
    const clock = new BusyClock();
    const engine = new FakeSpeechEngine();
    const { player } = await mountPlayer({ engine, clock, markup: article(400) });
    const paragraphs: { index: number; total: number }[] = [];
    player.addEventListener('ap-paragraph', (event) => paragraphs.push(event.detail));
    let ended = 0;
    player.addEventListener('ap-ended', () => ended++);
    const play = player.shadowRoot!.querySelector<HTMLButtonElement>('[part~="play"]')!;
    expect(play.disabled).to.equal(false);

    play.click();
    await player.updateComplete;
    expect(player.status).to.equal('playing');
    expect(engine.current?.request.text).to.equal('A long article');
    // Only the first blocks are read yet: the total is the count so far.
    expect(paragraphs[0]!.index).to.equal(0);
    expect(paragraphs[0]!.total).to.be.within(1, 400);

    // Speech reaches the end of what has been read: the markup is read on from there, at once,
    // and now and then the next slices run in their own tasks.
    for (let chunks = 0; player.status !== 'ended'; chunks++) {
      expect(chunks).to.be.below(10_000);
      const current = engine.current;
      expect(current, `chunk ${String(chunks)}: speaking`).to.not.equal(undefined);
      current!.handlers.onStart?.();
      engine.finishCurrent();
      if (chunks % 50 === 49) clock.advance(20);
      await player.updateComplete;
    }
    expect(ended).to.equal(1);
    expect(engine.spokenTexts.join('')).to.equal(articleTexts(400).join(''));
    expect(paragraphs.map((event) => event.index)).to.deep.equal([...Array(401).keys()]);
    const totals = paragraphs.map((event) => event.total);
    expect(totals.at(-1)).to.equal(401);
    expect(totals.every((total, i) => i === 0 || total >= totals[i - 1]!)).to.equal(true);
    expect(totals.every((total, i) => total > paragraphs[i]!.index)).to.equal(true);
  });

  it('keeps the position slider’s box still while the total grows, and shows it once all is read', async () => {
    const clock = new BusyClock();
    const { player } = await mountPlayer({ clock, markup: article(400) });
    const box = part(player, 'progress');
    expect(box.classList.contains('pending')).to.equal(true);
    expect(getComputedStyle(box.querySelector('input')!).visibility).to.equal('hidden');
    const before = box.getBoundingClientRect();
    while (box.classList.contains('pending')) {
      clock.advance(20);
      await player.updateComplete;
    }
    const after = box.getBoundingClientRect();
    expect([after.x, after.y, after.width, after.height]).to.deep.equal([
      before.x,
      before.y,
      before.width,
      before.height,
    ]);
    expect(getComputedStyle(box.querySelector('input')!).visibility).to.equal('visible');
    expect(box.querySelector('input')!.max).to.equal('400');
  });

  it('has the position slider’s box from the start when the first slice read one block only', async () => {
    // Each look at the clock takes a whole slice: a slice reads one block (a slow phone, or a
    // busy one: the app's pages showed the box appear a slice later, a layout shift).
    const clock = new SliceClock();
    const { player } = await mountPlayer({ clock, markup: article(400) });
    expect(player.shadowRoot!.querySelector('[part~="play"]')!.hasAttribute('disabled')).to.equal(
      false,
    );
    const box = part(player, 'progress');
    expect(box.classList.contains('pending')).to.equal(true);
    const before = box.getBoundingClientRect();
    expect(before.height).to.be.above(0);
    for (let slices = 0; slices < 3; slices++) {
      clock.advance(1);
      await player.updateComplete;
    }
    const after = part(player, 'progress').getBoundingClientRect();
    expect([after.y, after.height]).to.deep.equal([before.y, before.height]);
  });

  it('reads a paragraph tapped further than it has read yet, and seeks there', async () => {
    const clock = new BusyClock();
    const engine = new FakeSpeechEngine();
    const { player } = await mountPlayer({ engine, clock, markup: article(400) });
    paragraph(player, 300).click();
    await player.updateComplete;
    expect(player.status).to.equal('playing');
    expect(engine.current?.request.text).to.equal('Paragraph 300 begins. ');
    expect(paragraph(player, 300).hasAttribute('data-reading')).to.equal(true);
    await player.seek(390);
    expect(engine.current?.request.text).to.equal('Paragraph 389 begins. ');
  });
});

// A publisher's layout may scroll the article in a box of its own, not the page.
describe('<article-player> in a box that scrolls', () => {
  it('brings a block hidden by the box into view, where the window alone would show it', async () => {
    const { player } = await mountPlayer({ markup: boxedArticle(12) });
    const box = scrollInBox(player);
    const target = player.querySelectorAll('p')[8]!;
    // Below the box's bottom and inside the window: hidden by the box only.
    expect(target.getBoundingClientRect().top).to.be.above(box.getBoundingClientRect().bottom);
    expect(target.getBoundingClientRect().bottom).to.be.below(window.innerHeight);
    await player.seek(9); // block 0 is the heading
    await player.play();
    await waitUntil(() => inBox(target, box), 'the block did not come into view in its box');
    expect(target.hasAttribute('data-reading')).to.equal(true);
  });
});
