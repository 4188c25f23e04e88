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
    [
      'loose text directly in containers, between other blocks, in order',
      '<header>Standfirst <em>here</em>.</header><div>Loose one.<p>Para.</p>Loose <span>two</span>.</div><details open><summary>Sum</summary>Body</details>',
      [
        ['paragraph', 'Standfirst here.', 'en'],
        ['paragraph', 'Loose one.', 'en'],
        ['paragraph', 'Para.', 'en'],
        ['paragraph', 'Loose two.', 'en'],
        ['paragraph', 'Sum', 'en'],
        ['paragraph', 'Body', 'en'],
      ],
    ],
    [
      'a quote before its attribution, a list item’s heading before its link',
      '<blockquote><p>To be.</p>— Hamlet</blockquote><ul><li><h3>Head</h3>Text <a href="/x">more</a></li></ul>',
      [
        ['quote', 'To be.', 'en'],
        ['quote', '— Hamlet', 'en'],
        ['heading', 'Head', 'en'],
        ['list-item', 'Text more', 'en'],
      ],
    ],
    [
      'hidden text never, visible text inside hidden text yes',
      '<style>.h { display: none }</style><p>A<span style="display:none">X</span>B <span style="visibility:hidden">Y <b style="visibility:visible">C</b></span></p><div hidden>Z</div><p class="h">Q</p><details><summary>S</summary><p>Closed.</p></details>',
      [
        ['paragraph', 'A B C', 'en'],
        ['paragraph', 'S', 'en'],
      ],
    ],
    [
      'table cells, code, no footnote markers, captions or alt text',
      '<table><caption>Cap</caption><tr><th>H</th><td>D</td></tr></table><pre>let  x\n = 1;</pre><p>Fact.<sup class="reference"><a href="#n1">[1]</a></sup> <img alt="Alt"> <sup>2</sup></p><figure><img alt="x">Loose<figcaption>Caption</figcaption></figure>',
      [
        ['paragraph', 'Cap', 'en'],
        ['paragraph', 'H', 'en'],
        ['paragraph', 'D', 'en'],
        ['paragraph', 'let x = 1;', 'en'],
        ['paragraph', 'Fact. 2', 'en'],
        ['paragraph', 'Loose', 'en'],
      ],
    ],
  ];
  for (const [name, markup, expected] of cases) {
    it(`reads ${name}`, async () => {
      expect(await read(markup, 'en', '.ad')).to.deep.equal(expected);
    });
  }

  it('gives a block its element only when it is all of the element’s text', async () => {
    const root = await fixture<HTMLElement>(html`<div></div>`);
    root.innerHTML = '<div id="a">Only.</div><div id="b">Loose<p id="c">Para</p></div>';
    const { sources } = readBlocks(root);
    expect(sources.map((source) => source.element?.id ?? null)).to.deep.equal(['a', null, 'c']);
  });

  it('reads a root inside a quote as quoted', async () => {
    const quote = await fixture<HTMLElement>(html`<blockquote><div></div></blockquote>`);
    quote.firstElementChild!.innerHTML = '<p>Inside.</p>';
    expect(readBlocks(quote.firstElementChild!).blocks[0]?.kind).to.equal('quote');
  });
});
