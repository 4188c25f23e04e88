// Types of scripts/system-deps.mjs for the TypeScript test harness.

export declare const DEBIAN_PACKAGES: readonly string[];
export declare const CHROMIUM_PATH: string;
export declare const FIREFOX_PATH: string;
export declare function which(program: string): string | null;
export declare function missingPrograms(): { program: string; pkg: string }[];
export declare function ensureSystemDeps(options?: {
  missing?: { program: string; pkg: string }[];
}): void;
