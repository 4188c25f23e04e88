// The HTML partials of the app's pages (scripts/build/vite-plugin-html-partials.ts).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import htmlPartials, {
  includePartials,
  markCurrentLink,
  pagePathOf,
} from '../../scripts/build/vite-plugin-html-partials.js';

const PARTIALS: Record<string, string> = {
  dock: '<aside>\n  <p role="status"></p>\n</aside>\n',
  nav: '<nav>\n  <a href="/">Home</a>\n  <a href="/listen/">Listen</a>\n</nav>\n',
  head: '<title>{{title}}</title>\n\n<meta name="description" content="{{description}}" />\n',
};

const include = (html: string, pagePath = '/other/'): string =>
  includePartials(html, {
    read: (name) => PARTIALS[name],
    pagePath,
    pageName: 'src/app/page.html',
    fileOf: (name) => `src/app/partials/${name}.html`,
  });

describe('including HTML partials', () => {
  it.each([
    ['a partial in place of its comment', '<!--partial:dock-->', PARTIALS['dock']?.trimEnd()],
    [
      'each line indented as the comment was',
      '<body>\n    <!--partial:dock-->\n</body>',
      '<body>\n    <aside>\n      <p role="status"></p>\n    </aside>\n</body>',
    ],
    [
      'spaces inside the comment',
      '  <!-- partial:dock -->',
      '  <aside>\n    <p role="status"></p>\n  </aside>',
    ],
    [
      'parameters in place of their {{name}}, blank lines left blank',
      '  <!--partial:head title="A · B" description="It&#39;s &quot;here&quot;"-->',
      '  <title>A · B</title>\n\n  <meta name="description" content="It&#39;s &quot;here&quot;" />',
    ],
    [
      'several partials, and the rest of the page untouched',
      '<!--article:body-->\n<!--partial:dock-->\n<!--partial:dock-->',
      `<!--article:body-->\n${PARTIALS['dock']?.trimEnd() ?? ''}\n${PARTIALS['dock']?.trimEnd() ?? ''}`,
    ],
  ])('includes %s', (_what, html, expected) => {
    expect(include(html)).toBe(expected);
  });

  it.each([
    ['/', '<a href="/" aria-current="page">Home</a>', '<a href="/listen/">Listen</a>'],
    ['/listen/', '<a href="/">Home</a>', '<a href="/listen/" aria-current="page">Listen</a>'],
    ['/offline.html', '<a href="/">Home</a>', '<a href="/listen/">Listen</a>'],
  ])('marks the link to the page itself in %s as the current page', (page, home, listen) => {
    expect(include('<!--partial:nav-->', page)).toBe(`<nav>\n  ${home}\n  ${listen}\n</nav>`);
  });

  it('marks only the links of partials, not those of the page', () => {
    expect(include('<a href="/listen/">paste</a>\n<!--partial:nav-->', '/listen/')).toMatch(
      /^<a href="\/listen\/">paste<\/a>\n/u,
    );
  });

  it.each([
    ['<a href="/" class="x">', '<a href="/" aria-current="page" class="x">'],
    ['<a class="x" href="/">', '<a class="x" href="/" aria-current="page">'],
    ['<a href="/" aria-current="true">', '<a href="/" aria-current="true">'],
    ['<a href="/#main">', '<a href="/#main">'],
    ['<abbr href="/">', '<abbr href="/">'],
  ])('marks %s as %s in /', (html, expected) => {
    expect(markCurrentLink(html, '/')).toBe(expected);
  });

  it.each([
    ['/index.html', '/'],
    ['/listen/index.html', '/listen/'],
    ['/listen/', '/listen/'],
    ['/offline.html', '/offline.html'],
    ['/articles/a-b/?x=1', '/articles/a-b/'],
    ['/article.html', '/article.html'],
  ])('reads the public path of %s as %s', (vitePath, pagePath) => {
    expect(pagePathOf(vitePath)).toBe(pagePath);
  });

  it.each([
    [
      'a missing partial, naming the file looked for',
      '<!--partial:footer-->',
      'src/app/page.html: partial "footer" not found: there is no src/app/partials/footer.html',
    ],
    [
      'a name that is not one',
      '<!--partial:../secret-->',
      'src/app/page.html: "../secret" is not a partial\'s name',
    ],
    [
      'a parameter the partial needs',
      '<!--partial:head title="x"-->',
      'src/app/page.html: src/app/partials/head.html needs description="…"',
    ],
    [
      'a parameter the partial does not use',
      '<!--partial:dock title="x"-->',
      'src/app/page.html: src/app/partials/dock.html has no {{title}} for title="…"',
    ],
    [
      'parameters it cannot read',
      "<!--partial:dock title='x'-->",
      'src/app/page.html: cannot read "<!--partial:dock title=\'x\'-->"',
    ],
    [
      'an include that is not alone on its line',
      '<p><!--partial:dock--></p>',
      'src/app/page.html: "<!--partial:dock-->" was not included',
    ],
  ])('refuses %s', (_what, html, message) => {
    expect(() => include(html)).toThrow(message);
  });
});

describe('the partials plugin in a Vite build', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'ap-partials-'));
    await mkdir(path.join(root, 'partials'));
    await mkdir(path.join(root, 'listen'));
    await writeFile(
      path.join(root, 'partials', 'head.html'),
      '<title>{{title}}</title>\n<link rel="stylesheet" href="/app.css" />\n',
    );
    await writeFile(
      path.join(root, 'partials', 'nav.html'),
      '<nav><a href="/">Home</a> <a href="/listen/">Listen</a></nav>\n',
    );
    await writeFile(path.join(root, 'app.css'), 'body { color: rebeccapurple; }\n');
    const page = (title: string): string =>
      `<!doctype html>\n<html>\n  <head>\n    <!--partial:head title="${title}"-->\n  </head>\n  <body>\n    <!--partial:nav-->\n  </body>\n</html>\n`;
    await writeFile(path.join(root, 'index.html'), page('Home'));
    await writeFile(path.join(root, 'listen', 'index.html'), page('Listen'));
    await writeFile(path.join(root, 'broken.html'), '<body>\n  <!--partial:footer-->\n</body>\n');
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const buildPages = (pages: string[]): ReturnType<typeof build> =>
    build({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [htmlPartials({ dir: path.join(root, 'partials'), rootDir: root })],
      build: {
        outDir: path.join(root, 'dist'),
        emptyOutDir: true,
        rolldownOptions: { input: pages.map((page) => path.join(root, page)) },
      },
    });

  it('includes the partials before Vite reads the page, marking the current link', async () => {
    await buildPages(['index.html', 'listen/index.html']);
    const home = await readFile(path.join(root, 'dist', 'index.html'), 'utf8');
    const listen = await readFile(path.join(root, 'dist', 'listen', 'index.html'), 'utf8');
    expect(home).toContain('<title>Home</title>');
    expect(listen).toContain('<title>Listen</title>');
    // The partial's style sheet went through Vite: bundled and hashed.
    expect(home).toMatch(/<link rel="stylesheet" crossorigin href="\/assets\/[^"]+\.css">/u);
    expect(home).toContain(
      '<a href="/" aria-current="page">Home</a> <a href="/listen/">Listen</a>',
    );
    expect(listen).toContain(
      '<a href="/">Home</a> <a href="/listen/" aria-current="page">Listen</a>',
    );
  });

  it('fails the build on a missing partial, naming it', async () => {
    await expect(buildPages(['broken.html'])).rejects.toThrow(
      'broken.html: partial "footer" not found: there is no partials/footer.html',
    );
  });
});
