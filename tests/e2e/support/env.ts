// Settings shared by the global setup (in the main vitest process) and the tests (in the worker).

/** Port of the `vite preview` server of the built app (override with AP_E2E_PORT). */
export const PORT = Number(process.env.AP_E2E_PORT ?? 4173);

/** Origin of the preview server, without a trailing slash: `http://127.0.0.1:4173`. */
export const BASE_URL = `http://127.0.0.1:${String(PORT)}`;

/** Debian's Chromium: Playwright's own browser downloads do not work on this machine. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The PulseAudio null sink that speech plays into (see scripts/audio-sink.mjs). */
export const SINK_NAME = process.env.AP_TEST_SINK ?? 'ap_test_sink';

/** Absolute URL of a path on the preview server: `url('/articles/x/')`. */
export function url(path = '/'): string {
  return new URL(path, `${BASE_URL}/`).href;
}
