/** A sleep timer, in the settings dialog: after N minutes, reading stops at the end of a sentence. */
import { html, nothing } from 'lit';
import type { PlayerFeature } from '../feature.js';
import { listeningStrings as strings } from '../i18n.js';

export const SLEEP_MINUTES = [5, 10, 15, 30, 45, 60] as const;

export const sleepTimer: PlayerFeature = {
  name: 'sleep-timer',
  attach({ player, playback, clock }) {
    let minutes: number | null = null;
    let timer: number | undefined;
    const cancel = () => {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
    };
    player.addController({ hostDisconnected: cancel });
    const onChange = (event: Event) => {
      const value = (event.target as HTMLSelectElement).value;
      minutes = value === 'off' ? null : Number(value);
      cancel();
      if (minutes !== null) {
        timer = clock.setTimeout(() => {
          minutes = null;
          timer = undefined;
          playback.dispatch({ type: 'pause-at-chunk-end' });
          player.requestUpdate();
        }, minutes * 60_000);
      }
    };
    return {
      render: (place) =>
        place === 'settings'
          ? html`<label class="field">
              ${strings.sleepTimer}
              <select @change=${onChange}>
                <option value="off" ?selected=${minutes === null}>${strings.sleepOff}</option>
                ${SLEEP_MINUTES.map(
                  (choice) =>
                    html`<option value=${choice} ?selected=${minutes === choice}>
                      ${strings.sleepMinutes(choice)}
                    </option>`,
                )}
              </select>
            </label>`
          : nothing,
    };
  },
};
