import { describe, expect, it } from 'vitest';
import { articleParts, PART_BLOCKS, partStyle } from '../../src/core/article-parts.js';

describe('articleParts', () => {
  it.each([
    ['no block', [], []],
    ['a short article', Array<number>(10).fill(5), []],
    ['exactly one part of blocks', Array<number>(PART_BLOCKS).fill(5), []],
    [
      'one block more than a part',
      Array<number>(PART_BLOCKS + 1).fill(5),
      [
        { start: 0, end: 100, characters: 500 },
        { start: 100, end: 101, characters: 5 },
      ],
    ],
    [
      'two and a half parts',
      Array.from({ length: 250 }, (_, i) => i),
      [
        { start: 0, end: 100, characters: 4950 },
        { start: 100, end: 200, characters: 14950 },
        { start: 200, end: 250, characters: 11225 },
      ],
    ],
  ])('%s', (_name, lengths, parts) => {
    expect(articleParts(lengths)).toEqual(parts);
  });

  it('covers every block once, in order, at any length', () => {
    for (const count of [101, 199, 200, 201, 10_000]) {
      const parts = articleParts(Array<number>(count).fill(1));
      expect(parts[0]?.start).toBe(0);
      expect(parts.at(-1)?.end).toBe(count);
      for (const [i, part] of parts.entries()) {
        expect(part.end - part.start).toBeLessThanOrEqual(PART_BLOCKS);
        expect(part.end).toBeGreaterThan(part.start);
        if (i > 0) expect(part.start).toBe(parts[i - 1]?.end);
      }
    }
  });
});

describe('partStyle', () => {
  it("gives the part's characters and blocks", () => {
    expect(partStyle({ start: 200, end: 250, characters: 11225 })).toBe(
      '--part-chars: 11225; --part-blocks: 50',
    );
  });
});
