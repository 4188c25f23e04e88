/**
 * The offline page's script: the service worker shows this page for an address it does not have while
 * offline. It lists the articles that are saved on this device (from the precached catalog).
 */
import { startApp } from './pwa.js';
import { strings } from './strings.js';

startApp();

interface CatalogEntry {
  readonly title: string;
  readonly url: string;
  readonly lang: string;
  readonly standfirst: string;
}

async function listArticles(): Promise<void> {
  const list = document.querySelector<HTMLElement>('[data-offline-articles]');
  if (!list) return;
  let articles: CatalogEntry[] = [];
  try {
    const response = await fetch('/articles/index.json');
    if (response.ok)
      articles = ((await response.json()) as { articles?: CatalogEntry[] }).articles ?? [];
  } catch {
    articles = [];
  }
  if (articles.length === 0) {
    const note = document.createElement('p');
    note.className = 'empty';
    note.textContent = strings.offlineNoArticles;
    list.after(note);
    return;
  }
  for (const article of articles) {
    const item = document.createElement('li');
    item.className = 'article-card';
    const heading = document.createElement('h2');
    heading.lang = article.lang;
    const link = document.createElement('a');
    link.href = article.url;
    link.textContent = article.title;
    heading.append(link);
    const standfirst = document.createElement('p');
    standfirst.className = 'standfirst';
    standfirst.lang = article.lang;
    standfirst.textContent = article.standfirst;
    item.append(heading, standfirst);
    list.append(item);
  }
}

void listArticles();
