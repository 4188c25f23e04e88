/**
 * The Settings button and its dialog: voice (of the article's language), what other features put
 * in it (the sleep timer), scrolling, word highlight, keyboard shortcuts and their list. It edits
 * the player's settings, the one source the element and the features read.
 */
import { css, html, nothing } from 'lit';
import { voiceGroups, voiceLabel } from '../../core/voice-menu.js';
import { Status } from '../../core/playback.js';
import { primaryLanguage, voiceKey } from '../../core/voices.js';
import { SHORTCUTS } from '../controllers/keyboard-controller.js';
import { VoiceAvailability } from '../controllers/playback-controller.js';
import type { PlayerFeature } from '../feature.js';
import { listeningStrings as strings, pageLanguage } from '../i18n.js';

type Toggle = 'follow' | 'highlightWords' | 'hotkeys';

const styles = css`
  dialog {
    max-width: min(32rem, 90vw);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    background: Canvas;
    color: CanvasText;
    font: var(--ap-font, 1rem/1.4 system-ui, sans-serif);
  }
  dialog h2 {
    margin-top: 0;
    font-size: 1.25rem;
  }
  dialog .field {
    display: flex;
    min-height: 44px;
    margin-block: 0.25rem;
  }
  dialog .voice {
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  /* The voice is known only once the voices are in, after the bar is drawn: its name takes the
     room left on the bar's line (a zero basis never wraps the line), so the bar never grows. */
  .voice-name {
    flex: 1 1 0;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    align-self: center;
    font-size: 0.875rem;
  }
  dialog input[type='checkbox'] {
    width: 1.5rem;
    height: 1.5rem;
  }
  dialog dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
  }
  dialog dd {
    margin: 0;
  }
  kbd {
    font-family: ui-monospace, monospace;
    border: 1px solid currentColor;
    border-radius: 0.25rem;
    padding: 0 0.25rem;
  }
`;

export const settingsDialog: PlayerFeature = {
  name: 'settings-dialog',
  styles,
  attach({ player, playback, settings, preferredVoice, restartFromWord, renderPlace, rate }) {
    /** The dialog's content (hundreds of voices, with espeak-ng) is rendered only while it is open. */
    let open = false;
    const dialog = () => player.renderRoot.querySelector('dialog');

    const onSettingsClick = async () => {
      open = true;
      player.requestUpdate();
      await player.updateComplete;
      dialog()?.showModal();
    };
    const onCloseClick = () => dialog()?.close();
    const onClosed = () => {
      open = false;
      player.requestUpdate();
    };
    const onVoiceChange = (event: Event) => {
      const uri = (event.target as HTMLSelectElement).value;
      const lang = primaryLanguage(playback.article?.lang ?? '');
      const { [lang]: _previous, ...others } = settings.value.voices;
      settings.update({ voices: uri ? { ...others, [lang]: uri } : others });
      playback.forgetVoiceChoice();
      restartFromWord();
    };
    /**
     * Speaks the sentence being read in the picked voice; the reading position stays where it
     * was, and reading goes on from there if it was going.
     */
    const onPreviewClick = () => {
      const select = player.renderRoot.querySelector<HTMLSelectElement>('select[part~="voice"]');
      const article = playback.article;
      if (!article) return;
      const { position, status } = playback.state;
      const wasPlaying = status === Status.Playing;
      if (wasPlaying) playback.dispatch({ type: 'pause' });
      const block = article.blocks[position.block];
      const range = playback.chunkAt({ block: position.block, offset: position.offset });
      const text = block && range ? block.text.slice(range.start, range.end) : article.title;
      const current = playback.currentVoice;
      const resume = () => {
        if (wasPlaying && playback.state.status === Status.Paused)
          playback.dispatch({ type: 'play' });
      };
      playback.engine.speak(
        {
          text,
          lang: block?.lang ?? article.lang,
          voiceURI: select?.value || (current ? voiceKey(current) : null),
          rate: rate(),
        },
        { onEnd: resume, onError: resume, onInterrupted: () => undefined },
      );
    };
    const onToggle = (event: Event) => {
      const input = event.target as HTMLInputElement;
      settings.update({ [input.name as Toggle]: input.checked });
    };

    const toggle = (name: Toggle, label: string) =>
      html`<label class="field"
        ><input type="checkbox" name=${name} .checked=${settings.value[name]} @change=${onToggle} />
        ${label}</label
      >`;

    const content = () => {
      const chosenVoice = preferredVoice();
      return html`
        <h2 id="settings-title">${strings.settingsTitle}</h2>
        ${
          playback.voiceAvailability === VoiceAvailability.Ready
            ? html`<div class="field voice">
                <label>
                  ${strings.voice}
                  <select part="voice" @change=${onVoiceChange}>
                    <option value="" ?selected=${!chosenVoice}>${strings.automaticVoice}</option>
                    ${voiceGroups(playback.voices, playback.article?.lang ?? '', {
                      locale: navigator.language,
                      online: navigator.onLine,
                      displayLang: pageLanguage(),
                    }).map(
                      (group) =>
                        html`<optgroup label=${group.other ? strings.otherVoices : group.label}>
                          ${group.options.map(
                            (option) =>
                              html`<option
                                value=${option.key}
                                ?selected=${option.key === chosenVoice}
                                ?disabled=${option.disabled}
                              >
                                ${
                                  option.network
                                    ? strings.needsConnection(option.label)
                                    : option.label
                                }
                              </option>`,
                          )}
                        </optgroup>`,
                    )}
                  </select>
                </label>
                <button part="button preview" @click=${onPreviewClick}>
                  ${strings.previewVoice}
                </button>
              </div>`
            : nothing
        }
        ${renderPlace('settings')} ${toggle('follow', strings.followReading)}
        ${toggle('highlightWords', strings.highlightWords)}
        ${toggle('hotkeys', strings.keyboardShortcuts)}
        <p>${strings.shortcutsHelp}</p>
        <dl>
          ${Object.entries(SHORTCUTS).map(
            ([action, keys]) =>
              html`<dt><kbd>${keys}</kbd></dt>
                <dd>${strings.shortcutNames[action as keyof typeof SHORTCUTS]}</dd>`,
          )}
        </dl>
        <button part="button close" @click=${onCloseClick}>${strings.close}</button>
      `;
    };

    return {
      render(place) {
        if (place === 'controls') {
          const voice = playback.currentVoice;
          return html`<button
              part="button settings"
              aria-haspopup="dialog"
              @click=${onSettingsClick}
            >
              ${strings.settings}
            </button>
            <span class="voice-name" part="voice-name"
              >${voice ? strings.voiceInUse(voiceLabel(voice)) : nothing}</span
            >`;
        }
        if (place === 'after') {
          return html`<dialog part="dialog" aria-labelledby="settings-title" @close=${onClosed}>
            ${open ? content() : nothing}
          </dialog>`;
        }
        return nothing;
      },
    };
  },
};
