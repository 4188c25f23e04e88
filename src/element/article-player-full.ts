/**
 * Defines <article-player> as the full player, with the listening features (the app's, and
 * `dist/embed/article-player-full.js`). Import `./full-player-element.js` for the class alone.
 */
import { FullArticlePlayer } from './full-player-element.js';
// The app's pages may be French.
import './translation-fr.js';

export { FullArticlePlayer };
export { ArticlePlayer } from './player-element.js';
export type * from './events.js';

if (!customElements.get('article-player')) {
  customElements.define('article-player', FullArticlePlayer);
}
