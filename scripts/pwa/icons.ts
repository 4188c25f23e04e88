/**
 * Renders the app's icons from one SVG (src/app/icons/app-icon.svg) with sharp, at build time:
 * - `maskable-<size>.png`: the SVG as it is (full-bleed background, picture inside the safe zone);
 * - `icon-<size>.png` ("any"): the same, cut to a rounded square with transparent corners;
 * - `apple-touch-icon.png`: 180 px, square (iOS rounds it itself).
 */
import sharp from 'sharp';
import { APPLE_TOUCH_ICON, ICON_SIZES, iconPath } from './manifest.js';

export interface RenderedIcon {
  readonly fileName: string;
  readonly source: Uint8Array;
}

/** Corner radius of the "any" icons, as a share of their size. */
const CORNER = 0.1875;

function roundedMask(size: number): Buffer {
  const r = Math.round(size * CORNER);
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${String(size)}" height="${String(size)}">` +
      `<rect width="${String(size)}" height="${String(size)}" rx="${String(r)}" ry="${String(r)}" fill="#fff"/></svg>`,
  );
}

async function render(svg: Buffer, size: number, rounded: boolean): Promise<Uint8Array> {
  // Render at the target size from the vector source (density scales the 512-unit viewBox).
  let image = sharp(svg, { density: Math.max(72, (72 * size) / 512) }).resize(size, size);
  if (rounded)
    image = sharp(await image.png().toBuffer()).composite([
      { input: roundedMask(size), blend: 'dest-in' },
    ]);
  return new Uint8Array(await image.png({ compressionLevel: 9, palette: false }).toBuffer());
}

export async function renderIcons(svg: Buffer): Promise<RenderedIcon[]> {
  const icons: RenderedIcon[] = [];
  for (const size of ICON_SIZES) {
    icons.push({ fileName: iconPath('any', size), source: await render(svg, size, true) });
    icons.push({ fileName: iconPath('maskable', size), source: await render(svg, size, false) });
  }
  icons.push({ fileName: APPLE_TOUCH_ICON, source: await render(svg, 180, false) });
  return icons;
}
