// @custom-elements-manifest/analyzer settings, used by scripts/api-docs.mjs (`npm run docs:api`),
// which writes custom-elements.json and the README's API reference from it.

/** Only the public API: private and protected members (and Lit's lifecycle) are left out. */
function publicApiOnly() {
  return {
    name: 'article-player:public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.members) continue;
          const isPublic = (member) => !member.privacy || member.privacy === 'public';
          // Internal reactive state declared in `static properties` (`state: true`) is listed
          // by the analyzer as attributes: leave out those of non-public fields.
          const internal = new Set(
            declaration.members.filter((member) => !isPublic(member)).map((m) => m.name),
          );
          declaration.members = declaration.members.filter(isPublic);
          if (declaration.attributes) {
            declaration.attributes = declaration.attributes.filter(
              (attribute) => !internal.has(attribute.fieldName),
            );
          }
        }
      }
    },
  };
}

/** Paths of the published modules (lib/…/*.js, from `npm run build:lib`), not of the sources. */
function publishedPaths() {
  const toLib = (path) => path.replace(/^\/?src\/(.*)\.[jt]s$/u, 'lib/$1.js');
  return {
    name: 'article-player:published-paths',
    packageLinkPhase({ customElementsManifest }) {
      const visit = (node) => {
        if (Array.isArray(node)) return node.forEach(visit);
        if (!node || typeof node !== 'object') return;
        for (const [key, value] of Object.entries(node)) {
          if ((key === 'path' || key === 'module') && typeof value === 'string')
            node[key] = toLib(value);
          else visit(value);
        }
      };
      visit(customElementsManifest.modules);
    },
  };
}

export default {
  // The element's public modules: the class, the module that defines the tag, the event types.
  globs: [
    'src/element/player-element.ts',
    'src/element/article-player.ts',
    'src/element/full-player-element.ts',
    'src/element/article-player-full.ts',
    'src/element/events.ts',
  ],
  litelement: true,
  // package.json's `customElements` is set by hand; never rewrite package.json.
  packagejson: false,
  quiet: true,
  plugins: [publicApiOnly(), publishedPaths()],
};
