import { html, nothing, type TemplateResult } from 'lit-html';
import type { Article, Position } from '../core/article.js';
import { Status, type PlaybackState } from '../core/playback.js';
import { charactersFrom } from '../core/timing.js';
import { primaryLanguage } from '../core/voices.js';
import { DockController } from './controllers/dock-controller.js';
import { SHORTCUTS } from './controllers/keyboard-controller.js';
import { MediaSessionController } from './controllers/media-session-controller.js';
import { PersistenceController } from './controllers/persistence-controller.js';
import { VoiceAvailability, type SpokenChunk } from './controllers/playback-controller.js';
import { WakeLockController } from './controllers/wake-lock-controller.js';
import { WordEstimateController } from './controllers/word-estimate-controller.js';
import { listeningStrings as strings } from './i18n.js';
import { icons } from './icons.js';
import { ArticlePlayer, type BarState } from './player-element.js';
import { listeningStyles } from './listening-styles.js';
import { playerStyles } from './player-styles.js';
import { isOverBlock } from './reading-model.js';
import type { PropertyDeclarations } from './reactive-base.js';
import { sentenceAfter, sentenceBefore, wordStartAt } from './sentence-navigation.js';

const SLEEP_MINUTES = [5, 10, 15, 30, 45, 60] as const;
/** "Back" within this long of a sentence's start goes to the sentence before. */
const EARLY_IN_SENTENCE_MS = 1500;

/**
 * `<article-player>` with everything for a listening session, as the app uses it: buttons for
 * the previous and next sentence, a position slider with the time left, "Continue from
 * paragraph N" after a reload, a settings dialog (voice, sleep timer, scrolling, word
 * highlight, keyboard shortcuts), lock-screen and media-key controls, and the screen kept on
 * while reading. The listener's rate, voice and settings are remembered on the device.
 *
 * Publishers get it from `dist/embed/article-player-full.js` (or `article-player/full`) instead
 * of the smaller `article-player.js`; the tag, attributes, methods and events are the same.
 *
 * @summary The article player with the listening extras of the app.
 *
 * @csspart previous-sentence - The previous-sentence button.
 * @csspart next-sentence - The next-sentence button.
 * @csspart progress - The position slider and the time left.
 * @csspart resume - The "Continue from paragraph N" button.
 * @csspart settings - The settings button.
 * @csspart dialog - The settings dialog.
 * @csspart voice - The voice picker (in the settings dialog).
 * @csspart close - The settings dialog's Close button.
 */
export class FullArticlePlayer extends ArticlePlayer {
  static override styles = [playerStyles, listeningStyles];
  static override properties: PropertyDeclarations = {
    noMediaSession: { type: Boolean, reflect: true, attribute: 'no-media-session' },
    resumeOffer: { state: true },
    sleep: { state: true },
    settingsOpen: { state: true },
  };

  private readonly persistence = new PersistenceController();
  private readonly mediaSession = new MediaSessionController(
    this,
    {
      play: () => void this.play(),
      pause: () => void this.pause(),
      stop: () => void this.stop(),
      previousParagraph: () => void this.previous(),
      nextParagraph: () => void this.next(),
      previousSentence: () => void this.previousSentence(),
      nextSentence: () => void this.nextSentence(),
    },
    () => ({
      title: this.playback.article?.title ?? document.title,
      artist: location.hostname,
      artwork: artworkOfPage(),
    }),
  );
  private readonly wakeLock = new WakeLockController(this);
  private readonly dock = new DockController(this);
  private readonly wordEstimate = new WordEstimateController(this, this.readAlong, () =>
    this.wordsEnabled(),
  );

  /**
   * No lock-screen or media-key controls. They need a silent audio (a `data:` URL) playing, which
   * a strict Content Security Policy refuses and reports unless it allows `media-src data:`.
   */
  noMediaSession = false;

  private resumeOffer: Position | null = null;
  private sleep: 'off' | 'end' | number = 'off';
  /** The dialog's content (hundreds of voices, with espeak-ng) is rendered only while it is open. */
  private settingsOpen = false;
  private sleepTimer: number | undefined;
  private charactersAfter: number[] = [0];
  private chunkStartedAt = 0;

  override connectedCallback(): void {
    // Without the attribute, the listener's last choice.
    if (!this.hasAttribute('rate')) this.rate = this.persistence.settings.rate;
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearTimeout(this.sleepTimer);
  }

  /** Stops, goes back to the start and forgets the saved position. */
  override async stop(): Promise<void> {
    const stopped = super.stop();
    const id = this.playback.article?.id;
    if (id) this.persistence.savePosition(id, null);
    this.resumeOffer = null;
    await stopped;
  }

  protected override setRate(rate: number): void {
    super.setRate(rate);
    this.persistence.updateSettings({ rate: this.clampedRate() });
  }

  protected override preferredVoice(): string | null {
    if (this.voice) return this.voice;
    const lang = primaryLanguage(this.playback.article?.lang ?? '');
    return this.persistence.settings.voices[lang] ?? null;
  }

  protected override followEnabled(): boolean {
    return super.followEnabled() && this.persistence.settings.follow;
  }

  protected override hotkeysEnabled(): boolean {
    return super.hotkeysEnabled() && this.persistence.settings.hotkeys;
  }

  protected override wordsEnabled(): boolean {
    return this.persistence.settings.highlightWords;
  }

  protected override nextSentence(): boolean {
    const target = sentenceAfter(this.playback, this.playback.state.position);
    if (target) this.playback.dispatch({ type: 'seek', position: target });
    return true;
  }

  protected override previousSentence(): boolean {
    const early = performance.now() - this.chunkStartedAt < EARLY_IN_SENTENCE_MS;
    const target = sentenceBefore(this.playback, this.playback.state.position, early);
    this.playback.dispatch({ type: 'seek', position: target });
    return true;
  }

  protected override chunkStarted(chunk: SpokenChunk): void {
    this.chunkStartedAt = performance.now();
    super.chunkStarted(chunk);
    this.wordEstimate.chunkStarted(chunk);
  }

  protected override chunkBoundary(
    chunk: SpokenChunk,
    index: number,
    length: number | undefined,
  ): void {
    this.wordEstimate.chunkBoundary();
    super.chunkBoundary(chunk, index, length);
  }

  protected override chunkEnded(chunk: SpokenChunk, completed: boolean): void {
    this.wordEstimate.chunkEnded(chunk, completed);
    super.chunkEnded(chunk, completed);
  }

  /** The start of the word under a tap, or 0 where it cannot be found (keyboard clicks). */
  protected override tapOffset(block: number, event: MouseEvent): number {
    if (event.detail === 0) return 0;
    // Missing in older Safari: the tap then reads from the paragraph's start.
    const caret =
      'caretPositionFromPoint' in document
        ? document.caretPositionFromPoint(event.clientX, event.clientY)
        : null;
    if (!caret || !this.isOverText(block, event.clientX, event.clientY)) return 0;
    const offset = this.readAlong.offsetIn(block, caret.offsetNode, caret.offset);
    return offset > 0 ? wordStartAt(this.playback, { block, offset }) : 0;
  }

  /** A tap beside a short line or in a margin means the paragraph, not its nearest word. */
  private isOverText(block: number, x: number, y: number): boolean {
    const source = this.blockSources[block];
    return source !== undefined && isOverBlock(source, x, y);
  }

  protected override barClass(): string {
    return this.dock.docked ? 'bar docked' : 'bar';
  }

  protected override articleLoaded(article: Article): void {
    this.charactersAfter = charactersFrom(this.playback.state.blockLengths);
    const saved = this.persistence.savedPosition(article.id);
    const { blocks } = article;
    this.resumeOffer =
      saved && saved.block < blocks.length && (saved.block > 0 || saved.offset > 0)
        ? {
            block: saved.block,
            offset: Math.min(saved.offset, (blocks[saved.block]?.text.length ?? 1) - 1),
          }
        : null;
  }

  protected override onTransition(previous: PlaybackState, next: PlaybackState): void {
    const playing = next.status === Status.Playing;
    if (previous.status !== next.status) {
      if (playing) this.resumeOffer = null;
      else this.wordEstimate.stop();
      if (!this.noMediaSession) this.mediaSession.update(playing, next.status === Status.Paused);
      this.wakeLock.set(playing);
    }
    super.onTransition(previous, next);
    this.rememberPosition(previous, next);
  }

  private rememberPosition(previous: PlaybackState, next: PlaybackState): void {
    const id = this.playback.article?.id;
    if (!id) return;
    if (next.status === Status.Ended) {
      this.persistence.savePosition(id, null);
    } else if (
      (next.status === Status.Playing || next.status === Status.Paused) &&
      (previous.position !== next.position || previous.status !== next.status)
    ) {
      this.persistence.savePosition(id, next.position);
    }
  }

  private readonly onPreviousSentenceClick = () => void this.previousSentence();
  private readonly onNextSentenceClick = () => void this.nextSentence();

  private readonly onResumeClick = () => {
    const offer = this.resumeOffer;
    if (!offer) return;
    this.playback.dispatch({ type: 'seek', position: offer });
    this.playback.dispatch({ type: 'play' });
  };

  private readonly onPositionChange = (event: Event) => {
    void this.seek(Number((event.target as HTMLInputElement).value));
  };

  private readonly onVoiceChange = (event: Event) => {
    const uri = (event.target as HTMLSelectElement).value;
    const lang = primaryLanguage(this.playback.article?.lang ?? '');
    const { [lang]: _previous, ...others } = this.persistence.settings.voices;
    const voices = uri ? { ...others, [lang]: uri } : others;
    this.persistence.updateSettings({ voices });
    this.playback.forgetVoiceChoice();
    this.restartFromWord();
    this.requestUpdate();
  };

  private readonly onSleepChange = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value;
    this.sleep = value === 'off' || value === 'end' ? value : Number(value);
    window.clearTimeout(this.sleepTimer);
    if (typeof this.sleep === 'number') {
      this.sleepTimer = window.setTimeout(() => {
        this.sleep = 'off';
        this.playback.dispatch({ type: 'pause-at-chunk-end' });
      }, this.sleep * 60_000);
    }
  };

  private readonly onSettingToggle = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const key = input.name as 'follow' | 'highlightWords' | 'hotkeys';
    this.persistence.updateSettings({ [key]: input.checked });
    if (key === 'highlightWords' && !input.checked) this.readAlong.clear();
    this.requestUpdate();
  };

  private readonly onSettingsClick = async () => {
    this.settingsOpen = true;
    await this.updateComplete;
    this.dialog()?.showModal();
  };
  private readonly onCloseClick = () => this.dialog()?.close();
  private readonly onDialogClosed = () => (this.settingsOpen = false);

  private dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private minutesLeft(): number {
    const { position } = this.playback.state;
    const characters = (this.charactersAfter[position.block] ?? 0) - position.offset;
    const ms = this.wordEstimate.speed.expectedMs(Math.max(0, characters), this.clampedRate());
    return Math.round(ms / 60_000);
  }

  protected override renderButtons(bar: BarState): TemplateResult[] {
    const { blocked } = bar;
    return [
      this.previousButton(bar),
      this.iconButton(
        'previous-sentence',
        strings.previousSentence,
        icons.previousSentence,
        this.onPreviousSentenceClick,
        blocked,
        SHORTCUTS.previousSentence,
      ),
      this.playButton(bar),
      this.iconButton(
        'next-sentence',
        strings.nextSentence,
        icons.nextSentence,
        this.onNextSentenceClick,
        blocked,
        SHORTCUTS.nextSentence,
      ),
      this.nextButton(bar),
    ];
  }

  protected override renderMoreControls({ blocked, playing, position, total }: BarState) {
    return html`
      <button part="button settings" aria-haspopup="dialog" @click=${this.onSettingsClick}>
        ${strings.settings}
      </button>
      ${
        this.resumeOffer && !playing
          ? html`<button part="button resume" @click=${this.onResumeClick}>
              ${strings.continueFrom(this.resumeOffer.block + 1)}
            </button>`
          : nothing
      }
      ${
        total > 1
          ? html`<div class="progress" part="progress">
              <input
                type="range"
                min="0"
                max=${total - 1}
                .value=${String(position.block)}
                aria-label=${strings.position}
                aria-valuetext=${strings.paragraphOf(position.block + 1, total)}
                ?disabled=${blocked}
                @change=${this.onPositionChange}
              />
              <span>${strings.timeLeft(this.minutesLeft())}</span>
            </div>`
          : nothing
      }
    `;
  }

  protected override renderOverlay() {
    return html`${this.dock.docked ? html`<div class="dock-space"></div>` : nothing}
      <dialog part="dialog" aria-labelledby="settings-title" @close=${this.onDialogClosed}>
        ${this.settingsOpen ? this.renderSettings() : nothing}
      </dialog>`;
  }

  private renderSettings() {
    const settings = this.persistence.settings;
    const chosenVoice = this.preferredVoice();
    const toggle = (
      name: 'follow' | 'highlightWords' | 'hotkeys',
      label: string,
      checked: boolean,
    ) =>
      html`<label class="field"
        ><input type="checkbox" name=${name} .checked=${checked} @change=${this.onSettingToggle} />
        ${label}</label
      >`;
    return html`
      <h2 id="settings-title">${strings.settingsTitle}</h2>
      ${
        this.playback.voiceAvailability === VoiceAvailability.Ready
          ? html`<label class="field">
              ${strings.voice}
              <select part="voice" @change=${this.onVoiceChange}>
                <option value="" ?selected=${!chosenVoice}>${strings.automaticVoice}</option>
                ${this.playback.voices.map(
                  (voice) =>
                    html`<option
                      value=${voice.voiceURI}
                      ?selected=${voice.voiceURI === chosenVoice}
                    >
                      ${voice.name}
                    </option>`,
                )}
              </select>
            </label>`
          : nothing
      }
      <label class="field">
        ${strings.sleepTimer}
        <select @change=${this.onSleepChange}>
          <option value="off" ?selected=${this.sleep === 'off'}>${strings.sleepOff}</option>
          ${SLEEP_MINUTES.map(
            (minutes) =>
              html`<option value=${minutes} ?selected=${this.sleep === minutes}>
                ${strings.sleepMinutes(minutes)}
              </option>`,
          )}
          <option value="end" ?selected=${this.sleep === 'end'}>
            ${strings.sleepEndOfArticle}
          </option>
        </select>
      </label>
      ${toggle('follow', strings.followReading, settings.follow)}
      ${toggle('highlightWords', strings.highlightWords, settings.highlightWords)}
      ${toggle('hotkeys', strings.keyboardShortcuts, settings.hotkeys)}
      <p>${strings.shortcutsHelp}</p>
      <dl>
        ${Object.entries(SHORTCUTS).map(
          ([action, keys]) =>
            html`<dt><kbd>${keys}</kbd></dt>
              <dd>${strings.shortcutNames[action as keyof typeof SHORTCUTS]}</dd>`,
        )}
      </dl>
      <button part="button close" @click=${this.onCloseClick}>${strings.close}</button>
    `;
  }
}

/** The page's icons, as lock-screen artwork. */
function artworkOfPage(): MediaImage[] {
  return [
    ...document.querySelectorAll<HTMLLinkElement>(
      'link[rel~="icon"], link[rel="apple-touch-icon"]',
    ),
  ]
    .filter((link) => link.href)
    .map((link) => ({
      src: link.href,
      ...(link.sizes.value ? { sizes: link.sizes.value } : {}),
      ...(link.type ? { type: link.type } : {}),
    }));
}
