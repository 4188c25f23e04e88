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

/** Reduces pasted HTML to its article's blocks, title and language. */
export function importHtml(html: string): ImportedHtml {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const lang = doc.documentElement.getAttribute('lang');
  const pageTitle = doc.title.trim() || null;

  let article: ReturnType<Readability['parse']> = null;
  try {
    // Readability's defaults: they choose the article on real pages (a lower `charThreshold` took
    // a newsletter form or a print footer instead). `.no-read-aloud` is kept for the skip rule.
    article = new Readability(doc.cloneNode(true) as Document, {
      classesToPreserve: ['no-read-aloud'],
    }).parse();
  } catch {
    article = null;
  }
  let blocks: TextBlock[] = [];
  if (article?.content) blocks = blocksOf(sanitize(article.content, false));
  // Readability takes the byline out of the content; it is article text all the same.
  const byline = article?.byline?.replace(/\s+/gu, ' ').trim() ?? '';
  if (blocks.length > 0 && byline !== '' && !blocks.some((block) => block.text.includes(byline))) {
    blocks.unshift({ kind: 'paragraph', text: byline });
  }
  // Readability finds nothing in very short snippets: then read the whole (sanitised) page.
  if (blocks.length === 0) blocks = blocksOf(sanitize(doc.documentElement.outerHTML, true));
  return {
    title: article?.title?.trim() || pageTitle,
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
