// Types of scripts/chromium.mjs for the TypeScript code that launches Chromium.

export declare const CHROMIUM_ARGS: readonly string[];
export declare const SPEECH_ARG: string;
