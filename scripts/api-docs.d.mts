// Types of scripts/api-docs.mjs, for the TypeScript tests.

/** The Custom Elements Manifest as the analyzer makes it from the sources now (JSON text). */
export declare function analyze(): Promise<string>;

/** The API reference of every custom element in `manifest`, as Markdown. */
export declare function renderApi(manifest: unknown): string;

/** The same, formatted by Prettier with the project's settings. */
export declare function formattedApi(manifest: unknown): Promise<string>;

/** `readme` with the text between `<!-- api:start -->` and `<!-- api:end -->` replaced by `api`. */
export declare function withApi(readme: string, api: string): string;
