// Types of scripts/speech-server.mjs for the TypeScript test harness.

export interface SpeechServer {
  /** `unix_socket:…`, also set as `SPEECHD_ADDRESS`; null where speech-dispatcher did not start. */
  readonly address: string | null;
  /** Undoes what this call did (synchronous, idempotent). */
  stop(): void;
}

export declare function startSpeechServer(options?: { quiet?: boolean }): SpeechServer;
