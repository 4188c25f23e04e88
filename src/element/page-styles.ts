/** Styles the player puts into the page that holds it: shadow styles cannot reach the article. */

const pageSheets = new Map<string, CSSStyleSheet>();

/** Puts `css` into the page (or the shadow root) that holds the player, once. */
export function adoptPageStyles(root: Node, css: string): void {
  if (!(root instanceof Document || root instanceof ShadowRoot)) return;
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
