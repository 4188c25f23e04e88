// Checks (and, as root on Debian, installs) the system programs that the
// component and end-to-end tests need: the three engines (Debian's Chromium, Firefox ESR,
// WebKitGTK's MiniBrowser behind WebKitWebDriver, under Xvfb), real speech
// (speech-dispatcher + espeak-ng) and an audio sink to record (PulseAudio + sox).
//
// Usage as a module: `await ensureSystemDeps()`; as a script:
// `node scripts/system-deps.mjs [--install]` (exit code 0 when everything is present).

import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MINIBROWSER, WEBKIT_WEBDRIVER, XVFB } from './webkit-driver.mjs';

/** Debian packages installed, all of them, when anything is missing. */
export const DEBIAN_PACKAGES = [
  'chromium',
  'firefox-esr',
  // WebKitWebDriver; it pulls in libwebkit2gtk-4.1-0, which has MiniBrowser.
  'webkit2gtk-driver',
  'xvfb',
  'speech-dispatcher',
  'speech-dispatcher-espeak-ng',
  'espeak-ng',
  'pulseaudio',
  'pulseaudio-utils',
  'sox',
];

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Each required program and the Debian package that provides it. */
const PROGRAMS = [
  { program: CHROMIUM_PATH, pkg: 'chromium' },
  { program: FIREFOX_PATH, pkg: 'firefox-esr' },
  { program: WEBKIT_WEBDRIVER, pkg: 'webkit2gtk-driver' },
  { program: MINIBROWSER, pkg: 'webkit2gtk-driver' },
  { program: XVFB, pkg: 'xvfb' },
  { program: 'speech-dispatcher', pkg: 'speech-dispatcher' },
  { program: 'espeak-ng', pkg: 'espeak-ng' },
  { program: 'pulseaudio', pkg: 'pulseaudio' },
  { program: 'pactl', pkg: 'pulseaudio-utils' },
  { program: 'parec', pkg: 'pulseaudio-utils' },
  { program: 'sox', pkg: 'sox' },
];

/** The espeak-ng output module of speech-dispatcher (no program of its own). */
const SPEECHD_ESPEAK_MODULES = [
  '/usr/lib/speech-dispatcher-modules/sd_espeak-ng',
  '/usr/lib/x86_64-linux-gnu/speech-dispatcher-modules/sd_espeak-ng',
  '/usr/lib/aarch64-linux-gnu/speech-dispatcher-modules/sd_espeak-ng',
];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Full path of `program` (absolute, or looked up in PATH), or null. */
export function which(program) {
  if (program.includes('/')) return isExecutable(program) ? program : null;
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const dir of [...dirs, '/usr/sbin', '/sbin', '/usr/bin', '/bin']) {
    const candidate = join(dir, program);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

/** The required programs that are missing, with their packages. */
export function missingPrograms() {
  const missing = PROGRAMS.filter(({ program }) => which(program) === null);
  if (!SPEECHD_ESPEAK_MODULES.some(isExecutable)) {
    missing.push({ program: 'sd_espeak-ng', pkg: 'speech-dispatcher-espeak-ng' });
  }
  return missing;
}

function run(command, args, env) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited with ${String(result.status ?? result.signal)}`,
    );
  }
}

/**
 * Makes sure every program the browser tests need is installed.
 * Installs the Debian packages when they are missing and we are root with apt-get;
 * otherwise throws an error that names exactly what to install.
 * (`missing` is for testing this function, and for `--install`, which installs unconditionally.)
 *
 * @param {{ missing?: { program: string, pkg: string }[] }} [options]
 */
export function ensureSystemDeps({ missing = missingPrograms() } = {}) {
  if (missing.length === 0) return;

  const names = missing.map(({ program }) => program).join(', ');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const aptGet = which('apt-get');
  if (!isRoot || aptGet === null) {
    throw new Error(
      `Missing programs: ${names}.\n` +
        `Install the Debian packages (as root):\n` +
        `  apt-get update && apt-get install -y --no-install-recommends ${DEBIAN_PACKAGES.join(' ')}`,
    );
  }

  console.log(`Missing programs: ${names}. Installing Debian packages…`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  run(aptGet, ['update'], env);
  run(aptGet, ['install', '-y', '--no-install-recommends', ...DEBIAN_PACKAGES], env);

  const still = missingPrograms();
  if (still.length > 0) {
    throw new Error(
      `Still missing after apt-get install: ${still.map(({ program }) => program).join(', ')}`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    // `--install`: install the packages even if everything is present (e.g. to prepare an image).
    const force = process.argv.includes('--install');
    ensureSystemDeps(force ? { missing: [{ program: '(forced)', pkg: 'all' }] } : {});
    console.log('System dependencies: all present.');
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
