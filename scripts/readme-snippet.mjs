// The README's snippets, as a publisher copies them: the benchmark and the tests use the very
// text the README shows, so that what it tells publishers is what is measured and tested.
import { readFileSync } from 'node:fs';

const README = new URL('../README.md', import.meta.url);

/** The first ```css block under the README heading `heading` (its text without the `#`s). */
export function readmeCss(heading) {
  const text = readFileSync(README, 'utf8');
  const start = text.search(
    new RegExp(`^#+ ${heading.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}$`, 'mu'),
  );
  if (start < 0) throw new Error(`README.md has no heading "${heading}"`);
  const block = /```css\n([\s\S]*?)```/u.exec(text.slice(start));
  if (!block?.[1]) throw new Error(`README.md has no css block under "${heading}"`);
  return block[1];
}
