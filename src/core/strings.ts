/**
 * Every string the player shows or announces, in one place so that it can be translated.
 * Functions take the values they interpolate. Two tables: `strings` for every player (the
 * embed), `listeningStrings` for the extras of the full player (the app's), so that the embed
 * carries only the strings it shows.
 */
export const strings = {
  play: 'Play',
  pause: 'Pause',
  previousParagraph: 'Previous paragraph',
  nextParagraph: 'Next paragraph',
  speed: 'Speed',
  controlsLabel: 'Listen to this article',
  voiceFallback: (wanted: string | null, used: string) =>
    `Reading aloud. ${wanted ?? 'The chosen voice'} cannot be used now, so ${used} reads instead.`,
  statusPlaying: 'Reading aloud',
  /** Playing, before the browser has listed its voices (Chromium and Firefox list them late). */
  statusWaitingForVoices: 'Waiting for the browser’s voices…',
  statusPaused: 'Paused',
  statusEnded: 'Finished reading',
  statusLoading: 'Loading the article…',
  noSpeech:
    'Your browser cannot read aloud (it has no speech synthesis). The article is still here to read.',
  noVoices:
    'No voices are installed for reading aloud on this device. The article is still here to read.',
  noVoiceForLanguage: (language: string) =>
    `No voice for ${language} is installed on this device, so it cannot be read aloud. The article is still here to read.`,
  emptyArticle: 'There is no text here to read aloud.',
  loadFailed: (detail: string) => `The article could not be loaded (${detail}).`,
  loadNotArticle: 'The address given does not contain an article to read.',
  speechError: (detail: string) => `Reading aloud stopped: ${detail}.`,
  /** The errors a listener can act on or understand; any other code is "the speech engine failed". */
  speechErrors: {
    'no-start': 'the speech engine did not start speaking',
    'audio-busy': 'the audio output is busy',
    'audio-hardware': 'no audio output was found',
    network: 'the online voice could not be reached',
    'not-allowed': 'the browser did not allow speech; press Play again',
  } as Record<string, string>,
  unknownSpeechError: 'the speech engine failed',
} as const;

/** The full player's extras: sentence buttons, position, resume, settings, sleep timer. */
export const listeningStrings = {
  previousSentence: 'Previous sentence',
  nextSentence: 'Next sentence',
  position: 'Position in the article',
  timeLeft: (minutes: number) => (minutes < 1 ? 'Less than a minute left' : `${minutes} min left`),
  continueFrom: (paragraph: number) => `Continue from paragraph ${paragraph}`,
  paragraphOf: (index: number, total: number) => `Paragraph ${index} of ${total}`,
  settings: 'Settings',
  settingsTitle: 'Listening settings',
  close: 'Close',
  voice: 'Voice',
  automaticVoice: 'Automatic',
  otherVoices: 'Novelty and effect voices',
  needsConnection: (voice: string) => `${voice} (needs a connection)`,
  previewVoice: 'Preview',
  voiceInUse: (voice: string) => `Voice: ${voice}`,
  sleepTimer: 'Sleep timer',
  sleepOff: 'Off',
  sleepMinutes: (minutes: number) => `${minutes} minutes`,
  followReading: 'Scroll to follow the reading',
  highlightWords: 'Highlight each word',
  keyboardShortcuts: 'Keyboard shortcuts',
  shortcutsHelp: 'When focus is in the player:',
  shortcutNames: {
    togglePlay: 'Play or pause (also Space)',
    previousSentence: 'Previous sentence',
    nextSentence: 'Next sentence',
    previousParagraph: 'Previous paragraph',
    nextParagraph: 'Next paragraph',
    faster: 'Faster',
    slower: 'Slower',
  },
} as const;

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof T]: Widen<T[K]> };

/** The shape of a table of UI strings: the English table's keys, with any text. */
export type Strings = Widen<typeof strings>;
/** The shape of the full player's extra strings. */
export type ListeningStrings = Widen<typeof listeningStrings>;

/** A translation: every key of the English table should be there; a missing one falls back to English. */
export type Translation = { readonly [K in keyof Strings]?: Strings[K] };
export type ListeningTranslation = { readonly [K in keyof ListeningStrings]?: ListeningStrings[K] };
