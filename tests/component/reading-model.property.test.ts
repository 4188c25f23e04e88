// Property (issue 14): for random nested markup — blocks inside blocks, loose text between
// blocks, inline elements, hidden parts — every visible word is in exactly one block, and the
// blocks read the visible words in document order; each block's text nodes map back to its text.
// In a live document (style sheets apply) and in a detached tree (inline styles only).
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { readingBlocks, readingScan, type ReadingBlock } from '../../src/element/reading-model.js';
import { loadCorpus } from '../fixtures/corpus/corpus.js';
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

/**
 * The blocks of `root` read a slice at a time, `steps` elements per slice, with a check that a
 * block once returned is never changed by the slices after it.
 */
function readSliced(root: Element, steps: number): ReadingBlock[] {
  const scan = readingScan(root);
  const blocks: ReadingBlock[] = [];
  const frozen: string[] = [];
  while (!scan.done) {
    let step = 0;
    for (const block of scan.read(() => ++step >= steps)) {
      blocks.push(block);
      frozen.push(JSON.stringify([block.kind, block.text, block.lang, block.element?.outerHTML]));
    }
  }
  expect(scan.read()).to.deep.equal([]);
  const now = blocks.map((b) => JSON.stringify([b.kind, b.text, b.lang, b.element?.outerHTML]));
  expect(now).to.deep.equal(frozen);
  return blocks;
}

/** The same blocks: kind, text, language, and the very same element and text nodes. */
function expectSameBlocks(
  actual: readonly ReadingBlock[],
  expected: readonly ReadingBlock[],
): void {
  expect(actual.map((block) => [block.kind, block.text, block.lang])).to.deep.equal(
    expected.map((block) => [block.kind, block.text, block.lang]),
  );
  actual.forEach((block, index) => {
    const other = expected[index]!;
    expect(block.element === other.element, `element of block ${String(index)}`).to.equal(true);
    expect(block.pieces.length).to.equal(other.pieces.length);
    expect(block.pieces.every((piece, i) => piece === other.pieces[i])).to.equal(true);
  });
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
    // Read a slice at a time, whatever the slices: the same blocks.
    for (const steps of [1, 2, 3, 5]) expectSameBlocks(readSliced(root, steps), blocks);
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

/**
 * Copies `source`'s children into `target` the way the HTML parser adds them: in document order,
 * each node when its start tag is read, a text node in two halves. Calls `between` after each
 * addition.
 */
function stream(source: Node, target: Node, between: () => void): void {
  for (let node = source.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      const half = Math.ceil(data.length / 2);
      const copy = document.createTextNode(data.slice(0, half));
      target.appendChild(copy);
      between();
      copy.appendData(data.slice(half));
    } else {
      const copy = node.cloneNode(false);
      target.appendChild(copy);
      between();
      stream(node, copy, between);
    }
    between();
  }
}

describe('the reading model, while the page is still arriving', () => {
  it('reads nothing the parser may still add to, and in the end the same blocks as in one go', () => {
    fc.assert(
      fc.property(
        fc.array(tree, { maxLength: 5 }),
        fc.integer({ min: 1, max: 4 }),
        (trees, steps) => {
          const whole = document.createElement('div');
          build(trees, whole, { next: 0 }, true);
          const root = document.createElement('div');
          let parsing = true;
          const scan = readingScan(root, { parsing: () => parsing });
          const blocks: ReadingBlock[] = [];
          const frozen: string[] = [];
          const read = () => {
            let step = 0;
            for (const block of scan.read(() => ++step >= steps)) {
              blocks.push(block);
              // A block read while the parser is at work is whole: its text does not change.
              frozen.push(block.text);
            }
          };
          stream(whole, root, read);
          expect(scan.done).to.equal(false);
          parsing = false;
          while (!scan.done) read();
          expectSameBlocks(blocks, readingBlocks(root));
          expect(blocks.map((block) => textMap(block.pieces).text)).to.deep.equal(frozen);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('waits for the parser at its last text, and goes on once it has moved past', () => {
    const root = document.createElement('div');
    root.innerHTML = '<h1>Title</h1><p>One two';
    let parsing = true;
    const scan = readingScan(root, { parsing: () => parsing });
    expect(scan.read().map((block) => block.text)).to.deep.equal(['Title']);
    expect(scan.waiting).to.equal(true);
    (root.querySelector('p')!.firstChild as Text).appendData(' three.');
    expect(scan.read()).to.deep.equal([]);
    root.append(document.createElement('p'));
    root.lastElementChild!.textContent = 'Four.';
    expect(scan.read().map((block) => block.text)).to.deep.equal(['One two three.']);
    parsing = false;
    expect(scan.read().map((block) => block.text)).to.deep.equal(['Four.']);
    expect(scan.done).to.equal(true);
    expect(scan.waiting).to.equal(false);
  });
});

describe('the reading model, a slice at a time', () => {
  it('reads the same blocks as in one go, for every slice size, on every corpus page (with its style sheets)', async () => {
    const pages = await loadCorpus();
    expect(pages.length).to.be.greaterThan(0);
    for (const page of pages) {
      const doc = new DOMParser().parseFromString(page.html, 'text/html');
      const article = doc.querySelector(page.article)!;
      const styles = [...doc.querySelectorAll('head style')].map((style) => {
        const copy = document.createElement('style');
        copy.textContent = style.textContent;
        return document.head.appendChild(copy);
      });
      const root = document.createElement('div');
      root.append(document.importNode(article, true));
      document.body.append(root);
      try {
        const whole = readingBlocks(root);
        expect(whole.length, page.name).to.be.greaterThan(0);
        for (const steps of [1, 2, 7, 50, Number.POSITIVE_INFINITY]) {
          expectSameBlocks(readSliced(root, steps), whole);
        }
      } finally {
        root.remove();
        for (const style of styles) style.remove();
      }
    }
  });

  it('stops when asked, between elements, and goes on where it stopped', () => {
    const root = document.createElement('div');
    root.innerHTML =
      '<h1>Title</h1><p>One <em>two</em>.</p><div>Loose <p>Inner.</p> after.</div><p>End.</p>';
    document.body.append(root);
    try {
      const scan = readingScan(root);
      expect(scan.read(() => true).map((block) => block.text)).to.deep.equal(['Title']);
      expect(scan.done).to.equal(false);
      // The loose text before the nested paragraph is final only once its element is read.
      const texts: string[] = [];
      while (!scan.done) texts.push(...scan.read(() => true).map((block) => block.text));
      expect(texts).to.deep.equal(['One two.', 'Loose', 'Inner.', 'after.', 'End.']);
    } finally {
      root.remove();
    }
  });
});
