/**
 * The app's `<article-player>`: the full player plus the listening session's feature (Up next,
 * progress in the library). The app's pages import this rather than `article-player-full.js`.
 *
 * The feature is registered on the app's own copy of `FullArticlePlayer` (each bundle has its
 * own): the embeds, built from src/element alone, never carry it. (Not a subclass: a subclass's
 * `use` would start its styles from the element's own, without the listening features' styles.)
 */
// First, before Lit itself (the bundle keeps this order): LitElement then takes over a shadow
// root pre-rendered in the page (declarative shadow DOM, the article pages' build) instead of
// attaching a new one, which would lay the whole article out again.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { FullArticlePlayer } from '../element/full-player-element.js';
// The app's pages may be French.
import '../element/translation-fr.js';
import { queueFeature } from './queue-feature.js';
import { session } from './session.js';

export { WebSpeechEngine } from '../speech/web-speech-engine.js';

/** Defines the tag (a call, not an import's side effect, which the bundler would drop). */
export function defineAppPlayer(): void {
  if (customElements.get('article-player')) return;
  FullArticlePlayer.use(queueFeature(session));
  customElements.define('article-player', FullArticlePlayer);
}
