/**
 * Vite plugin: each built page carries its style sheet in a `<style>` element instead of a
 * `<link>`, so that it paints after one request instead of two (the sheet is a few kB; on a
 * slow phone network the second round trip delayed the first paint by a few hundred ms).
 * Build only: the dev server keeps the `<link>` (and CSS hot reload).
 */
import type { Plugin } from 'vite';

/** `html` with each `<link rel="stylesheet" href=…>` whose file `cssOf` knows replaced by its text. */
export function inlineStylesheets(
  html: string,
  cssOf: (href: string) => string | undefined,
): string {
  return html.replace(/<link\b[^>]*>/gu, (tag) => {
    if (!/\brel=["']?stylesheet\b/u.test(tag)) return tag;
    const href = /\bhref=["']?([^"'\s>]+)/u.exec(tag)?.[1];
    const css = href === undefined ? undefined : cssOf(href);
    // `</style` inside the CSS would end the element early; the minifier never writes it.
    if (css === undefined || /<\/style/iu.test(css)) return tag;
    return `<style>${css.trim()}</style>`;
  });
}

export default function inlineCssPlugin(): Plugin {
  return {
    name: 'article-player:inline-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        return inlineStylesheets(html, (href) => {
          const asset = bundle[href.replace(/^\//u, '')];
          if (asset?.type !== 'asset') return undefined;
          return typeof asset.source === 'string'
            ? asset.source
            : new TextDecoder().decode(asset.source);
        });
      },
    },
    generateBundle: {
      // After the articles plugin has written its pages from the template.
      order: 'post',
      handler(_options, bundle) {
        const files = Object.values(bundle);
        const texts = files
          .filter((file) => !file.fileName.endsWith('.css'))
          .map((file) =>
            file.type === 'chunk' ? file.code : typeof file.source === 'string' ? file.source : '',
          );
        for (const file of files) {
          // A style sheet that every page now carries inline is not worth a download or a
          // place in the precache.
          if (
            file.fileName.endsWith('.css') &&
            !texts.some((text) => text.includes(file.fileName))
          ) {
            // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- Rollup removes an output file this way
            delete bundle[file.fileName];
          }
        }
      },
    },
  };
}
