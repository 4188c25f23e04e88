// Loose text (issue 14): text straight in a container, between other blocks, has no element of
// its own. It is read in its place, highlighted by its text nodes (::highlight(ap-block), no
// attribute, the markup unchanged), read from the word tapped, and followed when it scrolls away.
import { expect, waitUntil } from '@open-wc/testing';
import { FakeSpeechEngine } from '../support/fake-speech-engine.js';
import { mountPlayer } from './mount-player.js';
import { boxedArticle, clickWord, inBox, scrollInBox } from './viewport.js';

const LOOSE = 'Loose words sit straight in the div. They have no paragraph.';
const ARTICLE = `
  <article>
    <h1>Loose text</h1>
    <div id="box">${LOOSE}<p id="inner">A paragraph inside the div.</p>The div ends with more loose words.</div>
  </article>
`;

function highlighted(name: string): string {
  const highlight = CSS.highlights.get(name);
  if (!highlight) return '';
  return [...highlight].map((range) => (range as Range).toString()).join('|');
}

beforeEach(() => {
  localStorage.clear();
  CSS.highlights.clear();
  window.scrollTo(0, 0);
});

describe('<article-player> with loose text', () => {
  it('reads loose text in its place and highlights it without touching the markup', async () => {
    const engine = new FakeSpeechEngine();
    const { player } = await mountPlayer({ engine, markup: ARTICLE });
    const before = player.innerHTML;
    await player.seek(1);
    await player.play();
    engine.current!.handlers.onStart?.();
    await player.updateComplete;
    expect(engine.current!.request.text).to.equal('Loose words sit straight in the div. ');
    expect(highlighted('ap-block')).to.equal(LOOSE);
    expect(highlighted('ap-sentence')).to.equal('Loose words sit straight in the div.');
    expect(player.querySelector('[data-reading]')).to.equal(null);
    expect(player.innerHTML).to.equal(before);
    // The paragraph inside the div has its element: the block highlight moves to the attribute.
    await player.next();
    await player.updateComplete;
    expect(player.querySelector('[data-reading]')?.id).to.equal('inner');
    expect(highlighted('ap-block')).to.equal('');
    await player.next();
    await player.updateComplete;
    expect(highlighted('ap-block')).to.equal('The div ends with more loose words.');
    expect(player.querySelector('[data-reading]')).to.equal(null);
  });

  it('reads loose text from the word that is tapped', async () => {
    const engine = new FakeSpeechEngine();
    const { player } = await mountPlayer({ engine, markup: ARTICLE });
    await clickWord(player.querySelector('#box')!.firstChild as Text, 'They');
    await player.updateComplete;
    expect(player.status).to.equal('playing');
    expect(engine.current?.request.text).to.equal('They have no paragraph.');
  });

  it('keeps loose text in view as it is read', async () => {
    const engine = new FakeSpeechEngine();
    const spacer = '<p>Filler paragraph.</p>'.repeat(60);
    const { player } = await mountPlayer({
      engine,
      markup: `<article><h1>Far</h1>${spacer}<div id="far">Loose text far down the page.<p>After.</p></div></article>`,
    });
    const text = player.querySelector('#far')!.firstChild as Text;
    expect(text.parentElement!.getBoundingClientRect().top).to.be.above(window.innerHeight);
    await player.seek(61);
    await player.play();
    await waitUntil(() => {
      const range = document.createRange();
      range.selectNodeContents(text);
      const rect = range.getBoundingClientRect();
      return rect.top >= 0 && rect.bottom <= window.innerHeight;
    }, 'the loose text did not come into view');
  });

  it('keeps loose text in view in a box that scrolls the article (not the page)', async () => {
    const { player } = await mountPlayer({
      markup: boxedArticle(12, '<div id="far">Loose text far down the box.<p>After.</p></div>'),
    });
    const box = scrollInBox(player);
    const range = document.createRange();
    range.selectNodeContents(player.querySelector('#far')!.firstChild!);
    expect(inBox(range, box)).to.equal(false);
    await player.seek(13); // the heading, 12 paragraphs, then the loose text
    await player.play();
    await waitUntil(() => inBox(range, box), 'the loose text did not come into view in its box');
    expect(window.scrollY).to.equal(0);
  });
});
