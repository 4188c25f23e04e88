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
 */
export function readBlocks(root: Element, extraSkip = ''): ArticleBlocks {
  const skip = extraSkip ? `${SKIP_SELECTOR}, ${extraSkip}` : SKIP_SELECTOR;
  const blocks: Block[] = [];
  const elements: HTMLElement[] = [];
  const visit = (element: Element) => {
    for (const child of element.children) {
      if (safeMatches(child, skip)) continue;
      if (child.matches(BLOCK_SELECTOR)) {
        const text = normalizeText(ownText(child, skip));
        if (text) {
          const lang = child.closest('[lang]')?.getAttribute('lang') ?? undefined;
          blocks.push({
            id: child.id || `b${blocks.length}`,
            kind: kindOf(child),
            text,
            ...(lang ? { lang } : {}),
          });
          elements.push(child as HTMLElement);
        }
      }
      visit(child);
    }
  };
  visit(root);
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
  let text = '';
  for (const node of element.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      text += node.nodeValue ?? '';
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

function kindOf(element: Element): BlockKind {
  const name = element.localName;
  if (/^h[1-6]$/.test(name)) return 'heading';
  if (name === 'li' || name === 'dt' || name === 'dd') return 'list-item';
  if (name === 'blockquote' || element.closest('blockquote')) return 'quote';
  return 'paragraph';
}
