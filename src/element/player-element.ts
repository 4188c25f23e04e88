import { html, LitElement, nothing, type PropertyValues, type SVGTemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Article, Position } from '../core/article.js';
import { Status, type PlaybackState } from '../core/playback.js';
import { languageName, speechErrorMessage, strings } from './i18n.js';
import { charactersFrom } from '../core/timing.js';
import { primaryLanguage } from '../core/voices.js';
import type { SpeechEngine } from '../speech/engine.js';
import { WebSpeechEngine } from '../speech/web-speech-engine.js';
import { readBlocks } from './blocks.js';
import { FollowScrollController } from './controllers/follow-scroll-controller.js';
import { HighlightController } from './controllers/highlight-controller.js';
import { KeyboardController, SHORTCUTS } from './controllers/keyboard-controller.js';
import { MediaSessionController } from './controllers/media-session-controller.js';
import { ExclusivePlaybackController } from './controllers/exclusive-playback-controller.js';
import { PersistenceController } from './controllers/persistence-controller.js';
import { PlaybackController, VoiceAvailability } from './controllers/playback-controller.js';
import { ReadAlongController } from './controllers/read-along-controller.js';
import { WakeLockController } from './controllers/wake-lock-controller.js';
import { playerEvent } from './events.js';
import { icons } from './icons.js';
import { ArticleLoadError, fetchArticle, renderArticle } from './load-article.js';
import { playerStyles } from './player-styles.js';

export const RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;
const MIN_RATE = 0.5;
const MAX_RATE = 3;
const SLEEP_MINUTES = [5, 10, 15, 30, 45, 60] as const;
/** "Back" within this long of a sentence's start goes to the sentence before. */
const EARLY_IN_SENTENCE_MS = 1500;

/** Clicks on these are the page's own business, never a request to read from there. */
const INTERACTIVE = 'a, button, input, select, textarea, summary, label, [contenteditable]';

/**
 * Reads the article inside it aloud, highlighting the paragraph, sentence and word being read.
 *
 * @summary An accessible text-to-speech player for the article it wraps.
 *
 * @slot - The article markup. It is read, never rewritten; the block being read gets `data-reading`.
 *
 * @attribute lang - The article's language (the global attribute); otherwise the nearest `lang` in the page.
 * The controls speak the page's language (`<html lang>`): English or French.
 *
 * @fires ap-play - Reading started or resumed.
 * @fires ap-pause - Reading paused (by the user, a sleep timer, or another program taking the speech).
 * @fires ap-ended - The end of the article was reached.
 * @fires ap-paragraph - Another block is being read. `detail: { index, total }`.
 * @fires ap-error - Reading cannot go on. `detail: { code, message }`.
 *
 * @csspart bar - The control bar.
 * @csspart button - Every button; each also has its own part.
 * @csspart play - The play/pause button.
 * @csspart previous - The previous-paragraph button.
 * @csspart next - The next-paragraph button.
 * @csspart previous-sentence - The previous-sentence button.
 * @csspart next-sentence - The next-sentence button.
 * @csspart speed - The speed picker.
 * @csspart progress - The position slider and the time left.
 * @csspart resume - The "Continue from paragraph N" button.
 * @csspart settings - The settings button.
 * @csspart dialog - The settings dialog.
 * @csspart voice - The voice picker (in the settings dialog).
 * @csspart status - The status message (state changes and errors).
 * @csspart close - The settings dialog's Close button.
 *
 * @cssprop --ap-accent - Background of the play button. Default: #0b57d0 (light), #a8c7fa (dark).
 * @cssprop --ap-on-accent - Text on the play button.
 * @cssprop --ap-bar-background - Background of the control bar. Default: Canvas.
 * @cssprop --ap-bar-color - Text of the control bar. Default: CanvasText.
 * @cssprop --ap-radius - Corner radius of controls and highlight.
 * @cssprop --ap-font - Font of the controls.
 * @cssprop --ap-paragraph-background - Background of the block being read.
 * @cssprop --ap-paragraph-color - Text colour of the block being read.
 * @cssprop --ap-sentence-background - Background of the sentence being read.
 * @cssprop --ap-word-background - Background of the word being read.
 * @cssprop --ap-word-color - Text colour of the word being read.
 */
export class ArticlePlayer extends LitElement {
  static override styles = playerStyles;

  private readonly playback: PlaybackController;
  /** Starting this player pauses the page's others (one speech queue per browser). */
  private readonly exclusive = new ExclusivePlaybackController(this);
  private readonly persistence = new PersistenceController();
  private readonly highlight = new HighlightController(this, () => this.currentElement());
  private readonly followScroll = new FollowScrollController(
    this,
    () => (this.status === Status.Playing ? this.currentElement() : null),
    () => !this.noFollow && this.persistence.settings.follow,
    () => this.visibleBand(),
  );
  private readonly readAlong = new ReadAlongController(this, {
    element: (index) => this.blockElements[index] ?? null,
    blockText: (index) => this.playback.article?.blocks[index]?.text ?? '',
    skip: () => this.skip ?? '',
    wordsEnabled: () => this.persistence.settings.highlightWords,
  });
  private readonly keyboard = new KeyboardController(
    this,
    {
      togglePlay: () => this.togglePlay(),
      previousSentence: () => this.previousSentence(),
      nextSentence: () => this.nextSentence(),
      previousParagraph: () => void this.previous(),
      nextParagraph: () => void this.next(),
      faster: () => this.stepRate(1),
      slower: () => this.stepRate(-1),
    },
    () => !this.noHotkeys && this.persistence.settings.hotkeys,
  );
  private readonly mediaSession = new MediaSessionController(
    this,
    {
      play: () => void this.play(),
      pause: () => void this.pause(),
      stop: () => void this.stop(),
      previousParagraph: () => void this.previous(),
      nextParagraph: () => void this.next(),
      previousSentence: () => this.previousSentence(),
      nextSentence: () => this.nextSentence(),
    },
    () => ({
      title: this.playback.article?.title ?? document.title,
      artist: location.hostname,
      artwork: artworkOfPage(),
    }),
  );
  private readonly wakeLock = new WakeLockController(this);

  /** Where to load the article from: a pre-rendered article page or its JSON. */
  @property({ reflect: true }) src: string | null = null;
  /** Speaking rate, 0.5 to 3. Without the attribute, the listener's last choice. */
  @property({ type: Number, reflect: true }) rate = 1;
  /** The voiceURI of the voice to use; by default one is chosen for the article's language. */
  @property({ reflect: true }) voice: string | null = null;
  /** Don't scroll to keep the block being read in view. */
  @property({ type: Boolean, reflect: true, attribute: 'no-follow' }) noFollow = false;
  /** Turn the keyboard shortcuts off. */
  @property({ type: Boolean, reflect: true, attribute: 'no-hotkeys' }) noHotkeys = false;
  /** A CSS selector for more content not to read, besides the built-in rules. */
  @property({ reflect: true }) skip: string | null = null;
  /**
   * No lock-screen or media-key controls. They need a silent audio (a `data:` URL) playing, which
   * a strict Content Security Policy refuses and reports unless it allows `media-src data:`.
   */
  @property({ type: Boolean, reflect: true, attribute: 'no-media-session' }) noMediaSession = false;

  @state() private loadError: string | null = null;
  @state() private loading = false;
  @state() private resumeOffer: Position | null = null;
  @state() private sleep: 'off' | 'end' | number = 'off';
  /** The dialog's content (hundreds of voices, with espeak-ng) is rendered only while it is open. */
  @state() private settingsOpen = false;
  private sleepTimer: number | undefined;
  private blockElements: HTMLElement[] = [];
  private charactersAfter: number[] = [0];
  private loadAbort: AbortController | null = null;
  private chunkStartedAt = 0;
  @query('.bar') private bar!: HTMLElement | null;
  @query('dialog') private dialog!: HTMLDialogElement | null;

  // The browser calls it with no argument (the default engine); tests pass a fake engine.
  // eslint-disable-next-line wc/no-constructor-params
  constructor(engine: SpeechEngine = new WebSpeechEngine()) {
    super();
    this.playback = new PlaybackController(
      this,
      this.exclusive.guard(engine),
      () => ({ rate: this.clampedRate(), voiceURI: this.voiceForArticle() }),
      {
        onTransition: (previous, next) => this.onTransition(previous, next),
        onChunkStart: (chunk) => {
          this.chunkStartedAt = performance.now();
          this.readAlong.chunkStarted(chunk);
        },
        onChunkBoundary: (chunk, index, length) =>
          this.readAlong.chunkBoundary(chunk, index, length),
        onChunkEnd: (chunk, completed) => this.readAlong.chunkEnded(chunk, completed),
      },
    );
  }

  /** 'idle', 'playing', 'paused', 'ended' or 'error'. */
  get status(): Status {
    return this.playback.state.status;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('rate')) this.rate = this.persistence.settings.rate;
    this.addEventListener('click', this.onArticleClick);
    window.addEventListener('pagehide', this.onPageHide);
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    // Read the article before the first render, so that it renders once with it. Children that
    // arrive later (a parser still streaming them in) are read on slotchange.
    // eslint-disable-next-line wc/no-child-traversal-in-connectedcallback
    if (!this.src && this.childElementCount > 0) this.readArticle();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('click', this.onArticleClick);
    window.removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    window.clearTimeout(this.sleepTimer);
    this.loadAbort?.abort();
  }

  protected override firstUpdated(): void {
    // An empty element fires no slotchange: read it anyway, so that it says there is nothing to read.
    const slot = this.renderRoot.querySelector('slot');
    if (!this.src && slot?.assignedNodes().length === 0) this.readArticle();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') && this.src) void this.loadSource(this.src);
    if (changed.has('voice')) this.playback.forgetVoiceChoice();
    if ((changed.has('rate') || changed.has('voice')) && this.hasUpdated) this.restartFromWord();
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

  /** Stops, goes back to the start and forgets the saved position. */
  async stop(): Promise<void> {
    this.playback.dispatch({ type: 'stop' });
    const id = this.playback.article?.id;
    if (id) this.persistence.savePosition(id, null);
    this.resumeOffer = null;
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
    const block = this.blockIndexOf(target);
    if (block < 0 || this.playback.blocker) return;
    this.playback.dispatch({
      type: 'seek',
      position: { block, offset: this.wordOffsetAt(block, event) },
    });
    this.playback.dispatch({ type: 'play' });
  };

  private readonly onPageHide = () => {
    // Chromium may go on speaking after the page is gone.
    if (this.status === Status.Playing) this.playback.dispatch({ type: 'pause' });
  };

  private readonly onVisibilityChange = () => {
    // Back from the background: never show "playing" with nothing being said.
    if (document.visibilityState === 'visible' && this.status === Status.Playing) {
      if (!this.playback.engine.isBusy()) this.playback.dispatch({ type: 'restart' });
    }
  };

  private readonly onSlotChange = () => this.readArticle();

  private readonly onPlayClick = () => this.togglePlay();
  private readonly onPreviousClick = () => void this.previous();
  private readonly onNextClick = () => void this.next();
  private readonly onPreviousSentenceClick = () => this.previousSentence();
  private readonly onNextSentenceClick = () => this.nextSentence();

  private readonly onResumeClick = () => {
    const offer = this.resumeOffer;
    if (!offer) return;
    this.playback.dispatch({ type: 'seek', position: offer });
    this.playback.dispatch({ type: 'play' });
  };

  private readonly onRateChange = (event: Event) => {
    this.setRate(Number((event.target as HTMLSelectElement).value));
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

  private readonly onPositionChange = (event: Event) => {
    void this.seek(Number((event.target as HTMLInputElement).value));
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
    this.dialog?.showModal();
  };
  private readonly onCloseClick = () => this.dialog?.close();
  private readonly onDialogClosed = () => (this.settingsOpen = false);

  private togglePlay(): void {
    if (this.status === Status.Playing) void this.pause();
    else void this.play();
  }

  private nextSentence(): void {
    const target = this.playback.sentenceAfter(this.playback.state.position);
    if (target) this.playback.dispatch({ type: 'seek', position: target });
  }

  private previousSentence(): void {
    const early = performance.now() - this.chunkStartedAt < EARLY_IN_SENTENCE_MS;
    const target = this.playback.sentenceBefore(this.playback.state.position, early);
    this.playback.dispatch({ type: 'seek', position: target });
  }

  private stepRate(direction: 1 | -1): void {
    const index = RATES.findIndex((rate) => rate >= this.clampedRate());
    const next = RATES[Math.min(RATES.length - 1, Math.max(0, index + direction))];
    if (next !== undefined) this.setRate(next);
  }

  private setRate(rate: number): void {
    this.rate = rate;
    this.persistence.updateSettings({ rate: this.clampedRate() });
  }

  /** A new rate or voice: speak again from the word being read, not from the sentence start. */
  private restartFromWord(): void {
    const word = this.readAlong.currentWord;
    const { status, position } = this.playback.state;
    if (
      status === Status.Playing &&
      word &&
      word.block === position.block &&
      word.start > position.offset
    ) {
      this.playback.dispatch({ type: 'seek', position: { block: word.block, offset: word.start } });
    } else {
      this.playback.dispatch({ type: 'restart' });
    }
  }

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
    const title = blocks.find((block) => block.kind === 'heading')?.text ?? document.title;
    const article: Article = { id: this.articleId(), lang, title, blocks };
    this.playback.load(article);
    this.charactersAfter = charactersFrom(this.playback.state.blockLengths);
    const saved = this.persistence.savedPosition(article.id);
    this.resumeOffer =
      saved && saved.block < blocks.length && (saved.block > 0 || saved.offset > 0)
        ? {
            block: saved.block,
            offset: Math.min(saved.offset, (blocks[saved.block]?.text.length ?? 1) - 1),
          }
        : null;
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

  private onTransition(previous: PlaybackState, next: PlaybackState): void {
    const playing = next.status === Status.Playing;
    if (previous.status !== next.status) {
      if (playing) {
        this.resumeOffer = null;
        this.dispatchEvent(playerEvent('ap-play', undefined));
      }
      if (next.status === Status.Paused && previous.status === Status.Playing) {
        this.dispatchEvent(playerEvent('ap-pause', undefined));
      }
      if (next.status === Status.Ended) this.dispatchEvent(playerEvent('ap-ended', undefined));
      if (next.status === Status.Error && next.error) {
        this.dispatchEvent(playerEvent('ap-error', { ...next.error }));
      }
      if (!playing) this.readAlong.clear();
      if (!this.noMediaSession) this.mediaSession.update(playing, next.status === Status.Paused);
      this.wakeLock.set(playing);
    }
    const moved = previous.position.block !== next.position.block;
    const started = previous.status !== Status.Playing && playing;
    if (playing && (moved || started)) {
      this.dispatchEvent(
        playerEvent('ap-paragraph', {
          index: next.position.block,
          total: next.blockLengths.length,
        }),
      );
    }
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

  private currentElement(): HTMLElement | null {
    const { status, position } = this.playback.state;
    if (status !== Status.Playing && status !== Status.Paused) return null;
    return this.blockElements[position.block] ?? null;
  }

  private blockIndexOf(target: Element): number {
    for (
      let element: Element | null = target;
      element && element !== this;
      element = element.parentElement
    ) {
      const index = this.blockElements.indexOf(element as HTMLElement);
      if (index >= 0) return index;
    }
    return -1;
  }

  /** The start of the word under a tap, or 0 where it cannot be found (keyboard clicks). */
  private wordOffsetAt(block: number, event: MouseEvent): number {
    if (event.detail === 0) return 0;
    // Missing in older Safari: the tap then reads from the paragraph's start.
    const caret =
      'caretPositionFromPoint' in document
        ? document.caretPositionFromPoint(event.clientX, event.clientY)
        : null;
    if (!caret || !this.isOverText(block, event.clientX, event.clientY)) return 0;
    const offset = this.readAlong.offsetIn(block, caret.offsetNode, caret.offset);
    return offset > 0 ? this.playback.wordStartAt({ block, offset }) : 0;
  }

  /** A tap beside a short line or in a margin means the paragraph, not its nearest word. */
  private isOverText(block: number, x: number, y: number): boolean {
    const element = this.blockElements[block];
    if (!element) return false;
    const range = document.createRange();
    range.selectNodeContents(element);
    return [...range.getClientRects()].some(
      (rect) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom,
    );
  }

  private articleId(): string {
    return this.src ?? `${location.pathname}${this.id ? `#${this.id}` : ''}`;
  }

  private articleLang(): string {
    const own = this.lang || this.closest('[lang]')?.getAttribute('lang') || '';
    return own || navigator.language || 'en';
  }

  private voiceForArticle(): string | null {
    if (this.voice) return this.voice;
    const lang = primaryLanguage(this.playback.article?.lang ?? '');
    return this.persistence.settings.voices[lang] ?? null;
  }

  private clampedRate(): number {
    const rate = Number.isFinite(this.rate) ? this.rate : 1;
    return Math.min(MAX_RATE, Math.max(MIN_RATE, rate));
  }

  /** The part of the view the bar leaves free: it sits at the top, or at the bottom on a phone. */
  private visibleBand(): { top: number; bottom: number } {
    const rect = this.bar?.getBoundingClientRect();
    const height = window.innerHeight;
    if (!rect) return { top: 0, bottom: height };
    return rect.top < height / 2
      ? { top: rect.bottom, bottom: height }
      : { top: 0, bottom: rect.top };
  }

  private minutesLeft(): number {
    const { position } = this.playback.state;
    const characters = (this.charactersAfter[position.block] ?? 0) - position.offset;
    const ms = this.readAlong.speed.expectedMs(Math.max(0, characters), this.clampedRate());
    return Math.round(ms / 60_000);
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

  private iconButton(
    part: string,
    label: string,
    content: SVGTemplateResult,
    onClick: () => void,
    disabled: boolean,
    shortcut: string,
  ) {
    return html`<button
      part="button ${part}"
      aria-label=${label}
      title=${label}
      aria-keyshortcuts=${this.hotkeysOn() ? shortcut : nothing}
      ?disabled=${disabled}
      @click=${onClick}
    >
      ${this.icon(content)}
    </button>`;
  }

  private hotkeysOn(): boolean {
    return !this.noHotkeys && this.persistence.settings.hotkeys;
  }

  protected override render() {
    const { status, position, blockLengths } = this.playback.state;
    const total = blockLengths.length;
    const blocked = Boolean(this.playback.blocker) || total === 0 || this.loading;
    const playing = status === Status.Playing;
    const rate = this.clampedRate();
    return html`
      <div class="bar" part="bar" role="group" aria-label=${strings.controlsLabel}>
        <div class="buttons">
          ${this.iconButton('previous', strings.previousParagraph, icons.previous, this.onPreviousClick, blocked, SHORTCUTS.previousParagraph)}
          ${this.iconButton('previous-sentence', strings.previousSentence, icons.previousSentence, this.onPreviousSentenceClick, blocked, SHORTCUTS.previousSentence)}
          <button
            class="play"
            part="button play"
            aria-keyshortcuts=${this.hotkeysOn() ? `${SHORTCUTS.togglePlay} Space` : nothing}
            ?disabled=${blocked}
            @click=${this.onPlayClick}
          >
            ${this.icon(playing ? icons.pause : icons.play)}
            <span>${playing ? strings.pause : strings.play}</span>
          </button>
          ${this.iconButton('next-sentence', strings.nextSentence, icons.nextSentence, this.onNextSentenceClick, blocked, SHORTCUTS.nextSentence)}
          ${this.iconButton('next', strings.nextParagraph, icons.next, this.onNextClick, blocked || position.block >= total - 1, SHORTCUTS.nextParagraph)}
        </div>
        <label class="speed-label">
          ${strings.speed}
          <select part="speed" @change=${this.onRateChange}>
            ${RATES.map((value) => html`<option value=${value} ?selected=${value === rate}>${value}×</option>`)}
          </select>
        </label>
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
        <p class="status" part="status" role="status">${this.statusMessage()}</p>
      </div>
      <slot @slotchange=${this.onSlotChange}></slot>
      ${this.renderDialog()}
    `;
  }

  private renderDialog() {
    return html`<dialog
      part="dialog"
      aria-labelledby="settings-title"
      @close=${this.onDialogClosed}
    >
      ${this.settingsOpen ? this.renderSettings() : nothing}
    </dialog>`;
  }

  private renderSettings() {
    const settings = this.persistence.settings;
    const chosenVoice = this.voiceForArticle();
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
