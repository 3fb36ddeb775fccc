import type { ReadingSummary } from "../api/types";

/** RFC 4180 CSV: every field quoted, quotes doubled; a leading = + - @ is defused so spreadsheets show it as text. */
export function toCsv(rows: readonly ReadingSummary[]): string {
  const cell = (v: unknown) => {
    let s = v === null || v === undefined ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return `"${s.replace(/"/g, '""')}"`;
  };
  const header = ["id", "created_at", "reading_type", "sign_value", "numerology_system", "locale", "question", "confidence_score", "is_favorite", "preview"];
  const lines = rows.map((r) => [r.id, r.created_at, r.reading_type, r.sign_value, r.numerology_system, r.locale, r.question, r.confidence_score, r.is_favorite, r.preview].map(cell).join(","));
  return [header.join(","), ...lines].join("\r\n") + "\r\n";
}
