// Types of scripts/readme-snippet.mjs.

/** The first ```css block under the README heading `heading` (its text without the `#`s). */
export declare function readmeCss(heading: string): string;
