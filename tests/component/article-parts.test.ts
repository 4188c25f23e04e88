// The app's long articles come in parts that the browser lays out only near the view (app.css
// `.article-part`, src/core/article-parts.ts): the markup the content pipeline writes, styled by the
// app's own style sheet, read by the full player.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { articleParts, PART_CLASS, partStyle } from '../../src/core/article-parts.js';
import { savedTextArticle } from '../../src/app/saved-article.js';
import type { SavedText, TextBlock } from '../../src/app/text.js';
import type { ArticlePlayer } from '../../src/element/player-element.js';
import { FakeSpeechEngine } from '../support/fake-speech-engine.js';
import { needsDriver } from './engine.js';
import { mountPlayer } from './mount-player.js';
import { clickWord, inView, scrollSettled, scrollUntilInView } from './viewport.js';

const COUNT = 400;
const SENTENCE = 'The river rose again in the night and the valley woke to the sound of it. ';
const texts = Array.from(
  { length: COUNT },
  (_, i) => `Paragraph ${String(i)} begins. ${SENTENCE.repeat(1 + ((i * 7) % 9))}`,
);

/** The article as the content pipeline writes a long one: `<div class="article-part">`s of blocks. */
function markup(): string {
  const parts = articleParts(texts.map((text) => text.trim().length));
  const body = parts.map(
    (part) =>
      `<div class="${PART_CLASS}" style="${partStyle(part)}">${texts
        .slice(part.start, part.end)
        .map((text, i) => `<p id="p${String(part.start + i)}">${text.trim()}</p>`)
        .join('\n')}</div>`,
  );
  return `<article lang="en"><header><h1>A long article</h1></header>${body.join('\n')}</article>`;
}

const paragraph = (player: ArticlePlayer, index: number) =>
  player.querySelector<HTMLElement>(`#p${String(index)}`)!;

/** Whether the browser skips the part's contents (`content-visibility: auto`, off screen). */
const skipped = (part: Element) =>
  !part.firstElementChild!.checkVisibility({ contentVisibilityAuto: true });

/** After the next rendering update: the browser has decided which parts are near the view. */
const rendered = () =>
  new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

before(async () => {
  // The app's own style sheet, as its pages have it.
  const style = document.createElement('style');
  style.textContent = await (await fetch('/src/app/app.css')).text();
  document.head.append(style);
});

beforeEach(() => {
  localStorage.clear();
  window.scrollTo(0, 0);
});

describe("the app's long article, in parts", () => {
  it('is accessible', async () => {
    const { player } = await mountPlayer({ markup: markup() });
    await expect(player).to.be.accessible();
  });

  it('has parts laid out only near the view', async () => {
    const { player } = await mountPlayer({ markup: markup() });
    await rendered();
    const parts = [...player.querySelectorAll(`.${PART_CLASS}`)];
    expect(parts).to.have.length(4);
    expect(getComputedStyle(parts[0]!).contentVisibility).to.equal('auto');
    expect(skipped(parts[0]!)).to.equal(false);
    expect(skipped(parts[3]!)).to.equal(true);
  });

  it("keeps the reading highlight whole: its shadow is inside its part's box, which clips", async () => {
    const { player } = await mountPlayer({ markup: markup() });
    const part = player.querySelectorAll<HTMLElement>(`.${PART_CLASS}`)[1]!;
    expect(getComputedStyle(part).contentVisibility).to.equal('auto');
    // A part's first block (its top edge) and one inside it (its sides).
    for (const index of [100, 150]) {
      await player.seek(index + 1);
      await player.play();
      const block = paragraph(player, index);
      expect(block.hasAttribute('data-reading')).to.equal(true);
      const spread = Number(/([\d.]+)px\s*$/u.exec(getComputedStyle(block).boxShadow)?.[1]);
      expect(spread, 'the highlight has a shadow').to.be.above(0);
      const shadow = block.getBoundingClientRect();
      const room = part.getBoundingClientRect();
      expect(room.left, `left of paragraph ${String(index)}`).to.be.at.most(shadow.left - spread);
      expect(room.right).to.be.at.least(shadow.right + spread);
      expect(room.top).to.be.at.most(shadow.top - spread);
      // The text is where it would be without parts: in the article's column.
      expect(shadow.left).to.equal(player.querySelector('article')!.getBoundingClientRect().left);
    }
  });

  it('spaces the blocks at the border of two parts as inside a part', async () => {
    const { player } = await mountPlayer({ markup: markup() });
    const last = paragraph(player, 99);
    await scrollUntilInView(last);
    await rendered();
    const gap = (index: number) =>
      paragraph(player, index + 1).getBoundingClientRect().top -
      paragraph(player, index).getBoundingClientRect().bottom;
    expect(gap(99), 'at the border').to.be.closeTo(gap(98), 0.5);
    expect(paragraph(player, 100).getBoundingClientRect().left).to.equal(
      last.getBoundingClientRect().left,
    );
  });

  const estimateWithinAThird = async () => {
    const { player } = await mountPlayer({ markup: markup() });
    await rendered();
    const part = player.querySelectorAll<HTMLElement>(`.${PART_CLASS}`)[2]!;
    expect(skipped(part)).to.equal(true);
    const estimated = part.getBoundingClientRect().height;
    part.style.contentVisibility = 'visible';
    const real = part.getBoundingClientRect().height;
    expect(estimated / real, `${String(estimated)} px for ${String(real)} px`).to.be.within(
      0.67,
      1.5,
    );
  };

  it(`estimates the height of a part not yet shown within a third of its real height (the browser's own width)`, async () => {
    await estimateWithinAThird();
  });

  for (const width of [390, 1280]) {
    it(`estimates the height of a part not yet shown within a third of its real height (${String(width)} px wide)`, async () => {
      needsDriver('setViewport');
      await setViewport({ width, height: 800 });
      try {
        await estimateWithinAThird();
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  }

  it('reads every word once, in order, over the borders of its parts', async () => {
    const engine = new FakeSpeechEngine();
    const { player } = await mountPlayer({ engine, markup: markup() });
    await player.seek(99); // block 0 is the heading: paragraph 98, the first part's last but one
    await player.play();
    const spoken: string[] = [];
    while (!paragraph(player, 101).hasAttribute('data-reading')) {
      const current = engine.current;
      expect(current, 'speaking').to.not.equal(undefined);
      expect(spoken.length).to.be.below(100);
      spoken.push(current!.request.text);
      current!.handlers.onStart?.();
      engine.finishCurrent();
      await player.updateComplete;
    }
    // Each paragraph's last utterance ends at its last word.
    expect(spoken.join('')).to.equal(
      texts
        .slice(98, 101)
        .map((text) => text.trim())
        .join(''),
    );
    expect(paragraph(player, 101).hasAttribute('data-reading')).to.equal(true);
  });

  it('keeps the block being read in view, to the last part and back', async function () {
    this.timeout(30_000);
    const { player, engine } = await mountPlayer({ markup: markup() });
    for (const index of [350, 120, 399, 5]) {
      await player.seek(index + 1);
      if (player.status !== 'playing') await player.play();
      await scrollSettled();
      expect(engine.current?.request.text).to.equal(`Paragraph ${String(index)} begins. `);
      expect(inView(paragraph(player, index)), `paragraph ${String(index)} in view`).to.equal(true);
    }
  });

  it('reads from the word tapped in a part far down', async () => {
    const { player, engine } = await mountPlayer({ markup: markup() });
    const target = paragraph(player, 330);
    // The reader scrolls there.
    await scrollUntilInView(target);
    await scrollSettled();
    await clickWord(target.firstChild as Text, 'valley');
    await player.updateComplete;
    expect(player.status).to.equal('playing');
    expect(engine.current?.request.text).to.equal('valley woke to the sound of it. ');
    expect(target.hasAttribute('data-reading')).to.equal(true);
  });
});

describe('a saved text (on /listen/ and in Up next)', () => {
  function saved(count: number): SavedText {
    const blocks: TextBlock[] = texts
      .slice(0, count)
      .map((text) => ({ kind: 'paragraph', text: text.trim() }));
    // A list of three items, one block in all, across the first parts' border.
    blocks.splice(
      99,
      0,
      ...['a', 'b', 'c'].map((item) => ({ kind: 'list-item' as const, text: item })),
    );
    return {
      id: 'saved',
      title: 'Saved',
      lang: 'en',
      blocks,
      source: 'pasted',
      url: 'https://example.org/a',
      savedAt: 0,
      characters: blocks.reduce((sum, block) => sum + block.text.length, 0),
    };
  }

  /** Every utterance of a saved text read to its end by the full player, in order. */
  async function readAloud(text: SavedText): Promise<string[]> {
    const { player, engine } = await mountPlayer({ markup: savedTextArticle(text).outerHTML });
    await player.play();
    const spoken: string[] = [];
    while (player.status === 'playing') {
      const current = engine.current;
      expect(current, 'speaking').to.not.equal(undefined);
      expect(spoken.length).to.be.below(20);
      spoken.push(current!.request.text.trim());
      current!.handlers.onStart?.();
      engine.finishCurrent();
      await player.updateComplete;
    }
    return spoken;
  }

  const untitled = (title: string): SavedText => {
    const blocks: TextBlock[] = [
      { kind: 'paragraph', text: 'Chapter One' },
      { kind: 'paragraph', text: 'The storm came at night.' },
    ];
    return { ...saved(0), title, blocks, url: null, characters: 35 };
  };

  it('reads a title made of its first words once, in the text', async () => {
    expect(await readAloud(untitled('Chapter One'))).to.deep.equal([
      'Chapter One',
      'The storm came at night.',
    ]);
  });

  it('reads a title of other words, then the text', async () => {
    expect(await readAloud(untitled('My note'))).to.deep.equal([
      'My note',
      'Chapter One',
      'The storm came at night.',
    ]);
  });

  it('has its title and a line about it, not read, then its blocks', () => {
    const article = savedTextArticle(saved(3));
    expect(article.lang).to.equal('en');
    expect(article.querySelector('header h1')?.textContent).to.equal('Saved');
    const meta = article.querySelector('header p.meta')!;
    expect(meta.hasAttribute('data-skip')).to.equal(true);
    expect(meta.textContent).to.contain('Shared from https://example.org/a');
    expect(article.querySelector(`.${PART_CLASS}`)).to.equal(null);
    expect(
      [...article.querySelectorAll('p:not(.meta), li')].map((b) => b.textContent),
    ).to.deep.equal([...texts.slice(0, 3).map((text) => text.trim()), 'a', 'b', 'c']);
  });

  it('is grouped in parts after its header when long, every block once and in order', () => {
    const article = savedTextArticle(saved(250));
    const children = [...article.children];
    expect(children.map((child) => child.localName)).to.deep.equal(['header', 'div', 'div', 'div']);
    // 250 paragraphs and one list: the list is the first part's last block, whole.
    expect(children.slice(1).map((part) => part.children.length)).to.deep.equal([100, 100, 51]);
    expect(children[1]!.lastElementChild!.localName).to.equal('ul');
    expect(children.slice(1).every((part) => part.className === PART_CLASS)).to.equal(true);
    expect((children[3] as HTMLElement).style.getPropertyValue('--part-blocks').trim()).to.equal(
      '51',
    );
    expect([...article.querySelectorAll('p:not(.meta)')].map((p) => p.textContent)).to.deep.equal(
      texts.slice(0, 250).map((text) => text.trim()),
    );
  });
});
