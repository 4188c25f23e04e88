// Reading the player's state from a page, for end-to-end tests.
import type { Page } from 'playwright-core';

/**
 * In the page: the index of the block carrying data-reading (counting the blocks the player
 * reads), or -1. Self-contained, so that any driver can run it in the page.
 */
export function readingIndexInPage(): number {
  const player = document.querySelector('article-player');
  const reading = player?.querySelector('[data-reading]');
  if (!player || !reading) return -1;
  const blocks = [...player.querySelectorAll('h1, h2, h3, p, li, blockquote')].filter(
    (element) => !element.closest('[data-skip]'),
  );
  return blocks.indexOf(reading);
}

/** The index of the block carrying data-reading, or -1 (see `readingIndexInPage`). */
export function readingIndex(page: Page): Promise<number> {
  return page.evaluate(readingIndexInPage);
}

export function playerStatus(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('article-player')?.status ?? 'missing');
}
