/**
 * A long text the app renders itself (a saved text, on /listen/ and in Up next) comes in parts that
 * the browser lays out only near the view, as the build does for long articles
 * (src/core/article-parts.ts).
 */
import { articleParts, PART_CLASS, partStyle } from '../core/article-parts.js';

/** Groups `article`'s top-level blocks (all but its header) in parts, when there are enough; returns it. */
export function inParts<T extends HTMLElement>(article: T): T {
  const blocks = [...article.children].filter((child) => child.localName !== 'header');
  for (const part of articleParts(blocks.map((block) => block.textContent.length))) {
    const wrapper = article.ownerDocument.createElement('div');
    wrapper.className = PART_CLASS;
    wrapper.setAttribute('style', partStyle(part));
    blocks[part.start]!.before(wrapper);
    wrapper.append(...blocks.slice(part.start, part.end));
  }
  return article;
}
