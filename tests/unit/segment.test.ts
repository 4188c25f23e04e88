import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkRanges, rangeAt, sentenceRanges, wordRanges } from '../../src/core/segment.js';

const slices = (text: string, ranges: { start: number; end: number }[]) =>
  ranges.map((range) => text.slice(range.start, range.end));

describe('sentenceRanges', () => {
  it.each([
    ['en', 'Hello world. This is a test.', ['Hello world. ', 'This is a test.']],
    [
      'en',
      'Mr Putin urged calm. Both sides agreed!',
      ['Mr Putin urged calm. ', 'Both sides agreed!'],
    ],
    ['ja', '今日は晴れです。明日は雨です。', ['今日は晴れです。', '明日は雨です。']],
    ['zh', '你好。世界！', ['你好。', '世界！']],
    ['ar', 'مرحبا بالعالم. كيف حالك؟', ['مرحبا بالعالم. ', 'كيف حالك؟']],
    ['he', 'שלום עולם. מה שלומך?', ['שלום עולם. ', 'מה שלומך?']],
    ['th', 'สวัสดีครับ', ['สวัสดีครับ']],
    ['en', 'no punctuation at all', ['no punctuation at all']],
  ])('splits %s text %j into sentences', (lang, text, expected) => {
    expect(slices(text, sentenceRanges(text, lang))).toEqual(expected);
  });
});

describe('wordRanges', () => {
  it.each([
    ['en', 'Hello, world!', ['Hello', 'world']],
    ['ja', '今日は晴れです', ['今日', 'は', '晴れ', 'です']],
    ['th', 'สวัสดีครับ', ['สวัสดี', 'ครับ']],
  ])('finds the words of %s text %j', (lang, text, expected) => {
    expect(slices(text, wordRanges(text, lang))).toEqual(expected);
  });
});

describe('chunkRanges', () => {
  it('makes one chunk per sentence', () => {
    const text = 'One. Two. Three.';
    expect(slices(text, chunkRanges(text, 'en'))).toEqual(['One. ', 'Two. ', 'Three.']);
  });

  it('splits a long sentence at the last word boundary under the bound', () => {
    const text = 'aaaa bbbb cccc dddd eeee';
    expect(slices(text, chunkRanges(text, 'en', 10))).toEqual(['aaaa bbbb ', 'cccc dddd ', 'eeee']);
  });

  it('splits a single word longer than the bound between graphemes', () => {
    const text = '👍🏽'.repeat(20);
    const chunks = slices(text, chunkRanges(text, 'en', 12));
    expect(chunks.join('')).toBe(text);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(12);
  });

  it('falls back to the root locale for an invalid language tag', () => {
    expect(slices('A. B.', chunkRanges('A. B.', 'not a tag!'))).toEqual(['A. ', 'B.']);
  });
});

describe('rangeAt', () => {
  const ranges = [
    { start: 0, end: 5 },
    { start: 5, end: 9 },
    { start: 9, end: 12 },
  ];
  it.each([
    [0, 0],
    [4, 0],
    [5, 1],
    [11, 2],
  ])('finds offset %i in range %i', (offset, index) => {
    expect(rangeAt(ranges, offset)).toBe(ranges[index]);
  });
  it('finds nothing past the end', () => {
    expect(rangeAt(ranges, 12)).toBeUndefined();
  });
});

/** Text in many scripts, with and without punctuation, up to huge paragraphs. */
const fragments = fc.constantFrom(
  'Hello world. ',
  'Привет, мир! ',
  '今日は晴れです。',
  '你好世界',
  'مرحبا بالعالم. ',
  'שלום עולם? ',
  'สวัสดีครับ',
  '👩‍👩‍👧‍👦🎉 ',
  'e\u0301',
  'word ',
  'x',
  '   ',
  '\n',
  // White space beyond ASCII, on both sides of the ranges chunkRanges checks without a search.
  '\u3000',
  '\u00a0\u00a0',
  '\ufeff',
  '\u2028',
  '\u202f\u205f\u1680',
  '\u3001',
  '...',
  'Dr. Smith went to Washington D.C. yesterday. ',
);
const texts = fc.oneof(
  fc.array(fragments, { maxLength: 60 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fragments, { minLength: 500, maxLength: 1500 }).map((parts) => parts.join('')),
);
const langs = fc.constantFrom('en', 'ru', 'ja', 'zh', 'ar', 'he', 'th', 'und');

describe('chunkRanges (property)', () => {
  it('covers every character exactly once, in order', () => {
    fc.assert(
      fc.property(texts, langs, fc.integer({ min: 8, max: 300 }), (text, lang, max) => {
        const chunks = chunkRanges(text, lang, max);
        let expectedStart = 0;
        for (const chunk of chunks) {
          expect(chunk.start).toBe(expectedStart);
          expect(chunk.end).toBeGreaterThan(chunk.start);
          expectedStart = chunk.end;
        }
        expect(expectedStart).toBe(text.length);
        expect(slices(text, chunks).join('')).toBe(text);
        // Only the first chunk of a blank text may be blank.
        if (text.trim() !== '') {
          for (const chunk of slices(text, chunks)) expect(chunk.trim()).not.toBe('');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a short text with no sentence terminal is one sentence, as Intl.Segmenter says (the fast path)', () => {
    const breaks = /[\p{Sentence_Terminal}\r\n\u0085\u2028\u2029]/u;
    fc.assert(
      fc.property(texts, langs, (text, lang) => {
        fc.pre(text.length > 0 && text.length <= 200 && !breaks.test(text));
        const segments = [...new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text)];
        expect(segments.map((segment) => segment.segment)).toEqual([text]);
        expect(chunkRanges(text, lang)).toEqual([{ start: 0, end: text.length }]);
      }),
      { numRuns: 300 },
    );
    // Every character of the Basic Multilingual Plane, between two words.
    const sentence = new Intl.Segmenter('en', { granularity: 'sentence' });
    const joined: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code < 0xe000) continue;
      const text = `Abc def${String.fromCharCode(code)} ghi`;
      if (!breaks.test(text) && [...sentence.segment(text)].length !== 1) joined.push(text);
    }
    expect(joined).toEqual([]);
  });

  it('keeps each chunk within the bound, apart from the white space merged into it', () => {
    const paragraphs = fc.array(fragments, { maxLength: 400 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(paragraphs, langs, fc.integer({ min: 24, max: 300 }), (text, lang, max) => {
        for (const chunk of slices(text, chunkRanges(text, lang, max))) {
          expect(chunk.trim().length).toBeLessThanOrEqual(max);
        }
      }),
      { numRuns: 200 },
    );
  });
});
