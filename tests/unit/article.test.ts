import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/core/article.js';

describe('normalizeText', () => {
  it.each([
    ['Already normal.', 'Already normal.'],
    ['  Leading and trailing  ', 'Leading and trailing'],
    ['Two  spaces', 'Two spaces'],
    ['Line\nbreak and\ttab', 'Line break and tab'],
    ['\n    Indented\n    markup\n', 'Indented markup'],
    ['Non\u00a0breaking\u202fspaces', 'Non breaking spaces'],
    ['Ideographic\u3000space', 'Ideographic space'],
    ['Line\u2028separator', 'Line separator'],
    ['日本語の文。', '日本語の文。'],
    ['', ''],
    [' \n\t ', ''],
  ])('normalizes %j to %j', (text, expected) => {
    expect(normalizeText(text)).toBe(expected);
  });
});
