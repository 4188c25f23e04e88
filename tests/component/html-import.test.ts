// The paste path's own rules (src/app/html-import.ts), beyond what the corpus shows: what it
// adds to Readability must not bring in what is not the article.
import { expect } from '@open-wc/testing';
import { importHtml, importPastedHtml } from '../../src/app/html-import.js';
import { MAX_HTML_CHARACTERS } from '../../src/app/text.js';

const BODY = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${String(i)} of the story goes on for a while, so that Readability finds an article here, with commas, and more than one sentence. It ends.</p>`,
).join('');

const read = (html: string) => {
  const result = importHtml(html);
  return [result.title, ...result.blocks.map((block) => block.text)];
};

describe('importHtml', () => {
  it('reads the article header, not a site header whose <h1> is the logo', () => {
    const page = `<html><head><title>The story - Site</title></head><body>
      <header class="site-header"><h1>Site</h1><p>The site's tagline, never read.</p></header>
      <article><header><h1>The story</h1>The standfirst, read.<span style="display: none">Hidden, never read.</span></header>${BODY}</article>
      </body></html>`;
    const blocks = read(page);
    expect(blocks.slice(0, 2)).to.deep.equal(['The story - Site', 'The standfirst, read.']);
    expect(blocks.join(' ')).to.not.include('tagline');
    expect(blocks.join(' ')).to.not.include('Hidden');
  });

  it('skips footnote markers and keeps the quote’s attribution after the quote', () => {
    const page = `<html><head><title>Notes</title></head><body><article><h1>Notes</h1>
      <p>A fact.<sup><a href="#n1">[1]</a></sup> Another fact follows it, in the same paragraph of the article.</p>
      <blockquote><p>A quote.</p><footer>— Its author</footer></blockquote>${BODY}</article></body></html>`;
    const blocks = read(page);
    expect(blocks).to.include(
      'A fact. Another fact follows it, in the same paragraph of the article.',
    );
    expect(blocks.indexOf('— Its author')).to.equal(blocks.indexOf('A quote.') + 1);
  });

  it('refuses HTML over its own limit with its own message, and accepts a long page', () => {
    const long = `<html><body><script>${'x'.repeat(1_200_000)}</script><article><h1>Long</h1>${BODY}</article></body></html>`;
    expect(importPastedHtml(long).ok).to.equal(true);
    const huge = `<p>${'x'.repeat(MAX_HTML_CHARACTERS)}</p>`;
    const result = importPastedHtml(huge);
    expect(result.ok ? null : result.problem.code).to.equal('html-too-long');
  });
});
