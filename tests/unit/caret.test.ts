import { describe, expect, it } from 'vitest';
import { caretAt } from '../../src/element/caret.js';

const text = { nodeType: 3 } as unknown as Node;

/** A document with only the caret APIs a browser has. */
function documentWith(apis: {
  caretPositionFromPoint?: (x: number, y: number) => unknown;
  caretRangeFromPoint?: (x: number, y: number) => unknown;
}): Document {
  return apis as unknown as Document;
}

describe('caretAt', () => {
  it.each([
    [
      'caretPositionFromPoint (Firefox, Chromium)',
      documentWith({ caretPositionFromPoint: () => ({ offsetNode: text, offset: 7 }) }),
    ],
    [
      'caretRangeFromPoint only (WebKit)',
      documentWith({ caretRangeFromPoint: () => ({ startContainer: text, startOffset: 7 }) }),
    ],
    [
      'both, the standard one first',
      documentWith({
        caretPositionFromPoint: () => ({ offsetNode: text, offset: 7 }),
        caretRangeFromPoint: () => ({ startContainer: text, startOffset: 99 }),
      }),
    ],
  ])('finds the text position with %s', (_name, document) => {
    expect(caretAt(document, 10, 20)).toEqual({ node: text, offset: 7 });
  });

  it.each([
    ['neither API', documentWith({})],
    ['no position at the point', documentWith({ caretPositionFromPoint: () => null })],
    ['no range at the point', documentWith({ caretRangeFromPoint: () => null })],
  ])('gives null with %s', (_name, document) => {
    expect(caretAt(document, 10, 20)).toBeNull();
  });
});
