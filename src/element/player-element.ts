import {
  html,
  LitElement,
  noChange,
  nothing,
  type CSSResultGroup,
  type PropertyDeclarations,
  type PropertyValues,
} from 'lit';
import type { Article, Block } from '../core/article.js';
import { canonicalLanguage } from '../core/language.js';
import { Status, type PlaybackState } from '../core/playback.js';
import { primaryLanguage } from '../core/voices.js';
import type { SpeechEngine } from '../speech/engine.js';
import { browserClock, WebSpeechEngine, type Clock } from '../speech/web-speech-engine.js';
import { toBlocks } from './blocks.js';
import { icon, iconButton } from './controls.js';
import { blockIndexAt, rangeOf, readingScan, type ReadingBlock } from './reading-model.js';
import { ExclusivePlaybackController } from './controllers/exclusive-playback-controller.js';
import { FollowScrollController } from './controllers/follow-scroll-controller.js';
import { HighlightController } from './controllers/highlight-controller.js';
import { KeyboardController, SHORTCUTS } from './controllers/keyboard-controller.js';
import { PlaybackController, VoiceAvailability } from './controllers/playback-controller.js';
import { ReadAlongController } from './controllers/read-along-controller.js';
import { playerEvent } from './events.js';
import type {
  AttachedFeature,
  BarState,
  Place,
  PlayerActions,
  PlayerContext,
  PlayerFeature,
} from './feature.js';
import { languageName, speechErrorMessage, strings } from './i18n.js';
import { icons } from './icons.js';
import { ArticleLoadError, fetchArticle, renderArticle } from './load-article.js';
import { playerStyles } from './player-styles.js';
import { SettingsStore } from './settings-store.js';

export type { BarState } from './feature.js';

export const RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;
const MIN_RATE = 0.5;
const MAX_RATE = 3;

/**
 * How long one slice of reading the article may take. A long article is read a slice at a time,
 * each in its own task: the page stays responsive, and Play works from the first slice on.
 */
const READ_SLICE_MS = 5;

/** While the page is still loading, how often to look whether the parser has added more. */
const PARSER_POLL_MS = 20;

/** Clicks on these are the page's own business, never a request to read from there. */
const INTERACTIVE = 'a, button, input, select, textarea, summary, label, [contenteditable]';

/** The features registered on each element class (a subclass starts from its parent's). */
const registered = new WeakMap<typeof ArticlePlayer, readonly PlayerFeature[]>();

function featuresOf(type: typeof ArticlePlayer): readonly PlayerFeature[] {
  for (let t: unknown = type; typeof t === 'function'; t = Object.getPrototypeOf(t)) {
    const features = registered.get(t as typeof ArticlePlayer);
    if (features) return features;
  }
  return [];
}

/**
 * Reads the article inside it aloud, highlighting the paragraph, sentence and word being read.
 *
 * @summary An accessible text-to-speech player for the article it wraps.
 *
 * This is the player of the embed (`dist/embed/article-player.js`): the controls a publisher's
 * page needs, kept small. Features add the rest (`ArticlePlayer.use(feature)`, before the tag is
 * defined); `FullArticlePlayer` (`article-player-full.js`, the app's) is this element with the
 * listening features registered: sentence buttons, position slider, resume, settings, sleep
 * timer, lock screen.
 *
 * @slot - The article markup. It is read, never rewritten; the block being read gets `data-reading`.
 *
 * @attribute lang - The article's language (the global attribute); otherwise the nearest `lang` in the page. Changing it reads the article again in that language.
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
 * @csspart speed - The speed picker.
 * @csspart status - The status message (state changes and errors).
 *
 * @cssprop --ap-accent - Background of the play button. Default: #0b57d0 (light), #a8c7fa (dark).
 * @cssprop --ap-on-accent - Text on the play button.
 * @cssprop --ap-bar-background - Background of the control bar. Default: Canvas.
 * @cssprop --ap-bar-color - Text of the control bar. Default: CanvasText.
 * @cssprop --ap-bar-height - The control bar's least height, which a page reserves before the script arrives. Default: calc(44px + 1rem + 2px), one row of controls.
 * @cssprop --ap-radius - Corner radius of controls and highlight.
 * @cssprop --ap-font - Font of the controls.
 * @cssprop --ap-paragraph-background - Background of the block being read.
 * @cssprop --ap-paragraph-color - Text colour of the block being read.
 * @cssprop --ap-sentence-background - Background of the sentence being read.
 * @cssprop --ap-word-background - Background of the word being read.
 * @cssprop --ap-word-color - Text colour of the word being read.
 */
export class ArticlePlayer extends LitElement {
  static override styles: CSSResultGroup = playerStyles;
  static override properties: PropertyDeclarations = {
    src: { reflect: true },
    rate: { type: Number, reflect: true },
    voice: { reflect: true },
    noFollow: { type: Boolean, reflect: true, attribute: 'no-follow' },
    noHotkeys: { type: Boolean, reflect: true, attribute: 'no-hotkeys' },
    skip: { reflect: true },
  };

  /**
   * Adds features to every player of this class created from now on: their properties, styles
   * and controls. Call it before the tag is defined, so that the features' attributes are
   * observed.
   */
  static use(...features: readonly PlayerFeature[]): void {
    const known = featuresOf(this);
    const added = features.filter((feature) => !known.includes(feature));
    registered.set(this, [...known, ...added]);
    for (const feature of added) {
      for (const [name, options] of Object.entries(feature.properties ?? {})) {
        this.createProperty(name, options);
      }
    }
    this.finalize();
    for (const feature of added) {
      if (feature.styles) this.elementStyles.push(...this.finalizeStyles(feature.styles));
    }
  }

  // `lang` is the global attribute, not a reactive property: watched here so that it stays live.
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  // Reactive properties are declared, not initialised as fields (a field would hide Lit's
  // accessor): their defaults are set in the constructor.
  /** Where to load the article from: a pre-rendered article page or its JSON. */
  declare src: string | null;
  /** Speaking rate, 0.5 to 3. */
  declare rate: number;
  /** The voiceURI of the voice to use; by default one is chosen for the article's language. */
  declare voice: string | null;
  /** Don't scroll to keep the block being read in view. */
  declare noFollow: boolean;
  /** Turn the keyboard shortcuts off. */
  declare noHotkeys: boolean;
  /** A CSS selector for more content not to read, besides the built-in rules. */
  declare skip: string | null;

  /** Starting this player pauses the page's others (one speech queue per browser). */
  readonly #exclusive = new ExclusivePlaybackController(this);
  readonly #settings = new SettingsStore();
  readonly #playback: PlaybackController;
  readonly #readAlong: ReadAlongController;
  readonly #features: readonly AttachedFeature[];
  /** Where each block is in the markup (its element, or none for loose text; its text nodes), by index. */
  #blockSources: ReadingBlock[] = [];
  /** The children as `readArticle` last saw them. */
  #childrenRead: Node[] = [];
  /**
   * While the light DOM is being read: reads on now, slice after slice, until `enough()` (a tap,
   * seek or next further than the article has been read yet).
   */
  #readMore: ((enough: () => boolean) => void) | null = null;
  readonly #clock: Clock;
  #followed: { block: ReadingBlock; range: Range | null } | null = null;
  #loadAbort: AbortController | null = null;
  /** Loading `src`, and why it failed: shown in the status line. */
  #loading = false;
  #loadError: string | null = null;
  /**
   * It was in the page before its tag was defined (the page's start), not made by a script (a
   * tap may have made it, and must be able to speak at once).
   */
  readonly #upgraded = this.isConnected;
  /**
   * The shadow root came with the page (declarative shadow DOM, pre-rendered at build time), and
   * its bar is kept until the live bar replaces it (see render).
   */
  #keepPrerenderedBar = false;
  /**
   * The bar has its controls. A player in the page's markup gets them in the last task of its
   * start (see firstUpdated), and until then shows the bar's box alone (the height it keeps):
   * their first render, styles and layout were most of the upgrade's task.
   */
  #liveBar = !this.#upgraded;
  /** Until the first read and the live bar are done (see firstUpdated). */
  #starting: Promise<void> | null = null;

  // The browser calls it with no argument (the default engine and clock); tests pass fakes.
  // eslint-disable-next-line wc/no-constructor-params
  constructor(engine?: SpeechEngine, clock: Clock = browserClock) {
    super();
    this.src = null;
    this.rate = 1;
    this.voice = null;
    this.noFollow = false;
    this.noHotkeys = false;
    this.skip = null;
    this.#clock = clock;
    const settings = this.#settings;
    const playback = new PlaybackController(
      this,
      this.#exclusive.guard(engine ?? new WebSpeechEngine({ clock })),
      () => ({
        rate: this.#rate(),
        voiceURI: this.#preferredVoice(),
        voiceContext: { locale: navigator.language, online: navigator.onLine },
      }),
    );
    this.#playback = playback;
    new HighlightController(this, () => this.#currentBlock());
    const followScroll = new FollowScrollController(
      this,
      () => (this.status === Status.Playing ? this.#followTarget() : null),
      () => !this.noFollow && settings.value.follow,
      () => this.#visibleBand(),
    );
    const readAlong = new ReadAlongController(this, {
      pieces: (index) => this.#blockSources[index]?.pieces ?? null,
      blockText: (index) => playback.article?.blocks[index]?.text ?? '',
      wordsEnabled: () => settings.value.highlightWords,
    });
    this.#readAlong = readAlong;
    // The read-along subscribes first: features that follow its chunk see it set.
    playback.subscribe({
      onChunkStart: (chunk) => readAlong.chunkStarted(chunk),
      onChunkBoundary: (chunk, index, length) => readAlong.chunkBoundary(chunk, index, length),
      onChunkEnd: (chunk, completed) => {
        readAlong.chunkEnded(chunk);
        // The end of the last block read so far is not the article's: read on to the next one.
        if (completed) this.#readMore?.(() => chunk.block + 1 < this.#blockSources.length);
      },
      onTransition: (previous, next, event) => {
        // A block asked for (a tap, Next, the slider), not reached by reading on.
        if (/^(seek|next|previous)$/.test(event.type)) followScroll.asked();
        this.#announce(previous, next);
      },
    });
    settings.subscribe((value, changes) => {
      if (changes.highlightWords === false) readAlong.clear();
      this.requestUpdate();
    });
    const actions: PlayerActions = {
      togglePlay: () => this.#togglePlay(),
      previousParagraph: () => void this.previous(),
      nextParagraph: () => void this.next(),
      faster: () => this.#stepRate(1),
      slower: () => this.#stepRate(-1),
    };
    new KeyboardController(this, actions, () => this.#hotkeysEnabled());
    const context: PlayerContext = {
      player: this,
      playback,
      readAlong,
      settings,
      actions,
      clock,
      blockSource: (index) => this.#blockSources[index] ?? null,
      bar: () => this.#bar(),
      rate: () => this.#rate(),
      preferredVoice: () => this.#preferredVoice(),
      hotkeysEnabled: () => this.#hotkeysEnabled(),
      restartFromWord: () => this.#restartFromWord(),
      renderPlace: (place) => this.#renderPlace(place),
    };
    this.#features = featuresOf(this.constructor as typeof ArticlePlayer).map((feature) =>
      feature.attach(context),
    );
  }

  /** 'idle', 'playing', 'paused', 'ended' or 'error'. */
  get status(): Status {
    return this.#playback.state.status;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('click', this.#onArticleClick);
    window.addEventListener('pagehide', this.#onPageHide);
    window.addEventListener('online', this.#onConnectionChange);
    window.addEventListener('offline', this.#onConnectionChange);
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
    // The article is read once its slot exists (`firstUpdated`), when the page's style sheets
    // apply to it; children that arrive later (a parser still streaming them in) on slotchange.
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    // Another language: another voice, and the article read again in it.
    // (A `src` load sets it, then reads the article itself.)
    if (name === 'lang' && old !== value && this.#playback.article && !this.#loading) {
      this.#readArticle();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('click', this.#onArticleClick);
    window.removeEventListener('pagehide', this.#onPageHide);
    window.removeEventListener('online', this.#onConnectionChange);
    window.removeEventListener('offline', this.#onConnectionChange);
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    this.#loadAbort?.abort();
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    // Lit's hydration support (@lit-labs/ssr-client, loaded by the app) keeps a declarative shadow
    // root; without it, attachShadow empties one.
    this.#keepPrerenderedBar = root.hasChildNodes();
    return root;
  }

  protected override firstUpdated(): void {
    // The slot exists now: the article is read with the page's style sheets, once (a slotchange
    // before that read is left to it; a pre-rendered slot fires none). An empty one says there
    // is nothing. A player a script made reads at once: the tap that made it may speak.
    if (!this.#upgraded) {
      this.#readIfUnread();
      return;
    }
    // At the page's start, the upgrade (with the bar's box), the first read and the live bar's
    // controls each take a task of their own. In one they made one long task (a median of 80 to
    // 95 ms here, four times that on a phone), and a tap waits for a long task to end.
    // Each in a task of its own: the browser renders and takes input in between.
    // (Urgent: while Chromium parses a long page, a timer waits for the end of the parse.)
    const nextTask = () => new Promise<void>((resolve) => this.#clock.urgentTask(resolve));
    this.#starting = (async () => {
      await nextTask();
      this.#readIfUnread();
      if (!this.#liveBar) {
        await nextTask();
        this.#keepPrerenderedBar = false;
        this.#liveBar = true;
        this.requestUpdate();
      }
      this.#starting = null;
    })();
  }

  // The first update starts the first read and the live bar, each of which renders again:
  // done once those renders are.
  protected override async getUpdateComplete(): Promise<boolean> {
    const settled = await super.getUpdateComplete();
    if (this.#starting) await this.#starting;
    return (settled && !this.isUpdatePending) || super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') && this.src) void this.#loadSource(this.src);
    // A new skip selector changes what there is to read (a load reads it anyway).
    else if (changed.has('skip') && this.hasUpdated) this.#readArticle();
    if (changed.has('voice')) this.#playback.forgetVoiceChoice();
    if ((changed.has('rate') || changed.has('voice')) && this.hasUpdated) this.#restartFromWord();
  }

  /** Starts or resumes reading. Resolves once playing (or failed to). */
  async play(): Promise<void> {
    // Synchronous up to speak(): iOS drops a speak() that comes after an await.
    this.#readIfUnread();
    this.#playback.dispatch({ type: 'play' });
    await this.updateComplete;
  }

  /** Pauses; `play()` resumes from the start of the sentence. */
  async pause(): Promise<void> {
    this.#playback.dispatch({ type: 'pause' });
    await this.updateComplete;
  }

  /** Stops and goes back to the start (where a feature keeps the position, it forgets it). */
  async stop(): Promise<void> {
    this.#playback.dispatch({ type: 'stop' });
    for (const feature of this.#features) feature.stopped?.();
    await this.updateComplete;
  }

  /** Reads the next block (or waits there, when paused). */
  async next(): Promise<void> {
    this.#readIfUnread();
    const { block } = this.#playback.state.position;
    this.#readMore?.(() => block + 1 < this.#blockSources.length);
    this.#playback.dispatch({ type: 'next' });
    await this.updateComplete;
  }

  /** Goes to the start of the block, or to the block before when already at its start. */
  async previous(): Promise<void> {
    this.#playback.dispatch({ type: 'previous' });
    await this.updateComplete;
  }

  /** Moves to block `index` (zero-based), keeping the status: reading continues from there. */
  async seek(index: number): Promise<void> {
    this.#readIfUnread();
    this.#readMore?.(() => index < this.#blockSources.length);
    this.#playback.dispatch({ type: 'seek', position: { block: index, offset: 0 } });
    await this.updateComplete;
  }

  readonly #onArticleClick = (event: MouseEvent) => {
    const target = event.target;
    // Clicks in the controls are retargeted to the host itself.
    if (!(target instanceof Element) || target === this) return;
    if (target.closest(INTERACTIVE)) return;
    // Selecting text is reading, not a request to jump.
    if (!(window.getSelection()?.isCollapsed ?? true)) return;
    this.#readIfUnread();
    const at = () => blockIndexAt(this.#blockSources, this, target, event.clientX, event.clientY);
    this.#readMore?.(() => at() >= 0);
    const block = at();
    if (block < 0 || this.#playback.blocker) return;
    let offset: number | undefined;
    for (const feature of this.#features) {
      offset ??= feature.tapOffset?.(block, event);
    }
    this.#playback.dispatch({ type: 'seek', position: { block, offset: offset ?? 0 } });
    this.#playback.dispatch({ type: 'play' });
  };

  readonly #onPageHide = () => {
    // Chromium may go on speaking after the page is gone.
    if (this.status === Status.Playing) this.#playback.dispatch({ type: 'pause' });
  };

  readonly #onVisibilityChange = () => {
    // Back from the background: never show "playing" with nothing being said.
    if (document.visibilityState === 'visible' && this.status === Status.Playing) {
      if (!this.#playback.engine.isBusy()) this.#playback.dispatch({ type: 'restart' });
    }
  };

  readonly #onSlotChange = () => {
    // The first read is about to see these children.
    if (this.#starting) return;
    // Children the parser is adding are read as they come, by the read under way.
    if (this.#readMore && document.readyState === 'loading') return;
    // The first slotchange reports the children that firstUpdated has already read: reading
    // them again would cost as much as the first time.
    const children = this.childNodes;
    const same =
      children.length === this.#childrenRead.length &&
      this.#childrenRead.every((node, index) => node === children[index]);
    if (!same) this.#readArticle();
  };

  /** A network voice cannot speak offline: choose again from the next sentence on. */
  readonly #onConnectionChange = () => {
    this.#playback.forgetVoiceChoice();
    this.requestUpdate();
  };

  readonly #onPlayClick = () => this.#togglePlay();
  readonly #onPreviousClick = () => void this.previous();
  readonly #onNextClick = () => void this.next();

  readonly #onRateChange = (event: Event) => {
    this.#setRate(Number((event.target as HTMLSelectElement).value));
  };

  #togglePlay(): void {
    if (this.status === Status.Playing) void this.pause();
    else void this.play();
  }

  #stepRate(direction: 1 | -1): void {
    const index = RATES.findIndex((rate) => rate >= this.#rate());
    const next = RATES[Math.min(RATES.length - 1, Math.max(0, index + direction))];
    if (next !== undefined) this.#setRate(next);
  }

  /** The listener picked a rate: the `rate` property, and the settings (which may keep it). */
  #setRate(rate: number): void {
    this.rate = rate;
    this.#settings.update({ rate: this.#rate() });
  }

  /** A new rate or voice: speak again from the word being read (`restartWord`), not from the sentence start. */
  #restartFromWord(): void {
    const word = this.#readAlong.restartWord;
    const { status, position } = this.#playback.state;
    if (
      status === Status.Playing &&
      word &&
      word.block === position.block &&
      word.start > position.offset
    ) {
      this.#playback.dispatch({
        type: 'seek',
        position: { block: word.block, offset: word.start },
      });
    } else {
      this.#playback.dispatch({ type: 'restart' });
    }
  }

  /**
   * Reads the light DOM, a slice (`READ_SLICE_MS`) per task. A first read (or a `src` load,
   * `fresh`) is loaded with its first blocks, so that Play is enabled at once, and grows as the
   * rest is read: reading goes on seamlessly, and the total is the count so far until the end.
   * A read again (another child, `skip`, `lang`) replaces the article only once it is all read,
   * and only if its text changed: what is being read goes on.
   */
  #readArticle(fresh = false): void {
    this.#childrenRead = [...this.childNodes];
    const scan = readingScan(this, { skip: this.skip ?? '' });
    const lang = this.#articleLang();
    const playback = this.#playback;
    // A read again while the first is under way starts over, as a first read.
    const previous = !fresh && !this.#readMore ? playback.article : null;
    const sources: ReadingBlock[] = [];
    const blocks: Block[] = [];
    let next: number | undefined;
    const slice = (budget = READ_SLICE_MS) => {
      if (this.#readMore !== more) return;
      if (next !== undefined) this.#clock.clearTimeout(next);
      const deadline = this.#clock.now() + budget;
      const read = scan.read(() => this.#clock.now() >= deadline);
      for (const block of toBlocks(read, blocks.length)) blocks.push(block);
      for (const source of read) sources.push(source);
      const done = scan.done;
      // The next slice in a task of its own: the browser renders and takes input in between.
      // Caught up with the parser (a page still loading), look again a moment later.
      if (!done) {
        next = this.#clock.setTimeout(
          () => {
            next = undefined;
            slice();
          },
          scan.waiting ? PARSER_POLL_MS : 0,
        );
      } else {
        this.#readMore = null;
        // What the parser added while it was read is read: no reason to read it again.
        this.#childrenRead = [...this.childNodes];
      }
      if (done && previous) {
        this.#blockSources = sources;
        const same =
          previous.lang === lang &&
          previous.blocks.length === blocks.length &&
          previous.blocks.every((block, index) => block.text === blocks[index]?.text);
        if (!same) playback.load(this.#newArticle(lang, blocks));
      }
      if (previous || !(blocks.length > 0 || done)) return;
      // The article's blocks are `blocks`, which grow as the rest is read.
      if (this.#blockSources === sources) playback.extend(done);
      else {
        this.#blockSources = sources;
        playback.load(this.#newArticle(lang, blocks), done);
      }
    };
    const more = (enough: () => boolean) => {
      while (this.#readMore === more && !enough()) {
        slice();
        // Caught up with the parser: what is asked for has not arrived yet.
        if (scan.waiting) break;
      }
    };
    this.#readMore = more;
    slice();
  }

  /** The first read, now rather than in its task (firstUpdated), for a request that needs it. */
  #readIfUnread(): void {
    if (this.hasUpdated && !this.src && !this.#readMore && !this.#playback.article) {
      this.#readArticle();
    }
  }

  #newArticle(lang: string, blocks: Block[]): Article {
    const title = blocks.find((block) => block.kind === 'heading')?.text ?? document.title;
    return { id: this.#articleId(), lang, title, blocks };
  }

  async #loadSource(src: string): Promise<void> {
    this.#loadAbort?.abort();
    const abort = new AbortController();
    this.#loadAbort = abort;
    this.#loading = true;
    this.#loadError = null;
    this.requestUpdate();
    this.#playback.dispatch({ type: 'stop' });
    try {
      const article = await fetchArticle(src, fetch, abort.signal);
      if (abort.signal.aborted) return;
      for (const old of this.querySelectorAll(':scope > [data-ap-loaded]')) old.remove();
      const rendered = renderArticle(article, document);
      rendered.setAttribute('data-ap-loaded', '');
      this.append(rendered);
      if (article.lang && !this.lang) this.lang = article.lang;
      this.#readArticle(true);
    } catch (error) {
      if (abort.signal.aborted) return;
      const detail = error instanceof Error ? error.message : String(error);
      const message =
        error instanceof ArticleLoadError && error.code === 'not-article'
          ? strings.loadNotArticle
          : strings.loadFailed(detail);
      this.#loadError = message;
      this.#playback.dispatch({ type: 'fail', error: { code: 'load-failed', message } });
    } finally {
      if (!abort.signal.aborted) {
        this.#loading = false;
        this.requestUpdate();
      }
    }
  }

  /** Every change of the playback state: the public events. */
  #announce(previous: PlaybackState, next: PlaybackState): void {
    const playing = next.status === Status.Playing;
    if (previous.status !== next.status) {
      if (playing) this.dispatchEvent(playerEvent('ap-play', undefined));
      if (next.status === Status.Paused && previous.status === Status.Playing) {
        this.dispatchEvent(playerEvent('ap-pause', undefined));
      }
      if (next.status === Status.Ended) this.dispatchEvent(playerEvent('ap-ended', undefined));
      if (next.status === Status.Error && next.error) {
        this.dispatchEvent(playerEvent('ap-error', { ...next.error }));
      }
      if (!playing) this.#readAlong.clear();
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
  }

  #currentBlock(): ReadingBlock | null {
    const { status, position } = this.#playback.state;
    if (status !== Status.Playing && status !== Status.Paused) return null;
    return this.#blockSources[position.block] ?? null;
  }

  /** The block's element, or the range of its text for loose text (the same range while it is read). */
  #followTarget(): HTMLElement | Range | null {
    const block = this.#currentBlock();
    if (!block) return null;
    if (block.element) return block.element;
    if (this.#followed?.block !== block) this.#followed = { block, range: rangeOf(block) };
    return this.#followed.range;
  }

  #articleId(): string {
    return this.src ?? `${location.pathname}${this.id ? `#${this.id}` : ''}`;
  }

  /** The article's language, as a valid tag: the `Intl` APIs throw on an invalid one. */
  #articleLang(): string {
    const own = this.lang || this.closest('[lang]')?.getAttribute('lang');
    return canonicalLanguage(own) ?? canonicalLanguage(navigator.language) ?? 'en';
  }

  /** The `voice` attribute, else the listener's choice for the article's language, else none. */
  #preferredVoice(): string | null {
    if (this.voice) return this.voice;
    const lang = primaryLanguage(this.#playback.article?.lang ?? '');
    return this.#settings.value.voices[lang] ?? null;
  }

  #hotkeysEnabled(): boolean {
    return !this.noHotkeys && this.#settings.value.hotkeys;
  }

  #rate(): number {
    const rate = Number.isFinite(this.rate) ? this.rate : 1;
    return Math.min(MAX_RATE, Math.max(MIN_RATE, rate));
  }

  /**
   * The part of the view the bar leaves free (it sits at the top, or at the bottom on a phone),
   * less the page's own `scroll-padding`: where a page declares its sticky header, as it does for
   * its anchors.
   */
  #visibleBand(): { top: number; bottom: number } {
    const bar = this.renderRoot.querySelector('.bar')?.getBoundingClientRect();
    const { scrollPaddingTop, scrollPaddingBottom } = getComputedStyle(document.documentElement);
    const height = window.innerHeight;
    let top = parseFloat(scrollPaddingTop) || 0;
    let bottom = height - (parseFloat(scrollPaddingBottom) || 0);
    if (bar && bar.top < height / 2) top = Math.max(top, bar.bottom);
    else if (bar) bottom = Math.min(bottom, bar.top);
    return { top, bottom };
  }

  #statusMessage(): string {
    if (this.#loadError) return this.#loadError;
    if (this.#loading) return strings.statusLoading;
    const blocker = this.#playback.blocker;
    if (blocker) {
      if (blocker.code === 'no-speech') return strings.noSpeech;
      if (blocker.code === 'no-voices') return strings.noVoices;
      return strings.noVoiceForLanguage(languageName(this.#playback.article?.lang ?? ''));
    }
    const { status, error, blockLengths } = this.#playback.state;
    if (this.#playback.article && blockLengths.length === 0) return strings.emptyArticle;
    switch (status) {
      case Status.Idle:
        return '';
      case Status.Playing: {
        // Nothing is heard until the voices are in: up to the engine's bound (then "no voices").
        if (this.#playback.voiceAvailability === VoiceAvailability.Loading) {
          return strings.statusWaitingForVoices;
        }
        const fallback = this.#playback.voiceFallback;
        return fallback
          ? strings.voiceFallback(fallback.wanted, fallback.used.name)
          : strings.statusPlaying;
      }
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

  /** What the bar shows now, for the element's controls and the features'. */
  #bar(): BarState {
    const { status, position, blockLengths } = this.#playback.state;
    const total = blockLengths.length;
    return {
      position,
      total,
      playing: status === Status.Playing,
      blocked: Boolean(this.#playback.blocker) || total === 0 || this.#loading,
    };
  }

  #renderPlace(place: Place): unknown {
    const parts = this.#features.map((feature) => feature.render?.(place) ?? nothing);
    return parts.some((part) => part !== nothing) ? parts : nothing;
  }

  #barClass(): string {
    const classes = this.#features.map((feature) => feature.barClass?.()).filter(Boolean);
    return ['bar', ...classes].join(' ');
  }

  protected override render() {
    // A pre-rendered shadow root is taken over, not attached anew: attaching one lays the whole
    // article out again. Its updates hydrate the slot alone and keep the bar (and what follows
    // the article) as the build rendered them until the live ones replace them (firstUpdated),
    // so that nothing the browser knows better can mismatch them.
    const keep = this.#keepPrerenderedBar;
    const live = this.#liveBar;
    return html`
      ${keep ? noChange : this.#renderBar(live)}
      <slot @slotchange=${this.#onSlotChange}></slot>
      ${keep ? noChange : live ? this.#renderPlace('after') : nothing}
    `;
  }

  /** The bar; its box and status line alone until its controls are `live`. */
  #renderBar(live: boolean) {
    return html`
      <div class=${this.#barClass()} part="bar" role="group" aria-label=${strings.controlsLabel}>
        ${live ? this.#renderControls() : nothing}
        <p class="status" part="status" role="status">${this.#statusMessage()}</p>
      </div>
    `;
  }

  #renderControls() {
    const bar = this.#bar();
    const rate = this.#rate();
    const hotkeys = this.#hotkeysEnabled();
    const { blocked, playing, position, total } = bar;
    return html`
      <div class="buttons">
        ${iconButton({
          part: 'previous',
          label: strings.previousParagraph,
          icon: icons.previous,
          onClick: this.#onPreviousClick,
          disabled: blocked,
          shortcut: hotkeys ? SHORTCUTS.previousParagraph : undefined,
        })}
        ${this.#renderPlace('before-play')}
        <button
          class="play"
          part="button play"
          aria-keyshortcuts=${hotkeys ? `${SHORTCUTS.togglePlay} Space` : nothing}
          ?disabled=${blocked}
          @click=${this.#onPlayClick}
        >
          ${icon(playing ? icons.pause : icons.play)}
          <span>${playing ? strings.pause : strings.play}</span>
        </button>
        ${this.#renderPlace('after-play')}
        ${iconButton({
          part: 'next',
          label: strings.nextParagraph,
          icon: icons.next,
          onClick: this.#onNextClick,
          disabled: blocked || position.block >= total - 1,
          shortcut: hotkeys ? SHORTCUTS.nextParagraph : undefined,
        })}
      </div>
      <label class="speed-label">
        ${strings.speed}
        <select part="speed" @change=${this.#onRateChange}>
          ${RATES.map((value) => html`<option value=${value} ?selected=${value === rate}>${value}×</option>`)}
        </select>
      </label>
      ${this.#renderPlace('controls')}
    `;
  }
}
