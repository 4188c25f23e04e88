/**
 * The content pipeline's pure part: parse and validate one `content/*.md` file, and render what the build
 * writes (the article markup, the article page, its JSON, the catalog, the home page list).
 *
 * No file system and no Vite here, so the unit tests call these functions directly. Every validation fault
 * throws an `Error` whose message starts with the file's path and names the fault, e.g.
 * `content/foo.md: front matter has no "title"`.
 */
import { createHash } from 'node:crypto';
import matter from 'gray-matter';
import { Marked, type Token, type Tokens } from 'marked';
import type { Article, Block } from '../../src/core/article.js';
import { articleParts, PART_CLASS, partStyle } from '../../src/core/article-parts.js';
import { languageName } from '../../src/core/i18n.js';
import { readingMinutes } from '../../src/core/timing.js';

/** Front matter keys a content file may use. Any other key is a fault (it is most likely a typo). */
export const FRONT_MATTER_KEYS = [
  'title',
  'standfirst',
  'lang',
  'published',
  'updated',
  'imageCaption',
  'imageCredit',
] as const;

type BodyBlockKind = Exclude<Block['kind'], 'caption'>;

export interface BodyBlock {
  readonly kind: BodyBlockKind;
  /** Whitespace-collapsed plain text, as the element reads it from the rendered HTML. */
  readonly text: string;
}

export interface ParsedArticle {
  /** The path used in messages, e.g. `content/foo.md`. */
  readonly file: string;
  readonly slug: string;
  readonly title: string;
  readonly standfirst: string;
  /** A canonical BCP 47 language tag. */
  readonly lang: string;
  /** ISO 8601 date or local date-time (`2022-09-19` or `2022-09-19T11:42`), as written; null when absent. */
  readonly published: string | null;
  readonly updated: string | null;
  readonly imageCaption: string | null;
  readonly imageCredit: string | null;
  /** The body rendered by marked (raw HTML in the Markdown is escaped, never passed through). */
  readonly bodyHtml: string;
  /** The body's readable blocks, in document order. */
  readonly body: readonly BodyBlock[];
}

export interface CatalogEntry {
  readonly slug: string;
  readonly title: string;
  readonly standfirst: string;
  readonly lang: string;
  readonly url: string;
  readonly readingMinutes: number;
  readonly updated: string | null;
  readonly words: number;
}

export interface Catalog {
  readonly articles: readonly CatalogEntry[];
}

/** Slugs come from file names: lower-case ASCII letters and digits in hyphen-separated runs. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
/** A date, or a date and a time with optional seconds, fraction and offset. */
const DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/u;

// ---------------------------------------------------------------------------------------------------------
// Escaping and text
// ---------------------------------------------------------------------------------------------------------

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => HTML_ESCAPES[c] ?? c);
}

/** Collapses runs of white space the way a browser renders text (same rule as `normalizeText` in core). */
export function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

export function slugFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/u).pop() ?? fileName;
  return base.replace(/\.md$/u, '');
}

// ---------------------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------------------

/**
 * Our Markdown renderer: marked's defaults, except that raw HTML is escaped (shown as text) instead of being
 * passed through, so a `<script>` in a content file can never run; a block of raw HTML becomes a paragraph.
 */
const markdown = new Marked({
  async: false,
  gfm: true,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag): string {
      if (token.block) {
        const text = token.text.trim();
        return text === '' ? '' : `<p>${escapeHtml(text)}</p>\n`;
      }
      return escapeHtml(token.text);
    },
    // marked leaves text inside a raw HTML element (`<script>…</script>`) unescaped; we escape the tags, so
    // escape that text too. Everything else keeps marked's own escaping (which respects `&lt;` entities).
    text(token: Tokens.Text | Tokens.Escape | Tokens.Tag): string | false {
      if (!('tokens' in token && token.tokens) && 'escaped' in token && token.escaped)
        return escapeHtml(token.text);
      return false;
    },
  },
});

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decodes the character references marked leaves in text tokens (numeric ones and the common named ones). */
function decodeEntities(text: string): string {
  return text.replace(
    /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));/gu,
    (whole, dec?: string, hex?: string, name?: string) => {
      const code =
        dec !== undefined ? Number(dec) : hex !== undefined ? Number.parseInt(hex, 16) : undefined;
      if (code !== undefined)
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      return NAMED_ENTITIES[name ?? ''] ?? whole;
    },
  );
}

/** The text content of inline tokens, as `textContent` of the rendered HTML would give it (images say nothing). */
function inlineText(tokens: readonly Token[] | undefined): string {
  let text = '';
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'image':
      case 'checkbox':
        break;
      case 'br':
        text += ' ';
        break;
      default:
        if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) {
          text += inlineText(token.tokens);
        } else if ('text' in token && typeof token.text === 'string') {
          // Raw HTML is shown as text, so its text is what it says; other text may hold entities.
          text +=
            token.type === 'html' || ('escaped' in token && token.escaped)
              ? token.text
              : decodeEntities(token.text);
        }
    }
  }
  return text;
}

/** The readable blocks of block-level tokens: what `<article-player>` reads from the rendered light DOM. */
function blocksOf(tokens: readonly Token[], inQuote: boolean, out: BodyBlock[]): void {
  const push = (kind: BodyBlockKind, raw: string): void => {
    const text = collapse(raw);
    if (text !== '') out.push({ kind: inQuote ? 'quote' : kind, text });
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        push('heading', inlineText((token as Tokens.Heading).tokens));
        break;
      case 'paragraph':
        push('paragraph', inlineText((token as Tokens.Paragraph).tokens));
        break;
      case 'text': // a tight list item's text
        push('paragraph', inlineText((token as Tokens.Text).tokens ?? [token]));
        break;
      case 'html':
        if ((token as Tokens.HTML).block) push('paragraph', (token as Tokens.HTML).text);
        break;
      case 'blockquote':
        blocksOf((token as Tokens.Blockquote).tokens, true, out);
        break;
      case 'list':
        for (const item of (token as Tokens.List).items) {
          // The item's own text is one block; a nested list follows as its own items.
          const own = item.tokens.filter((t) => t.type !== 'list');
          const nested = item.tokens.filter((t) => t.type === 'list');
          const text = own
            .map((t) => inlineText('tokens' in t && t.tokens ? t.tokens : [t]))
            .join(' ');
          push('list-item', text);
          blocksOf(nested, inQuote, out);
        }
        break;
      default:
        // code, tables, rules and spacing are not read aloud.
        break;
    }
  }
}

/** The characters a unit of tokens shows: its readable text, or its source when it has none (code, a table). */
function shownCharacters(unit: readonly Token[]): number {
  const read: BodyBlock[] = [];
  blocksOf(unit, false, read);
  return read.length > 0
    ? read.reduce((sum, block) => sum + block.text.length, 0)
    : unit.reduce((sum, token) => sum + token.raw.trim().length, 0);
}

/**
 * The body's markup; a long body in parts that the browser lays out as they come into view
 * (src/core/article-parts.ts). A part holds whole top-level blocks: a list or a quote is never split.
 */
function renderBody(tokens: readonly Token[]): string {
  // marked renders consecutive top-level text tokens as one paragraph: they stay one unit.
  const units: Token[][] = [];
  for (const token of tokens) {
    const last = units.at(-1);
    if (token.type === 'text' && last?.at(-1)?.type === 'text') last.push(token);
    else units.push([token]);
  }
  const blocks = units
    .map((unit) => ({
      html: markdown.parser(unit).trim(),
      characters: shownCharacters(unit),
    }))
    .filter((block) => block.html !== '');
  const parts = articleParts(blocks.map((block) => block.characters));
  if (parts.length === 0) return markdown.parser([...tokens]);
  return parts
    .map((part) =>
      [
        `<div class="${PART_CLASS}" style="${partStyle(part)}">`,
        ...blocks.slice(part.start, part.end).map((block) => block.html),
        '</div>',
      ].join('\n'),
    )
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Parsing and validation
// ---------------------------------------------------------------------------------------------------------

function fail(file: string, fault: string): never {
  throw new Error(`${file}: ${fault}`);
}

function optionalString(file: string, data: Record<string, unknown>, key: string): string | null {
  const value = data[key];
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') fail(file, `front matter "${key}" must be a string`);
  const text = collapse(value);
  return text === '' ? null : text;
}

function requiredString(file: string, data: Record<string, unknown>, key: string): string {
  if (data[key] === undefined || data[key] === null) fail(file, `front matter has no "${key}"`);
  const text = optionalString(file, data, key);
  if (text === null) fail(file, `front matter "${key}" is empty`);
  return text;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Accepts `2022-09-19`, `2022-09-19T11:42` (quoted or not) and YAML timestamps (which arrive as `Date`). */
function optionalDate(file: string, data: Record<string, unknown>, key: string): string | null {
  const value = data[key];
  if (value === undefined || value === null) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) fail(file, `front matter "${key}" is not a valid date`);
    const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const midnight =
      value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0;
    return midnight ? date : value.toISOString().replace(/\.000Z$/u, 'Z');
  }
  if (typeof value !== 'string')
    fail(file, `front matter "${key}" must be a date like 2022-09-19T11:42`);
  const text = value.trim();
  const match = DATE.exec(text);
  const [, y, m, d, hh, mm, ss] = match ?? [];
  const valid =
    match !== null &&
    isRealDate(Number(y), Number(m), Number(d)) &&
    (hh === undefined || Number(hh) < 24) &&
    (mm === undefined || Number(mm) < 60) &&
    (ss === undefined || Number(ss) < 60);
  if (!valid)
    fail(
      file,
      `front matter "${key}" is not a valid date like 2022-09-19T11:42: ${JSON.stringify(value)}`,
    );
  return text;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function languageTag(file: string, data: Record<string, unknown>): string {
  const value = data['lang'];
  if (value === undefined || value === null || value === '')
    fail(file, 'front matter has no "lang"');
  if (typeof value !== 'string')
    fail(file, `front matter "lang" is not a language tag: ${JSON.stringify(value)}`);
  try {
    const [tag] = Intl.getCanonicalLocales(value.trim());
    if (tag !== undefined) return tag;
  } catch {
    // fall through
  }
  return fail(
    file,
    `front matter "lang" is not a valid BCP 47 language tag: ${JSON.stringify(value)}`,
  );
}

/**
 * Parses and validates one content file.
 * @param file the path used in messages and for the slug, e.g. `content/foo.md`
 * @param source the file's text
 */
export function parseArticle(file: string, source: string): ParsedArticle {
  const slug = slugFromFileName(file);
  if (!SLUG.test(slug)) {
    fail(file, `file name must be a slug (lower-case letters, digits and hyphens): "${slug}"`);
  }

  let data: unknown;
  let content: string;
  try {
    // Passing options turns off gray-matter's cache, which would share one mutable result between equal inputs.
    const parsed = matter(source.replace(/^\uFEFF/u, ''), { language: 'yaml' });
    data = parsed.data;
    content = parsed.content;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return fail(file, `front matter is not valid YAML: ${reason}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    fail(file, 'front matter must be a mapping of keys to values');
  }
  const fields = data as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!(FRONT_MATTER_KEYS as readonly string[]).includes(key)) {
      fail(
        file,
        `front matter has an unknown key "${key}" (allowed: ${FRONT_MATTER_KEYS.join(', ')})`,
      );
    }
  }

  const title = requiredString(file, fields, 'title');
  const standfirst = requiredString(file, fields, 'standfirst');
  const lang = languageTag(file, fields);
  const published = optionalDate(file, fields, 'published');
  const updated = optionalDate(file, fields, 'updated') ?? published;
  const imageCaption = optionalString(file, fields, 'imageCaption');
  const imageCredit = optionalString(file, fields, 'imageCredit');

  if (content.trim() === '') fail(file, 'body is empty');
  const tokens = markdown.lexer(content);
  const h1 = tokens.find(
    (t): t is Tokens.Heading => t.type === 'heading' && (t as Tokens.Heading).depth === 1,
  );
  if (h1 !== undefined) {
    fail(
      file,
      `body has a level-1 heading ("# ${h1.text}"); the title is the page's only h1, use "##"`,
    );
  }
  const body: BodyBlock[] = [];
  blocksOf(tokens, false, body);
  if (body.length === 0)
    fail(file, 'body is empty (no paragraph, heading, list item or quote to read)');
  const bodyHtml = renderBody(tokens);

  return {
    file,
    slug,
    title,
    standfirst,
    lang,
    published,
    updated,
    imageCaption,
    imageCredit,
    bodyHtml,
    body,
  };
}

/** Fails when two files would publish the same slug (cannot happen with one directory, but cheap to check). */
export function checkUniqueSlugs(articles: readonly ParsedArticle[]): void {
  const seen = new Map<string, string>();
  for (const article of articles) {
    const other = seen.get(article.slug);
    if (other !== undefined)
      fail(article.file, `slug "${article.slug}" is already used by ${other}`);
    seen.set(article.slug, article.file);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Derived data
// ---------------------------------------------------------------------------------------------------------

export function articleUrl(slug: string): string {
  return `/articles/${slug}/`;
}

/** The article in the core model: title, standfirst, then the body (the meta line is not read). */
export function toArticleModel(article: ParsedArticle): Article {
  const blocks: Block[] = [
    { id: 'b0', kind: 'heading', text: article.title },
    { id: 'b1', kind: 'paragraph', text: article.standfirst },
    ...article.body.map((block, i) => ({ id: `b${i + 2}`, kind: block.kind, text: block.text })),
  ];
  return { id: article.slug, lang: article.lang, title: article.title, blocks };
}

export function countWords(text: string, lang: string): number {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  let words = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) words += 1;
  return words;
}

export function catalogEntry(article: ParsedArticle): CatalogEntry {
  const texts = toArticleModel(article).blocks.map((block) => block.text);
  const characters = texts.reduce((sum, text) => sum + text.length, 0);
  return {
    slug: article.slug,
    title: article.title,
    standfirst: article.standfirst,
    lang: article.lang,
    url: articleUrl(article.slug),
    readingMinutes: readingMinutes(characters),
    updated: article.updated,
    words: texts.reduce((sum, text) => sum + countWords(text, article.lang), 0),
  };
}

/** The catalog, newest first (undated articles last), ties by title. */
export function buildCatalog(articles: readonly ParsedArticle[]): Catalog {
  const entries = articles.map(catalogEntry);
  entries.sort((a, b) => {
    if (a.updated !== b.updated) {
      if (a.updated === null) return 1;
      if (b.updated === null) return -1;
      return a.updated < b.updated ? 1 : -1;
    }
    return a.title.localeCompare(b.title);
  });
  return { articles: entries };
}

// ---------------------------------------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------------------------------------

interface MetaLabels {
  readonly updated: string;
  readonly image: string;
}

/** The few words of the pre-rendered meta line, by primary language; other languages get English, marked so. */
const ENGLISH_META_LABELS: MetaLabels = { updated: 'Updated', image: 'image' };
const META_LABELS: Record<string, MetaLabels> = {
  en: ENGLISH_META_LABELS,
  fr: { updated: 'Mis à jour le', image: 'image' },
};

/** A human date in the article's language, e.g. `19 September 2022`, with no time-zone shift. */
export function formatDate(iso: string, lang: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const locale = lang === 'en' ? 'en-GB' : lang;
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

function metaLine(article: ParsedArticle): string {
  const primary = article.lang.split('-')[0] ?? 'en';
  const labels = META_LABELS[primary];
  const words = labels ?? ENGLISH_META_LABELS;
  const labelLang = labels === undefined ? 'en' : article.lang;
  const parts: string[] = [];
  if (article.updated !== null) {
    parts.push(
      `${escapeHtml(words.updated)} <time datetime="${escapeHtml(article.updated)}">${escapeHtml(formatDate(article.updated, labelLang))}</time>`,
    );
  }
  if (article.imageCaption !== null) {
    const credit = article.imageCredit === null ? '' : ` (${escapeHtml(article.imageCredit)})`;
    parts.push(`${escapeHtml(words.image)}: ${escapeHtml(article.imageCaption)}${credit}`);
  }
  if (parts.length === 0) return '';
  const langAttr = labels === undefined ? ' lang="en"' : '';
  return `\n      <p class="meta" data-skip${langAttr}>${parts.join(' · ')}</p>`;
}

/** Markup whose white space matters: never re-indented. */
const PREFORMATTED = /<(?:pre|textarea)[\s>]/iu;

/** Indents every non-empty line of `html` by `spaces`. */
function indent(html: string, spaces: number): string {
  if (PREFORMATTED.test(html)) return html.trim();
  const pad = ' '.repeat(spaces);
  return html
    .trim()
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}

/**
 * The article as `<article-player>` light DOM. The player reads this markup, so its shape is a contract:
 * `<article-player lang data-slug><article lang><header><h1/><p.standfirst/><p.meta data-skip/></header>body</article></article-player>`.
 * `playerShadowRoot`, when given, is the player's shadow root as declarative shadow DOM (a
 * `<template shadowrootmode>`), placed first inside the element, as the HTML parser wants it.
 */
export function renderArticleMarkup(article: ParsedArticle, playerShadowRoot = ''): string {
  const lang = escapeHtml(article.lang);
  return [
    `<article-player lang="${lang}" data-slug="${escapeHtml(article.slug)}">${playerShadowRoot}`,
    `  <article lang="${lang}">`,
    `    <header>`,
    `      <h1>${escapeHtml(article.title)}</h1>`,
    `      <p class="standfirst">${escapeHtml(article.standfirst)}</p>${metaLine(article)}`,
    `    </header>`,
    indent(article.bodyHtml, 4),
    `  </article>`,
    `</article-player>`,
  ].join('\n');
}

/**
 * Placeholders in `src/app/article.html` and `src/app/index.html`. (The article page's `<title>` and
 * `<meta name="description">` are the template's own, replaced.)
 */
export const PLACEHOLDERS = {
  article: '<!--article:body-->',
  list: '<!--articles:list-->',
} as const;

export const SITE_NAME = 'Article player';

/**
 * Replaces the first match of `needle`; a multi-line replacement keeps the placeholder's indentation.
 * Fails, naming the page, when the placeholder is missing.
 */
function replaceOnce(
  html: string,
  needle: string | RegExp,
  replacement: string,
  what: string,
): string {
  const found = typeof needle === 'string' ? html.indexOf(needle) : html.search(needle);
  if (found < 0) throw new Error(`${what}: missing ${String(needle)}`);
  const lineStart = html.lastIndexOf('\n', found - 1) + 1;
  const before = html.slice(lineStart, found);
  const reindent = /^[ \t]*$/u.test(before) && !PREFORMATTED.test(replacement);
  const text = reindent ? replacement.split('\n').join(`\n${before}`) : replacement;
  // A replacer function, so `$&` and friends in article text are not special.
  return html.replace(needle, () => text);
}

/** The page's `async` module entry, as Vite writes it. */
const ASYNC_MODULE =
  /<script\b(?=[^>]*\basync\b)(?=[^>]*\btype="module")[^>]*\bsrc="([^"]+)"[^>]*><\/script>/iu;

/**
 * Starts the page's `async` module entry with an inline `import()` beside its tag, and lets
 * that one inline script through the page's policy by its hash. Chromium runs an `async` module
 * only once a parse that never waits for the network is over (a 10,000-paragraph page: Play
 * enabled 1 s after the text was painted); a module imported by a script runs as soon as it has
 * arrived, mid-parse. The tag stays: where a host's own policy refuses the inline script, the
 * page starts as before. Both load one module (the module map holds it once).
 */
export function startModuleEarly(html: string): string {
  const entry = ASYNC_MODULE.exec(html);
  if (!entry?.[1]) return html;
  const code = `import(${JSON.stringify(entry[1])})`;
  const hash = `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
  const withScript = html.replace(ASYNC_MODULE, (tag) => `${tag}<script>${code}</script>`);
  return withScript.replace(
    /(<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*?\bscript-src\b[^;"]*)/iu,
    (directive) => `${directive} ${hash}`,
  );
}

/**
 * Builds an article's page from the (already processed) template: `<html lang>`, `<title>`, `<meta
 * name="description">` and the article markup (with the player's pre-rendered shadow root, when
 * given: see `renderArticleMarkup`). `templateName` is only for messages.
 */
export function renderArticlePage(
  template: string,
  article: ParsedArticle,
  templateName = 'article.html',
  playerShadowRoot = '',
  playerPageStyles = '',
): string {
  let html = replaceOnce(
    template,
    /<html\b[^>]*>/iu,
    `<html lang="${escapeHtml(article.lang)}">`,
    templateName,
  );
  html = replaceOnce(
    html,
    /<title>[\s\S]*?<\/title>/iu,
    `<title>${escapeHtml(article.title)} · ${escapeHtml(SITE_NAME)}</title>`,
    templateName,
  );
  html = replaceOnce(
    html,
    /<meta\s+name="description"[^>]*>/iu,
    `<meta name="description" content="${escapeHtml(article.standfirst)}">`,
    templateName,
  );
  if (playerPageStyles)
    html = replaceOnce(html, /<\/head>/iu, `${playerPageStyles}\n</head>`, templateName);
  html = startModuleEarly(html);
  return replaceOnce(
    html,
    PLACEHOLDERS.article,
    renderArticleMarkup(article, playerShadowRoot),
    templateName,
  );
}

/** The article as JSON for `<article-player src>` and the service worker: the core `Article` model. */
export function renderArticleJson(article: ParsedArticle): string {
  return `${JSON.stringify(toArticleModel(article), null, 2)}\n`;
}

export function renderCatalogJson(catalog: Catalog): string {
  return `${JSON.stringify(catalog, null, 2)}\n`;
}

/** The home page's list of articles, readable without JavaScript. */
export function renderArticleList(catalog: Catalog): string {
  if (catalog.articles.length === 0) return '<p class="empty">No articles yet.</p>';
  const items = catalog.articles.map((entry) => {
    const lang = escapeHtml(entry.lang);
    const date =
      entry.updated === null
        ? ''
        : ` · <time datetime="${escapeHtml(entry.updated)}">${escapeHtml(formatDate(entry.updated, 'en'))}</time>`;
    return [
      `  <li class="article-card">`,
      `    <h3 lang="${lang}"><a href="${escapeHtml(entry.url)}" hreflang="${lang}">${escapeHtml(entry.title)}</a></h3>`,
      `    <p class="standfirst" lang="${lang}">${escapeHtml(entry.standfirst)}</p>`,
      `    <p class="meta">${entry.readingMinutes} min listen · ${escapeHtml(languageName(entry.lang))}${date}</p>`,
      `  </li>`,
    ].join('\n');
  });
  return [`<ul class="article-list" role="list">`, ...items, `</ul>`].join('\n');
}

/** Fills the home page's placeholder with the list. */
export function renderHomePage(html: string, catalog: Catalog, pageName = 'index.html'): string {
  return replaceOnce(html, PLACEHOLDERS.list, renderArticleList(catalog), pageName);
}
