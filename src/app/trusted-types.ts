/**
 * The app's Trusted Types policies (its pages enforce `require-trusted-types-for 'script'`, see
 * src/app/partials/head.html). Each lets through exactly one thing:
 * - `article-player#sw`: the service worker's URL, to register it;
 * - `article-player#page`: one of the app's own article pages, fetched from its own origin to
 *   open the next article of Up next in the running page, for DOMParser only;
 * - `article-player#paste`: pasted HTML, for DOMParser only — an inert document, where nothing
 *   runs or loads, and from which only text is taken after Readability and DOMPurify.
 * - `default`, only while `inInertDocument` runs (synchronously): Readability, given an inert
 *   copy of the pasted page, sets `innerHTML` in it (to retry with other flags, and to unwrap
 *   `<noscript>` images). Outside that call it lets nothing through.
 * (lit-html, DOMPurify and the element's `src` loader bring their own: `lit-html`, `dompurify`,
 * `article-player`.) Without Trusted Types in the browser, the strings pass as they are.
 */

interface Policy {
  createHTML?(input: string): unknown;
  createScriptURL?(input: string): unknown;
}
interface PolicyFactory {
  createPolicy(name: string, rules: Policy): Required<Policy>;
}

const factory = (): PolicyFactory | undefined =>
  (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;

const policies = new Map<string, Required<Policy>>();

function policy(name: string, rules: Policy): Required<Policy> | undefined {
  const types = factory();
  if (!types) return undefined;
  let made = policies.get(name);
  if (!made) {
    made = types.createPolicy(name, rules);
    policies.set(name, made);
  }
  return made;
}

/** `url` as a TrustedScriptURL if it is the service worker's, for `navigator.serviceWorker.register`. */
export function serviceWorkerUrl(url: string): string {
  const made = policy('article-player#sw', {
    createScriptURL: (input) => {
      if (input !== url) throw new TypeError(`Not the service worker: ${input}`);
      return input;
    },
  });
  // A TrustedScriptURL where a string is typed.
  return made ? (made.createScriptURL(url) as string) : url;
}

/** An article page of the app's own, fetched from `url` on this origin, as TrustedHTML for DOMParser. */
export function ownPageHtml(html: string, url: URL): string {
  if (url.origin !== location.origin)
    throw new TypeError(`Not one of the app's pages: ${url.href}`);
  const made = policy('article-player#page', { createHTML: (input) => input });
  return made ? (made.createHTML(html) as string) : html;
}

/** Pasted HTML as TrustedHTML, for DOMParser only (an inert document: nothing in it runs). */
export function inertHtml(html: string): string {
  const made = policy('article-player#paste', { createHTML: (input) => input });
  return made ? (made.createHTML(html) as string) : html;
}

let inert = false;

/**
 * Runs `work`, which sets markup from strings only in an inert document (Readability on its copy
 * of a pasted page), with the default policy open for exactly that synchronous call.
 */
export function inInertDocument<T>(work: () => T): T {
  policy('default', { createHTML: (input) => (inert ? input : null) });
  inert = true;
  try {
    return work();
  } finally {
    inert = false;
  }
}
