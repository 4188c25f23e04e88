/** Where things are on the screen, for component tests: in view, the page at rest, a click on a word. */
import { waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';

/** Whether the element is wholly inside the window's height. */
export function inView(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  return rect.top >= 0 && rect.bottom <= window.innerHeight;
}

/**
 * Scrolls the element to the middle of the view until it is there: parts laid out on the way
 * change the page's height, so a scroll lands short of a far block until those before it have
 * their real size.
 */
export async function scrollUntilInView(element: Element): Promise<void> {
  await waitUntil(() => {
    element.scrollIntoView({ block: 'center', behavior: 'instant' });
    return inView(element);
  }, 'the element never came into view');
}

/** Until the page has stopped scrolling (a smooth scroll is over) for a few frames. */
export async function scrollSettled(): Promise<void> {
  let last = Number.NaN;
  let still = 0;
  await waitUntil(
    () => {
      still = window.scrollY === last ? still + 1 : 0;
      last = window.scrollY;
      return still >= 10;
    },
    'the page kept scrolling',
    { interval: 50, timeout: 10_000 },
  );
}

/** A real mouse click on the middle of the first `word` in `text`. */
export function clickWord(text: Text, word: string): Promise<void> {
  const start = text.data.indexOf(word);
  if (start < 0) throw new Error(`no "${word}" in "${text.data}"`);
  const range = document.createRange();
  range.setStart(text, start);
  range.setEnd(text, start + word.length);
  const rect = range.getBoundingClientRect();
  return sendMouse({
    type: 'click',
    position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)],
  });
}

/** Whether the element or range is wholly inside the box's visible height. */
export function inBox(target: Element | Range, box: Element): boolean {
  const rect = target.getBoundingClientRect();
  const view = box.getBoundingClientRect();
  return rect.top >= view.top && rect.bottom <= view.bottom;
}

/** A page that scrolls its article in a box of its own: short paragraphs in a 250 px box. */
export function boxedArticle(paragraphs: number, end = ''): string {
  const body = Array.from({ length: paragraphs }, (_, i) => `<p>Short paragraph ${String(i)}.</p>`);
  return `<article><h1>In a box</h1>${body.join('')}${end}</article>`;
}

/** Makes the player's parent the box that scrolls its article. */
export function scrollInBox(player: Element): HTMLElement {
  const box = player.parentElement!;
  box.style.cssText = 'height: 250px; overflow: auto';
  return box;
}
