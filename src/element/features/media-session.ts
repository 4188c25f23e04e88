/**
 * Lock-screen and headset controls through the Media Session API. Speech alone creates no media
 * session, so a silent looping <audio> plays while reading; it stops on pause. The attribute
 * `no-media-session` turns it off (a strict CSP refuses the `data:` audio).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Status } from '../../core/playback.js';
import type { PlayerFeature } from '../feature.js';
import type { ArticlePlayer } from '../player-element.js';

declare module '../player-element.js' {
  interface ArticlePlayer {
    /**
     * No lock-screen or media-key controls. They need a silent audio (a `data:` URL) playing,
     * which a strict Content Security Policy refuses and reports unless it allows `media-src data:`.
     */
    noMediaSession: boolean;
  }
}

export interface MediaSessionActions {
  play(): void;
  pause(): void;
  stop(): void;
  previousParagraph(): void;
  nextParagraph(): void;
  /** Read at each press: a player without sentence navigation does nothing. */
  previousSentence(): void;
  nextSentence(): void;
}

export interface MediaSessionInfo {
  readonly title: string;
  readonly artist: string;
  /** Where the article stands in a series ("2 of 5"), if it is in one. */
  readonly album?: string;
  readonly artwork: readonly MediaImage[];
}

/**
 * Set by a feature that plays articles one after another (the app's queue): the track keys go
 * to its articles, the lock screen shows which one, and the session is kept through the end of
 * an article while the next one is coming (a new session would need a new tap on iOS).
 */
export interface MediaTracks {
  /** Another article follows this one's end: keep the controls and the silent audio. */
  continuing(): boolean;
  /** "2 of 5", or null when not in a series. */
  place(): string | null;
  /** Each returns false to leave the key its own meaning (the paragraph, or pause). */
  next(): boolean;
  previous(): boolean;
  pause(): boolean;
}

const tracksOfPlayer = new WeakMap<ArticlePlayer, MediaTracks>();

export function setMediaTracks(player: ArticlePlayer, tracks: MediaTracks | null): void {
  if (tracks) tracksOfPlayer.set(player, tracks);
  else tracksOfPlayer.delete(player);
}

export class MediaSessionController implements ReactiveController {
  #audio: HTMLAudioElement | null = null;
  #active = false;

  readonly #actions: MediaSessionActions;
  readonly #info: () => MediaSessionInfo;

  constructor(
    host: ReactiveControllerHost,
    actions: MediaSessionActions,
    info: () => MediaSessionInfo,
  ) {
    this.#actions = actions;
    this.#info = info;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.update(false);
  }

  /** Called on every status change: takes the session while playing, keeps it while paused. */
  update(playing: boolean, paused = false): void {
    const session = typeof navigator !== 'undefined' ? navigator.mediaSession : undefined;
    if (playing) {
      this.#startSilence();
      if (session && !this.#active) this.#claim(session);
    } else {
      this.#audio?.pause();
    }
    if (!session) return;
    session.playbackState = playing ? 'playing' : paused ? 'paused' : 'none';
    if (!playing && !paused && this.#active) this.#release(session);
  }

  /** Another article is being read: show it. */
  refreshMetadata(): void {
    const session = typeof navigator !== 'undefined' ? navigator.mediaSession : undefined;
    if (session && this.#active) this.#setMetadata(session);
  }

  #setMetadata(session: MediaSession): void {
    const { title, artist, album, artwork } = this.#info();
    session.metadata = new MediaMetadata({ title, artist, album, artwork: [...artwork] });
  }

  #claim(session: MediaSession): void {
    this.#active = true;
    this.#setMetadata(session);
    const handlers: [MediaSessionAction, () => void][] = [
      ['play', this.#actions.play],
      ['pause', this.#actions.pause],
      ['stop', this.#actions.stop],
      ['previoustrack', this.#actions.previousParagraph],
      ['nexttrack', this.#actions.nextParagraph],
      ['seekbackward', this.#actions.previousSentence],
      ['seekforward', this.#actions.nextSentence],
    ];
    for (const [action, handler] of handlers) {
      try {
        session.setActionHandler(action, () => handler());
      } catch {
        // An action this browser does not know: the others still work.
      }
    }
  }

  #release(session: MediaSession): void {
    this.#active = false;
    session.metadata = null;
    for (const action of [
      'play',
      'pause',
      'stop',
      'previoustrack',
      'nexttrack',
      'seekbackward',
      'seekforward',
    ] as const) {
      try {
        session.setActionHandler(action, null);
      } catch {
        // Unknown action: nothing to release.
      }
    }
    this.#audio?.removeAttribute('src');
    this.#audio = null;
  }

  #startSilence(): void {
    if (!this.#audio) {
      this.#audio = new Audio(silentWav());
      this.#audio.loop = true;
    }
    // Refused under a strict media-src policy or an autoplay rule: speech goes on without it.
    this.#audio.play().catch(() => undefined);
  }
}

export const mediaSession: PlayerFeature = {
  name: 'media-session',
  properties: {
    noMediaSession: { type: Boolean, reflect: true, attribute: 'no-media-session' },
  },
  attach({ player, playback, actions }) {
    player.noMediaSession = false;
    const tracks = () => tracksOfPlayer.get(player);
    const controller = new MediaSessionController(
      player,
      {
        play: () => void player.play(),
        pause: () => {
          if (!tracks()?.pause()) void player.pause();
        },
        stop: () => void player.stop(),
        previousParagraph: () => {
          if (!tracks()?.previous()) actions.previousParagraph();
        },
        nextParagraph: () => {
          if (!tracks()?.next()) actions.nextParagraph();
        },
        previousSentence: () => actions.previousSentence?.(),
        nextSentence: () => actions.nextSentence?.(),
      },
      () => ({
        title: playback.article?.title ?? document.title,
        artist: location.hostname,
        album: tracks()?.place() ?? undefined,
        artwork: artworkOfPage(),
      }),
    );
    playback.subscribe({
      onArticleLoaded: () => controller.refreshMetadata(),
      onTransition(previous, next) {
        if (previous.status === next.status || player.noMediaSession) return;
        // Between two articles of a series the session stays as it was: playing.
        const continuing = next.status !== Status.Paused && (tracks()?.continuing() ?? false);
        controller.update(
          next.status === Status.Playing || continuing,
          next.status === Status.Paused,
        );
      },
    });
    return {};
  },
};

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

let silence: string | undefined;

/** One second of 8-bit mono silence as a WAV data URL, built here rather than shipped. */
function silentWav(): string {
  if (silence) return silence;
  const rate = 8000;
  const bytes = new Uint8Array(44 + rate);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string) => {
    for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + rate, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate, true);
  view.setUint16(32, 1, true);
  view.setUint16(34, 8, true);
  ascii(36, 'data');
  view.setUint32(40, rate, true);
  bytes.fill(128, 44);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  silence = `data:audio/wav;base64,${btoa(binary)}`;
  return silence;
}
