// Property (issue 14): for random nested markup — blocks inside blocks, loose text between
// blocks, inline elements, hidden parts — every visible word is in exactly one block, and the
// blocks read the visible words in document order; each block's text nodes map back to its text.
// In a live document (style sheets apply) and in a detached tree (inline styles only).
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { readingBlocks } from '../../src/element/reading-model.js';
import { textMap } from '../../src/element/text-map.js';

type Tree =
  | { type: 'text'; words: number; space: string }
  | { type: 'br' }
  | { type: 'inline'; tag: string; children: Tree[] }
  | { type: 'block'; tag: string; children: Tree[] }
  | { type: 'hidden'; how: string; children: Tree[] };

const BLOCK_TAGS = [
  'p',
  'div',
  'section',
  'header',
  'blockquote',
  'h2',
  'li',
  'td',
  'pre',
  'summary',
];
const INLINE_TAGS = ['span', 'em', 'a', 'b', 'code', 'x-term'];
const HIDDEN = ['hidden', 'aria-hidden', 'display', 'visibility', 'data-skip', 'nav', 'figcaption'];

const { tree } = fc.letrec<{ tree: Tree; forest: Tree[] }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({
      type: fc.constant('text' as const),
      words: fc.integer({ min: 0, max: 4 }),
      space: fc.constantFrom(' ', '\n  ', '\t', '\u00a0', ''),
    }),
    fc.constant({ type: 'br' as const }),
    fc.record({
      type: fc.constant('inline' as const),
      tag: fc.constantFrom(...INLINE_TAGS),
      children: tie('forest'),
    }),
    fc.record({
      type: fc.constant('block' as const),
      tag: fc.constantFrom(...BLOCK_TAGS),
      children: tie('forest'),
    }),
    fc.record({
      type: fc.constant('hidden' as const),
      how: fc.constantFrom(...HIDDEN),
      children: tie('forest'),
    }),
  ),
  forest: fc.array(tie('tree'), { maxLength: 4 }),
}));

/** Builds the DOM of `trees` under `parent`; returns the visible words in document order. */
function build(
  trees: readonly Tree[],
  parent: Element,
  counter: { next: number },
  visible: boolean,
): string[] {
  const words: string[] = [];
  for (const node of trees) {
    switch (node.type) {
      case 'text': {
        const own = Array.from({ length: node.words }, () => `w${String(counter.next++)}`);
        // Words never run into the text around them: a space on each side.
        parent.append(document.createTextNode(` ${own.join(node.space || ' ')} `));
        if (visible) words.push(...own);
        break;
      }
      case 'br':
        parent.append(document.createElement('br'));
        break;
      case 'inline':
      case 'block': {
        const element = document.createElement(node.tag);
        parent.append(element);
        words.push(...build(node.children, element, counter, visible));
        break;
      }
      case 'hidden': {
        const tag = node.how === 'nav' || node.how === 'figcaption' ? node.how : 'div';
        const element = document.createElement(tag);
        if (node.how === 'hidden') element.hidden = true;
        if (node.how === 'aria-hidden') element.setAttribute('aria-hidden', 'true');
        if (node.how === 'data-skip') element.setAttribute('data-skip', '');
        if (node.how === 'display') element.style.display = 'none';
        if (node.how === 'visibility') element.style.visibility = 'hidden';
        parent.append(element);
        build(node.children, element, counter, false);
        break;
      }
    }
  }
  return words;
}

function check(trees: Tree[], connected: boolean): void {
  const root = document.createElement('div');
  const expected = build(trees, root, { next: 0 }, true);
  if (connected) document.body.append(root);
  try {
    const blocks = readingBlocks(root);
    const read = blocks.flatMap((block) => block.text.split(' ').filter((word) => word !== ''));
    expect(read).to.deep.equal(expected);
    for (const block of blocks) {
      expect(block.text).to.not.equal('');
      expect(textMap(block.pieces).text).to.equal(block.text);
      if (block.element) expect(root.contains(block.element)).to.equal(true);
    }
  } finally {
    root.remove();
  }
}

describe('the reading model (property)', () => {
  for (const connected of [true, false]) {
    it(`reads every visible word once, in document order (${connected ? 'in the page' : 'detached'})`, () => {
      fc.assert(
        fc.property(fc.array(tree, { maxLength: 5 }), (trees) => check(trees, connected)),
        { numRuns: 300 },
      );
    });
  }
});
