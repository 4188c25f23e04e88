/** Reads every `content/*.md` file and parses it (the file-system half of the content pipeline). */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { checkUniqueSlugs, parseArticle, type ParsedArticle } from './articles.js';

/**
 * Loads and validates all articles in `contentDir`, in file-name order.
 * Messages name each file relative to `rootDir` (e.g. `content/foo.md`).
 */
export function loadArticles(contentDir: string, rootDir: string): ParsedArticle[] {
  let names: string[];
  try {
    names = readdirSync(contentDir).filter((name) => name.endsWith('.md'));
  } catch (error) {
    throw new Error(
      `${path.relative(rootDir, contentDir) || contentDir}: cannot read the content directory`,
      {
        cause: error,
      },
    );
  }
  names.sort();
  const articles = names.map((name) => {
    const file = path.join(contentDir, name);
    const shown = path.relative(rootDir, file).split(path.sep).join('/');
    return parseArticle(shown, readFileSync(file, 'utf8'));
  });
  checkUniqueSlugs(articles);
  return articles;
}

/** The Markdown files the build depends on, as absolute paths (for watching). */
export function contentFiles(contentDir: string): string[] {
  try {
    return readdirSync(contentDir)
      .filter((name) => name.endsWith('.md'))
      .map((name) => path.join(contentDir, name));
  } catch {
    return [];
  }
}
