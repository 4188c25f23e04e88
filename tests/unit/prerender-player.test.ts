import { describe, expect, it } from 'vitest';
import { prerenderPlayer } from '../../scripts/build/prerender-player';
import { parseArticle, renderArticlePage, toArticleModel } from '../../scripts/content/articles';

const SOURCE = `---
title: A title
standfirst: A standfirst.
lang: en
---

First paragraph.

Second paragraph.
`;

describe("the player's pre-rendered shadow root", () => {
  const article = parseArticle('content/a-title.md', SOURCE);
  const root = prerenderPlayer(toArticleModel(article), 'en');

  it('is a declarative shadow root with the styles, the bar and the slot', () => {
    expect(root).toMatch(/^<template shadowroot="open" shadowrootmode="open"><style>/u);
    expect(root).toMatch(/<\/template>$/u);
    expect(root).toContain('.bar');
    expect(root).toMatch(/<div class="bar docked" part="bar"/u);
    expect(root).toMatch(/<!--lit-node \d+--><slot\b/u);
    // The features' styles too: the position slider's.
    expect(root).toContain('.progress');
  });

  it('renders the bar as the element does with the article read: its position slider', () => {
    expect(root).toContain('aria-valuetext="Paragraph 1 of 4"');
    expect(root).toContain('<span>Play</span>');
  });

  it('leaves the bar unhydrated (no Lit markers in it) and its controls disabled', () => {
    // Up to the slot's own marker (the slot is hydrated: its slotchange listener).
    const bar = root.slice(
      root.indexOf('<div class="bar'),
      root.lastIndexOf('<!--lit-node', root.indexOf('<slot')),
    );
    expect(bar).not.toMatch(/<!--lit-node|<!--lit-part [^>]/u);
    const controls = bar.match(/<(?:button|select|input)\b[^>]*/gu) ?? [];
    expect(controls.length).toBeGreaterThan(4);
    for (const control of controls) expect(control).toMatch(/\bdisabled\b/u);
  });

  it("speaks the page's language", () => {
    const french = prerenderPlayer(toArticleModel({ ...article, lang: 'fr' }), 'fr');
    expect(french).toContain('<span>Lire</span>');
  });

  it('goes first inside <article-player> in the page', () => {
    const page = renderArticlePage(
      '<html lang="en"><head><title>x</title><meta name="description" content=""></head><body><!--article:body--></body></html>',
      article,
      'article.html',
      root,
    );
    expect(page).toContain(`<article-player lang="en" data-slug="a-title"><template shadowroot`);
    expect(page.indexOf('</template>')).toBeLessThan(page.indexOf('<article lang="en">'));
  });
});
