/** The position slider ("Paragraph 4 of 19" to screen readers) and the time left. */
import { css, html, nothing } from 'lit';
import { charactersFrom } from '../../core/timing.js';
import type { PlayerFeature } from '../feature.js';
import { listeningStrings as strings } from '../i18n.js';
import { speechSpeed } from './speech-speed.js';

const styles = css`
  .progress {
    display: flex;
    flex: 1 1 16rem;
    align-items: center;
    gap: 0.5rem;
    font-variant-numeric: tabular-nums;
  }
  /* While a long article is still being read, its total grows: the box keeps its place and
     size, and shows the slider and the time left once the total is known (nothing moves). */
  .progress.pending > * {
    visibility: hidden;
  }
  .progress input {
    flex: 1;
    min-height: 44px;
    margin: 0;
    accent-color: var(--_accent);
  }
`;

export const progress: PlayerFeature = {
  name: 'progress',
  styles,
  attach(context) {
    const { player, playback, bar, rate } = context;
    const speed = speechSpeed(context);
    /** For each block, the characters from its start to the end of the blocks read so far. */
    let charactersAfter = [0];
    let lengths: readonly number[] = [];
    const minutesLeft = () => {
      const { position, blockLengths } = playback.state;
      // A new article, or more of a long one read.
      if (blockLengths !== lengths) charactersAfter = charactersFrom((lengths = blockLengths));
      const characters = (charactersAfter[position.block] ?? 0) - position.offset;
      return Math.round(speed.expectedMs(Math.max(0, characters), rate()) / 60_000);
    };
    /** The article whose blocks are all read (a long one is read a slice at a time). */
    let complete: unknown = null;
    playback.subscribe({
      onArticleLoaded(article) {
        complete = article;
        player.requestUpdate();
      },
    });
    const onChange = (event: Event) => {
      void player.seek(Number((event.target as HTMLInputElement).value));
    };
    return {
      render(place) {
        const { total, position, blocked } = bar();
        const pending = complete !== playback.article;
        // While the article is still being read, its box is there even when the first slice read
        // a single block: the rest would add it, and move what follows.
        if (place !== 'controls' || (total <= 1 && !pending)) return nothing;
        return html`<div class=${pending ? 'progress pending' : 'progress'} part="progress">
          <input
            type="range"
            min="0"
            max=${Math.max(0, total - 1)}
            .value=${String(position.block)}
            aria-label=${strings.position}
            aria-valuetext=${strings.paragraphOf(position.block + 1, total)}
            ?disabled=${blocked}
            @change=${onChange}
          />
          <span>${strings.timeLeft(minutesLeft())}</span>
        </div>`;
      },
    };
  },
};
