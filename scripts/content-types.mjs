// The Content-Type of each file the built site serves, by extension (scripts/static-server.mjs).

/** @type {Readonly<Record<string, string>>} */
const CONTENT_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
});

/**
 * The Content-Type for a file extension (`.html`), `application/octet-stream` when unknown.
 * @param {string} extension
 */
export function contentTypeOf(extension) {
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}
