// Types of scripts/engines.mjs for the TypeScript test harness.

export type Engine = 'chromium' | 'firefox' | 'webkit';
export declare const ENGINES: readonly Engine[];
export declare function selectedEngines(value?: string): Engine[];
/** An Engine, or the lower-cased name when it is none of them. */
export declare function engineOf(browserName?: string): string;
/** A chord in Playwright's notation ("Shift+ArrowRight") as its keys, or null for one key. */
export declare function chordKeys(press: string): string[] | null;
