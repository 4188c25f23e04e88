/**
 * The position in each article, kept on the device: reopening an article offers "Continue from
 * paragraph N" until reading starts. Stopping, or reading to the end, forgets it.
 */
import { html, nothing } from 'lit';
import type { Position } from '../../core/article.js';
import { Status } from '../../core/playback.js';
import type { PlayerFeature } from '../feature.js';
import { listeningStrings as strings } from '../i18n.js';
import { LocalStore } from '../local-store.js';

export const resume: PlayerFeature = {
  name: 'resume',
  attach({ playback, bar }) {
    const store = new LocalStore();
    let offer: Position | null = null;
    playback.subscribe({
      onArticleLoaded(article) {
        // A long article is loaded once it is all read: reading may have started by then.
        const { status } = playback.state;
        if (status === Status.Playing || status === Status.Paused) {
          offer = null;
          return;
        }
        const saved = store.savedPosition(article.id);
        const { blocks } = article;
        offer =
          saved && saved.block < blocks.length && (saved.block > 0 || saved.offset > 0)
            ? {
                block: saved.block,
                offset: Math.min(saved.offset, (blocks[saved.block]?.text.length ?? 1) - 1),
              }
            : null;
      },
      onTransition(previous, next) {
        if (next.status === Status.Playing) offer = null;
        const id = playback.article?.id;
        if (!id) return;
        if (next.status === Status.Ended) {
          store.savePosition(id, null);
        } else if (
          (next.status === Status.Playing || next.status === Status.Paused) &&
          (previous.position !== next.position || previous.status !== next.status)
        ) {
          store.savePosition(id, next.position);
        }
      },
    });
    const onResumeClick = () => {
      if (!offer) return;
      playback.dispatch({ type: 'seek', position: offer });
      playback.dispatch({ type: 'play' });
    };
    return {
      stopped() {
        const id = playback.article?.id;
        if (id) store.savePosition(id, null);
        offer = null;
      },
      render: (place) =>
        place === 'controls' && offer && !bar().playing
          ? html`<button part="button resume" @click=${onResumeClick}>
              ${strings.continueFrom(offer.block + 1)}
            </button>`
          : nothing,
    };
  },
};
