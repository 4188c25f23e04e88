// Types of scripts/readme-snippet.mjs.

/** The first ```css block under the README heading `heading` (its text without the `#`s). */
export declare function readmeCss(heading: string): string;

/** The first ```html block under the README heading `heading` (its text without the `#`s). */
export declare function readmeHtml(heading: string): string;
