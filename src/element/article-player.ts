/** Defines <article-player>. Import `./player-element.js` for the class without defining it. */
import { ArticlePlayer } from './player-element.js';

export { ArticlePlayer };
export type * from './events.js';

declare global {
  interface HTMLElementTagNameMap {
    'article-player': ArticlePlayer;
  }
}

if (!customElements.get('article-player')) customElements.define('article-player', ArticlePlayer);
