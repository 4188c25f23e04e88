/**
 * Pure logic of the "listen to your own text" feature: checking what was shared or pasted, and turning
 * plain text into the paragraphs the player reads. No DOM here: the unit tests run it in Node.
 */
import { canonicalLanguage } from '../core/language.js';

// Kept here for the listen page, which takes the rest of its input checks from this module.
export { canonicalLanguage };

/** The most characters a saved text may have: about 20 hours of listening, and a few MB in IndexedDB. */
export const MAX_CHARACTERS = 1_000_000;
/**
 * The limit on a page's HTML source, before it is reduced to its article (whose text then has
 * `MAX_CHARACTERS`): long pages carry megabytes of markup, scripts and styles around an article
 * of a few thousand words. Parsing 10 MB takes well under a second.
 */
export const MAX_HTML_CHARACTERS = 10_000_000;
/** Longer titles are cut at a word boundary. */
export const MAX_TITLE = 300;
/** A title made from the first paragraph is at most this long. */
export const DERIVED_TITLE = 80;
/** More unreadable characters than this share of the text: it is not text (a binary file, or garbled). */
export const MAX_UNREADABLE_SHARE = 0.05;

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'quote';

export interface TextBlock {
  readonly kind: BlockKind;
  readonly text: string;
}

export type InputProblem =
  | { readonly code: 'empty' }
  | { readonly code: 'no-words' }
  | { readonly code: 'too-long'; readonly characters: number; readonly limit: number }
  | { readonly code: 'html-too-long'; readonly characters: number; readonly limit: number }
  | { readonly code: 'binary'; readonly unreadable: number }
  | { readonly code: 'url-only'; readonly url: string };

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: InputProblem };

/**
 * Control characters (other than tab, line feed, form feed and carriage return), DEL, C1 controls,
 * U+FFFD (what a decoder puts for bytes that are not UTF-8), non-characters and lone surrogates.
 */
const UNREADABLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFFFD\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
/** A letter or a digit in any script: without one there is nothing to read. */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const ONLY_URL = /^\s*(https?:\/\/\S+)\s*$/iu;

/** Counts the characters that cannot be read aloud (see UNREADABLE). */
export function countUnreadable(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(UNREADABLE)) count += 1;
  return count;
}

/** Line ends of every kind become `\n`; a paragraph separator (U+2029) or form feed becomes a blank line. */
export function normalizeLineEnds(text: string): string {
  return text.replace(/\r\n?|\u2028|\u0085/gu, '\n').replace(/[\u2029\f]/gu, '\n\n');
}

/** Removes unreadable characters and a byte-order mark; each becomes a space so words stay apart. */
export function cleanText(text: string): string {
  return text.replace(UNREADABLE, ' ').replace(/\uFEFF/gu, '');
}

/** Collapses white space as a browser renders it (keeps no-break spaces as spaces). */
export function collapseSpace(text: string): string {
  return text.replace(/[\s\u00A0]+/gu, ' ').trim();
}

/**
 * Splits plain text into paragraphs. With blank lines in it, the text's paragraphs are separated by
 * blank lines (a single line break inside one is a space: hard-wrapped text reads as one paragraph);
 * without any, every line is a paragraph. Empty paragraphs are dropped.
 */
export function textToParagraphs(text: string): string[] {
  const normalized = normalizeLineEnds(cleanText(text));
  const parts = /\n[ \t\u00A0]*\n/u.test(normalized)
    ? normalized.split(/\n(?:[ \t\u00A0]*\n)+/u)
    : normalized.split('\n');
  return parts.map(collapseSpace).filter((part) => part !== '');
}

/** Shortens text to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const collapsed = collapseSpace(text);
  if (collapsed.length <= max) return collapsed;
  const cut = collapsed.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`;
}

/** The title to show: the one given, or else the start of the first block. */
export function deriveTitle(
  title: string | null | undefined,
  blocks: readonly TextBlock[],
  fallback: string,
): string {
  const given = collapseSpace(cleanText(title ?? ''));
  if (given !== '' && WORD_CHARACTER.test(given)) return truncate(given, MAX_TITLE);
  const first = blocks[0]?.text ?? '';
  return first === '' ? fallback : truncate(first, DERIVED_TITLE);
}

/**
 * Whether the text begins with its title: the title made from its first words when none was
 * given (`…` where it was cut), or a given one that repeats them. Such a title is shown, not read:
 * its words are read once, in the text.
 */
export function titleBeginsText(title: string, blocks: readonly TextBlock[]): boolean {
  const cut = title.endsWith('…');
  const start = collapseSpace(cut ? title.slice(0, -1) : title);
  const first = collapseSpace(blocks[0]?.text ?? '');
  if (!WORD_CHARACTER.test(start) || !first.startsWith(start)) return false;
  // "The" does not begin "Therapy…", unless the title was cut there.
  return cut || !WORD_CHARACTER.test(first.charAt(start.length));
}

/** Does this look like the HTML source of a page (rather than text that mentions a tag)? */
export function looksLikeHtml(text: string): boolean {
  const start = text.trimStart();
  if (!start.startsWith('<')) return false;
  return /<(?:!doctype\s+html|html|head|body|article|main|section|div|p|h[1-6]|ul|ol|li|span|a|br|script|style|table|img|meta|blockquote)\b[^>]*>/iu.test(
    start,
  );
}

/**
 * The first checks, on the raw input, before any parsing: not empty, not only a link, not too long,
 * not binary. Returns the input cleaned of unreadable characters.
 */
export function checkRawInput(
  text: string | null | undefined,
  url?: string | null,
  /** HTML source: its own, larger limit (the article's text is checked by `checkBlocks`). */
  html = false,
): Checked<string> {
  const raw = text ?? '';
  const link = collapseSpace(url ?? '');
  const limit = html ? MAX_HTML_CHARACTERS : MAX_CHARACTERS;
  if (raw.length > limit) {
    return {
      ok: false,
      problem: { code: html ? 'html-too-long' : 'too-long', characters: raw.length, limit },
    };
  }
  if (raw.trim() === '') {
    return {
      ok: false,
      problem: link !== '' ? { code: 'url-only', url: link } : { code: 'empty' },
    };
  }
  const onlyUrl = ONLY_URL.exec(raw);
  if (onlyUrl?.[1] !== undefined)
    return { ok: false, problem: { code: 'url-only', url: onlyUrl[1] } };
  const unreadable = countUnreadable(raw);
  const visible = raw.replace(/\s+/gu, '').length;
  if (unreadable > 0 && unreadable / Math.max(1, visible) > MAX_UNREADABLE_SHARE) {
    return { ok: false, problem: { code: 'binary', unreadable } };
  }
  return { ok: true, value: cleanText(raw) };
}

/** The last check, on the blocks to be read: there must be words in them. */
export function checkBlocks(blocks: readonly TextBlock[]): Checked<TextBlock[]> {
  const kept = blocks
    .map((block) => ({ kind: block.kind, text: collapseSpace(cleanText(block.text)) }))
    .filter((block) => block.text !== '');
  if (kept.length === 0) return { ok: false, problem: { code: 'empty' } };
  if (!kept.some((block) => WORD_CHARACTER.test(block.text)))
    return { ok: false, problem: { code: 'no-words' } };
  const characters = kept.reduce((sum, block) => sum + block.text.length, 0);
  if (characters > MAX_CHARACTERS) {
    return { ok: false, problem: { code: 'too-long', characters, limit: MAX_CHARACTERS } };
  }
  return { ok: true, value: kept };
}

/** Plain text from start to blocks: the raw checks, paragraphs, the word check. */
export function plainTextToBlocks(
  text: string | null | undefined,
  url?: string | null,
): Checked<TextBlock[]> {
  const raw = checkRawInput(text, url);
  if (!raw.ok) return raw;
  return checkBlocks(
    textToParagraphs(raw.value).map((paragraph) => ({ kind: 'paragraph', text: paragraph })),
  );
}

/** Whole minutes to listen to `characters` at rate 1, at least 1 (the catalog's estimate). */
export { readingMinutes as listeningMinutes } from '../core/timing.js';

/** A text saved on this device (the value stored in IndexedDB). */
export interface SavedText {
  readonly id: string;
  readonly title: string;
  readonly lang: string;
  readonly blocks: readonly TextBlock[];
  readonly source: 'shared' | 'pasted';
  /** The page it came from, when a link was shared with it. Shown as text, never fetched. */
  readonly url: string | null;
  /** Milliseconds since the epoch. */
  readonly savedAt: number;
  readonly characters: number;
}

const KINDS: readonly string[] = ['heading', 'paragraph', 'list-item', 'quote'];

/** Checks a value read back from storage, so that a damaged record is skipped instead of breaking the page. */
export function isSavedText(value: unknown): value is SavedText {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['id'] === 'string' &&
    typeof v['title'] === 'string' &&
    typeof v['lang'] === 'string' &&
    (v['source'] === 'shared' || v['source'] === 'pasted') &&
    (v['url'] === null || typeof v['url'] === 'string') &&
    typeof v['savedAt'] === 'number' &&
    typeof v['characters'] === 'number' &&
    Array.isArray(v['blocks']) &&
    (v['blocks'] as unknown[]).every(
      (block) =>
        typeof block === 'object' &&
        block !== null &&
        typeof (block as Record<string, unknown>)['text'] === 'string' &&
        KINDS.includes((block as Record<string, unknown>)['kind'] as string),
    )
  );
}

/** Builds the record to save. `id` and `now` are injected so that tests are deterministic. */
export function makeSavedText(input: {
  id: string;
  title: string | null | undefined;
  lang: string | null | undefined;
  blocks: readonly TextBlock[];
  source: SavedText['source'];
  url: string | null | undefined;
  now: number;
  fallbackTitle: string;
  fallbackLang: string;
}): SavedText {
  const url = collapseSpace(input.url ?? '');
  return {
    id: input.id,
    title: deriveTitle(input.title, input.blocks, input.fallbackTitle),
    lang: canonicalLanguage(input.lang) ?? canonicalLanguage(input.fallbackLang) ?? 'en',
    blocks: input.blocks.map((block) => ({ kind: block.kind, text: block.text })),
    source: input.source,
    url: /^https?:\/\//iu.test(url) ? truncate(url, 2000) : null,
    savedAt: input.now,
    characters: input.blocks.reduce((sum, block) => sum + block.text.length, 0),
  };
}
