/**
 * The text position under a point, through whichever caret API the browser has:
 * `caretPositionFromPoint` (the standard; Firefox, Chromium 128+) or `caretRangeFromPoint`
 * (WebKit, including WebKitGTK 2.50 and Safari before 18.2, and older Chromium).
 */
export interface Caret {
  readonly node: Node;
  readonly offset: number;
}

export function caretAt(document: Document, x: number, y: number): Caret | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  // Deprecated, but WebKit's only caret API until Safari 18.2 (and WebKitGTK 2.50 here).
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  if (typeof document.caretRangeFromPoint === 'function') {
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const range = document.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}
