/**
 * The app's player feature for a listening session: at the end of an article of "Up next" it
 * says "Next article." through the player's own speech engine and shows the next one's title,
 * then the session opens that article in the running page and reading goes on (from its own
 * title), without a new tap. A
 * visible button, or Pause on the lock screen or headset, cancels it. The track keys go to the
 * next and previous article while a queue plays. It records how far each article was heard.
 *
 * The element knows nothing of queues: this is registered by the app (`app-player.ts`), and the
 * embed never carries it.
 */
import { css, html, nothing } from 'lit';
import type { Position } from '../core/article.js';
import { Status } from '../core/playback.js';
import { finishedProgress, progressAt, type Progress } from '../core/progress.js';
import type { QueueItem } from '../core/queue.js';
import type { PlayerFeature } from '../element/feature.js';
import { setMediaTracks } from '../element/features/media-session.js';
import { APP_LANG, strings } from './strings.js';

/** What is said of the next article: its title, and the title's language where known. */
type NextArticle = Pick<QueueItem, 'title' | 'lang'>;

/** What the feature needs of the app's session (a fake in the component tests). */
export interface ListeningSession {
  /** Where the article being read stands in the queue being played, or null. */
  place(): { readonly index: number; readonly total: number } | null;
  /** What follows this article's end, when the queue is played continuously; else null. */
  upNext(): NextArticle | null;
  /** Get the next article ready while its title is said. */
  prepareNext(): void;
  /** The announcement is over: open the next article and play it. */
  playNext(): void;
  /** The track keys: another article of the queue. False when no queue is being played. */
  skip(by: 1 | -1): boolean;
  /** The listener cancelled the next article: the queue stops being played here. */
  cancelNext(): void;
  /** The article just loaded was opened by the session to be played: from where (else null). */
  takeAutoplay(): Position | null;
  /** The progress key of the article at the current address (taken when it loads). */
  progressKey(): string;
  /** How far the article of `key` was heard. */
  recordProgress(key: string, progress: Progress): void;
  /** A message for the app's status region, announced once. */
  announce(message: string): void;
  /** Time, for the records. */
  now(): number;
}

/** "Next: <title>", the title in its own language (the line is in the app's). */
const upNextLine = (next: NextArticle) =>
  html`<span>${strings.upNextLabel} <span lang=${next.lang ?? nothing}>${next.title}</span></span>`;

export function queueFeature(session: ListeningSession): PlayerFeature {
  return {
    name: 'queue',
    styles: css`
      .up-next {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
        margin: 0;
      }
      .queue-place {
        margin: 0;
      }
    `,
    attach({ player, playback }) {
      /** The article being announced, until it opens or the listener cancels. */
      let announcing: NextArticle | null = null;
      let generation = 0;

      const cancel = (message: string) => {
        if (announcing === null) return;
        announcing = null;
        generation += 1;
        playback.engine.cancel();
        session.cancelNext();
        // Ended → idle: the lock-screen session is released, nothing more is coming.
        playback.dispatch({ type: 'stop' });
        session.announce(message);
        player.requestUpdate();
      };

      const announce = (next: NextArticle) => {
        announcing = next;
        const mine = ++generation;
        session.prepareNext();
        session.announce(strings.upNextAnnounced(next.title));
        player.requestUpdate();
        const done = () => {
          if (mine !== generation || announcing === null) return;
          announcing = null;
          player.requestUpdate();
          session.playNext();
        };
        playback.engine.speak(
          {
            text: strings.upNextSpoken,
            lang: APP_LANG,
            voiceURI: null,
            rate: player.rate || 1,
          },
          {
            onEnd: done,
            // A voice that cannot say it must not stop the session.
            onError: done,
            onInterrupted: () => cancel(strings.upNextCancelled),
          },
        );
      };

      setMediaTracks(player, {
        continuing: () => announcing !== null || session.upNext() !== null,
        place: () => {
          const place = session.place();
          return place ? strings.queuePlace(place.index, place.total) : null;
        },
        next: () => {
          if (announcing !== null) {
            // Skip the announcement: straight to the next article.
            announcing = null;
            generation += 1;
            playback.engine.cancel();
            session.playNext();
            return true;
          }
          return session.skip(1);
        },
        previous: () => {
          if (announcing !== null) cancel(strings.upNextCancelled);
          return session.skip(-1);
        },
        pause: () => {
          if (announcing === null) return false;
          cancel(strings.upNextCancelled);
          return true;
        },
      });

      let lastRecorded = -1;
      /** Whose progress this is: taken at load, since the address changes before the next one. */
      let key = '';
      playback.subscribe({
        onArticleLoaded() {
          lastRecorded = -1;
          key = session.progressKey();
          const start = session.takeAutoplay();
          if (!start) return;
          if (start.block > 0 || start.offset > 0) {
            playback.dispatch({ type: 'seek', position: start });
          }
          playback.dispatch({ type: 'play' });
        },
        onTransition(previous, next) {
          // No voice here reads this article's language (its message stays): on to the next.
          if (
            next.error?.code === 'no-voice-for-language' &&
            previous.status !== Status.Error &&
            session.place()
          ) {
            const upcoming = session.upNext();
            if (upcoming) announce(upcoming);
            return;
          }
          // The listener pressed Play (or the keyboard) during the announcement: it is over.
          if (announcing !== null && next.status === Status.Playing) {
            announcing = null;
            generation += 1;
            session.cancelNext();
          }
          if (next.status === Status.Ended && previous.status === Status.Playing) {
            session.recordProgress(key, finishedProgress(session.now()));
            const upcoming = session.upNext();
            if (upcoming) announce(upcoming);
            else if (session.place()) {
              session.cancelNext();
              session.announce(strings.queueFinished);
            }
            return;
          }
          // Once per block, and when reading stops: not per sentence.
          const stopped = previous.status === Status.Playing && next.status !== Status.Playing;
          const moved = next.status === Status.Playing && next.position.block !== lastRecorded;
          // The very start says nothing, and must not undo "finished" by a mere press of Play.
          const atStart = next.position.block === 0 && next.position.offset === 0;
          if (
            (stopped || moved) &&
            !atStart &&
            next.status !== Status.Idle &&
            next.status !== Status.Error
          ) {
            lastRecorded = next.position.block;
            session.recordProgress(
              key,
              progressAt(next.blockLengths, next.position, session.now()),
            );
          }
        },
      });

      const onCancel = () => cancel(strings.upNextCancelled);
      return {
        render(place) {
          if (place !== 'controls') return nothing;
          const where = session.place();
          return html`${
            where
              ? html`<p class="queue-place" part="queue-place" lang=${APP_LANG}>
                  ${strings.queuePlaceLong(where.index, where.total)}
                </p>`
              : nothing
          }
          ${
            announcing !== null
              ? html`<p class="up-next" part="up-next" lang=${APP_LANG}>
                  ${upNextLine(announcing)}
                  <button type="button" part="button cancel-next" @click=${onCancel}>
                    ${strings.cancelNext}
                  </button>
                </p>`
              : nothing
          }`;
        },
        stopped() {
          cancel(strings.upNextCancelled);
        },
      };
    },
  };
}
