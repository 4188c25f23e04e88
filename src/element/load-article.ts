/**
 * Loading an article from `src`: a pre-rendered article page or its JSON. The result is built
 * with text nodes only, so nothing from the fetched document can run.
 */
import { BLOCK_KINDS, normalizeText, type Article, type Block } from '../core/article.js';
import { readBlocks } from './blocks.js';

export class ArticleLoadError extends Error {
  constructor(
    readonly code: 'load-failed' | 'not-article',
    message: string,
  ) {
    super(message);
  }
}

export async function fetchArticle(
  src: string,
  fetcher: typeof fetch = fetch,
  signal?: AbortSignal,
): Promise<Article> {
  let response: Response;
  try {
    response = await fetcher(src, { signal, credentials: 'same-origin' });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ArticleLoadError('load-failed', 'network error or not allowed from this site');
  }
  if (!response.ok) throw new ArticleLoadError('load-failed', `HTTP ${response.status}`);
  const body = await response.text();
  const type = response.headers.get('content-type') ?? '';
  const article =
    type.includes('json') || /^\s*\{/.test(body) ? fromJson(body, src) : fromHtml(body, src);
  if (article.blocks.length === 0) throw new ArticleLoadError('not-article', 'no readable text');
  return article;
}

function fromJson(body: string, src: string): Article {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw new ArticleLoadError('not-article', 'the JSON is malformed');
  }
  const record = (data ?? {}) as Record<string, unknown>;
  const rawBlocks = Array.isArray(record['blocks']) ? (record['blocks'] as unknown[]) : [];
  const blocks: Block[] = [];
  for (const raw of rawBlocks) {
    const item = (raw ?? {}) as Record<string, unknown>;
    const text = typeof item['text'] === 'string' ? normalizeText(item['text']) : '';
    if (!text) continue;
    const kind = BLOCK_KINDS.find((known) => known === item['kind']) ?? 'paragraph';
    blocks.push({ id: `b${blocks.length}`, kind, text });
  }
  return {
    id: typeof record['id'] === 'string' ? record['id'] : src,
    lang: typeof record['lang'] === 'string' ? record['lang'] : '',
    title: typeof record['title'] === 'string' ? record['title'] : '',
    blocks,
  };
}

function fromHtml(body: string, src: string): Article {
  // DOMParser documents are inert: no script runs and no resource loads.
  const doc = new DOMParser().parseFromString(trustedHtml(body), 'text/html');
  const root =
    doc.querySelector('article-player article') ??
    doc.querySelector('article') ??
    doc.querySelector('main') ??
    doc.body;
  const { blocks } = readBlocks(root);
  return {
    id: src,
    lang: root.closest('[lang]')?.getAttribute('lang') ?? '',
    title: doc.title,
    blocks,
  };
}

interface TrustedTypesPolicy {
  createHTML(input: string): unknown;
}

let trustedTypesPolicy: TrustedTypesPolicy | undefined;

/**
 * `body` as TrustedHTML where the page enforces Trusted Types (`require-trusted-types-for
 * 'script'`), whose DOMParser only takes TrustedHTML. Passing the text through is safe here: a
 * DOMParser document never runs scripts, and only text is taken out of it. A page that limits
 * policy names (`trusted-types …`) must allow `article-player`; otherwise the load fails plainly.
 */
function trustedHtml(body: string): string {
  const factory = (
    globalThis as {
      trustedTypes?: { createPolicy(name: string, rules: TrustedTypesPolicy): TrustedTypesPolicy };
    }
  ).trustedTypes;
  if (!factory) return body;
  try {
    trustedTypesPolicy ??= factory.createPolicy('article-player', { createHTML: (input) => input });
  } catch {
    throw new ArticleLoadError(
      'load-failed',
      'the page\'s Trusted Types policy does not allow "article-player"',
    );
  }
  // A TrustedHTML, which DOMParser takes where a string is typed.
  return trustedTypesPolicy.createHTML(body) as string;
}

const TAG_OF_KIND: Record<Block['kind'], string> = {
  heading: 'h2',
  paragraph: 'p',
  'list-item': 'li',
  quote: 'blockquote',
  caption: 'p',
};

/** Markup for a loaded article, made of text nodes only. */
export function renderArticle(article: Article, doc: Document): HTMLElement {
  const container = doc.createElement('article');
  if (article.lang) container.lang = article.lang;
  let list: HTMLElement | null = null;
  article.blocks.forEach((block, index) => {
    const tag = index === 0 && block.kind === 'heading' ? 'h1' : TAG_OF_KIND[block.kind];
    const element = doc.createElement(tag);
    element.textContent = block.text;
    if (block.lang) element.lang = block.lang;
    if (tag === 'li') {
      list ??= container.appendChild(doc.createElement('ul'));
      list.append(element);
    } else {
      list = null;
      container.append(element);
    }
  });
  return container;
}
