/**
 * What the player remembers between visits: settings, and the position in each article.
 * Parsing is strict: corrupted, old or foreign data is dropped for defaults, never trusted.
 */

export const SAVED_STATE_VERSION = 1;

export interface Settings {
  readonly rate: number;
  /** The chosen voiceURI per primary language. */
  readonly voices: Readonly<Record<string, string>>;
  readonly follow: boolean;
  readonly highlightWords: boolean;
  readonly hotkeys: boolean;
}

export interface SavedPosition {
  readonly block: number;
  readonly offset: number;
  /** When it was saved (ms since the epoch), to forget the oldest first. */
  readonly savedAt: number;
}

export const DEFAULT_SETTINGS: Settings = {
  rate: 1,
  voices: {},
  follow: true,
  highlightWords: true,
  hotkeys: true,
};

/** At most this many articles' positions are kept. */
export const MAX_SAVED_POSITIONS = 200;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJson(raw: string | null): unknown {
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

export function parseSettings(raw: string | null): Settings {
  const data = parseJson(raw);
  if (!isRecord(data) || data['version'] !== SAVED_STATE_VERSION) return DEFAULT_SETTINGS;
  const rate = data['rate'];
  const voices: Record<string, string> = {};
  if (isRecord(data['voices'])) {
    for (const [lang, uri] of Object.entries(data['voices'])) {
      if (typeof uri === 'string' && /^[a-z]{2,3}$/.test(lang)) voices[lang] = uri;
    }
  }
  const flag = (key: 'follow' | 'highlightWords' | 'hotkeys') => {
    const value = data[key];
    return typeof value === 'boolean' ? value : DEFAULT_SETTINGS[key];
  };
  return {
    rate: typeof rate === 'number' && rate >= 0.5 && rate <= 3 ? rate : DEFAULT_SETTINGS.rate,
    voices,
    follow: flag('follow'),
    highlightWords: flag('highlightWords'),
    hotkeys: flag('hotkeys'),
  };
}

export function serializeSettings(settings: Settings): string {
  return JSON.stringify({ version: SAVED_STATE_VERSION, ...settings });
}

export function parsePositions(raw: string | null): Record<string, SavedPosition> {
  const data = parseJson(raw);
  const positions: Record<string, SavedPosition> = {};
  if (!isRecord(data) || data['version'] !== SAVED_STATE_VERSION || !isRecord(data['articles'])) {
    return positions;
  }
  for (const [id, value] of Object.entries(data['articles'])) {
    if (!isRecord(value)) continue;
    const { block, offset, savedAt } = value;
    if (
      isCount(block) &&
      isCount(offset) &&
      typeof savedAt === 'number' &&
      Number.isFinite(savedAt)
    ) {
      positions[id] = { block, offset, savedAt };
    }
  }
  return positions;
}

/** Adds or replaces one article's position, keeping only the most recent ones. */
export function withPosition(
  positions: Readonly<Record<string, SavedPosition>>,
  id: string,
  position: SavedPosition | null,
): Record<string, SavedPosition> {
  const { [id]: _replaced, ...rest } = positions;
  const next: Record<string, SavedPosition> = position ? { ...rest, [id]: position } : rest;
  const entries = Object.entries(next);
  if (entries.length <= MAX_SAVED_POSITIONS) return next;
  entries.sort((a, b) => b[1].savedAt - a[1].savedAt);
  return Object.fromEntries(entries.slice(0, MAX_SAVED_POSITIONS));
}

export function serializePositions(positions: Readonly<Record<string, SavedPosition>>): string {
  return JSON.stringify({ version: SAVED_STATE_VERSION, articles: positions });
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
