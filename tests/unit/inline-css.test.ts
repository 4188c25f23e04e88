import { describe, expect, it } from 'vitest';
import { inlineStylesheets } from '../../scripts/build/vite-plugin-inline-css.js';

const sheets: Record<string, string> = {
  '/assets/app-1.css': 'body{color:red}\n',
  '/assets/evil.css': 'a{}</style><script>alert(1)</script>',
};
const cssOf = (href: string): string | undefined => sheets[href];

describe('inlining the style sheets of a built page', () => {
  it.each([
    [
      'a known sheet becomes a <style> element',
      '<head><link rel="stylesheet" crossorigin href="/assets/app-1.css"></head>',
      '<head><style>body{color:red}</style></head>',
    ],
    [
      'other links stay',
      '<link rel="icon" href="/favicon.svg"><link rel="modulepreload" href="/a.js">',
      '<link rel="icon" href="/favicon.svg"><link rel="modulepreload" href="/a.js">',
    ],
    [
      'an unknown sheet stays a link',
      '<link rel="stylesheet" href="https://example.com/x.css">',
      '<link rel="stylesheet" href="https://example.com/x.css">',
    ],
    [
      'a sheet that would close the element stays a link',
      '<link rel="stylesheet" href="/assets/evil.css">',
      '<link rel="stylesheet" href="/assets/evil.css">',
    ],
  ])('%s', (_name, html, expected) => {
    expect(inlineStylesheets(html, cssOf)).toBe(expected);
  });
});
