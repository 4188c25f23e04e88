/**
 * The app's `<article-player>`: the full player plus the listening session's feature (Up next,
 * progress in the library). Its pages import this rather than `article-player-full.js`, so that
 * neither embed carries the queue.
 */
import { FullArticlePlayer } from '../element/full-player-element.js';
import { queueFeature } from './queue-feature.js';
import { session } from './session.js';

export class AppArticlePlayer extends FullArticlePlayer {
  static {
    this.use(queueFeature(session));
  }
}

/** Defines the tag (a call, not an import's side effect, which the bundler would drop). */
export function defineAppPlayer(): void {
  if (!customElements.get('article-player')) {
    customElements.define('article-player', AppArticlePlayer);
  }
}
