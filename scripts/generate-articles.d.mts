// Types of scripts/generate-articles.mjs (the parts the tests use).

export interface GeneratedBlock {
  readonly kind: 'heading' | 'paragraph';
  readonly text: string;
}

export interface GeneratedArticle {
  readonly id: string;
  readonly lang: string;
  readonly title: string;
  readonly blocks: readonly GeneratedBlock[];
}

/** An article with a title (a heading) and `paragraphs` paragraphs, always the same for the same arguments. */
export declare function generateArticle(lang: string, paragraphs: number): GeneratedArticle;

/**
 * The article as markup: `<article lang>` with an `<h1>` and a `<p>` per paragraph; with `sections`,
 * the paragraphs in `<section>`s of that many.
 */
export declare function articleHtml(
  article: GeneratedArticle,
  options?: { readonly sections?: number },
): string;

/** The article as a content file (`content/*.md`): its title, a standfirst, and every paragraph in the body. */
export declare function articleMarkdown(article: GeneratedArticle): string;
