import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCatalog, type Catalog } from '../../scripts/content/articles.js';
import { loadArticles } from '../../scripts/content/load.js';
import { buildManifest, iconPath, screenshotSpecs } from '../../scripts/pwa/manifest.js';

const repo = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const catalog = buildCatalog(loadArticles(repo('content'), repo('.')));

describe('the web app manifest', () => {
  const manifest = buildManifest(catalog, screenshotSpecs(catalog));

  it('has what installation needs', () => {
    expect(manifest).toMatchObject({
      id: '/',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      name: 'Article player',
    });
    expect(manifest.short_name.length).toBeLessThanOrEqual(12);
    expect(manifest.description.length).toBeGreaterThan(20);
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/u);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/u);
    expect(manifest.user_preferences.color_scheme_dark.theme_color).not.toBe(manifest.theme_color);
  });

  it.each([
    ['any', 192],
    ['any', 512],
    ['maskable', 192],
    ['maskable', 512],
  ] as const)('lists the %s icon at %i px', (purpose, size) => {
    expect(manifest.icons).toContainEqual({
      src: `/${iconPath(purpose, size)}`,
      sizes: `${String(size)}x${String(size)}`,
      type: 'image/png',
      purpose,
    });
  });

  it('has a shortcut to the most recent article, and one to the page for your own text', () => {
    const newest = [...catalog.articles].sort((a, b) =>
      (b.updated ?? '').localeCompare(a.updated ?? ''),
    )[0]!;
    expect(manifest.shortcuts[0]).toMatchObject({ name: newest.title, url: newest.url });
    expect(manifest.shortcuts[0]!.short_name!.length).toBeLessThanOrEqual(30);
    expect(manifest.shortcuts.at(-1)).toMatchObject({ url: '/listen/' });
  });

  it('has no article shortcut without articles', () => {
    const empty: Catalog = { articles: [] };
    expect(buildManifest(empty).shortcuts.map((shortcut) => shortcut.url)).toEqual(['/listen/']);
  });

  it('declares the share target for text, a title and a link, read by GET', () => {
    expect(manifest.share_target).toEqual({
      action: '/listen/',
      method: 'GET',
      enctype: 'application/x-www-form-urlencoded',
      params: { title: 'title', text: 'text', url: 'url' },
    });
  });

  it('lists a wide and a narrow screenshot with their real sizes', () => {
    expect(manifest.screenshots.map((shot) => shot.form_factor)).toEqual(['wide', 'narrow']);
    for (const shot of manifest.screenshots) {
      const [width, height] = shot.sizes.split('x').map(Number);
      if (shot.form_factor === 'wide') expect(width).toBeGreaterThan(height!);
      else expect(height).toBeGreaterThan(width!);
    }
    expect(buildManifest(catalog).screenshots).toEqual([]);
  });
});
