/** What custom-elements.json (the API documentation) says, for tests that compare it with the element. */

/** The CSS parts that custom-elements.json documents for a class (its own and inherited). */
export async function documentedParts(className: string): Promise<string[]> {
  const manifest = (await (await fetch('/custom-elements.json')).json()) as {
    modules: { declarations?: { name: string; cssParts?: { name: string }[] }[] }[];
  };
  const declaration = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .find((candidate) => candidate.name === className);
  if (!declaration) throw new Error(`custom-elements.json has no ${className}`);
  return (declaration.cssParts ?? []).map((part) => part.name);
}
