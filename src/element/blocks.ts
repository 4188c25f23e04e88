/** Reading an article's blocks out of markup, without changing the markup. */
import { normalizeText, type Block, type BlockKind } from '../core/article.js';

const BLOCK_SELECTOR = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, dt, dd, pre, td, th';

/** Never read: hidden or decorative content, navigation, asides and figure captions. */
export const SKIP_SELECTOR = [
  '[aria-hidden="true"]',
  '[hidden]',
  '[data-skip]',
  '.no-read-aloud',
  'nav',
  'aside',
  'figcaption',
  'script',
  'style',
  'template',
  'noscript',
  'button',
  'select',
  'textarea',
].join(', ');

export interface ArticleBlocks {
  readonly blocks: Block[];
  /** The element of each block, by index. */
  readonly elements: HTMLElement[];
}

/**
 * The readable blocks under `root` in document order. A block's text excludes nested blocks
 * (a list item holding a list reads its own words, then each nested item) and skipped content.
 * One walk, with the language and "inside a quote" carried down rather than looked up per block:
 * it runs over every element of the article at load (10,000 paragraphs in tens of milliseconds).
 */
export function readBlocks(root: Element, extraSkip = ''): ArticleBlocks {
  const skip = extraSkip ? `${SKIP_SELECTOR}, ${extraSkip}` : SKIP_SELECTOR;
  const blocks: Block[] = [];
  const elements: HTMLElement[] = [];
  const visit = (element: Element, lang: string | null, quoted: boolean) => {
    for (const child of element.children) {
      if (safeMatches(child, skip)) continue;
      const childLang = child.getAttribute('lang') ?? lang;
      const childQuoted = quoted || child.localName === 'blockquote';
      if (child.matches(BLOCK_SELECTOR)) {
        const text = normalizeText(ownText(child, skip));
        if (text) {
          blocks.push({
            id: child.id || `b${blocks.length}`,
            kind: kindOf(child.localName, childQuoted),
            text,
            ...(childLang ? { lang: childLang } : {}),
          });
          elements.push(child as HTMLElement);
        }
      }
      if (child.firstElementChild) visit(child, childLang, childQuoted);
    }
  };
  visit(
    root,
    root.closest('[lang]')?.getAttribute('lang') ?? null,
    root.closest('blockquote') !== null,
  );
  return { blocks, elements };
}

/** A publisher's broken `skip` selector must not stop the player: it is ignored. */
function safeMatches(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return element.matches(SKIP_SELECTOR);
  }
}

export function isBlockElement(element: Element): boolean {
  return element.matches(BLOCK_SELECTOR);
}

export function isSkipped(element: Element, skip: string): boolean {
  return safeMatches(element, skip);
}

function ownText(element: Element, skip: string): string {
  // Most blocks hold one text node: no concatenation.
  const first = element.firstChild;
  if (first && first === element.lastChild && first.nodeType === Node.TEXT_NODE) {
    return (first as Text).data;
  }
  let text = '';
  for (const node of element.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      text += (node as Text).data;
    } else if (node instanceof Element) {
      if (node.matches(BLOCK_SELECTOR) || safeMatches(node, skip)) {
        text += ' ';
      } else {
        // A <br> separates words even though it has no text.
        text += node.localName === 'br' ? ' ' : ownText(node, skip);
      }
    }
  }
  return text;
}

function kindOf(name: string, quoted: boolean): BlockKind {
  if (/^h[1-6]$/.test(name)) return 'heading';
  if (name === 'li' || name === 'dt' || name === 'dd') return 'list-item';
  if (quoted) return 'quote';
  return 'paragraph';
}
