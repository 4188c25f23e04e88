/**
 * Maps offsets in a block's spoken text (white space collapsed, as the reading model makes it)
 * back to the DOM text nodes it came from, so that a word can be highlighted with a Range without
 * touching the markup, and a tap in the text can be turned into an offset.
 */
import type { Piece } from './reading-model.js';

export interface TextMap {
  readonly text: string;
  /** The DOM range of the spoken text [start, end), or null when it has no text node. */
  range(start: number, end: number): Range | null;
  /** The spoken-text offset of a DOM point inside the block, or -1. */
  offsetOf(node: Node, offset: number): number;
}

/** The map of a block read from `pieces` (its text nodes, and null for a break). */
export function textMap(pieces: readonly Piece[]): TextMap {
  const nodes: (Text | null)[] = [];
  const offsets: number[] = [];
  let text = '';
  let pendingSpace = false;
  for (const piece of pieces) {
    if (!piece) {
      if (text.length > 0) pendingSpace = true;
      continue;
    }
    const value = piece.data;
    for (let i = 0; i < value.length; i++) {
      if (/\s/.test(value[i]!)) {
        if (text.length > 0) pendingSpace = true;
        continue;
      }
      if (pendingSpace) {
        text += ' ';
        nodes.push(null);
        offsets.push(0);
        pendingSpace = false;
      }
      text += value.charAt(i);
      nodes.push(piece);
      offsets.push(i);
    }
  }

  return {
    text,
    range(start, end) {
      const first = findNode(start, end, 1);
      const last = findNode(end - 1, start - 1, -1);
      if (first < 0 || last < 0 || last < first) return null;
      const range = document.createRange();
      range.setStart(nodes[first]!, offsets[first]!);
      range.setEnd(nodes[last]!, offsets[last]! + 1);
      return range;
    },
    offsetOf(node, offset) {
      for (let i = 0; i < nodes.length; i++) {
        if (nodes[i] === node && offsets[i]! >= offset) return i;
      }
      // After the node's last character: the offset just past it.
      const last = nodes.lastIndexOf(node as Text);
      return last < 0 ? -1 : last + 1;
    },
  };

  /** The first index from `from` towards `until` (exclusive) that has a text node. */
  function findNode(from: number, until: number, step: 1 | -1): number {
    for (let i = from; step > 0 ? i < until : i > until; i += step) {
      if (nodes[i]) return i;
    }
    return -1;
  }
}
