/**
 * A saved text as the article the player reads, the same on /listen/ and in Up next: its title
 * (not read where the text begins with it) and a line about it (not read), then its blocks, made
 * from text only (nothing saved is ever parsed as markup). A long text comes in parts that the
 * browser lays out only near the view, as the build does for long articles
 * (src/core/article-parts.ts).
 */
import { articleParts, PART_CLASS, partStyle } from '../core/article-parts.js';
import { element } from './dom.js';
import { strings } from './strings.js';
import { listeningMinutes, titleBeginsText, type SavedText } from './text.js';

export function savedTextArticle(text: SavedText): HTMLElement {
  const article = element('article');
  article.lang = text.lang;
  const header = element('header');
  const title = element('h1', text.title);
  // A title made of the text's first words would have them read twice.
  if (titleBeginsText(text.title, text.blocks)) title.dataset['skip'] = '';
  header.append(title);
  const meta = element('p');
  meta.className = 'meta';
  meta.dataset['skip'] = '';
  meta.lang = 'en';
  const about = [`${String(listeningMinutes(text.characters))} min listen`];
  if (text.url) about.push(strings.sharedFrom(text.url));
  meta.textContent = about.join(' · ');
  header.append(meta);
  article.append(header);
  const blocks: HTMLElement[] = [];
  let list: HTMLUListElement | null = null;
  for (const block of text.blocks) {
    if (block.kind !== 'list-item') list = null;
    switch (block.kind) {
      case 'heading':
        blocks.push(element('h2', block.text));
        break;
      case 'list-item':
        if (!list) {
          list = element('ul');
          blocks.push(list);
        }
        list.append(element('li', block.text));
        break;
      case 'quote': {
        const quote = element('blockquote');
        quote.append(element('p', block.text));
        blocks.push(quote);
        break;
      }
      case 'paragraph':
        blocks.push(element('p', block.text));
        break;
      default:
        throw new Error(`Unknown block kind: ${String(block.kind satisfies never)}`);
    }
  }
  const parts = articleParts(blocks.map((block) => block.textContent.length));
  if (parts.length === 0) article.append(...blocks);
  for (const part of parts) {
    const wrapper = element('div');
    wrapper.className = PART_CLASS;
    wrapper.setAttribute('style', partStyle(part));
    wrapper.append(...blocks.slice(part.start, part.end));
    article.append(wrapper);
  }
  return article;
}
