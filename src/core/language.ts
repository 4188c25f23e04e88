/** Language tags as browsers and pages give them, made safe for the `Intl` APIs. */

/**
 * A language tag in canonical form (`en_gb` → `en-GB`), or null when it is not a valid BCP 47
 * tag: every `Intl` API throws on an invalid one, and browsers do report some (`C` from
 * WebKitGTK under `LANG=C.UTF-8`).
 */
export function canonicalLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  try {
    return Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0] ?? null;
  } catch {
    return null;
  }
}
