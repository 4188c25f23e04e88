/**
 * Renders `<article-player>`'s shadow root at build time, as declarative shadow DOM for the app's
 * article pages (Lit SSR, in Node, loaded through Vite's module runner by vite-plugin-articles.ts).
 *
 * The page's first paint then has the control bar at its final size and the article already
 * slotted: when the element upgrades, it takes this root over (`@lit-labs/ssr-client`'s
 * hydration) instead of attaching a new one, which would lay the whole article out again.
 *
 * The bar and what the features put after the article are emitted as plain markup, without
 * Lit's markers and with their controls disabled (they do nothing before the script runs): the
 * element keeps them as they are on its first update and renders its live bar in their place on
 * the next one (`createRenderRoot` in player-element.ts), so that what only the browser knows
 * (saved settings, speech support, voices) can never mismatch the pre-rendered markup. Only the
 * root template, with its `<slot>`, is hydrated.
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { queueFeature, type ListeningSession } from '../../src/app/queue-feature.js';
import type { Article } from '../../src/core/article.js';
import { FullArticlePlayer } from '../../src/element/full-player-element.js';
import type { PlayerFeature } from '../../src/element/feature.js';
import '../../src/element/translation-fr.js';
import { HIGHLIGHT_PAGE_CSS } from '../../src/element/controllers/highlight-controller.js';
import { DOCK_PAGE_CSS } from '../../src/element/features/dock.js';
import { PAGE_STYLES_ATTRIBUTE } from '../../src/element/page-styles.js';

/** The article the player being rendered reads (rendering is synchronous: one page at a time). */
let pending: Article | null = null;

/** A listening session with nothing queued: what a page shows when it opens. */
const noSession: ListeningSession = {
  place: () => null,
  upNext: () => null,
  prepareNext: () => undefined,
  playNext: () => undefined,
  skip: () => false,
  cancelNext: () => undefined,
  takeAutoplay: () => null,
  progressKey: () => '',
  recordProgress: () => undefined,
  announce: () => undefined,
  now: () => 0,
};

/**
 * The app's player (app-player.ts: the full player with the queue feature registered on it; a
 * subclass would lose the features' styles), whose last feature also loads the article, once
 * every feature has subscribed, as the browser's element reads it after its constructor.
 */
function definePlayer(): void {
  if (customElements.get('article-player')) return;
  const queue = queueFeature(noSession);
  const queueReadingArticle: PlayerFeature = {
    ...queue,
    attach(context) {
      const attached = queue.attach(context);
      if (pending) context.playback.load(pending);
      return attached;
    },
  };
  FullArticlePlayer.use(queueReadingArticle);
  customElements.define('article-player', FullArticlePlayer);
}

/** The page's language, which the controls speak (`<html lang>`, read by the element's strings). */
function setPageLanguage(lang: string): void {
  const page = globalThis as { document?: { documentElement: { lang: string } } };
  page.document ??= { documentElement: { lang } };
  page.document.documentElement.lang = lang;
}

/** Lit's hydration markers: `<!--lit-part …-->`, `<!--/lit-part-->`, `<!--lit-node N-->`. */
const MARKER = /<!--(?:lit-part(?: [^>]*)?|\/lit-part|lit-node \d+)-->/gu;
const CONTROL = /<(button|select|input)\b/gu;

/** A part's markup as plain HTML: no markers (the element does not hydrate it), controls disabled. */
function inert(markup: string): string {
  return `<!--lit-part-->${markup.replace(MARKER, '').replace(CONTROL, '<$1 disabled')}<!--/lit-part-->`;
}

/**
 * The `<template shadowrootmode="open">` of an `<article-player>` reading `article`, on a page in
 * `pageLang` (the controls speak the page's language).
 */
export function prerenderPlayer(article: Article, pageLang: string): string {
  definePlayer();
  setPageLanguage(pageLang);
  pending = article;
  let out: string;
  try {
    out = collectResultSync(render(html`<article-player lang=${article.lang}></article-player>`));
  } finally {
    pending = null;
  }
  // <template …><style>…</style><!--lit-part R-->BAR<!--lit-node N--><slot></slot>AFTER<!--/lit-part--></template>
  const shape =
    /(<template shadowroot[^>]*>(?:<style>[\s\S]*?<\/style>)*<!--lit-part [^>]*-->)([\s\S]*?)(\s*<!--lit-node \d+--><slot\b[^>]*><\/slot\s*>)([\s\S]*?)(\s*(?:<\?>)?<!--\/lit-part--><\/template>)/u.exec(
      out,
    );
  if (!shape) throw new Error(`Lit SSR rendered an unexpected <article-player> shadow root`);
  const [, head = '', bar = '', slot = '', after = '', tail = ''] = shape;
  // An article page has one player, which docks at the bottom of a phone's screen (features/dock.ts
  // docks the page's first player when it connects, which Lit SSR does not do): rendered docked,
  // with the room the dock leaves under the article, it is where the live bar will be.
  const docked = bar.replace('class="bar"', 'class="bar docked"');
  if (docked === bar) throw new Error('Lit SSR rendered no <div class="bar"> for <article-player>');
  return head + inert(docked) + slot + inert(`${after}<div class="dock-space"></div>`) + tail;
}

/**
 * The styles the player puts into its page (the highlights, the docked bar), as the page's own
 * `<style>` for its `<head>`: there from the first style pass, they cost nothing when the element
 * starts, whereas a style sheet added then restyles every paragraph of the article.
 */
export function prerenderPageStyles(): string {
  return `<style ${PAGE_STYLES_ATTRIBUTE}="highlight dock">${HIGHLIGHT_PAGE_CSS}${DOCK_PAGE_CSS}</style>`;
}
