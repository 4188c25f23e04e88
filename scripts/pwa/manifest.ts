/**
 * The web app manifest, built from the catalog (pure: the unit tests call it directly).
 * Its shortcuts lead to the most recent article and to the page for your own text.
 */
import type { Catalog } from '../content/articles.js';

export interface ManifestImage {
  readonly src: string;
  readonly sizes: string;
  readonly type: string;
  readonly purpose?: 'any' | 'maskable' | 'monochrome';
  readonly form_factor?: 'wide' | 'narrow';
  readonly label?: string;
}

export interface ManifestShortcut {
  readonly name: string;
  readonly short_name?: string;
  readonly description?: string;
  readonly url: string;
  readonly icons?: readonly ManifestImage[];
}

export interface WebAppManifest {
  readonly id: string;
  readonly name: string;
  readonly short_name: string;
  readonly description: string;
  readonly lang: string;
  readonly dir: 'ltr';
  readonly start_url: string;
  readonly scope: string;
  readonly display: 'standalone';
  readonly orientation: 'any';
  readonly theme_color: string;
  readonly background_color: string;
  /** Dark colours (Chromium reads this member where it supports dark manifests; others ignore it). */
  readonly user_preferences: {
    readonly color_scheme_dark: { readonly theme_color: string; readonly background_color: string };
  };
  readonly categories: readonly string[];
  readonly icons: readonly ManifestImage[];
  readonly screenshots: readonly ManifestImage[];
  readonly shortcuts: readonly ManifestShortcut[];
  readonly share_target: {
    readonly action: string;
    readonly method: 'GET';
    readonly enctype: 'application/x-www-form-urlencoded';
    readonly params: { readonly title: string; readonly text: string; readonly url: string };
  };
}

/** The colours of src/app/app.css: page background light and dark. */
export const COLORS = {
  light: { theme: '#ffffff', background: '#ffffff' },
  dark: { theme: '#16181d', background: '#16181d' },
} as const;

/** The icons rendered from src/app/icons/app-icon.svg (see icons.ts), as listed in the manifest. */
export const ICON_SIZES = [192, 512] as const;
export const iconPath = (purpose: 'any' | 'maskable', size: number): string =>
  `icons/${purpose === 'any' ? 'icon' : 'maskable'}-${String(size)}.png`;
export const APPLE_TOUCH_ICON = 'icons/apple-touch-icon.png';

/** The page that reads shared and pasted text (the share target). */
export const LISTEN_PATH = '/listen/';

export const MANIFEST_FILE = 'manifest.webmanifest';

/** Screenshots for the richer install dialog: page, viewport, file (see screenshots.ts). */
export interface ScreenshotSpec {
  readonly file: string;
  readonly path: string;
  readonly width: number;
  readonly height: number;
  readonly form_factor: 'wide' | 'narrow';
  readonly label: string;
}

export function screenshotSpecs(catalog: Catalog): ScreenshotSpec[] {
  const recent = catalog.articles[0];
  return [
    {
      file: 'screenshots/library-wide.png',
      path: '/',
      width: 1280,
      height: 720,
      form_factor: 'wide',
      label: 'The library of articles to listen to',
    },
    {
      file: 'screenshots/article-narrow.png',
      path: recent?.url ?? '/',
      width: 390,
      height: 844,
      form_factor: 'narrow',
      label: 'An article with the player’s controls',
    },
  ];
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`;
}

export function buildManifest(
  catalog: Catalog,
  screenshots: readonly ScreenshotSpec[] = [],
): WebAppManifest {
  const icons: ManifestImage[] = [];
  for (const purpose of ['any', 'maskable'] as const) {
    for (const size of ICON_SIZES) {
      icons.push({
        src: `/${iconPath(purpose, size)}`,
        sizes: `${String(size)}x${String(size)}`,
        type: 'image/png',
        purpose,
      });
    }
  }
  const shortcutIcon = [{ src: `/${iconPath('any', 192)}`, sizes: '192x192', type: 'image/png' }];
  const shortcuts: ManifestShortcut[] = [];
  const recent = catalog.articles[0];
  if (recent !== undefined) {
    shortcuts.push({
      name: recent.title,
      short_name: shorten(recent.title, 30),
      description: `The most recent article: ${recent.standfirst}`,
      url: recent.url,
      icons: shortcutIcon,
    });
  }
  shortcuts.push({
    name: 'Listen to your own text',
    short_name: 'Your text',
    description: 'Paste a text and listen to it',
    url: LISTEN_PATH,
    icons: shortcutIcon,
  });
  return {
    id: '/',
    name: 'Article player',
    short_name: 'Articles',
    description:
      'Listen to articles read aloud by your device’s voices, with the text highlighted as it is read. Works offline; share any text to it.',
    lang: 'en',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    theme_color: COLORS.light.theme,
    background_color: COLORS.light.background,
    user_preferences: {
      color_scheme_dark: {
        theme_color: COLORS.dark.theme,
        background_color: COLORS.dark.background,
      },
    },
    categories: ['books', 'education', 'news'],
    icons,
    screenshots: screenshots.map((shot) => ({
      src: `/${shot.file}`,
      sizes: `${String(shot.width)}x${String(shot.height)}`,
      type: 'image/png',
      form_factor: shot.form_factor,
      label: shot.label,
    })),
    shortcuts,
    share_target: {
      action: LISTEN_PATH,
      method: 'GET',
      // Chromium warns when it is missing, even for GET.
      enctype: 'application/x-www-form-urlencoded',
      params: { title: 'title', text: 'text', url: 'url' },
    },
  };
}
