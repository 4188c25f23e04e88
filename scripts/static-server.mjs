/**
 * A small static file server for a built site, as `vite preview` serves it: `/dir/` answers
 * `dir/index.html`, `/dir` redirects to `/dir/`, an unknown path is a 404, every answer is `no-cache`.
 * A file with a gzipped copy beside it (`file.gz`, as static hosts keep them: nginx's `gzip_static`)
 * is sent compressed to a browser that accepts gzip; the benchmark's site has them (its slow
 * network then carries what a real host would send; `vite preview` compresses as it serves).
 * The directory it serves can be switched while it runs (`deploy(dir)`), which is how the update test
 * deploys a second version. The one static server of the project: the build (screenshots), the
 * end-to-end tests and the benchmark (which adds headers: `options.headers`) use it.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { contentTypeOf } from './content-types.mjs';

/** @param {string} file */
async function isFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * @param {string} dir
 * @param {number} [port] 0 for any free port
 * @param {{ headers?: (pathname: string) => Record<string, string> }} [options]
 * @returns {Promise<import('./static-server.d.mts').StaticServer>}
 */
export async function startStaticServer(dir, port = 0, options = {}) {
  let root = path.resolve(dir);
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let pathname;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        pathname = '/';
      }
      const file = path.join(root, path.normalize(pathname));
      if (!file.startsWith(root)) {
        res.writeHead(403).end();
        return;
      }
      let target = null;
      if (pathname.endsWith('/')) {
        if (await isFile(path.join(file, 'index.html'))) target = path.join(file, 'index.html');
      } else if (await isFile(file)) {
        target = file;
      } else if (await isFile(path.join(file, 'index.html'))) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      if (target === null) {
        res.writeHead(404, {
          'Content-Type': 'text/plain; charset=utf-8',
          'Cache-Control': 'no-cache',
        });
        res.end('Not found');
        return;
      }
      const gzipped =
        /\bgzip\b/u.test(String(req.headers['accept-encoding'])) && (await isFile(`${target}.gz`));
      const body = await readFile(gzipped ? `${target}.gz` : target);
      res.writeHead(200, {
        'Content-Type': contentTypeOf(path.extname(target)),
        'Cache-Control': 'no-cache',
        'Content-Length': String(body.length),
        ...(gzipped ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
        ...options.headers?.(pathname),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    origin: `http://127.0.0.1:${String(actual)}`,
    deploy(next) {
      root = path.resolve(next);
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}
