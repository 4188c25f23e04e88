/**
 * Moving by sentence: the previous- and next-sentence buttons around Play, the arrow keys and
 * the media keys' seek actions. "Back" early in a sentence goes to the sentence before, as media
 * players do with tracks.
 */
import { nothing } from 'lit';
import { iconButton } from '../controls.js';
import { SHORTCUTS } from '../controllers/keyboard-controller.js';
import type { PlayerFeature } from '../feature.js';
import { listeningStrings as strings } from '../i18n.js';
import { icons } from '../icons.js';
import { sentenceAfter, sentenceBefore } from '../sentence-navigation.js';

/** "Back" within this long of a sentence's start goes to the sentence before. */
export const EARLY_IN_SENTENCE_MS = 1500;

export const moveBySentence: PlayerFeature = {
  name: 'move-by-sentence',
  attach({ playback, actions, clock, bar, hotkeysEnabled }) {
    let chunkStartedAt = Number.NEGATIVE_INFINITY;
    playback.subscribe({ onChunkStart: () => (chunkStartedAt = clock.now()) });
    const previousSentence = () => {
      const early = clock.now() - chunkStartedAt < EARLY_IN_SENTENCE_MS;
      const target = sentenceBefore(playback, playback.state.position, early);
      playback.dispatch({ type: 'seek', position: target });
    };
    const nextSentence = () => {
      const target = sentenceAfter(playback, playback.state.position);
      if (target) playback.dispatch({ type: 'seek', position: target });
    };
    actions.previousSentence = previousSentence;
    actions.nextSentence = nextSentence;
    const button = (place: 'previous-sentence' | 'next-sentence') => {
      const previous = place === 'previous-sentence';
      return iconButton({
        part: place,
        label: previous ? strings.previousSentence : strings.nextSentence,
        icon: previous ? icons.previousSentence : icons.nextSentence,
        onClick: previous ? previousSentence : nextSentence,
        disabled: bar().blocked,
        shortcut: hotkeysEnabled()
          ? previous
            ? SHORTCUTS.previousSentence
            : SHORTCUTS.nextSentence
          : undefined,
      });
    };
    return {
      render: (place) =>
        place === 'before-play'
          ? button('previous-sentence')
          : place === 'after-play'
            ? button('next-sentence')
            : nothing,
    };
  },
};
