/** Where things are on the screen, for component tests: in view, the page at rest, a click on a word. */
import { waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';

/** Whether the element is wholly inside the window's height. */
export function inView(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  return rect.top >= 0 && rect.bottom <= window.innerHeight;
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
