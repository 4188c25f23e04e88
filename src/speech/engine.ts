/** The one interface between the player and a speech synthesiser. */
import type { VoiceInfo } from '../core/voices.js';

export interface SpeakRequest {
  readonly text: string;
  /** Always set: Android ignores the voice unless the language is set too. */
  readonly lang: string;
  readonly voiceURI?: string | null;
  readonly rate: number;
}

export interface SpeechError {
  /** A SpeechSynthesisErrorEvent code, or `no-start` from the watchdog. */
  readonly code: string;
  readonly message: string;
}

export interface SpeakHandlers {
  onStart?(): void;
  /** `charIndex` is relative to the request's text; `charLength` may be missing or 0. */
  onBoundary?(charIndex: number, charLength: number | undefined): void;
  onEnd(): void;
  onError(error: SpeechError): void;
  /** Speech was stopped by something outside the player (another tab, the system). */
  onInterrupted(): void;
}

export interface SpeechEngine {
  readonly supported: boolean;
  /** The voices, waiting a bounded time for late-loading ones; empty when there are none. */
  getVoices(): Promise<readonly VoiceInfo[]>;
  /** Queues one utterance. Events of an utterance reach its handlers only until `cancel()`. */
  speak(request: SpeakRequest, handlers: SpeakHandlers): void;
  /** Stops what this engine queued; later events of those utterances are dropped. */
  cancel(): void;
  /** True while an utterance of ours is queued or speaking (or about to be, after a settle). */
  isBusy(): boolean;
  /**
   * Calls `listener` when the device's voices change after they were first listed (a voice
   * installed or removed); `getVoices()` then answers the new list. Returns the unsubscribe.
   */
  onVoicesChanged?(listener: () => void): () => void;
}
