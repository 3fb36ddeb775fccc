import { escapeHtml } from "../lib/telegram/telegram-api";
import type { Reading, ReadingSummary } from "./api-client";
import type { Texts } from "./text";

/**
 * Readings as short Telegram messages: the key numbers, and a link to the whole reading on the
 * web page. Stored results are read defensively (any part may be missing), so a reading type that
 * grows new fields never breaks a reply.
 */

/** Where the web page shows one reading (TELEGRAM_FRONTEND_URL + /readings/<id>). */
export function readingUrl(frontendUrl: string, readingId: string): string {
  return `${frontendUrl.replace(/\/+$/, "")}/readings/${encodeURIComponent(readingId)}`;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : undefined);
const at = (v: unknown, ...path: string[]): unknown => path.reduce<unknown>((o, k) => obj(o)?.[k], v);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** The lines of a full reading's key numbers: life path and personal day, FC60 stamp, moon, year. */
function fullReadingLines(reading: unknown, t: Texts): string[] {
  const L = t.labels;
  const lines: string[] = [];
  const lifePath = num(at(reading, "numerology", "life_path", "number"));
  const personalDay = num(at(reading, "numerology", "personal_day"));
  const numbers = [lifePath !== undefined ? `${L.lifePath} <b>${lifePath}</b>` : "", personalDay !== undefined ? `${L.personalDay} <b>${personalDay}</b>` : ""].filter(Boolean);
  if (numbers.length) lines.push(numbers.join(" · "));
  const stamp = str(at(reading, "fc60_stamp", "fc60"));
  if (stamp) lines.push(`FC60 <code>${escapeHtml(stamp)}</code>`);
  const moon = str(at(reading, "moon", "phase_name"));
  const year = str(at(reading, "ganzhi", "year", "traditional_name"));
  const sky = [moon ? `${L.moon} ${escapeHtml(str(at(reading, "moon", "emoji")) ?? "")} ${escapeHtml(moon)}`.replace(/\s+/g, " ") : "", year ? `${L.year} ${escapeHtml(year)}` : ""].filter(Boolean);
  if (sky.length) lines.push(sky.join(" · "));
  return lines;
}

function typeLines(r: Reading, t: Texts): string[] {
  const L = t.labels;
  const res = r.result;
  switch (r.reading_type) {
    case "name": {
      const parts = [
        [L.expression, num(res.expression)],
        [L.soulUrge, num(res.soul_urge)],
        [L.lifePath, num(res.life_path)],
      ].filter(([, n]) => n !== undefined);
      return [`<b>${escapeHtml(str(res.name) ?? "")}</b>`, parts.map(([l, n]) => `${l} <b>${n}</b>`).join(" · "), ...fullReadingLines(res.reading, t).slice(1)];
    }
    case "chart": {
      const numbers = (parts: ReadonlyArray<readonly [string, string]>) =>
        parts
          .map(([label, key]) => [label, num(at(res, key, "number"))] as const)
          .filter(([, n]) => n !== undefined)
          .map(([label, n]) => `${label} <b>${n}</b>`)
          .join(" · ");
      const given = str(at(res, "name", "given")) ?? "";
      const counted = str(at(res, "name", "counted"));
      const system = str(at(res, "system", "name"));
      const name = `<b>${escapeHtml(given)}</b>${counted && counted !== given ? ` (${escapeHtml(counted)})` : ""}${system ? ` · ${escapeHtml(system)}` : ""}`;
      const debts = (Array.isArray(res.karmic_debts) ? res.karmic_debts : []).map((d) => num(at(d, "number"))).filter((n) => n !== undefined);
      return [
        name,
        numbers([[L.lifePath, "life_path"], [L.expression, "expression"], [L.soulUrge, "soul_urge"], [L.personality, "personality"]]),
        numbers([[L.maturity, "maturity"], [L.birthday, "birthday"], [L.personalYear, "personal_year"]]),
        debts.length ? `${L.karmicDebt} ${debts.join(", ")}` : "",
      ];
    }
    case "question": {
      const n = num(res.question_number);
      return [n !== undefined ? `${L.questionNumber} <b>${n}</b> (${escapeHtml(str(res.category) ?? "")})` : "", ...fullReadingLines(res.reading, t)];
    }
    case "multi": {
      const pairs = Array.isArray(res.pairs) ? res.pairs : [];
      // The Oracle names the class by its key (excellent, good...): shown in the reply's language.
      const classOf = (p: unknown) => {
        const key = str(at(p, "classification")) ?? "";
        return (L.compatibilityClass as Readonly<Record<string, string>>)[key] ?? key;
      };
      const lines = pairs.map((p) => `${escapeHtml(str(at(p, "a_name")) ?? "?")} + ${escapeHtml(str(at(p, "b_name")) ?? "?")}: <b>${num(at(p, "percentage")) ?? "?"}%</b> ${escapeHtml(classOf(p))}`);
      const group = num(at(res, "group", "harmony_percentage"));
      if (group !== undefined) lines.push(`${L.compatibility} <b>${group}%</b>`);
      return lines;
    }
    default:
      return fullReadingLines(res.reading, t);
  }
}

/** A reading as a reply: its title, key numbers, confidence and the link to the web page. */
export function formatReading(r: Reading, t: Texts, frontendUrl: string, title?: string): string {
  const heading = title ?? t.labels.reading[r.reading_type] ?? r.reading_type;
  const lines = [`<b>${escapeHtml(heading)}</b>`, ...typeLines(r, t).filter((l) => l !== "")];
  const confidence = r.confidence_score ?? num(at(r.result, "reading", "confidence", "score"));
  if (confidence !== undefined && confidence !== null) lines.push(`${t.labels.confidence} ${Math.round(confidence)}%`);
  lines.push(`<a href="${escapeHtml(readingUrl(frontendUrl, r.id))}">${t.labels.fullReading}</a>`);
  return lines.join("\n");
}

/** One line of /history. */
export function formatSummary(r: ReadingSummary, index: number, t: Texts, frontendUrl: string): string {
  const when = r.created_at.slice(0, 16).replace("T", " ");
  const what = t.labels.reading[r.reading_type] ?? r.reading_type;
  const sign = r.sign_value ? ` · ${escapeHtml(r.sign_value.slice(0, 40))}` : "";
  return `${index}. <a href="${escapeHtml(readingUrl(frontendUrl, r.id))}">${escapeHtml(what)}</a> · ${when}${sign}`;
}
