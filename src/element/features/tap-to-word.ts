/**
 * A tap on a word reads from that word (the element alone reads from the paragraph's start).
 * A tap beside a short line or in a margin still means the paragraph.
 */
import { caretAt } from '../caret.js';
import type { PlayerFeature } from '../feature.js';
import { isOverBlock } from '../reading-model.js';
import { wordStartAt } from '../sentence-navigation.js';

export const tapToWord: PlayerFeature = {
  name: 'tap-to-word',
  attach({ playback, readAlong, blockSource }) {
    return {
      tapOffset(block, event) {
        // A keyboard "click" has no point.
        if (event.detail === 0) return undefined;
        const caret = caretAt(document, event.clientX, event.clientY);
        const source = blockSource(block);
        // A tap beside a short line or in a margin means the block, not its nearest word.
        if (!caret || !source || !isOverBlock(source, event.clientX, event.clientY)) {
          return undefined;
        }
        const offset = readAlong.offsetIn(block, caret.node, caret.offset);
        return offset > 0 ? wordStartAt(playback, { block, offset }) : undefined;
      },
    };
  },
};
