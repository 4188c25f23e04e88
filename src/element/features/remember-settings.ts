/**
 * The listener's settings kept on the device (local storage, versioned): the rate, the voice
 * per language, scrolling, word highlight and shortcuts. A `rate` attribute beats the kept rate.
 */
import type { PlayerFeature } from '../feature.js';
import { LocalStore } from '../local-store.js';

export const rememberSettings: PlayerFeature = {
  name: 'remember-settings',
  attach({ player, settings }) {
    const store = new LocalStore();
    settings.update(store.settings);
    settings.subscribe((value) => store.saveSettings(value));
    player.addController({
      hostConnected() {
        if (!player.hasAttribute('rate')) player.rate = settings.value.rate;
      },
    });
    return {};
  },
};
