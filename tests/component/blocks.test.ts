import { expect, fixture, html } from '@open-wc/testing';
import { readBlocks } from '../../src/element/blocks.js';

/** The blocks read from `markup`, inside a section of language `lang`, as [kind, text, lang]. */
async function read(markup: string, lang = 'en', skip = '') {
  const section = await fixture<HTMLElement>(html`<section lang=${lang}><div></div></section>`);
  const root = section.firstElementChild!;
  root.innerHTML = markup;
  return readBlocks(root, skip).blocks.map((block) => [block.kind, block.text, block.lang ?? '']);
}

describe('readBlocks', () => {
  const cases: [string, string, string[][]][] = [
    [
      'white space collapsed as the browser draws it',
      '<p>  One\n\t two\u00a0 three  </p><p>Plain text.</p>',
      [
        ['paragraph', 'One two three', 'en'],
        ['paragraph', 'Plain text.', 'en'],
      ],
    ],
    [
      'inline markup read through, <br> and nested blocks as spaces',
      '<p>A <em>very</em> good<br>day</p><ul><li>Item<ul><li>Nested</li></ul></li></ul>',
      [
        ['paragraph', 'A very good day', 'en'],
        ['list-item', 'Item', 'en'],
        ['list-item', 'Nested', 'en'],
      ],
    ],
    [
      'the nearest lang, from the block, an ancestor, or outside the root',
      '<p>Hello.</p><div lang="fr"><p>Bonjour.</p><p lang="de">Hallo.</p></div><p lang="">None.</p>',
      [
        ['paragraph', 'Hello.', 'en'],
        ['paragraph', 'Bonjour.', 'fr'],
        ['paragraph', 'Hallo.', 'de'],
        ['paragraph', 'None.', ''],
      ],
    ],
    [
      'quotes, headings, and list items inside quotes',
      '<h2>Title</h2><blockquote><p>Quoted.</p><ul><li>Listed.</li></ul></blockquote>',
      [
        ['heading', 'Title', 'en'],
        ['quote', 'Quoted.', 'en'],
        ['list-item', 'Listed.', 'en'],
      ],
    ],
    [
      'skipped content, built in and the publisher’s',
      '<p>Read <span aria-hidden="true">not this</span>this.</p><nav><p>Nav.</p></nav><p class="ad">Ad.</p>',
      [['paragraph', 'Read this.', 'en']],
    ],
  ];
  for (const [name, markup, expected] of cases) {
    it(`reads ${name}`, async () => {
      expect(await read(markup, 'en', '.ad')).to.deep.equal(expected);
    });
  }

  it('reads a root inside a quote as quoted', async () => {
    const quote = await fixture<HTMLElement>(html`<blockquote><div></div></blockquote>`);
    quote.firstElementChild!.innerHTML = '<p>Inside.</p>';
    expect(readBlocks(quote.firstElementChild!).blocks[0]?.kind).to.equal('quote');
  });
});
