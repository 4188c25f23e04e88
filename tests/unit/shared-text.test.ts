import { describe, expect, it } from 'vitest';
import {
  checkBlocks,
  checkRawInput,
  countUnreadable,
  deriveTitle,
  isSavedText,
  listeningMinutes,
  looksLikeHtml,
  makeSavedText,
  MAX_CHARACTERS,
  MAX_HTML_CHARACTERS,
  plainTextToBlocks,
  textToParagraphs,
  titleBeginsText,
  truncate,
  type TextBlock,
} from '../../src/app/text.js';

describe('textToParagraphs', () => {
  it.each([
    ['one line', 'Hello world.', ['Hello world.']],
    ['blank lines separate paragraphs', 'One.\n\nTwo.\n\n\nThree.', ['One.', 'Two.', 'Three.']],
    [
      'a single break inside a paragraph is a space',
      'Hard\nwrapped line.\n\nNext one.',
      ['Hard wrapped line.', 'Next one.'],
    ],
    [
      'without blank lines every line is a paragraph',
      'Line one.\nLine two.\nLine three.',
      ['Line one.', 'Line two.', 'Line three.'],
    ],
    ['CRLF and CR line ends', 'A.\r\n\r\nB.\rC.', ['A.', 'B. C.']],
    ['paragraph separator U+2029', 'A.\u2029B.', ['A.', 'B.']],
    ['blank lines holding spaces', 'A.\n   \t\nB.', ['A.', 'B.']],
    ['runs of spaces and tabs collapse', '  lots   of\t\tspace  ', ['lots of space']],
    ['no-break spaces collapse too', 'a\u00A0\u00A0b', ['a b']],
    ['empty input', '', []],
    ['only white space', ' \n\n \t ', []],
    ['control characters are dropped, words kept apart', 'bad\u0000byte\u0007s', ['bad byte s']],
    ['a byte-order mark is dropped', '\uFEFFStart.', ['Start.']],
    ['CJK without spaces', '你好。\n\n世界。', ['你好。', '世界。']],
    ['right-to-left text', 'שלום עולם.\n\nمرحبا بالعالم.', ['שלום עולם.', 'مرحبا بالعالم.']],
  ])('%s', (_name, input, expected) => {
    expect(textToParagraphs(input)).toEqual(expected);
  });
});

describe('checkRawInput', () => {
  it.each([
    ['empty', '', null, 'empty'],
    ['white space only', ' \n\t ', null, 'empty'],
    ['no text but a shared link', '', 'https://example.org/a', 'url-only'],
    ['the text is only a link', '  https://example.org/page?x=1  ', null, 'url-only'],
    [
      'binary junk',
      '\u0000\u0001\u0002PNG\uFFFD\uFFFD\u0003\u0004\u0005IHDR\u0006\u0007',
      null,
      'binary',
    ],
    ['decoder replacement characters', 'ab\uFFFD\uFFFD\uFFFD\uFFFDcd', null, 'binary'],
    ['lone surrogates', 'text \uD800\uD800\uDC00x\uDFFF', null, 'binary'],
  ])('rejects %s', (_name, text, url, code) => {
    const result = checkRawInput(text, url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe(code);
  });

  it('rejects gigantic text (10 MB) before looking at it, with its size and the limit', () => {
    // Binary at the end: had the text been looked at, it would be refused as binary.
    const text = `${'word '.repeat(2_000_000)}\u0000`;
    expect(checkRawInput(text)).toEqual({
      ok: false,
      problem: { code: 'too-long', characters: 10_000_001, limit: MAX_CHARACTERS },
    });
  });

  it('gives HTML source its own, larger limit: the article is checked after Readability', () => {
    const page = `<html><body><p>${'word '.repeat(400_000)}</p></body></html>`;
    expect(page.length).toBeGreaterThan(MAX_CHARACTERS);
    expect(checkRawInput(page, null, true).ok).toBe(true);
    const huge = `<p>${'x'.repeat(MAX_HTML_CHARACTERS)}</p>`;
    expect(checkRawInput(huge, null, true)).toEqual({
      ok: false,
      problem: { code: 'html-too-long', characters: huge.length, limit: MAX_HTML_CHARACTERS },
    });
  });

  it.each([
    ['plain text', 'Hello there.'],
    ['text with a link in it', 'Read this: https://example.org'],
    [
      'a few stray control characters in a long text',
      `${'Readable words. '.repeat(20)}\u0000\u0001`,
    ],
    ['exactly the limit', 'a'.repeat(MAX_CHARACTERS)],
    ['emoji (surrogate pairs)', 'I like 🎧 and 📚.'],
  ])('accepts %s', (_name, text) => {
    expect(checkRawInput(text).ok).toBe(true);
  });

  it('returns the text cleaned of unreadable characters', () => {
    expect(checkRawInput(`${'word '.repeat(40)}\u0000end`)).toEqual({
      ok: true,
      value: `${'word '.repeat(40)} end`,
    });
  });
});

describe('countUnreadable', () => {
  it.each([
    ['', 0],
    ['plain', 0],
    ['tab\tnewline\ncr\r', 0],
    ['\u0000\u001F\u007F\u0085', 4],
    ['\uFFFD', 1],
    ['🎧', 0],
    ['\uD83C', 1],
    ['\uDFA7', 1],
  ])('%j has %i', (text, count) => {
    expect(countUnreadable(text)).toBe(count);
  });
});

describe('checkBlocks and plainTextToBlocks', () => {
  it.each([
    ['punctuation only', '!!! ... ???', 'no-words'],
    ['emoji only', '🎧🎧🎧', 'no-words'],
    ['empty', '', 'empty'],
  ])('rejects %s', (_name, text, code) => {
    const result = plainTextToBlocks(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe(code);
  });

  it('turns text into paragraph blocks', () => {
    expect(plainTextToBlocks('First.\n\nSecond one.')).toEqual({
      ok: true,
      value: [
        { kind: 'paragraph', text: 'First.' },
        { kind: 'paragraph', text: 'Second one.' },
      ],
    });
  });

  it('keeps block kinds, drops empty blocks and collapses space', () => {
    const blocks: TextBlock[] = [
      { kind: 'heading', text: '  Title ' },
      { kind: 'paragraph', text: '   ' },
      { kind: 'list-item', text: 'one\n item' },
      { kind: 'quote', text: 'said' },
    ];
    expect(checkBlocks(blocks)).toEqual({
      ok: true,
      value: [
        { kind: 'heading', text: 'Title' },
        { kind: 'list-item', text: 'one item' },
        { kind: 'quote', text: 'said' },
      ],
    });
  });

  it('rejects blocks that add up to more than the limit', () => {
    const half = 'a'.repeat(MAX_CHARACTERS / 2 + 1);
    const result = checkBlocks([
      { kind: 'paragraph', text: half },
      { kind: 'paragraph', text: half },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe('too-long');
  });
});

describe('looksLikeHtml', () => {
  it.each([
    ['<!doctype html><html><body><p>x</p></body></html>', true],
    ['  <p>Hello</p>', true],
    ['<div class="a">text</div>', true],
    ['<article><h1>T</h1></article>', true],
    ['<script>alert(1)</script>', true],
    ['Use the <p> element for paragraphs.', false],
    ['a < b and c > d', false],
    ['<3 love it', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeHtml(text)).toBe(expected);
  });
});

describe('titles', () => {
  const blocks: TextBlock[] = [
    {
      kind: 'paragraph',
      text: 'The first paragraph of a shared text, which goes on for quite a while longer than a title should.',
    },
  ];

  it.each([
    ['the given title', 'My note', 'My note'],
    ['the given title, collapsed', '  My \n note ', 'My note'],
    [
      'the first paragraph, cut at a word, when no title is given',
      '',
      'The first paragraph of a shared text, which goes on for quite a while longer…',
    ],
    [
      'the first paragraph when the title has no words',
      '!!!',
      'The first paragraph of a shared text, which goes on for quite a while longer…',
    ],
  ])('uses %s', (_name, title, expected) => {
    const derived = deriveTitle(title, blocks, 'Untitled');
    expect(derived).toBe(expected);
    expect(derived.length).toBeLessThanOrEqual(80);
  });

  it('falls back when there is nothing', () => {
    expect(deriveTitle(null, [], 'Untitled')).toBe('Untitled');
  });

  const paragraph = (text: string): TextBlock[] => [{ kind: 'paragraph', text }];
  it.each([
    ['a title made from the first paragraph, cut', '', blocks[0]!.text, true],
    ['a title made from a whole short first paragraph', '', 'Chapter One', true],
    ['a title made from a long word, cut inside it', '', 'a'.repeat(120), true],
    ['a given title the text begins with', 'Chapter One', 'Chapter One: the storm.', true],
    ['a given title, spaced otherwise', ' Chapter \n One ', 'Chapter  One', true],
    ['a given title of other words', 'My note', 'Chapter One', false],
    ['a given title that is part of the first word', 'The', 'Therapy works.', false],
    ['a given title found later in the text', 'One', 'Chapter One', false],
  ])('tells %s: the text begins with it %s', (_name, given, first, expected) => {
    const title = deriveTitle(given, paragraph(first), 'Untitled');
    expect(titleBeginsText(title, paragraph(first))).toBe(expected);
  });

  it('tells that an untitled empty text does not begin with "Untitled"', () => {
    expect(titleBeginsText(deriveTitle(null, [], 'Untitled'), [])).toBe(false);
  });

  it.each([
    ['short', 10, 'short'],
    ['one two three four', 12, 'one two…'],
    ['abcdefghijklmnop', 8, 'abcdefg…'],
    ['one, two, three', 11, 'one, two…'],
  ])('truncate(%j, %i) → %j', (text, max, expected) => {
    expect(truncate(text, max)).toBe(expected);
    expect(truncate(text, max).length).toBeLessThanOrEqual(max);
  });
});

describe('saved texts', () => {
  const base = {
    id: 'id-1',
    title: '',
    lang: null,
    blocks: [{ kind: 'paragraph', text: 'Hello world.' }] as TextBlock[],
    source: 'shared' as const,
    url: null,
    now: 1_700_000_000_000,
    fallbackTitle: 'Untitled',
    fallbackLang: 'en-US',
  };

  it('builds a record with title, language and size', () => {
    expect(makeSavedText(base)).toEqual({
      id: 'id-1',
      title: 'Hello world.',
      lang: 'en-US',
      blocks: [{ kind: 'paragraph', text: 'Hello world.' }],
      source: 'shared',
      url: null,
      savedAt: 1_700_000_000_000,
      characters: 12,
    });
  });

  it.each([
    ['fr', 'fr'],
    ['EN-gb', 'en-GB'],
    ['not a language!', 'en-US'],
    [null, 'en-US'],
  ])('language %j → %j', (lang, expected) => {
    expect(makeSavedText({ ...base, lang }).lang).toBe(expected);
  });

  it.each([
    ['https://example.org/a', 'https://example.org/a'],
    ['javascript:alert(1)', null],
    ['data:text/html,<script>', null],
    ['', null],
  ])('keeps only web links as the source: %j', (url, expected) => {
    expect(makeSavedText({ ...base, url }).url).toBe(expected);
  });

  it('accepts its own records and rejects damaged ones', () => {
    const record = makeSavedText(base);
    expect(isSavedText(record)).toBe(true);
    expect(isSavedText(JSON.parse(JSON.stringify(record)))).toBe(true);
    expect(isSavedText(null)).toBe(false);
    expect(isSavedText({ ...record, blocks: 'text' })).toBe(false);
    expect(isSavedText({ ...record, blocks: [{ kind: 'script', text: 'x' }] })).toBe(false);
    expect(isSavedText({ ...record, source: 'other' })).toBe(false);
    expect(isSavedText({ ...record, savedAt: '2024' })).toBe(false);
  });

  it.each([
    [0, 1],
    [14 * 60, 1],
    [14 * 60 + 1, 2],
    [14 * 600, 10],
  ])('%i characters take %i min', (characters, minutes) => {
    expect(listeningMinutes(characters)).toBe(minutes);
  });
});
