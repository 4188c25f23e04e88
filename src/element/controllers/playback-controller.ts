/**
 * Playback: the core reducer plus a speech engine. It performs the reducer's effects, turns
 * engine callbacks into reducer events, and publishes what happens (article loaded, state
 * changed, chunk started, word boundary, chunk ended) to whoever subscribes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Article, Position } from '../../core/article.js';
import {
  initialState,
  reduce,
  Status,
  type PlaybackEffect,
  type PlaybackError,
  type PlaybackEvent,
  type PlaybackState,
} from '../../core/playback.js';
import { chunkRanges, rangeAt, type TextRange } from '../../core/segment.js';
import {
  chooseVoice,
  primaryLanguage,
  findVoice,
  voiceKey,
  voicesFor,
  type VoiceContext,
  type VoiceInfo,
} from '../../core/voices.js';
import type { SpeechEngine } from '../../speech/engine.js';

export interface PlaybackSettings {
  readonly rate: number;
  /** The voice the user picked, if any; otherwise one is chosen by language. */
  readonly voiceURI: string | null;
  /** Where the voice is chosen: the listener's locale (its region) and whether the device is online. */
  readonly voiceContext?: VoiceContext;
}

/** A chunk of a block being spoken: [start, end) of the block's text. */
export interface SpokenChunk {
  readonly block: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly lang: string;
  readonly rate: number;
}

/**
 * What playback publishes. Every member is optional: a feature subscribes to what it needs.
 * Subscribers are called in the order they subscribed (the element's own read-along first).
 */
export interface PlaybackListener {
  /** A new article is ready to play (its state is in place). */
  onArticleLoaded?(article: Article): void;
  /** Called after every change, with the state before it and the event that made it. */
  onTransition?(previous: PlaybackState, next: PlaybackState, event: PlaybackEvent): void;
  /** The engine started speaking a chunk. */
  onChunkStart?(chunk: SpokenChunk): void;
  /** The engine reports a word boundary, relative to the chunk's text. */
  onChunkBoundary?(chunk: SpokenChunk, charIndex: number, charLength: number | undefined): void;
  /** The chunk ended: `completed` when spoken to its end, not cancelled, interrupted or failed. */
  onChunkEnd?(chunk: SpokenChunk, completed: boolean): void;
}

/** How many blocks' chunks are kept: the current one and its neighbours. */
const CHUNK_CACHE_BLOCKS = 8;

export const VoiceAvailability = {
  Loading: 'loading',
  Ready: 'ready',
  None: 'none',
  NoneForLanguage: 'none-for-language',
  Unsupported: 'unsupported',
} as const;
export type VoiceAvailability = (typeof VoiceAvailability)[keyof typeof VoiceAvailability];

export class PlaybackController implements ReactiveController {
  state: PlaybackState = initialState([]);
  article: Article | null = null;
  voiceAvailability: VoiceAvailability = VoiceAvailability.Loading;
  /** Voices that speak the article's language, for the voice picker. */
  voices: readonly VoiceInfo[] = [];

  #allVoices: readonly VoiceInfo[] = [];
  #voicesLoaded = false;
  #unwatchVoices: (() => void) | undefined;
  /**
   * The listener's voice that cannot be used now (gone, or a network voice while offline), and
   * the one read with instead; shown once in the status line.
   */
  voiceFallback: { readonly wanted: string | null; readonly used: VoiceInfo } | null = null;
  readonly #chunks = new Map<number, TextRange[]>();
  /** Bumped by every `load`: work scheduled for an earlier article is dropped. */
  #loads = 0;
  readonly #voiceByLang = new Map<string, string | undefined>();

  readonly #host: ReactiveControllerHost;
  readonly #settings: () => PlaybackSettings;
  readonly #listeners = new Set<PlaybackListener>();

  constructor(
    host: ReactiveControllerHost,
    readonly engine: SpeechEngine,
    settings: () => PlaybackSettings,
    /** A first subscriber. */
    listener?: PlaybackListener,
  ) {
    this.#host = host;
    this.#settings = settings;
    if (listener) this.subscribe(listener);
    host.addController(this);
  }

  /** Calls `listener` with what playback publishes, until the returned function is called. */
  subscribe(listener: PlaybackListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #publish<K extends keyof PlaybackListener>(
    name: K,
    ...args: Parameters<NonNullable<PlaybackListener[K]>>
  ): void {
    for (const listener of this.#listeners) {
      (listener[name] as ((...a: typeof args) => void) | undefined)?.call(listener, ...args);
    }
  }

  hostConnected(): void {
    if (!this.engine.supported) {
      this.voiceAvailability = VoiceAvailability.Unsupported;
      this.#failIfBlocked();
      return;
    }
    // A voice removed (or a network voice gone) is replaced from the next sentence on.
    this.#unwatchVoices ??= this.engine.onVoicesChanged?.(() => {
      void this.engine.getVoices().then((voices) => {
        this.#allVoices = voices;
        this.forgetVoiceChoice();
        this.#updateVoices();
      });
    });
    if (this.#voicesLoaded) return;
    void this.engine.getVoices().then((voices) => {
      this.#allVoices = voices;
      this.#voicesLoaded = true;
      this.#updateVoices();
    });
  }

  hostDisconnected(): void {
    this.#unwatchVoices?.();
    this.#unwatchVoices = undefined;
    this.dispatch({ type: 'stop' });
  }

  /**
   * Replaces the article; speech of the previous one stops. `complete: false` when more of its
   * blocks are to come (its `blocks` grow, then `extend`): `onArticleLoaded` is published once
   * they are all in.
   */
  load(article: Article, complete = true): void {
    if (this.state.status === Status.Playing) this.engine.cancel();
    this.article = article;
    this.#loads++;
    this.#chunks.clear();
    this.#voiceByLang.clear();
    this.state = initialState(article.blocks.map((block) => block.text.length));
    this.#segmentSoon(this.state.position.block);
    this.#updateVoices();
    this.#failIfBlocked();
    if (complete) this.#publish('onArticleLoaded', article);
    this.#host.requestUpdate();
  }

  /**
   * More of the article was read: its blocks (the array given to `load`) grew; `complete` once
   * they are all in. Whoever reads them reads on before the last one's end is reached.
   */
  extend(complete: boolean): void {
    const article = this.article;
    if (!article) return;
    this.dispatch({
      type: 'extend',
      blockLengths: article.blocks.map((block) => block.text.length),
    });
    if (complete) this.#publish('onArticleLoaded', article);
  }

  dispatch(event: PlaybackEvent): void {
    const previous = this.state;
    // A Play nothing here can read (no voice for its language) says why instead of speaking it in
    // another language's voice, as the button, disabled then, would (a script's play(), Up next).
    const blocker = event.type === 'play' && this.blocker;
    const made: PlaybackEvent = blocker ? { type: 'fail', error: blocker } : event;
    const { state, effects } = reduce(previous, made);
    this.state = state;
    for (const effect of effects) this.#perform(effect);
    if (state !== previous) {
      this.#publish('onTransition', previous, state, made);
      this.#host.requestUpdate();
    }
  }

  /** Another voice was picked: choose again at the next utterance. */
  forgetVoiceChoice(): void {
    this.#voiceByLang.clear();
  }

  /** The voice the article's language is read in now, once the voices are in. */
  get currentVoice(): VoiceInfo | undefined {
    const lang = this.article?.lang;
    return this.#voicesLoaded && lang ? findVoice(this.voices, this.#voiceFor(lang)) : undefined;
  }

  /** Why the article cannot be read at all, or null when it can. */
  get blocker(): PlaybackError | null {
    if (this.voiceAvailability === VoiceAvailability.Unsupported) {
      return { code: 'no-speech', message: 'Speech synthesis is not supported' };
    }
    if (this.voiceAvailability === VoiceAvailability.None) {
      return { code: 'no-voices', message: 'No voices are installed' };
    }
    if (this.voiceAvailability === VoiceAvailability.NoneForLanguage) {
      return { code: 'no-voice-for-language', message: `No voice for ${this.article?.lang ?? ''}` };
    }
    return null;
  }

  /** The block range being read now (the chunk that contains the position). */
  chunkAt(position: Position): TextRange | undefined {
    return rangeAt(this.#chunksOf(position.block), position.offset);
  }

  #perform(effect: PlaybackEffect): void {
    switch (effect.type) {
      case 'cancel':
        this.engine.cancel();
        return;
      case 'speak':
        this.#speak(effect.position, effect.generation);
        return;
    }
  }

  #speak(position: Position, generation: number): void {
    const article = this.article;
    const block = article?.blocks[position.block];
    const range = this.chunkAt(position);
    if (!article || !block || !range) return;
    const end: Position = { block: position.block, offset: range.end };
    const text = block.text.slice(position.offset, range.end);
    const lang = block.lang ?? article.lang;
    const { rate } = this.#settings();
    const chunk: SpokenChunk = {
      block: position.block,
      start: position.offset,
      end: range.end,
      text,
      lang,
      rate,
    };
    this.engine.speak(
      { text, lang, voiceURI: this.#voiceFor(lang), rate },
      {
        onStart: () => {
          this.#publish('onChunkStart', chunk);
          // Ready the next block while this one is heard: its sentences, and the segmenter.
          const next = position.block + 1;
          if (range.end >= block.text.length && next < (this.article?.blocks.length ?? 0)) {
            this.#segmentSoon(next);
          }
        },
        onBoundary: (charIndex, charLength) =>
          this.#publish('onChunkBoundary', chunk, charIndex, charLength),
        onEnd: () => {
          this.#publish('onChunkEnd', chunk, true);
          this.dispatch({ type: 'chunk-end', generation, end });
        },
        onError: (error) => {
          this.#publish('onChunkEnd', chunk, false);
          this.dispatch({ type: 'chunk-error', generation, error });
        },
        onInterrupted: () => {
          this.#publish('onChunkEnd', chunk, false);
          this.dispatch({ type: 'interrupted', generation });
        },
      },
    );
  }

  /**
   * Segments a block once the page is idle, so that the Play tap does not wait for it, nor does
   * the page's first render: the first Intl.Segmenter of a page costs tens of milliseconds
   * (ICU's rules), which made the load's longest task longer. Play is enabled only once the
   * voices are in, seconds later on most engines; an early Play segments the block itself.
   */
  #segmentSoon(blockIndex: number): void {
    const load = this.#loads;
    const segment = () => {
      if (this.#loads === load) this.#chunksOf(blockIndex);
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(segment, { timeout: 1000 });
    else setTimeout(segment, 0);
  }

  #chunksOf(blockIndex: number): TextRange[] {
    let ranges = this.#chunks.get(blockIndex);
    if (ranges) {
      // Most recently used last, so the oldest goes first.
      this.#chunks.delete(blockIndex);
    } else {
      const block = this.article?.blocks[blockIndex];
      ranges = block ? chunkRanges(block.text, block.lang ?? this.article?.lang ?? '') : [];
    }
    this.#chunks.set(blockIndex, ranges);
    // A few blocks around the reading are enough: memory must not grow with what was read.
    if (this.#chunks.size > CHUNK_CACHE_BLOCKS) {
      const oldest = this.#chunks.keys().next().value;
      if (oldest !== undefined) this.#chunks.delete(oldest);
    }
    return ranges;
  }

  /** The `voiceKey` of the voice for `lang`; before the voices are in, the listener's choice as is. */
  #voiceFor(lang: string): string | null {
    // The engine resolves a request's voice itself once the voices arrive.
    if (!this.#voicesLoaded) return this.#settings().voiceURI;
    if (!this.#voiceByLang.has(lang)) {
      const preferred = this.#settings().voiceURI;
      // The article's own voices are already filtered from the thousands an engine may have.
      const sameLanguage = primaryLanguage(lang) === primaryLanguage(this.article?.lang ?? '');
      const candidates = sameLanguage ? this.voices : this.#allVoices;
      const voice = chooseVoice(candidates, lang, preferred, this.#settings().voiceContext);
      this.#voiceByLang.set(lang, voice && voiceKey(voice));
      if (sameLanguage) {
        const wanted = preferred ? findVoice(this.#allVoices, preferred) : undefined;
        const replaced =
          preferred &&
          voice &&
          voice !== wanted &&
          (!wanted || voicesFor([wanted], lang).length > 0);
        const fallback = replaced ? { wanted: wanted?.name ?? null, used: voice } : null;
        if (fallback?.used !== this.voiceFallback?.used) this.#host.requestUpdate();
        this.voiceFallback = fallback;
      }
    }
    return this.#voiceByLang.get(lang) ?? null;
  }

  #updateVoices(): void {
    if (!this.engine.supported || !this.#voicesLoaded) return;
    const lang = this.article?.lang;
    this.voices = lang ? voicesFor(this.#allVoices, lang) : [];
    if (this.#allVoices.length === 0) this.voiceAvailability = VoiceAvailability.None;
    else if (lang && this.voices.length === 0) {
      this.voiceAvailability = VoiceAvailability.NoneForLanguage;
    } else this.voiceAvailability = VoiceAvailability.Ready;
    // Choose the voice now, not between the Play tap and speak().
    if (lang) this.#voiceFor(lang);
    this.#failIfBlocked();
    this.#host.requestUpdate();
  }

  #failIfBlocked(): void {
    const blocker = this.blocker;
    if (blocker && this.article) this.dispatch({ type: 'fail', error: blocker });
  }
}
