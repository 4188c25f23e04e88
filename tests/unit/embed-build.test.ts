// Pure parts of the embed build (scripts/build/vite-plugin-embed.ts) and of the API docs (scripts/api-docs.mjs).
import { describe, expect, it } from 'vitest';
import {
  minifyCssText,
  minifyMarkupText,
  parseBytes,
} from '../../scripts/build/vite-plugin-embed.js';
import { renderApi, withApi } from '../../scripts/api-docs.mjs';

describe('the embed build', () => {
  it.each([
    ['16 KB', 16_000],
    ['16 kB', 16_000],
    ['16 KiB', 16_384],
    ['12.5 KB', 12_500],
    ['900 B', 900],
    ['900', 900],
  ])('reads the size-limit budget %j as %d bytes', (text, bytes) => {
    expect(parseBytes(text)).toBe(bytes);
  });

  it('refuses a size it cannot read', () => {
    expect(() => parseBytes('sixteen')).toThrow(/Cannot read the size/);
  });

  it.each([
    [
      ':host {\n  display: block;\n  --x: var(--y, #fff);\n}',
      ':host{display:block;--x:var(--y,#fff)}',
    ],
    ['a:hover,\n  b :focus {\n  color: red;\n}', 'a:hover,b :focus{color:red}'],
    // The edges keep one space: a template's text may sit next to an interpolation (`.a ${b}`).
    [
      '/* note */\n.a {\n  margin: 0 auto;\n  width: calc(100% - 2rem);\n}',
      ' .a{margin:0 auto;width:calc(100% - 2rem)}',
    ],
    [
      '@media (prefers-color-scheme: dark) {\n  .a {\n    color: white;\n  }\n}',
      '@media (prefers-color-scheme:dark){.a{color:white}}',
    ],
    ['.a { font: 1rem/1.4 system-ui, sans-serif; }', '.a{font:1rem/1.4 system-ui,sans-serif}'],
  ])('minifies CSS without changing its meaning: %j', (css, minified) => {
    expect(minifyCssText(css)).toBe(minified);
  });

  it('folds the indentation of markup into one space, never removing the space between words', () => {
    expect(minifyMarkupText('\n  <p>\n    Hello\n    world\n  </p>\n')).toBe(
      ' <p> Hello world </p> ',
    );
    expect(minifyMarkupText('<b>a</b> <i>b</i>')).toBe('<b>a</b> <i>b</i>');
  });
});

describe('the API reference', () => {
  const manifest = {
    modules: [
      {
        path: 'lib/x.js',
        declarations: [
          {
            customElement: true,
            tagName: 'x-el',
            name: 'XEl',
            summary: 'An element.',
            attributes: [
              {
                name: 'no-x',
                fieldName: 'noX',
                type: { text: 'boolean' },
                default: 'false',
                description: 'No | x.',
              },
            ],
            members: [
              {
                kind: 'method',
                name: 'go',
                parameters: [{ name: 'n', type: { text: 'number' } }],
                return: { type: { text: 'Promise<void>' } },
              },
            ],
            events: [{ name: 'x-go', description: 'Went.' }],
            cssParts: [{ name: 'bar', description: 'The bar.' }],
          },
        ],
      },
    ],
  };

  it('documents attributes, methods, events and parts, escaping table pipes', () => {
    const api = renderApi(manifest);
    expect(api).toContain('### `<x-el>`');
    expect(api).toContain('| `no-x` | `noX` | `boolean` | `false` | No \\| x. |');
    expect(api).toContain('| `go(n: number)` | `Promise<void>` |');
    expect(api).toContain('| `x-go` | Went. |');
    expect(api).toContain('| `bar` | The bar. |');
  });

  it('replaces only what is between the markers, and adds them at the end when missing', () => {
    const readme = '# Title\n\nIntro.\n\n<!-- api:start -->\nold\n<!-- api:end -->\n\n## After\n';
    expect(withApi(readme, 'new\n')).toBe(
      '# Title\n\nIntro.\n\n<!-- api:start -->\n\nnew\n\n<!-- api:end -->\n\n## After\n',
    );
    expect(withApi('# Title\n', 'new\n')).toBe(
      '# Title\n\n<!-- api:start -->\n\nnew\n\n<!-- api:end -->\n',
    );
  });
});
