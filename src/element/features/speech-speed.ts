/**
 * The listener's speech speed, learned from each utterance spoken to its end: one per player,
 * shared by whichever features need it (the word estimate, the time left).
 */
import { SpeedEstimate } from '../../core/word-timing.js';
import type { SpokenChunk } from '../controllers/playback-controller.js';
import type { PlayerContext } from '../feature.js';

const speeds = new WeakMap<PlayerContext['playback'], SpeedEstimate>();

export function speechSpeed({ playback, clock }: PlayerContext): SpeedEstimate {
  let speed = speeds.get(playback);
  if (!speed) {
    const learned = new SpeedEstimate();
    speed = learned;
    speeds.set(playback, learned);
    let started: { chunk: SpokenChunk; at: number } | null = null;
    playback.subscribe({
      onChunkStart: (chunk) => (started = { chunk, at: clock.now() }),
      onChunkEnd(chunk, completed) {
        if (completed && started?.chunk === chunk) {
          learned.measure(chunk.text.length, clock.now() - started.at, chunk.rate);
        }
        started = null;
      },
      onTransition(_previous, next) {
        // Paused or stopped: the chunk being timed was cut short.
        if (next.status !== 'playing') started = null;
      },
    });
  }
  return speed;
}
