/**
 * A tap on a word reads from that word (the element alone reads from the paragraph's start).
 * A tap beside a short line or in a margin still means the paragraph.
 */
import { caretAt } from '../caret.js';
import type { PlayerFeature } from '../feature.js';
import { wordStartAt } from '../sentence-navigation.js';

export const tapToWord: PlayerFeature = {
  name: 'tap-to-word',
  attach({ playback, readAlong, blockElement }) {
    return {
      tapOffset(block, event) {
        // A keyboard "click" has no point.
        if (event.detail === 0) return undefined;
        const caret = caretAt(document, event.clientX, event.clientY);
        const element = blockElement(block);
        if (!caret || !element || !isOverText(element, event.clientX, event.clientY)) {
          return undefined;
        }
        const offset = readAlong.offsetIn(block, caret.node, caret.offset);
        return offset > 0 ? wordStartAt(playback, { block, offset }) : undefined;
      },
    };
  },
};

function isOverText(element: HTMLElement, x: number, y: number): boolean {
  const range = document.createRange();
  range.selectNodeContents(element);
  return [...range.getClientRects()].some(
    (rect) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom,
  );
}
