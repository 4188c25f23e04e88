// Types of scripts/content-types.mjs for the TypeScript code that serves the built site.

export declare function contentTypeOf(extension: string): string;
