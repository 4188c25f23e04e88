/**
 * The voice picker's contents: the article's voices grouped by region with plain names, the
 * novelty and effect voices last, network voices marked (and unusable offline). Pure; the embed
 * goes without it (it keeps the automatic choice only).
 */
import { canonicalLanguage } from './language.js';
import {
  primaryLanguage,
  rankVoices,
  voiceKey,
  voiceListFacts,
  voiceTraits,
  wantedRegions,
  type VoiceContext,
  type VoiceInfo,
} from './voices.js';

/** `Microsoft Aria Online (Natural) - English (United States)` → `Aria (Natural)`. */
export function voiceLabel(voice: VoiceInfo): string {
  let name = voice.name.trim();
  // Microsoft's: `Microsoft Aria Online (Natural) - English (United States)`.
  const microsoft = /^Microsoft (\S+?)(?:Multilingual)?(?: Online)?( \(Natural\))? - /.exec(name);
  if (microsoft?.[1]) return `${microsoft[1]}${microsoft[2] ?? ''}`;
  // Android's: `Android Speech Recognition and Synthesis from Google en-us-x-tpc-network`.
  const android = /from Google (\S+)$/.exec(name);
  if (android?.[1]) name = `Google ${android[1].replace(/-(?:local|network)$/, '')}`;
  return name.replace(/ espeak-ng$/, '');
}

export interface VoiceOption {
  readonly key: string;
  readonly label: string;
  /** Needs a connection. */
  readonly network: boolean;
  /** Cannot speak now (a network voice while offline). */
  readonly disabled: boolean;
}

export interface VoiceGroup {
  /** `English — United States`; '' for the group of novelty and effect voices. */
  readonly label: string;
  /** The group of novelty and effect voices, shown last. */
  readonly other: boolean;
  readonly options: readonly VoiceOption[];
}

function displayName(code: string, type: 'language' | 'region', displayLang: string): string {
  try {
    const names = new Intl.DisplayNames([canonicalLanguage(displayLang) ?? 'en', 'en'], { type });
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The voices that speak `lang`, for a picker: one group per region (the article's, the
 * listener's and the usual one first, then by name), each best first; novelty and effect voices
 * in a last group of their own. Offline, network voices stay listed but disabled.
 */
export function voiceGroups(
  voices: readonly VoiceInfo[],
  lang: string,
  context: VoiceContext & { readonly displayLang?: string } = {},
): VoiceGroup[] {
  const displayLang = context.displayLang ?? 'en';
  const facts = voiceListFacts(voices);
  const offline = context.online === false;
  const ranked = rankVoices(voices, lang, { ...context, online: true });
  const byRegion = new Map<string, VoiceOption[]>();
  const other: VoiceOption[] = [];
  for (const voice of ranked) {
    const traits = voiceTraits(voice, facts);
    const option: VoiceOption = {
      key: voiceKey(voice),
      label: voiceLabel(voice),
      network: traits.network,
      disabled: offline && traits.network,
    };
    if (traits.novelty) other.push(option);
    else byRegion.set(traits.region, [...(byRegion.get(traits.region) ?? []), option]);
  }
  const language = displayName(primaryLanguage(lang), 'language', displayLang);
  const wanted = wantedRegions(lang, context.locale ?? '');
  const groups = [...byRegion].map(([region, options]) => ({
    region,
    label: region ? `${language} — ${displayName(region, 'region', displayLang)}` : language,
    other: false,
    options,
  }));
  const rank = (region: string) => {
    const index = wanted.indexOf(region);
    return index < 0 ? wanted.length : index;
  };
  groups.sort((a, b) => rank(a.region) - rank(b.region) || a.label.localeCompare(b.label));
  const result: VoiceGroup[] = groups.map(({ label, options }) => ({
    label,
    other: false,
    options,
  }));
  if (other.length > 0) result.push({ label: '', other: true, options: other });
  return result;
}
