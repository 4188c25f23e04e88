// The flags for Debian's Chromium on this headless, offline-ish machine (see the test-environment
// notes), shared by the tests, the component test runner, the build's screenshots and the
// benchmarks: no sandbox as root, no GPU, nothing that phones home.

/** Every launch of Chromium here starts with these. */
export const CHROMIUM_ARGS = Object.freeze([
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

/** Speech through speech-dispatcher: without it, Chromium has no voices. */
export const SPEECH_ARG = '--enable-speech-dispatcher';
