import { css, html, LitElement, nothing, type PropertyValues, type SVGTemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Article } from '../core/article.js';
import { Status, type PlaybackState } from '../core/playback.js';
import { languageName, speechErrorMessage, strings } from '../core/strings.js';
import type { SpeechEngine } from '../speech/engine.js';
import { WebSpeechEngine } from '../speech/web-speech-engine.js';
import { readBlocks } from './blocks.js';
import { FollowScrollController } from './controllers/follow-scroll-controller.js';
import { HighlightController } from './controllers/highlight-controller.js';
import { PlaybackController, VoiceAvailability } from './controllers/playback-controller.js';
import { playerEvent } from './events.js';
import { icons } from './icons.js';
import { ArticleLoadError, fetchArticle, renderArticle } from './load-article.js';

export const RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;
const MIN_RATE = 0.5;
const MAX_RATE = 3;

/** Clicks on these are the page's own business, never a request to read from there. */
const INTERACTIVE = 'a, button, input, select, textarea, summary, label, [contenteditable]';

/**
 * Reads the article inside it aloud, highlighting the paragraph being read.
 *
 * @summary An accessible text-to-speech player for the article it wraps.
 *
 * @slot - The article markup. It is read, never rewritten; the block being read gets `data-reading`.
 *
 * @fires ap-play - Reading started or resumed.
 * @fires ap-pause - Reading paused (by the user or by another program taking the speech).
 * @fires ap-ended - The end of the article was reached.
 * @fires ap-paragraph - Another block is being read. `detail: { index, total }`.
 * @fires ap-error - Reading cannot go on. `detail: { code, message }`.
 *
 * @csspart bar - The control bar.
 * @csspart button - Every button; each also has its own part: `play`, `previous`, `next`.
 * @csspart play - The play/pause button.
 * @csspart previous - The previous-paragraph button.
 * @csspart next - The next-paragraph button.
 * @csspart speed - The speed picker.
 * @csspart voice - The voice picker.
 * @csspart progress - The "Paragraph N of M" text.
 * @csspart status - The status message (state changes and errors).
 *
 * @cssprop --ap-accent - Background of the play button. Default: #0b57d0 (light), #a8c7fa (dark).
 * @cssprop --ap-on-accent - Text on the play button.
 * @cssprop --ap-bar-background - Background of the control bar. Default: Canvas.
 * @cssprop --ap-bar-color - Text of the control bar. Default: CanvasText.
 * @cssprop --ap-radius - Corner radius of controls and highlight.
 * @cssprop --ap-font - Font of the controls.
 * @cssprop --ap-paragraph-background - Background of the block being read.
 * @cssprop --ap-paragraph-color - Text colour of the block being read.
 */
export class ArticlePlayer extends LitElement {
  static override styles = css`
    :host {
      display: block;
      --_accent: var(--ap-accent, #0b57d0);
      --_on-accent: var(--ap-on-accent, #ffffff);
      --_radius: var(--ap-radius, 0.5rem);
    }
    @media (prefers-color-scheme: dark) {
      :host {
        --_accent: var(--ap-accent, #a8c7fa);
        --_on-accent: var(--ap-on-accent, #062e6f);
      }
    }
    .bar {
      position: sticky;
      top: 0;
      z-index: 1;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      padding: 0.5rem;
      margin-block-end: 1rem;
      background: var(--ap-bar-background, Canvas);
      color: var(--ap-bar-color, CanvasText);
      border: 1px solid color-mix(in srgb, currentColor 30%, transparent);
      border-radius: var(--_radius);
      font: var(--ap-font, 1rem/1.4 system-ui, sans-serif);
    }
    button,
    select {
      min-width: 44px;
      min-height: 44px;
      font: inherit;
      border-radius: var(--_radius);
    }
    button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 0.25rem;
      padding: 0 0.5rem;
      border: 1px solid currentColor;
      background: transparent;
      color: inherit;
      cursor: pointer;
    }
    button.play {
      min-width: 6.5rem;
      background: var(--_accent);
      border-color: var(--_accent);
      color: var(--_on-accent);
      font-weight: 600;
    }
    button:disabled {
      cursor: not-allowed;
      opacity: 0.6;
    }
    button:focus-visible,
    select:focus-visible {
      outline: 3px solid var(--_accent);
      outline-offset: 2px;
    }
    svg {
      width: 1.5rem;
      height: 1.5rem;
      fill: currentColor;
    }
    label {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
    }
    select {
      max-width: 12rem;
      padding: 0 0.25rem;
      background: var(--ap-bar-background, Canvas);
      color: inherit;
      border: 1px solid currentColor;
    }
    .progress {
      font-variant-numeric: tabular-nums;
    }
    .status {
      flex-basis: 100%;
      margin: 0;
    }
    .status:empty {
      display: none;
    }
    @media (forced-colors: active) {
      button.play {
        background: ButtonFace;
        color: ButtonText;
        border-color: ButtonText;
      }
    }
  `;

  private readonly playback: PlaybackController;
  private readonly highlight = new HighlightController(this, () => this.currentElement());
  private readonly followScroll = new FollowScrollController(
    this,
    () => (this.status === Status.Playing ? this.currentElement() : null),
    () => !this.noFollow,
    () => this.barHeight(),
  );

  /** Where to load the article from: a pre-rendered article page or its JSON. */
  @property({ reflect: true }) src: string | null = null;
  /** Speaking rate, 0.5 to 3. */
  @property({ type: Number, reflect: true }) rate = 1;
  /** The voiceURI of the voice to use; by default one is chosen for the article's language. */
  @property({ reflect: true }) voice: string | null = null;
  /** Don't scroll to keep the block being read in view. */
  @property({ type: Boolean, reflect: true, attribute: 'no-follow' }) noFollow = false;
  /** A CSS selector for more content not to read, besides the built-in rules. */
  @property({ reflect: true }) skip: string | null = null;

  @state() private loadError: string | null = null;
  @state() private loading = false;
  private blockElements: HTMLElement[] = [];
  private loadAbort: AbortController | null = null;
  @query('.bar') private bar!: HTMLElement | null;

  constructor(engine: SpeechEngine = new WebSpeechEngine()) {
    super();
    this.playback = new PlaybackController(
      this,
      engine,
      () => ({ rate: this.clampedRate(), voiceURI: this.voice }),
      { onTransition: (previous, next) => this.announce(previous, next) },
    );
  }

  /** 'idle', 'playing', 'paused', 'ended' or 'error'. */
  get status(): Status {
    return this.playback.state.status;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('click', this.onArticleClick);
    window.addEventListener('pagehide', this.onPageHide);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('click', this.onArticleClick);
    window.removeEventListener('pagehide', this.onPageHide);
    this.loadAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') && this.src) void this.loadSource(this.src);
    if ((changed.has('rate') || changed.has('voice')) && this.hasUpdated) {
      this.playback.settingsChanged();
    }
  }

  /** Starts or resumes reading. Resolves once playing (or failed to). */
  async play(): Promise<void> {
    // Synchronous up to speak(): iOS drops a speak() that comes after an await.
    this.playback.dispatch({ type: 'play' });
    await this.updateComplete;
  }

  /** Pauses; `play()` resumes from the start of the sentence. */
  async pause(): Promise<void> {
    this.playback.dispatch({ type: 'pause' });
    await this.updateComplete;
  }

  /** Stops and goes back to the start. */
  async stop(): Promise<void> {
    this.playback.dispatch({ type: 'stop' });
    await this.updateComplete;
  }

  /** Reads the next block (or waits there, when paused). */
  async next(): Promise<void> {
    this.playback.dispatch({ type: 'next' });
    await this.updateComplete;
  }

  /** Goes to the start of the block, or to the block before when already at its start. */
  async previous(): Promise<void> {
    this.playback.dispatch({ type: 'previous' });
    await this.updateComplete;
  }

  /** Moves to block `index` (zero-based), keeping the status: reading continues from there. */
  async seek(index: number): Promise<void> {
    this.playback.dispatch({ type: 'seek', position: { block: index, offset: 0 } });
    await this.updateComplete;
  }

  private readonly onArticleClick = (event: MouseEvent) => {
    const target = event.target;
    // Clicks in the controls are retargeted to the host itself.
    if (!(target instanceof Element) || target === this) return;
    if (target.closest(INTERACTIVE)) return;
    // Selecting text is reading, not a request to jump.
    if (!(window.getSelection()?.isCollapsed ?? true)) return;
    const index = this.blockIndexOf(target);
    if (index < 0 || this.playback.blocker) return;
    this.playback.dispatch({ type: 'seek', position: { block: index, offset: 0 } });
    this.playback.dispatch({ type: 'play' });
  };

  private readonly onPageHide = () => {
    // Chromium may go on speaking after the page is gone.
    if (this.status === Status.Playing) this.playback.dispatch({ type: 'pause' });
  };

  private readonly onSlotChange = () => {
    this.readArticle();
  };

  private readonly onPlayClick = () => {
    if (this.status === Status.Playing) void this.pause();
    else void this.play();
  };

  private readonly onPreviousClick = () => void this.previous();
  private readonly onNextClick = () => void this.next();

  private readonly onRateChange = (event: Event) => {
    this.rate = Number((event.target as HTMLSelectElement).value);
  };

  private readonly onVoiceChange = (event: Event) => {
    this.voice = (event.target as HTMLSelectElement).value || null;
  };

  private readArticle(): void {
    const { blocks, elements } = readBlocks(this, this.skip ?? '');
    const lang = this.articleLang();
    const previous = this.playback.article;
    const unchanged =
      previous?.lang === lang &&
      previous.blocks.length === blocks.length &&
      previous.blocks.every((block, index) => block.text === blocks[index]?.text);
    this.blockElements = elements;
    if (unchanged) return;
    const article: Article = { id: this.id || location.pathname, lang, title: document.title, blocks };
    this.playback.load(article);
  }

  private async loadSource(src: string): Promise<void> {
    this.loadAbort?.abort();
    const abort = new AbortController();
    this.loadAbort = abort;
    this.loading = true;
    this.loadError = null;
    this.playback.dispatch({ type: 'stop' });
    try {
      const article = await fetchArticle(src, fetch, abort.signal);
      if (abort.signal.aborted) return;
      for (const old of this.querySelectorAll(':scope > [data-ap-loaded]')) old.remove();
      const rendered = renderArticle(article, document);
      rendered.setAttribute('data-ap-loaded', '');
      this.append(rendered);
      if (article.lang && !this.lang) this.lang = article.lang;
      this.readArticle();
    } catch (error) {
      if (abort.signal.aborted) return;
      const detail = error instanceof Error ? error.message : String(error);
      const message =
        error instanceof ArticleLoadError && error.code === 'not-article'
          ? strings.loadNotArticle
          : strings.loadFailed(detail);
      this.loadError = message;
      this.playback.dispatch({ type: 'fail', error: { code: 'load-failed', message } });
    } finally {
      if (!abort.signal.aborted) this.loading = false;
    }
  }

  private announce(previous: PlaybackState, next: PlaybackState): void {
    if (previous.status !== next.status) {
      if (next.status === Status.Playing) this.dispatchEvent(playerEvent('ap-play', undefined));
      if (next.status === Status.Paused && previous.status === Status.Playing) {
        this.dispatchEvent(playerEvent('ap-pause', undefined));
      }
      if (next.status === Status.Ended) this.dispatchEvent(playerEvent('ap-ended', undefined));
      if (next.status === Status.Error && next.error) {
        this.dispatchEvent(playerEvent('ap-error', { ...next.error }));
      }
    }
    const moved = previous.position.block !== next.position.block;
    const started = previous.status !== Status.Playing && next.status === Status.Playing;
    if (next.status === Status.Playing && (moved || started)) {
      this.dispatchEvent(
        playerEvent('ap-paragraph', { index: next.position.block, total: next.blockLengths.length }),
      );
    }
  }

  private currentElement(): HTMLElement | null {
    const { status, position } = this.playback.state;
    if (status !== Status.Playing && status !== Status.Paused) return null;
    return this.blockElements[position.block] ?? null;
  }

  private blockIndexOf(target: Element): number {
    for (let element: Element | null = target; element && element !== this; element = element.parentElement) {
      const index = this.blockElements.indexOf(element as HTMLElement);
      if (index >= 0) return index;
    }
    return -1;
  }

  private articleLang(): string {
    const own = this.lang || this.closest('[lang]')?.getAttribute('lang') || '';
    return own || navigator.language || 'en';
  }

  private clampedRate(): number {
    const rate = Number.isFinite(this.rate) ? this.rate : 1;
    return Math.min(MAX_RATE, Math.max(MIN_RATE, rate));
  }

  private barHeight(): number {
    return this.bar?.getBoundingClientRect().bottom ?? 0;
  }

  private statusMessage(): string {
    if (this.loadError) return this.loadError;
    if (this.loading) return strings.statusLoading;
    const blocker = this.playback.blocker;
    if (blocker) {
      if (blocker.code === 'no-speech') return strings.noSpeech;
      if (blocker.code === 'no-voices') return strings.noVoices;
      return strings.noVoiceForLanguage(languageName(this.playback.article?.lang ?? ''));
    }
    const { status, error, blockLengths } = this.playback.state;
    if (this.playback.article && blockLengths.length === 0) return strings.emptyArticle;
    switch (status) {
      case Status.Idle:
        return '';
      case Status.Playing:
        return strings.statusPlaying;
      case Status.Paused:
        return strings.statusPaused;
      case Status.Ended:
        return strings.statusEnded;
      case Status.Error:
        return error ? speechErrorMessage(error.code) : strings.unknownSpeechError;
      default:
        throw new Error(`Unknown status: ${String(status satisfies never)}`);
    }
  }

  private icon(content: SVGTemplateResult) {
    return html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${content}</svg>`;
  }

  protected override render() {
    const { status, position, blockLengths } = this.playback.state;
    const total = blockLengths.length;
    const blocked = Boolean(this.playback.blocker) || total === 0 || this.loading;
    const playing = status === Status.Playing;
    const active = playing || status === Status.Paused;
    const rate = this.clampedRate();
    return html`
      <div class="bar" part="bar" role="group" aria-label=${strings.controlsLabel}>
        <button
          part="button previous"
          aria-label=${strings.previousParagraph}
          title=${strings.previousParagraph}
          ?disabled=${blocked}
          @click=${this.onPreviousClick}
        >
          ${this.icon(icons.previous)}
        </button>
        <button class="play" part="button play" ?disabled=${blocked} @click=${this.onPlayClick}>
          ${this.icon(playing ? icons.pause : icons.play)}
          <span>${playing ? strings.pause : strings.play}</span>
        </button>
        <button
          part="button next"
          aria-label=${strings.nextParagraph}
          title=${strings.nextParagraph}
          ?disabled=${blocked || position.block >= total - 1}
          @click=${this.onNextClick}
        >
          ${this.icon(icons.next)}
        </button>
        <label>
          ${strings.speed}
          <select part="speed" @change=${this.onRateChange}>
            ${RATES.map(
              (value) => html`<option value=${value} ?selected=${value === rate}>${value}×</option>`,
            )}
          </select>
        </label>
        ${this.playback.voiceAvailability === VoiceAvailability.Ready
          ? html`<label>
              ${strings.voice}
              <select part="voice" @change=${this.onVoiceChange}>
                <option value="" ?selected=${!this.voice}>${strings.automaticVoice}</option>
                ${this.playback.voices.map(
                  (voice) =>
                    html`<option value=${voice.voiceURI} ?selected=${voice.voiceURI === this.voice}>
                      ${voice.name}
                    </option>`,
                )}
              </select>
            </label>`
          : nothing}
        ${active
          ? html`<span class="progress" part="progress"
              >${strings.paragraphOf(position.block + 1, total)}</span
            >`
          : nothing}
        <p class="status" part="status" role="status">${this.statusMessage()}</p>
      </div>
      <slot @slotchange=${this.onSlotChange}></slot>
    `;
  }
}
