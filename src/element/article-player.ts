/**
 * Defines <article-player> as the embed's player (`dist/embed/article-player.js`). Import
 * `./player-element.js` for the class without defining it; `./article-player-full.js` defines
 * the player with the listening extras instead.
 */
import { ArticlePlayer } from './player-element.js';

export { ArticlePlayer };
export type * from './events.js';

declare global {
  interface HTMLElementTagNameMap {
    'article-player': ArticlePlayer;
  }
}

if (!customElements.get('article-player')) customElements.define('article-player', ArticlePlayer);
