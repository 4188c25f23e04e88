// The browser engines the tests run in, and which of them a run selects:
// AP_ENGINES=chromium,firefox,webkit (comma-separated; the default is all three).

export const ENGINES = /** @type {const} */ (['chromium', 'firefox', 'webkit']);
/** @typedef {(typeof ENGINES)[number]} Engine */

/** The engines selected by AP_ENGINES, in the fixed order of ENGINES. */
export function selectedEngines(value = process.env.AP_ENGINES) {
  if (!value) return [...ENGINES];
  const names = value
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((name) => !ENGINES.includes(/** @type {Engine} */ (name)));
  if (unknown.length > 0) {
    throw new Error(`AP_ENGINES: unknown engine ${unknown.join(', ')} (use ${ENGINES.join(', ')})`);
  }
  return ENGINES.filter((engine) => names.includes(engine));
}

/** The engine behind a browser's display name ("Chromium", "Firefox", "WebKit", "MiniBrowser"). */
export function engineOf(browserName = '') {
  const name = browserName.toLowerCase();
  if (name.includes('firefox')) return 'firefox';
  if (name.includes('webkit') || name.includes('minibrowser') || name.includes('safari'))
    return 'webkit';
  if (name.includes('chrom')) return 'chromium';
  return name || 'unknown';
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'ControlOrMeta']);

/**
 * A chord in Playwright's notation ("Shift+ArrowRight") as its keys, or null for a single key
 * ("+" and "k" stay single). Puppeteer and WebDriver have no such notation.
 * @param {string} press
 */
export function chordKeys(press) {
  const keys = press.split(/\+(?!$)/);
  if (keys.length < 2 || !keys.slice(0, -1).every((key) => MODIFIERS.has(key))) return null;
  return keys;
}
