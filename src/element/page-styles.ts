/** Styles the player puts into the page that holds it: shadow styles cannot reach the article. */

const pageSheets = new Map<string, CSSStyleSheet>();

/**
 * The attribute of a page's own `<style>` that already holds some of these styles, by name
 * (`<style data-ap-page-styles="highlight dock">`): the app's pre-rendered pages write them at
 * build time, because adding a style sheet when the element starts restyles every paragraph
 * (100 ms on a 10,000-paragraph article).
 */
export const PAGE_STYLES_ATTRIBUTE = 'data-ap-page-styles';

/** Puts `css` (known as `name`) into the page (or the shadow root) that holds the player, once. */
export function adoptPageStyles(root: Node, name: string, css: string): void {
  if (!(root instanceof Document || root instanceof ShadowRoot)) return;
  if (root.querySelector(`style[${PAGE_STYLES_ATTRIBUTE}~="${name}"]`)) return;
  let sheet = pageSheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    pageSheets.set(css, sheet);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}
