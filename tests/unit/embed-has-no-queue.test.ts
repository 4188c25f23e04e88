// The embeds (dist/embed/*.js) are built from src/element/ alone: the app's listening session
// (Up next, progress in the library, src/app/) must never be reachable from there.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ELEMENT = join(ROOT, 'src/element');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Every module specifier of a file: static imports, re-exports and dynamic imports. */
function specifiers(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/gu)].map(
    (match) => match[1] ?? '',
  );
}

describe('the element, which the embeds are built from', () => {
  const files = sources(ELEMENT);

  it('has sources to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((file) => [relative(ROOT, file), file]))(
    '%s imports nothing of the app',
    (_, file) => {
      const imported = specifiers(readFileSync(file, 'utf8')).filter(
        (specifier) => /(^|\/)app\//u.test(specifier) || specifier.includes('/src/app'),
      );
      expect(imported).toEqual([]);
    },
  );

  it('would notice an import of the app', () => {
    expect(specifiers(`import { session } from '../../app/session.js';`)).toEqual([
      '../../app/session.js',
    ]);
  });
});
