// The README's snippets, as a publisher copies them: the benchmark and the tests use the very
// text the README shows, so that what it tells publishers is what is measured and tested.
import { readFileSync } from 'node:fs';

const README = new URL('../README.md', import.meta.url);

/** The first ```LANGUAGE block under the README heading `heading` (its text without the `#`s). */
function readmeBlock(language, heading) {
  const text = readFileSync(README, 'utf8');
  const start = text.search(
    new RegExp(`^#+ ${heading.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}$`, 'mu'),
  );
  if (start < 0) throw new Error(`README.md has no heading "${heading}"`);
  const block = new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'u').exec(text.slice(start));
  if (!block?.[1]) throw new Error(`README.md has no ${language} block under "${heading}"`);
  return block[1];
}

/** The first ```css block under the README heading `heading` (its text without the `#`s). */
export const readmeCss = (heading) => readmeBlock('css', heading);

/** The first ```html block under the README heading `heading` (its text without the `#`s). */
export const readmeHtml = (heading) => readmeBlock('html', heading);
