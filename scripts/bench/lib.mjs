// Helpers shared by the benchmark sections: statistics, formatting, gzip, bundling with esbuild,
// servers, and the description of the machine.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startStaticServer as startServer } from '../static-server.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CACHE = path.join(ROOT, '.cache/bench');
export const DIST = path.join(ROOT, 'dist');
export const SEED_SLUG = 'tajikistan-kyrgyzstan-clashes';
export const SEED_PATH = `/articles/${SEED_SLUG}/`;

/** Repeats of every timed figure; `BENCH_REPEATS=9 npm run bench` for tighter figures. */
export const REPEATS = Math.max(1, Number(process.env.BENCH_REPEATS ?? 5));

export const rel = (file) => path.relative(ROOT, file).split(path.sep).join('/');
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Statistics

/** Median, quartiles, min and max of the numbers (NaN and null left out). */
export function summarize(values) {
  const sorted = values
    .filter((v) => typeof v === 'number' && Number.isFinite(v))
    .sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { n: 0, median: NaN, min: NaN, max: NaN, q1: NaN, q3: NaN };
  const quantile = (q) => {
    const at = (n - 1) * q;
    const low = Math.floor(at);
    const high = Math.ceil(at);
    return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
  };
  return {
    n,
    median: quantile(0.5),
    min: sorted[0],
    max: sorted[n - 1],
    q1: quantile(0.25),
    q3: quantile(0.75),
  };
}

// ---------------------------------------------------------------------------------------------
// Formatting

export const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;

/** A duration in ms with a precision that suits its size. */
export function ms(value) {
  if (!Number.isFinite(value)) return 'n/a';
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  if (value >= 0.1) return `${value.toFixed(2)} ms`;
  return `${(value * 1000).toFixed(1)} µs`;
}

export const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
export const ratio = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');

/** "min–max (IQR a–b, n=N)" for a summary, with `format` applied to each number. */
export function spread(summary, format = ms) {
  if (!summary || summary.n === 0) return 'no samples';
  if (summary.n === 1) return 'n=1';
  const iqr = summary.n >= 8 ? `, IQR ${format(summary.q1)}–${format(summary.q3)}` : '';
  return `${format(summary.min)}–${format(summary.max)}${iqr}, n=${String(summary.n)}`;
}

/**
 * A row of the results table.
 * @param {string} section
 * @param {string} figure
 * @param {string} value
 * @param {{ spread?: string, target?: string, ok?: boolean | null }} [extra]
 */
export function row(
  section,
  figure,
  value,
  { spread: spreadText = '', target = '', ok = null } = {},
) {
  return { section, figure, value, spread: spreadText, target, ok };
}

export const mark = (ok) => (ok === true ? '✓' : ok === false ? '✗' : '');

// ---------------------------------------------------------------------------------------------
// Sizes

export const gzipSize = (data) => gzipSync(data, { level: 9 }).length;
export const bytes = (data) => Buffer.byteLength(data);

let esbuildModule = null;
/** esbuild (a dependency of the toolchain here), loaded on first use. */
export async function esbuild() {
  if (!esbuildModule) {
    const entry = path.join(ROOT, 'node_modules/esbuild/lib/main.js');
    if (!existsSync(entry)) throw new Error('esbuild is not installed (node_modules/esbuild)');
    esbuildModule = (await import(pathToFileURL(entry).href)).default;
  }
  return esbuildModule;
}

/**
 * Bundles `entry` (a file, or `{ contents, resolveDir }` for a virtual entry) into one minified
 * browser ES module, the way a publisher's bundler would: everything inlined, production mode.
 */
export async function bundleForBrowser(entry, { sourcemap = false, metafile = false } = {}) {
  const { build } = await esbuild();
  const result = await build({
    ...(typeof entry === 'string'
      ? { entryPoints: [entry] }
      : {
          stdin: { contents: entry.contents, resolveDir: entry.resolveDir ?? ROOT, loader: 'js' },
        }),
    absWorkingDir: ROOT,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    sourcemap: sourcemap ? 'external' : false,
    sourcesContent: false,
    metafile,
    write: false,
    outfile: path.join(CACHE, 'bundle.js'),
    logLevel: 'silent',
  });
  const code = result.outputFiles.find((file) => file.path.endsWith('.js'))?.text ?? '';
  const map = result.outputFiles.find((file) => file.path.endsWith('.map'))?.text;
  return { code, map: map ? JSON.parse(map) : null, metafile: result.metafile ?? null };
}

/** Compiles TypeScript modules for Node into `outfile` (dependencies stay imports of node_modules). */
export async function bundleForNode(entry, outfile) {
  const { build } = await esbuild();
  mkdirSync(path.dirname(outfile), { recursive: true });
  await build({
    entryPoints: [entry],
    absWorkingDir: ROOT,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
  return pathToFileURL(outfile).href;
}

// ---------------------------------------------------------------------------------------------
// Servers

/** Throws when something already answers on the port (a fixed port must be ours). */
export async function assertPortFree(port) {
  try {
    await fetch(`http://127.0.0.1:${String(port)}/`, { signal: AbortSignal.timeout(1000) });
  } catch {
    return;
  }
  throw new Error(
    `Port ${String(port)} is already in use (set BENCH_PORT to use another pair of ports)`,
  );
}

/**
 * `vite preview` of `outDir` on 127.0.0.1:`port` (the same command as `npm run preview`).
 * Resolves once it answers; `stop()` ends it.
 */
export async function startPreview(port, outDir) {
  await assertPortFree(port);
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(VITEST|TEST$|NODE_ENV$)/u.test(name)),
  );
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vite/bin/vite.js'),
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      '--outDir',
      outDir,
    ],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  const stop = () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
  };
  const origin = `http://127.0.0.1:${String(port)}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`vite preview on ${String(port)} exited:\n${output}`);
    if (output.includes(String(port))) {
      try {
        const response = await fetch(`${origin}/`, { signal: AbortSignal.timeout(2000) });
        if (response.status < 500) break;
      } catch {
        /* not yet */
      }
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`vite preview on ${String(port)} did not answer within 30 s:\n${output}`);
    }
    await sleep(100);
  }
  return { origin, stop, url: (p) => new URL(p, `${origin}/`).href };
}

/**
 * A static server of `dir` on 127.0.0.1:`port`, answering as `vite preview` does (`/a/` is
 * `a/index.html`, `/a` redirects to `/a/`, an unknown path is a 404, nothing cached), except that
 * the benchmark pages under `/bench/` are cross-origin isolated (COOP + COEP), which gives them
 * 5 µs `performance.now()` instead of 100 µs: a highlight update takes tens of microseconds.
 */
export async function startStaticServer(port, dir) {
  await assertPortFree(port);
  const server = await startServer(dir, port, {
    headers: (pathname) =>
      pathname.startsWith('/bench/')
        ? {
            'Cross-Origin-Opener-Policy': 'same-origin',
            'Cross-Origin-Embedder-Policy': 'require-corp',
          }
        : {},
  });
  return {
    origin: server.origin,
    stop: () => void server.close(),
    url: (p) => new URL(p, `${server.origin}/`).href,
  };
}

// ---------------------------------------------------------------------------------------------
// The machine

export function machine() {
  const cpuModel = cpus()[0]?.model?.trim() ?? 'unknown';
  let nproc = String(cpus().length);
  try {
    nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    /* os.cpus() then */
  }
  let chromium = 'unknown';
  try {
    chromium = execFileSync('/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    /* reported by the browser sections instead */
  }
  return {
    nproc,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    cpuModel,
    node: process.version,
    chromium,
    loadAverage: loadavg()
      .map((value) => value.toFixed(2))
      .join(' '),
  };
}

export function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}
