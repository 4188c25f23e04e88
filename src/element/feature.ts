/**
 * How a feature plugs into `<article-player>`. A feature is a value, registered on the element
 * class with `ArticlePlayer.use(feature)`; each player created afterwards calls its `attach`
 * with a `PlayerContext`. From there the feature adds Lit controllers to the player, subscribes
 * to playback (`context.playback.subscribe`) and to the settings, registers actions for the
 * keyboard and the media keys, and returns what it renders into the named places of the bar.
 * No part of the element knows which features exist.
 */
import type { CSSResultGroup, PropertyDeclarations } from 'lit';
import type { Position } from '../core/article.js';
import type { Clock } from '../speech/web-speech-engine.js';
import type { PlaybackController } from './controllers/playback-controller.js';
import type { ReadAlongController } from './controllers/read-along-controller.js';
import type { ArticlePlayer } from './player-element.js';
import type { ReadingBlock } from './reading-model.js';
import type { SettingsStore } from './settings-store.js';

/**
 * Where a feature's controls go: `before-play` and `after-play` among the transport buttons,
 * `controls` after the speed picker, `after` after the article (dialogs, spacers), `settings`
 * inside the settings dialog (where there is one).
 */
export type Place = 'before-play' | 'after-play' | 'controls' | 'after' | 'settings';

/** Actions the keyboard shortcuts and the media keys call; features may add the optional ones. */
export interface PlayerActions {
  togglePlay(): void;
  previousParagraph(): void;
  nextParagraph(): void;
  faster(): void;
  slower(): void;
  previousSentence?(): void;
  nextSentence?(): void;
}

/** What the bar shows: where reading stands, and whether the controls can act. */
export interface BarState {
  readonly position: Position;
  readonly total: number;
  readonly playing: boolean;
  /** No speech, no voice, nothing to read or still loading: the transport is disabled. */
  readonly blocked: boolean;
}

/** What a feature is given: the player and its parts. */
export interface PlayerContext {
  readonly player: ArticlePlayer;
  readonly playback: PlaybackController;
  readonly readAlong: ReadAlongController;
  readonly settings: SettingsStore;
  readonly actions: PlayerActions;
  /** Time for every timer of the player (a manual clock in tests). */
  readonly clock: Clock;
  /** Where block `index` is in the article: its element (none for loose text) and its text nodes. */
  blockSource(index: number): ReadingBlock | null;
  bar(): BarState;
  /** The rate the player speaks at now (the `rate` property, clamped to 0.5–3). */
  rate(): number;
  /** The voice to ask for, or null to choose one by language. */
  preferredVoice(): string | null;
  hotkeysEnabled(): boolean;
  /** A new rate or voice: speak again from the word being read. */
  restartFromWord(): void;
  /** What the features render into `place`, in the order they were registered. */
  renderPlace(place: Place): unknown;
}

/** What an attached feature offers back to the element; every member is optional. */
export interface AttachedFeature {
  render?(place: Place): unknown;
  /** Classes for the bar (e.g. `docked`), or nothing. */
  barClass?(): string | undefined;
  /** Where in block `block` a tap reads from, or undefined to leave it to the next feature (0). */
  tapOffset?(block: number, event: MouseEvent): number | undefined;
  /** The listener stopped: reading starts over from the top. */
  stopped?(): void;
}

export interface PlayerFeature {
  readonly name: string;
  /** Shadow styles of its controls. */
  readonly styles?: CSSResultGroup;
  /** Reactive properties (and attributes) it adds to the element. */
  readonly properties?: PropertyDeclarations;
  /** Called once per player, in its constructor. */
  attach(context: PlayerContext): AttachedFeature;
}
