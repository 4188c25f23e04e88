/**
 * The reading model: which text of a document is read, in what blocks and in what order. One
 * walk for both ways an article reaches the player — a publisher's light DOM (`readBlocks`) and
 * pasted HTML after Readability (`src/app/html-import.ts`) — so both read an article the same way.
 *
 * Rules (README "What is read, and what is skipped"):
 * - Elements whose default rendering is inline (`a`, `em`, `span`, `code`, unknown and custom
 *   elements, …) are read through as part of the text around them; every other element is a
 *   block boundary. The text between two boundaries inside one element is one block: a
 *   paragraph's text, a table cell's, or loose text directly in a `div`, `section`, `header`,
 *   `summary`, or the attribution after a quote's paragraph inside a `<blockquote>`.
 * - So every visible character is in exactly one block, blocks come in document order, and a
 *   block's text never jumps ahead of the blocks nested in it.
 * - A block that is all of an element's text has that element (it gets `data-reading`); loose
 *   text between other blocks has none and is found, highlighted and scrolled to by its text
 *   nodes.
 * - Skipped: `SKIP_SELECTOR`, the `skip` selector, hidden content (`hidden`, `aria-hidden`,
 *   `display: none`, `visibility: hidden` — inline styles everywhere, style sheets as well where
 *   the document is rendered), and footnote markers (`isFootnoteMarker`). Alt text is not read.
 */
import { normalizeText, type BlockKind } from '../core/article.js';

/** Never read: hidden or decorative content, navigation, asides, figure captions, controls, media. */
export const SKIP_SELECTOR = [
  '[aria-hidden="true"]',
  '[hidden]',
  '[data-skip]',
  '.no-read-aloud',
  'nav',
  'aside',
  '[role="navigation"]',
  '[role="complementary"]',
  '[role="menu"]',
  '[role="menubar"]',
  'figcaption',
  'script',
  'style',
  'template',
  'noscript',
  'button',
  'select',
  'textarea',
  'input',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'svg',
  'head',
  'dialog:not([open])',
].join(', ');

/** Elements read through as part of the surrounding text (their default display is inline). */
const INLINE = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'kbd',
  'label',
  'mark',
  'math',
  'nobr',
  'output',
  'q',
  'ruby',
  'rb',
  'rp',
  'rt',
  's',
  'samp',
  'slot',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

/** A piece of a block's text: a text node, or a break (a `<br>`, a skipped element) read as a space. */
export type Piece = Text | null;

/** The kinds of block the markup gives (a caption is a kind of the JSON format only). */
export type ReadingKind = Exclude<BlockKind, 'caption'>;

/** One block as read from the markup. */
export interface ReadingBlock {
  readonly kind: ReadingKind;
  /** The text as spoken: white space collapsed, trimmed. */
  readonly text: string;
  /** The nearest `lang` of the element the block's text sits in, or null. */
  readonly lang: string | null;
  /** The element whose whole readable text this block is, or null for loose text. */
  readonly element: HTMLElement | null;
  /** The text nodes the text comes from, with breaks: for highlighting, tapping and scrolling. */
  readonly pieces: readonly Piece[];
}

interface Context {
  readonly lang: string | null;
  readonly quoted: boolean;
  /** The text directly in this element is not visible (`visibility: hidden`, inherited). */
  readonly invisible: boolean;
}

/** The state of the element whose inline content is being read: its current run of text. */
interface Owner {
  readonly element: Element;
  readonly context: Context;
  pieces: Piece[];
  /** Blocks read from this element's own runs. */
  runs: number;
  /** The index of the first of them, or -1. */
  firstRun: number;
  /** Whether any block came from inside it (nested elements). */
  nested: boolean;
}

export interface ReadOptions {
  /** More content not to read, a CSS selector; an invalid one is ignored. */
  readonly skip?: string;
  /**
   * Whether the HTML parser may still add to the tree (by default: the tree is in a document
   * that is still loading). While it may, `readingScan` reads no node the parser has not moved
   * past; `readingBlocks` reads the tree as it is.
   */
  readonly parsing?: () => boolean;
}

/** What the walk yields when it has caught up with the HTML parser. */
const WAIT = Symbol('wait for the parser');
/** A step of the walk: after an element (a place to stop), or at the parser. */
type Step = typeof WAIT | undefined;

/**
 * Whether the parser has moved past `node`: something follows it (or one of its ancestors). The
 * last node the parser made may still grow: a text node takes more characters, an element more
 * children.
 */
function parsedPast(node: Node): boolean {
  for (let at: Node | null = node; at; at = at.parentNode) if (at.nextSibling) return true;
  return false;
}

/**
 * The readable blocks under `root`, in document order. One walk over the tree, with the language,
 * "inside a quote" and visibility carried down rather than looked up per element.
 */
export function readingBlocks(root: Element, options: ReadOptions = {}): ReadingBlock[] {
  // In one go: the tree as it is now, whether or not the parser is still adding to it.
  return readingScan(root, { parsing: () => false, ...options }).read();
}

/**
 * The same walk as `readingBlocks`, in steps: a long article is read a slice at a time, so that
 * the page stays responsive, and the blocks read so far can be used meanwhile. The blocks of all
 * the slices, in order, are exactly `readingBlocks`' (whatever the slices), and a block once
 * returned never changes.
 */
export interface ReadingScan {
  /** Whether the whole tree has been read. */
  readonly done: boolean;
  /** Whether the last `read` stopped where the HTML parser is: read again once it has gone on. */
  readonly waiting: boolean;
  /**
   * Reads on until `stop()` returns true (asked after each element that owns text) or to the
   * end, and returns the blocks that became final since the last call, in document order.
   */
  read(stop?: () => boolean): ReadingBlock[];
}

export function readingScan(root: Element, options: ReadOptions = {}): ReadingScan {
  const walk = readingWalk(root, options);
  let returned = 0;
  let done = false;
  let waiting = false;
  return {
    get done() {
      return done;
    },
    get waiting() {
      return waiting;
    },
    read(stop = () => false) {
      waiting = false;
      while (!done) {
        const step = walk.steps.next();
        if (step.done === true) done = true;
        else if (step.value === WAIT) {
          waiting = true;
          break;
        } else if (stop()) break;
      }
      const final = done ? walk.blocks.length : walk.finalCount();
      const fresh = walk.blocks.slice(returned, final);
      returned = final;
      return fresh;
    },
  };
}

function readingWalk(root: Element, options: ReadOptions) {
  const skip = validSelector(root, options.skip ?? '');
  const page = root.ownerDocument;
  // Only the page's parser adds to a tree: a detached one is whole.
  const parsing = options.parsing ?? (() => page.readyState === 'loading' && root.isConnected);
  // Style sheets can hide content only where computed styles exist (`stylesApply`); elsewhere
  // (an inert document, or light DOM not yet slotted) the inline styles decide.
  const view = root.ownerDocument.defaultView;
  const rendered = view !== null && stylesApply(root);
  let style: { element: Element; value: CSSStyleDeclaration } | null = null;
  const computed = (element: Element): CSSStyleDeclaration => {
    if (style?.element !== element) style = { element, value: view!.getComputedStyle(element) };
    return style.value;
  };
  const blocks: ReadingBlock[] = [];
  /** The owners being read, outermost first: their runs' blocks may still lose their element. */
  const open: Owner[] = [];

  const isSkipped = (element: Element): boolean =>
    element.matches(SKIP_SELECTOR) ||
    (skip !== '' && element.matches(skip)) ||
    inlineHidden(element) ||
    closedDetailsContent(element) ||
    isFootnoteMarker(element) ||
    (rendered && computed(element).display === 'none');

  const flush = (owner: Owner): void => {
    const text = textOf(owner.pieces);
    if (text !== '') {
      const element = owner.element;
      blocks.push({
        kind: kindOf(element.localName, owner.context.quoted),
        text,
        lang: owner.context.lang,
        // Provisional: decided when the owner is done (`finish`). The root's text is never whole.
        element: element === root ? null : (element as HTMLElement),
        pieces: owner.pieces,
      });
      if (owner.runs === 0) owner.firstRun = blocks.length - 1;
      owner.runs++;
    }
    owner.pieces = [];
  };

  const finish = (owner: Owner, firstBlock: number): void => {
    flush(owner);
    // The element is the block's only if the block is all of its text and it is not the root.
    const whole = owner.runs === 1 && !owner.nested;
    for (let i = firstBlock; i < blocks.length; i++) {
      const block = blocks[i]!;
      if (block.element === owner.element && !whole) blocks[i] = { ...block, element: null };
    }
  };

  const contextOf = (element: Element, parent: Context): Context => {
    const lang = element.getAttribute('lang') ?? parent.lang;
    const quoted = parent.quoted || element.localName === 'blockquote';
    const invisible = rendered
      ? hiddenVisibility(computed(element).visibility)
      : (inlineVisibility(element) ?? parent.invisible);
    return lang === parent.lang && quoted === parent.quoted && invisible === parent.invisible
      ? parent
      : { lang, quoted, invisible };
  };

  /** Reads the child nodes of `element` (the owner's element or an inline inside it). */
  function* readChildren(element: Element, owner: Owner, context: Context): Generator<Step> {
    let last: ChildNode | null = null;
    for (;;) {
      const node: ChildNode | null = last ? last.nextSibling : element.firstChild;
      // A page still loading: the parser may add to its last text, or more children (an
      // element it is still in is read as far as it has got, child by child).
      if ((node === null || node.nodeType === 3) && parsing() && !parsedPast(node ?? element)) {
        yield WAIT;
        continue;
      }
      if (!node) return;
      last = node;
      if (node.nodeType === 3) {
        if (!context.invisible) owner.pieces.push(node as Text);
        continue;
      }
      if (node.nodeType !== 1) continue;
      const child = node as Element;
      if (isSkipped(child)) {
        owner.pieces.push(null);
        continue;
      }
      const name = child.localName;
      if (name === 'br') {
        owner.pieces.push(null);
      } else if (INLINE.has(name) || (child.namespaceURI !== HTML && name !== 'math')) {
        yield* readChildren(child, owner, contextOf(child, context));
      } else {
        // A block boundary: the run so far is a block; the child's blocks come next.
        flush(owner);
        const before = blocks.length;
        yield* readOwner(child, contextOf(child, context));
        if (blocks.length > before) owner.nested = true;
      }
    }
  }

  function* readOwner(element: Element, context: Context): Generator<Step> {
    const owner: Owner = { element, context, pieces: [], runs: 0, firstRun: -1, nested: false };
    const first = blocks.length;
    open.push(owner);
    yield* readChildren(element, owner, context);
    finish(owner, first);
    open.pop();
    // A place to stop: every block of this element is final.
    yield;
  }

  /** How many blocks are final: those before the first run of an owner still being read. */
  const finalCount = (): number => {
    for (const owner of open)
      if (owner.element !== root && owner.firstRun >= 0) return owner.firstRun;
    return blocks.length;
  };

  const rootContext: Context = {
    lang: root.closest('[lang]')?.getAttribute('lang') ?? null,
    quoted: root.closest('blockquote') !== null,
    invisible: false,
  };
  return { blocks, finalCount, steps: readOwner(root, rootContext) };
}

const HTML = 'http://www.w3.org/1999/xhtml';

/**
 * Whether style sheets can be seen under `root`: it is in a live document and its children are
 * in the flat tree. (A custom element's light DOM read in connectedCallback, before its shadow
 * root has a slot, has no computed style at all: every property reads as ''.)
 */
export function stylesApply(root: Element): boolean {
  const view = root.ownerDocument.defaultView;
  if (!view || !root.isConnected) return false;
  const child = root.firstElementChild;
  return child === null || view.getComputedStyle(child).display !== '';
}

/** The spoken text of a block's pieces: white space collapsed the way a browser renders it. */
export function textOf(pieces: readonly Piece[]): string {
  if (pieces.length === 1 && pieces[0]) return normalizeText(pieces[0].data);
  let text = '';
  for (const piece of pieces) text += piece ? piece.data : ' ';
  return normalizeText(text);
}

/** A publisher's broken `skip` selector must not stop the player: it is ignored. */
function validSelector(root: Element, selector: string): string {
  if (selector.trim() === '') return '';
  try {
    root.matches(selector);
    return selector;
  } catch {
    return '';
  }
}

/** Hidden by its own inline style: read the same way in a rendered and in an inert document. */
function inlineHidden(element: Element): boolean {
  // Asking `style` makes a declaration object per element: most elements have no style attribute.
  if (!element.hasAttribute('style')) return false;
  const style = (element as HTMLElement).style as CSSStyleDeclaration | undefined;
  return style !== undefined && style.display === 'none';
}

/** `visibility` set on the element: true (hidden), false (visible again), or null (inherited). */
function inlineVisibility(element: Element): boolean | null {
  if (!element.hasAttribute('style')) return null;
  const value = ((element as HTMLElement).style as CSSStyleDeclaration | undefined)?.visibility;
  if (hiddenVisibility(value)) return true;
  if (value === 'visible') return false;
  return null;
}

function hiddenVisibility(value: string | undefined): boolean {
  return value === 'hidden' || value === 'collapse';
}

/** The content of a closed `<details>` is not shown, only its summary. */
function closedDetailsContent(element: Element): boolean {
  const parent = element.parentElement;
  return (
    parent !== null &&
    parent.localName === 'details' &&
    !parent.hasAttribute('open') &&
    element.localName !== 'summary'
  );
}

/**
 * A footnote marker (`<sup><a href="#cite_note-12">[12]</a></sup>`, `role="doc-noteref"`): a
 * reference, not words of the sentence. The note it points to is read where it stands.
 */
export function isFootnoteMarker(element: Element): boolean {
  if (element.getAttribute('role') === 'doc-noteref') return true;
  if (element.localName !== 'sup') return false;
  const link = element.firstElementChild;
  return (
    link !== null &&
    link === element.lastElementChild &&
    link.localName === 'a' &&
    (link.getAttribute('href') ?? '').includes('#') &&
    element.textContent.trim() === link.textContent.trim() &&
    /^\[?[\p{L}\p{N}*†‡§]{1,4}\]?$/u.test(link.textContent.trim())
  );
}

function kindOf(name: string, quoted: boolean): ReadingKind {
  if (name.length === 2 && name[0] === 'h' && name[1]! >= '1' && name[1]! <= '6') return 'heading';
  if (name === 'li' || name === 'dt' || name === 'dd') return 'list-item';
  if (quoted) return 'quote';
  return 'paragraph';
}

/** The DOM range from a block's first text to its last, or null when it has none. */
export function rangeOf(block: Pick<ReadingBlock, 'pieces'>): Range | null {
  let first: Text | null = null;
  let last: Text | null = null;
  for (const piece of block.pieces) {
    if (!piece) continue;
    first ??= piece;
    last = piece;
  }
  if (!first || !last) return null;
  const range = first.ownerDocument.createRange();
  range.setStart(first, 0);
  range.setEnd(last, last.length);
  return range;
}

/** Whether the point (x, y) is over the drawn text of the block. */
export function isOverBlock(block: Pick<ReadingBlock, 'pieces'>, x: number, y: number): boolean {
  const range = rangeOf(block);
  if (!range) return false;
  return [...range.getClientRects()].some(
    (rect) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom,
  );
}

/**
 * The index of the block a tap on `target` at (x, y) means, or -1: the block whose element holds
 * the target, else a loose block under the target that is drawn at the point.
 */
export function blockIndexAt(
  blocks: readonly ReadingBlock[],
  root: Element,
  target: Element,
  x: number,
  y: number,
): number {
  for (let element: Element | null = target; element && element !== root;) {
    const index = blocks.findIndex((block) => block.element === element);
    if (index >= 0) return index;
    element = element.parentElement;
  }
  return blocks.findIndex(
    (block) =>
      block.element === null &&
      block.pieces.some((piece) => piece !== null && target.contains(piece)) &&
      isOverBlock(block, x, y),
  );
}
