// Types of scripts/audio-sink.mjs for the TypeScript test harness.

export declare const SINK_NAME: string;

export interface AudioSink {
  readonly sinkName: string;
  /** The sink's monitor source, to record from: `${sinkName}.monitor`. */
  readonly monitor: string;
  /** Whether this call started the PulseAudio daemon (stop() then stops it). */
  readonly startedDaemon: boolean;
  /** Index of the module this call loaded, or null if the sink already existed. */
  readonly loadedModule: string | null;
  /** Undoes what this call did (synchronous, idempotent). */
  stop(): void;
}

export declare function startAudioSink(options?: { sinkName?: string; quiet?: boolean }): AudioSink;

/** Waits without giving up the thread (for setup and for 'exit' handlers). */
export declare function sleepSync(ms: number): void;
