/**
 * Pasted HTML to readable blocks. Nothing of the HTML ever runs or loads:
 * 1. DOMPurify sanitises the markup (no scripts, event handlers, frames, forms or styles survive);
 * 2. the result is parsed with DOMParser into an inert document (no browsing context: nothing loads);
 * 3. @mozilla/readability reduces it to the article;
 * 4. the article is sanitised again, and only the *text* of its headings, paragraphs, list items and
 *    quotes is kept. The page shows those texts with textContent; no pasted markup is ever inserted.
 */
import { Readability } from '@mozilla/readability';
import DOMPurify from 'dompurify';
import { textToParagraphs, type TextBlock } from './text.js';

export interface ImportedHtml {
  readonly title: string | null;
  readonly lang: string | null;
  readonly blocks: TextBlock[];
}

/** What may stay in the document given to Readability: structure and text, nothing active. */
const DOCUMENT_TAGS = [
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
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'code',
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
  'abbr',
  'time',
  'a',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'caption',
  'hr',
];
const DOCUMENT_ATTRIBUTES = ['lang', 'dir', 'class', 'id', 'title', 'datetime'];
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, dt, dd, td, th';

function sanitize(html: string, wholeDocument: boolean): string {
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: DOCUMENT_TAGS,
    ALLOWED_ATTR: DOCUMENT_ATTRIBUTES,
    ALLOW_DATA_ATTR: false,
    WHOLE_DOCUMENT: wholeDocument,
    // No URLs survive in attributes at all: `href` and `src` are not allowed.
  });
}

function kindOf(element: Element): TextBlock['kind'] {
  const name = element.localName;
  if (/^h[1-6]$/u.test(name)) return 'heading';
  if (name === 'li' || name === 'dt' || name === 'dd') return 'list-item';
  if (name === 'blockquote' || element.closest('blockquote')) return 'quote';
  return 'paragraph';
}

/** The text of an element without the text of blocks nested in it (they are blocks of their own). */
function ownText(element: Element): string {
  let text = '';
  for (const node of element.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) text += node.nodeValue ?? '';
    else if (node instanceof Element)
      text += node.matches(BLOCKS) ? ' ' : node.localName === 'br' ? ' ' : ownText(node);
  }
  return text;
}

/** Elements whose own loose text (not in a paragraph) is a paragraph of its own, e.g. `<div>Text</div>`. */
const CONTAINERS =
  'body, article, main, section, header, footer, div, figure, aside, nav, form, table, tbody, thead, tr';

/** The inline text directly in a container: its text nodes and inline elements, not its blocks. */
function looseText(container: Element): string {
  let text = '';
  for (const node of container.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) text += node.nodeValue ?? '';
    else if (node instanceof Element) {
      text +=
        node.matches(BLOCKS) || node.matches(CONTAINERS) || node.localName === 'br'
          ? ' '
          : node.textContent;
    }
  }
  return text.replace(/\s+/gu, ' ').trim();
}

/** The readable blocks of a (sanitised, inert) element, in document order. */
export function blocksOf(root: Element): TextBlock[] {
  const blocks: TextBlock[] = [];
  const visit = (element: Element): void => {
    if (element.matches(CONTAINERS)) {
      const loose = looseText(element);
      if (loose !== '') blocks.push({ kind: 'paragraph', text: loose });
    }
    for (const child of element.children) {
      if (child.matches(BLOCKS)) {
        const text = ownText(child).replace(/\s+/gu, ' ').trim();
        if (text !== '') blocks.push({ kind: kindOf(child), text });
      }
      if (child.localName !== 'figcaption') visit(child);
    }
  };
  visit(root);
  return blocks;
}

/** Reduces pasted HTML to its article's blocks, title and language. */
export function importHtml(html: string): ImportedHtml {
  const parser = new DOMParser();
  const clean = sanitize(html, true);
  const doc = parser.parseFromString(clean, 'text/html');
  const lang = doc.documentElement.getAttribute('lang');
  const pageTitle = doc.title.trim() || null;

  let article: ReturnType<Readability['parse']> = null;
  try {
    // Readability changes the document it is given: give it a copy.
    article = new Readability(doc.cloneNode(true) as Document, { charThreshold: 100 }).parse();
  } catch {
    article = null;
  }
  let blocks: TextBlock[] = [];
  if (article?.content) {
    const content = parser.parseFromString(sanitize(article.content, false), 'text/html');
    blocks = blocksOf(content.body);
  }
  // Readability finds nothing in very short snippets: then read the whole (sanitised) body.
  if (blocks.length === 0) blocks = blocksOf(doc.body);
  if (blocks.length === 0) {
    blocks = textToParagraphs(doc.body.textContent).map((text) => ({ kind: 'paragraph', text }));
  }
  return {
    title: article?.title?.trim() || pageTitle,
    lang: article?.lang?.trim() || lang,
    blocks,
  };
}
