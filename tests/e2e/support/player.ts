// Reading the player's state from a page, for end-to-end tests.
import type { Page } from 'playwright-core';

/** Index of the block carrying data-reading (counting the blocks the player reads), or -1. */
export function readingIndex(page: Page): Promise<number> {
  return page.evaluate(() => {
    const player = document.querySelector('article-player');
    const reading = player?.querySelector('[data-reading]');
    if (!player || !reading) return -1;
    const blocks = [...player.querySelectorAll('h1, p, li, blockquote')].filter(
      (element) => !element.closest('[data-skip]'),
    );
    return blocks.indexOf(reading);
  });
}

export function playerStatus(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('article-player')?.status ?? 'missing');
}
