/**
 * Text tables per locale with a fallback: a locale's table may leave out any entry, and the
 * default locale's entry stands in for it, at any depth. A template (a function), a string and an
 * array are whole entries; plain objects (tables keyed by labels or numbers) are merged key by key.
 */

/** A text table with any entry left out. */
export type LocaleText<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly unknown[]
    ? T
    : T extends object
      ? { readonly [K in keyof T]?: LocaleText<T[K]> }
      : T;

function isTable(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** `base` with every entry `own` gives put in its place. */
export function withFallback<T>(base: T, own: LocaleText<T> | undefined): T {
  if (own === undefined) return base;
  if (!isTable(base) || !isTable(own)) return own as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(own)) {
    if (value !== undefined) out[key] = withFallback(base[key], value as LocaleText<unknown>);
  }
  return out as T;
}

/** The paths of the entries `own` leaves to `base` (what a locale has not translated yet). */
export function missingEntries(base: unknown, own: unknown, at = ""): string[] {
  if (own === undefined) return [at || "(all)"];
  if (!isTable(base) || !isTable(own)) return [];
  return Object.keys(base).flatMap((key) => missingEntries(base[key], own[key], at ? `${at}.${key}` : key));
}
