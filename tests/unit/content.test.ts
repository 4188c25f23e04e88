import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readingMinutes } from '../../src/core/timing.js';
import {
  buildCatalog,
  catalogEntry,
  escapeHtml,
  parseArticle,
  renderArticleJson,
  renderArticleList,
  renderArticleMarkup,
  renderArticlePage,
  startModuleEarly,
  toArticleModel,
} from '../../scripts/content/articles.js';
import { loadArticles } from '../../scripts/content/load.js';
import { articleMarkdown, generateArticle } from '../../scripts/generate-articles.mjs';

const repo = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const SEED_FILE = 'content/tajikistan-kyrgyzstan-clashes.md';
const seedSource = readFileSync(repo(SEED_FILE), 'utf8');
const seed = parseArticle(SEED_FILE, seedSource);

/** The body paragraphs of the original text (after the title, standfirst, image caption and site navigation). */
const ORIGINAL_PARAGRAPHS = [
  'Russian President Vladimir Putin has urged Kyrgyzstan and Tajikistan to maintain calm after border clashes in which nearly 100 people were killed.',
  'Both sides released updated death tolls as a fragile ceasefire entered its second day on Sunday.',
  'Tajikistan said 35 of its citizens were killed, the first official death toll since armed clashes broke out on Wednesday.',
  'On its Facebook page, the Tajik Foreign Ministry also reported 25 injured and said civilians, women and children were among the victims.',
  'The ministry accused Kyrgyz soldiers of killing 12 people in a drone strike on a mosque, and six others in an attack on a school.',
  'Kyrgyzstan said at least 59 people had been killed in the southern border region of Batken, and 140 injured. It said about 137,000 people were evacuated from the conflict area.',
  'Tajikistan and Kyrgyzstan, former Soviet republics, dispute nearly 1,000 kilometres of border.',
  'Mr Putin urged both sides to “take steps to resolve the situation as soon as possible by exclusively peaceful, political and diplomatic means”, said a statement from the Kremlin on Sunday.',
  'The flare-up follows clashes between former Soviet states Armenia and Azerbaijan over the disputed Nagorno-Karabakh region.',
  'Kyrgyzstan, Tajikistan and Armenia are part of the Moscow-led Collective Security Treaty Organisation, sometimes nicknamed “Russia’s mini Nato”, a group with the task of peacekeeping and security co-operation between former Soviet states.',
  'The latest violence between Kyrgyzstan and Tajikistan is the worst since April 2021, when more than 50 were killed in clashes, and raised fears of a large-scale conflict.',
  'The two sides agreed to a ceasefire on Friday and Mr Japarov met his Tajik counterpart Emomali Rahmon at a summit in Uzbekistan.',
  'But the two countries traded blame for ceasefire violations only a few hours later.',
  'Still, the situation appears to be stabilising.',
  'On Sunday afternoon, the Kyrgyz authorities issued a statement saying the situation at the border “remains calm, trending towards stabilisation”.',
  '“There were no recorded escalation attempts or shots fired on the border," it said.',
  '“The parties are maintaining their ceasefire agreement and withdrawing their respective troops."',
  'Kyrgyz President Sadyr Japarov on Monday urged his countrymen to place trust in its army and strategic partners, and said there was no need for volunteer forces at the border.',
  '"We continue our efforts to resolve the Kyrgyz-Tajik border issues in a purely peaceful way," he said in a televised address, as the country observed a national day of mourning.',
  '"I urge calm among the men and youths who are willing to go to Batken. We have courageous warriors and enough forces to repel those who violate our borders," he said.',
  'On Saturday, United Nations Secretary General, Antonio Guterres, called on the leadership of both sides “to engage in dialogue for a lasting ceasefire”, a spokesman said.',
];

const TEMPLATE = `<!doctype html>
<html lang="en">
  <head>
    <title>Article</title>
    <meta name="description" content="An article, read aloud." />
  </head>
  <body>
    <main>
      <!--article:body-->
    </main>
  </body>
</html>`;

/** A content file: front matter lines and a body (by default, a valid article). */
function source({
  front = ['title: A title', 'standfirst: A standfirst', 'lang: en'],
  body = 'One paragraph.',
} = {}) {
  return `---\n${front.join('\n')}\n---\n\n${body}\n`;
}

describe('the seed article (content/tajikistan-kyrgyzstan-clashes.md)', () => {
  it.each([
    ['slug', seed.slug, 'tajikistan-kyrgyzstan-clashes'],
    ['title', seed.title, 'Vladimir Putin calls for calm after Tajikistan-Kyrgyzstan clashes'],
    [
      'standfirst',
      seed.standfirst,
      'Both countries are members of a security co-operation organisation which has struggled to contain the violence',
    ],
    ['lang', seed.lang, 'en'],
    ['updated', seed.updated, '2022-09-19T11:42'],
    ['published', seed.published, '2022-09-19T11:42'],
    [
      'image caption',
      seed.imageCaption,
      'Kyrgyzstan servicemen carry a coffin with the body of a soldier in Batken, south-western Kyrgyzstan.',
    ],
    ['image credit', seed.imageCredit, 'AP'],
  ])('has the %s from the source text', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('has every body paragraph of the source, verbatim and in order', () => {
    expect(ORIGINAL_PARAGRAPHS).toHaveLength(21);
    expect(seed.body).toEqual(ORIGINAL_PARAGRAPHS.map((text) => ({ kind: 'paragraph', text })));
  });

  it('keeps the typographic and the mismatched straight quotes exactly', () => {
    const texts = seed.body.map((block) => block.text);
    expect(texts).toContain(
      '“There were no recorded escalation attempts or shots fired on the border," it said.',
    );
    expect(texts.some((text) => text.includes('“Russia’s mini Nato”'))).toBe(true);
  });

  it.each([['Powered by automated translation'], ['Updated: September 19, 2022'], ['. AP']])(
    'leaves out the site text %j',
    (text) => {
      expect(seedSource).not.toContain(text);
      expect(renderArticleMarkup(seed)).not.toContain(text);
    },
  );

  it('renders the article markup the player reads', () => {
    const markup = renderArticleMarkup(seed);
    expect(markup).toMatch(
      /^<article-player lang="en" data-slug="tajikistan-kyrgyzstan-clashes">\n {2}<article lang="en">\n/u,
    );
    expect(markup).toContain(
      '<h1>Vladimir Putin calls for calm after Tajikistan-Kyrgyzstan clashes</h1>',
    );
    expect(markup).toContain('<p class="standfirst">Both countries are members');
    expect(markup).toContain(
      '<p class="meta" data-skip>Updated <time datetime="2022-09-19T11:42">19 September 2022</time> · image: Kyrgyzstan servicemen carry a coffin with the body of a soldier in Batken, south-western Kyrgyzstan. (AP)</p>',
    );
    expect(markup.match(/<p>/gu)).toHaveLength(21);
    expect(markup).toMatch(/<\/article>\n<\/article-player>$/u);
  });

  it('gives the core model: title, standfirst, then the body, with ids', () => {
    const model = toArticleModel(seed);
    expect(model.id).toBe('tajikistan-kyrgyzstan-clashes');
    expect(model.blocks).toHaveLength(23);
    expect(model.blocks[0]).toEqual({ id: 'b0', kind: 'heading', text: seed.title });
    expect(model.blocks[1]).toEqual({ id: 'b1', kind: 'paragraph', text: seed.standfirst });
    expect(new Set(model.blocks.map((block) => block.id)).size).toBe(23);
    expect(JSON.parse(renderArticleJson(seed))).toEqual(model);
  });

  it('has a catalog entry with the listening time at 14 characters a second', () => {
    const entry = catalogEntry(seed);
    const characters = toArticleModel(seed).blocks.reduce(
      (sum, block) => sum + block.text.length,
      0,
    );
    expect(entry).toMatchObject({
      url: '/articles/tajikistan-kyrgyzstan-clashes/',
      updated: '2022-09-19T11:42',
    });
    expect(entry.readingMinutes).toBe(Math.ceil(characters / 14 / 60));
    expect(entry.words).toBeGreaterThan(400);
  });
});

describe('every content file', () => {
  const articles = loadArticles(repo('content'), repo(''));

  it('parses, and the catalog is sorted newest first', () => {
    expect(articles.length).toBeGreaterThanOrEqual(3);
    const dates = buildCatalog(articles).articles.map((entry) => entry.updated ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('includes an article in another language than English', () => {
    expect(articles.some((article) => article.lang !== 'en')).toBe(true);
  });
});

describe('parseArticle', () => {
  it.each([
    ['no title', source({ front: ['standfirst: S', 'lang: en'] }), 'front matter has no "title"'],
    [
      'an empty title',
      source({ front: ['title: ""', 'standfirst: S', 'lang: en'] }),
      'front matter "title" is empty',
    ],
    [
      'no standfirst',
      source({ front: ['title: T', 'lang: en'] }),
      'front matter has no "standfirst"',
    ],
    [
      'broken YAML',
      source({ front: ['title: "unclosed', 'lang: en'] }),
      'front matter is not valid YAML',
    ],
    [
      'YAML that is not a mapping',
      source({ front: ['- a list'] }),
      'front matter must be a mapping',
    ],
    ['no lang', source({ front: ['title: T', 'standfirst: S'] }), 'front matter has no "lang"'],
    [
      'a bad lang',
      source({ front: ['title: T', 'standfirst: S', 'lang: "en_GB!"'] }),
      '"lang" is not a valid BCP 47',
    ],
    [
      'a lang that is not a string',
      source({ front: ['title: T', 'standfirst: S', 'lang: 42'] }),
      '"lang" is not a language tag',
    ],
    ['an empty body', source({ body: '' }), 'body is empty'],
    ['a body of blank lines', source({ body: '\n\n   \n' }), 'body is empty'],
    ['a body with nothing to read', source({ body: '---' }), 'body is empty'],
    [
      'an unknown key',
      source({ front: ['title: T', 'standfirst: S', 'lang: en', 'titel: T'] }),
      'unknown key "titel"',
    ],
    [
      'an invalid date',
      source({ front: ['title: T', 'standfirst: S', 'lang: en', 'updated: "2022-02-30"'] }),
      '"updated" is not a valid date',
    ],
    ['a level-1 heading in the body', source({ body: '# Again\n\nText.' }), 'level-1 heading'],
  ])('fails on %s, naming the file and the fault', (_name, text, fault) => {
    expect(() => parseArticle('content/broken-file.md', text)).toThrow(
      /^content\/broken-file\.md: /u,
    );
    expect(() => parseArticle('content/broken-file.md', text)).toThrow(fault);
  });

  it('fails on a file name that is not a slug', () => {
    expect(() => parseArticle('content/Bad Name.md', source())).toThrow(
      'content/Bad Name.md: file name must be a slug',
    );
  });

  it.each([
    ['a date', 'updated: 2022-09-19', '2022-09-19'],
    ['a quoted local date-time', 'updated: "2022-09-19T11:42"', '2022-09-19T11:42'],
    ['an unquoted local date-time', 'updated: 2022-09-19T11:42', '2022-09-19T11:42'],
    ['a YAML timestamp', 'updated: 2022-09-19T11:42:00Z', '2022-09-19T11:42:00Z'],
  ])('accepts %s', (_name, line, expected) => {
    const article = parseArticle(
      'content/dated.md',
      source({ front: ['title: T', 'standfirst: S', 'lang: en', line] }),
    );
    expect(article.updated).toBe(expected);
  });

  it.each([
    ['a heading', '## Heading', { kind: 'heading', text: 'Heading' }, '<h2>Heading</h2>'],
    [
      'a paragraph',
      'Some *emphasised*   text.',
      { kind: 'paragraph', text: 'Some emphasised text.' },
      '<p>Some <em>emphasised</em>   text.</p>',
    ],
    [
      'a list item',
      '- an item',
      { kind: 'list-item', text: 'an item' },
      '<ul>\n<li>an item</li>\n</ul>',
    ],
    [
      'a quote',
      '> quoted',
      { kind: 'quote', text: 'quoted' },
      '<blockquote>\n<p>quoted</p>\n</blockquote>',
    ],
    [
      'a link',
      'See [the docs](https://example.com).',
      { kind: 'paragraph', text: 'See the docs.' },
      '<a href="https://example.com">the docs</a>',
    ],
  ])('reads %s from the body', (_name, body, block, html) => {
    const article = parseArticle('content/kinds.md', source({ body }));
    expect(article.body).toEqual([block]);
    expect(article.bodyHtml).toContain(html);
  });
});

describe('a long body', () => {
  // 250 top-level blocks: paragraphs, with a three-item list across the first parts' border.
  const lines = Array.from({ length: 250 }, (_, i) => `Paragraph ${String(i)}.`);
  lines.splice(99, 1, '- item a\n- item b\n- item c');
  const long = parseArticle('content/long-body.md', source({ body: lines.join('\n\n') }));
  const opening = /<div class="article-part" style="--part-chars: (\d+); --part-blocks: (\d+)">/gu;

  it('comes in parts of 100 top-level blocks, a list being one block', () => {
    const parts = [...long.bodyHtml.matchAll(opening)];
    expect(parts.map((part) => Number(part[2]))).toEqual([100, 100, 50]);
    expect(long.bodyHtml.match(/<\/div>/gu)).toHaveLength(3);
    // The list is the first part's last block, whole.
    const first = long.bodyHtml.slice(0, long.bodyHtml.indexOf('</div>'));
    expect(first).toMatch(/<ul>\n<li>item a<\/li>\n<li>item b<\/li>\n<li>item c<\/li>\n<\/ul>\n$/u);
    // A part's characters are its text's.
    expect(Number(parts[2]?.[1])).toBe(
      lines.slice(200).reduce((sum, line) => sum + line.length, 0),
    );
  });

  it('keeps every block once, in order, and reads as the same text', () => {
    const inside = long.bodyHtml
      .replace(opening, '')
      .replace(/<\/div>/gu, '')
      .match(/<(?:p|li)>[^<]*/gu)
      ?.map((tag) => tag.replace(/^<\w+>/u, ''));
    expect(inside).toEqual([
      ...lines.slice(0, 99).map((line) => line),
      'item a',
      'item b',
      'item c',
      ...lines.slice(100),
    ]);
    expect(long.body.map((block) => block.text)).toEqual(inside);
  });

  it.each(['en', 'ja'])(
    'a generated benchmark article (%s) goes through the pipeline word for word',
    (lang) => {
      const generated = generateArticle(lang, 1000);
      const parsed = parseArticle(`content/bench-${lang}.md`, articleMarkdown(generated));
      expect(parsed.title).toBe(generated.blocks[0]?.text);
      expect(parsed.body.map((block) => block.text)).toEqual(
        generated.blocks.slice(1).map((block) => block.text),
      );
      expect(parsed.body.every((block) => block.kind === 'paragraph')).toBe(true);
      expect(parsed.bodyHtml.match(opening)).toHaveLength(10);
    },
  );

  it('leaves 100 blocks or fewer as they are', () => {
    const short = parseArticle(
      'content/short-body.md',
      source({ body: lines.slice(0, 100).join('\n\n') }),
    );
    expect(short.bodyHtml).not.toContain('article-part');
    expect(short.bodyHtml.match(/<p>/gu)).toHaveLength(99);
  });

  it('renders the parts inside the article, indented', () => {
    expect(renderArticleMarkup(long)).toMatch(
      /\n {4}<div class="article-part" style="[^"]+">\n {4}<p>Paragraph 0\.<\/p>\n/u,
    );
  });
});

describe('escaping', () => {
  const hostile = parseArticle(
    'content/hostile.md',
    source({
      front: [
        `title: "<script>alert('title')</script> & more"`,
        `standfirst: 'A "quoted" <b>standfirst</b>'`,
        'lang: en',
        'imageCaption: "<img src=x onerror=alert(1)>"',
        'imageCredit: "A & B"',
        'updated: "2022-09-19"',
      ],
      body: [
        'Text with <script>alert("body")</script> and a < b & c.',
        '<div onclick="x()">raw block</div>',
        'x <style>a <b></style>',
      ].join('\n\n'),
    }),
  );
  const page = renderArticlePage(TEMPLATE, hostile);

  it.each([['<script>'], ['<b>standfirst'], ['<img src=x'], ['<div onclick'], ['A & B']])(
    'does not write %j raw into the page',
    (raw) => {
      expect(page).not.toContain(raw);
    },
  );

  it.each([
    ['the title', '<h1>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; more</h1>'],
    [
      'the page title',
      '<title>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; more · Article player</title>',
    ],
    [
      'the description',
      '<meta name="description" content="A &quot;quoted&quot; &lt;b&gt;standfirst&lt;/b&gt;">',
    ],
    ['the caption and credit', 'image: &lt;img src=x onerror=alert(1)&gt; (A &amp; B)'],
    [
      'raw HTML in the body',
      'Text with &lt;script&gt;alert(&quot;body&quot;)&lt;/script&gt; and a &lt; b &amp; c.',
    ],
    ['text inside a raw HTML element', 'x &lt;style&gt;a &lt;b&gt;&lt;/style&gt;'],
    ['a raw HTML block', '<p>&lt;div onclick=&quot;x()&quot;&gt;raw block&lt;/div&gt;</p>'],
  ])('escapes %s', (_name, escaped) => {
    expect(page).toContain(escaped);
  });

  it('reads escaped and raw HTML as the text it shows', () => {
    expect(hostile.body.map((block) => block.text)).toEqual([
      'Text with <script>alert("body")</script> and a < b & c.',
      '<div onclick="x()">raw block</div>',
      'x <style>a <b></style>',
    ]);
  });

  it.each([
    ['&lt;tag&gt; &amp; &#8220;x&#x201D;', '<tag> & “x”', '&lt;tag&gt; &amp; “x”'],
    ['\\<b\\> \\*', '<b> *', '&lt;b&gt; *'],
  ])('reads the Markdown %j as %j', (body, text, html) => {
    const article = parseArticle('content/entities.md', source({ body }));
    expect(article.body).toEqual([{ kind: 'paragraph', text }]);
    expect(article.bodyHtml).toBe(`<p>${html}</p>\n`);
  });

  it('escapes the home page list', () => {
    const list = renderArticleList(buildCatalog([hostile]));
    expect(list).not.toContain('<script>');
    expect(list).toContain('&lt;script&gt;');
  });

  it('keeps `$` patterns in article text literal', () => {
    const dollars = parseArticle(
      'content/dollars.md',
      source({ front: ['title: "$& $\' $1"', 'standfirst: S', 'lang: en'] }),
    );
    expect(renderArticlePage(TEMPLATE, dollars)).toContain('<h1>$&amp; $&#39; $1</h1>');
  });

  it.each([
    ['&', '&amp;'],
    ['<>', '&lt;&gt;'],
    [`"'`, '&quot;&#39;'],
    ['plain “text”', 'plain “text”'],
  ])('escapeHtml(%j) is %j', (text, expected) => {
    expect(escapeHtml(text)).toBe(expected);
  });
});

describe('startModuleEarly', () => {
  const CSP =
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'; object-src 'none'\">";
  const ENTRY = '<script async type="module" crossorigin src="/assets/article-X1.js"></script>';
  const page = startModuleEarly(`<head>${CSP}${ENTRY}</head>`);
  const inline = 'import("/assets/article-X1.js")';

  it('imports the async entry from an inline script right after its tag', () => {
    expect(page).toContain(`${ENTRY}<script>${inline}</script>`);
  });

  it("lets exactly that script through the page's policy, by its hash", () => {
    const hash = createHash('sha256').update(inline).digest('base64');
    expect(page).toContain(`script-src 'self' 'sha256-${hash}'; object-src 'none'`);
    expect(page).not.toMatch(/unsafe-inline/u);
  });

  it.each([
    ['a page without a script', `<head>${CSP}</head>`],
    ['a page whose entry is not async', `<head>${CSP}${ENTRY.replace('async ', '')}</head>`],
  ])('leaves %s as it is', (_what, html) => {
    expect(startModuleEarly(html)).toBe(html);
  });
});

describe('renderArticlePage', () => {
  const page = renderArticlePage(
    TEMPLATE,
    parseArticle(
      'content/fr-article.md',
      source({
        front: ['title: Titre', 'standfirst: Chapeau', 'lang: fr', 'updated: "2026-11-25T17:15"'],
      }),
    ),
  );

  it('sets the page language, title, description and article', () => {
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('<title>Titre · Article player</title>');
    expect(page).toContain('<meta name="description" content="Chapeau">');
    expect(page).toContain('<article-player lang="fr" data-slug="fr-article">');
    expect(page).toContain(
      'Mis à jour le <time datetime="2026-11-25T17:15">25 novembre 2026</time>',
    );
    expect(page).not.toContain('<!--article:');
  });

  it.each([
    ['the description', '<html><title>x</title></html>', 'missing /<meta\\s+name="description"'],
    [
      'the article',
      '<html><title>x</title><meta name="description" content="x"></html>',
      'missing <!--article:body-->',
    ],
  ])('fails, naming the template, when %s is missing', (_what, template, message) => {
    expect(() => renderArticlePage(template, seed, 'src/app/article.html')).toThrow(
      `src/app/article.html: ${message}`,
    );
  });
});

describe('readingMinutes', () => {
  it.each([
    [0, 1],
    [1, 1],
    [14 * 60, 1],
    [14 * 60 + 1, 2],
    [14 * 60 * 10, 10],
  ])('%i characters take %i minute(s)', (characters, minutes) => {
    expect(readingMinutes(characters)).toBe(minutes);
  });
});
