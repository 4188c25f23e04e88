/**
 * Pasted HTML to readable blocks. Nothing of the HTML ever runs, loads, or reaches the live page:
 * 1. DOMParser parses it as a browser does, into an inert document (no browsing context and no
 *    scripting: scripts do not run, images and styles do not load);
 * 2. @mozilla/readability, with its defaults, reduces that document to the article — it needs the
 *    page as written (`role`, inline `style`, images, classes) to tell the story from the rest;
 * 3. DOMPurify sanitises Readability's result, into another inert document;
 * 4. the reading model (`src/element/reading-model.ts`, the same walk as the embed's) reads its
 *    blocks. The page shows those texts with textContent; no pasted markup is ever inserted.
 */
import { Readability } from '@mozilla/readability';
import DOMPurify from 'dompurify';
import { readingBlocks } from '../element/reading-model.js';
import { inertHtml, inInertDocument } from './trusted-types.js';
import { checkBlocks, checkRawInput, type Checked, type TextBlock } from './text.js';

export interface ImportedHtml {
  readonly title: string | null;
  readonly lang: string | null;
  readonly blocks: TextBlock[];
}

/** What may stay of the article: structure and text, nothing active. */
const ARTICLE_TAGS = [
  'html',
  'head',
  'title',
  'body',
  'article',
  'main',
  'section',
  'header',
  'footer',
  'nav',
  'aside',
  'div',
  'span',
  'p',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hgroup',
  'address',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'details',
  'summary',
  'blockquote',
  'pre',
  'code',
  'kbd',
  'samp',
  'var',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'small',
  'sub',
  'sup',
  'mark',
  'q',
  'cite',
  'dfn',
  'abbr',
  'time',
  'a',
  'figure',
  'figcaption',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'hr',
];
/**
 * What the reading model looks at: languages, the skip rules (`hidden`, `aria-hidden`, `role`,
 * `data-skip`, `.no-read-aloud`) and in-page links (footnote markers). DOMPurify vets `href`.
 */
const ARTICLE_ATTRIBUTES = [
  'lang',
  'dir',
  'class',
  'id',
  'hidden',
  'aria-hidden',
  'role',
  'data-skip',
  'href',
  'open',
];

/** Sanitised, in an inert document of DOMPurify's: the body to read. */
function sanitize(html: string, wholeDocument: boolean): Element {
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: ARTICLE_TAGS,
    ALLOWED_ATTR: ARTICLE_ATTRIBUTES,
    ALLOW_DATA_ATTR: false,
    WHOLE_DOCUMENT: wholeDocument,
    RETURN_DOM: true,
  });
}

/** The readable blocks of a (sanitised, inert) element, in document order, by the reading model. */
export function blocksOf(root: Element): TextBlock[] {
  return readingBlocks(root).map((block) => ({ kind: block.kind, text: block.text }));
}

const squash = (text: string): string => text.replace(/[\s\p{P}]+/gu, '').toLocaleLowerCase();

/**
 * An inert document applies no style sheet, so Readability (which looks at inline styles) and
 * the reading model would read what the page's own `<style>` hides: those rules (not inside
 * `@media`) are applied as `hidden` first. The sheet is only parsed (`replaceSync` loads no
 * `@import`); linked style sheets are not fetched, so what they hide cannot be known.
 */
function hideByStyleSheets(doc: Document): void {
  // Inline styles too: DOMPurify drops `style`, `hidden` stays.
  for (const element of doc.querySelectorAll<HTMLElement>('[style]')) {
    const { display, visibility } = element.style;
    if (display === 'none' || visibility === 'hidden') element.setAttribute('hidden', '');
  }
  for (const style of doc.querySelectorAll('style')) {
    const sheet = new CSSStyleSheet();
    try {
      sheet.replaceSync(style.textContent);
    } catch {
      continue;
    }
    for (const rule of sheet.cssRules) {
      if (!(rule instanceof CSSStyleRule)) continue;
      const { display, visibility } = rule.style;
      if (display !== 'none' && visibility !== 'hidden') continue;
      try {
        for (const element of doc.querySelectorAll(rule.selectorText)) {
          if (element.localName !== 'html' && element.localName !== 'body') {
            element.setAttribute('hidden', '');
          }
        }
      } catch {
        // A selector this browser cannot match: nothing to hide.
      }
    }
  }
}

/**
 * A `<footer>` inside a `<blockquote>` is the quote's attribution (HTML's own example), but
 * Readability drops every footer with the page's: it becomes a paragraph of the quote first.
 */
function keepQuoteAttributions(doc: Document): void {
  for (const footer of doc.querySelectorAll('blockquote footer')) {
    const paragraph = doc.createElement('p');
    paragraph.append(...footer.childNodes);
    footer.replaceWith(paragraph);
  }
}

/**
 * The article's own `<header>` (the one around its first `<h1>`: standfirst, byline, date) is
 * often left out by Readability, which keeps the body it scored best. Its blocks that Readability
 * did not keep are read first, by the same reading model (sanitised like the rest).
 */
function missingHeader(
  doc: Document,
  title: string | null,
  blocks: readonly TextBlock[],
): TextBlock[] {
  // The article's heading, not a site logo in an <h1>: the longest whose text is in the title.
  const heading = [...doc.querySelectorAll('h1')]
    .filter((h1) => {
      const text = squash(h1.textContent);
      return title !== null && text !== '' && squash(title).includes(text);
    })
    .sort((a, b) => squash(b.textContent).length - squash(a.textContent).length)[0];
  const header = heading?.closest('header');
  if (!header || header.closest('[hidden], nav, aside')) return [];
  const kept = new Set(blocks.map((block) => block.text));
  return blocksOf(sanitize(header.outerHTML, false)).filter(
    (block) => block.kind !== 'heading' && !kept.has(block.text),
  );
}

/** Reduces pasted HTML to its article's blocks, title and language. */
export function importHtml(html: string): ImportedHtml {
  const doc = new DOMParser().parseFromString(inertHtml(html), 'text/html');
  const lang = doc.documentElement.getAttribute('lang');
  const pageTitle = doc.title.trim() || null;

  hideByStyleSheets(doc);
  keepQuoteAttributions(doc);
  let article: ReturnType<Readability['parse']> = null;
  try {
    // Readability's defaults: they choose the article on real pages (a lower `charThreshold` took
    // a newsletter form or a print footer instead). `.no-read-aloud` is kept for the skip rule.
    article = inInertDocument(() =>
      new Readability(doc.cloneNode(true) as Document, {
        classesToPreserve: ['no-read-aloud'],
      }).parse(),
    );
  } catch {
    article = null;
  }
  let blocks: TextBlock[] = [];
  if (article?.content) blocks = blocksOf(sanitize(article.content, false));
  // The title is read first (it heads the saved text): not again where Readability left it in.
  const title = article?.title?.trim() || pageTitle;
  blocks = [...missingHeader(doc, title, blocks), ...blocks];
  // (Its heading may be the title without the site's name: "The story" in "The story - Site".)
  if (
    blocks[0]?.kind === 'heading' &&
    title !== null &&
    squash(title).includes(squash(blocks[0].text))
  ) {
    blocks.shift();
  }
  // Readability takes the byline out of the content; it is article text all the same.
  const byline = article?.byline?.replace(/\s+/gu, ' ').trim() ?? '';
  if (blocks.length > 0 && byline !== '' && !blocks.some((block) => block.text.includes(byline))) {
    blocks.unshift({ kind: 'paragraph', text: byline });
  }
  // Readability finds nothing in very short snippets: then read the whole (sanitised) page.
  if (blocks.length === 0) blocks = blocksOf(sanitize(doc.documentElement.outerHTML, true));
  return {
    title,
    lang: article?.lang?.trim() || lang,
    blocks,
  };
}

/**
 * Pasted HTML from the raw input to the blocks to keep: the HTML's own size limit, Readability,
 * then the checks of the article's text (its words, its size).
 */
export function importPastedHtml(raw: string, url: string | null = null): Checked<ImportedHtml> {
  const input = checkRawInput(raw, url, true);
  if (!input.ok) return input;
  const imported = importHtml(input.value);
  const blocks = checkBlocks(imported.blocks);
  return blocks.ok ? { ok: true, value: { ...imported, blocks: blocks.value } } : blocks;
}
