/**
 * Lock-screen and headset controls through the Media Session API. Speech alone creates no media
 * session, so a silent looping <audio> plays while reading; it stops on pause. The attribute
 * `no-media-session` turns it off (a strict CSP refuses the `data:` audio).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Status } from '../../core/playback.js';
import type { PlayerFeature } from '../feature.js';

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
  readonly artwork: readonly MediaImage[];
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

  #claim(session: MediaSession): void {
    this.#active = true;
    const { title, artist, artwork } = this.#info();
    session.metadata = new MediaMetadata({ title, artist, artwork: [...artwork] });
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
    const controller = new MediaSessionController(
      player,
      {
        play: () => void player.play(),
        pause: () => void player.pause(),
        stop: () => void player.stop(),
        previousParagraph: actions.previousParagraph,
        nextParagraph: actions.nextParagraph,
        previousSentence: () => actions.previousSentence?.(),
        nextSentence: () => actions.nextSentence?.(),
      },
      () => ({
        title: playback.article?.title ?? document.title,
        artist: location.hostname,
        artwork: artworkOfPage(),
      }),
    );
    playback.subscribe({
      onTransition(previous, next) {
        if (previous.status === next.status || player.noMediaSession) return;
        controller.update(next.status === Status.Playing, next.status === Status.Paused);
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
