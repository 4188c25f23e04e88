// Types of scripts/bench/queue.mjs for its unit test.

/** An entry of the speech spy's log (tests/e2e/support/speech.ts), as far as it is read here. */
export interface SpokenEntry {
  type: string;
  time: number;
  text: string;
}

export interface Silences {
  /** From the end of the first article's last utterance to the start of the announcement. */
  toAnnouncement: number;
  /** From the end of the announcement to the start of the next article. */
  toArticle: number;
  /** Each gap between the end of an utterance and the start of the next, in the first article. */
  within: number[];
}

export declare function silences(
  log: readonly SpokenEntry[],
  announcement: string,
  next: string,
): Silences | null;
