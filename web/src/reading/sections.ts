/**
 * Which prose sections a reading has, in reading order. The engine's own words sit in
 * result.reading.translation (result.readings[i].translation for a group); an AI interpretation,
 * when there is one, replaces them section by section.
 */

export const SECTION_ORDER = ["header", "universal_address", "core_identity", "foundation", "right_now", "patterns", "message", "advice", "caution", "footer"] as const;
export type SectionKey = (typeof SECTION_ORDER)[number];

export type Json = Record<string, unknown>;

export const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
export const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
export const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The full reading (person, numerology, moon, stamp, prose) inside a result, when it has one. */
export function fullReadingOf(result: Json): Json | undefined {
  const r = obj(result.reading);
  return Object.keys(r).length > 0 ? r : undefined;
}

export function sectionsOf(full: Json | undefined, ai?: Record<string, string> | null): { key: string; text: string }[] {
  const engine = obj(full?.translation);
  const out: { key: string; text: string }[] = [];
  for (const key of SECTION_ORDER) {
    const text = str(ai?.[key]) || str(engine[key]);
    if (text.trim() !== "") out.push({ key, text });
  }
  // Sections the page does not know yet still show, after the known ones.
  for (const [key, value] of Object.entries(ai ?? {})) {
    if (!(SECTION_ORDER as readonly string[]).includes(key) && key !== "full_text" && str(value).trim() !== "") out.push({ key, text: str(value) });
  }
  return out;
}
