/** Plain names of voices for people, for the voice picker (the embed goes without it). */
import type { VoiceInfo } from './voices.js';

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
