/**
 * The reading of a moment with no one's birth date: what a name or question reading gives when
 * it is asked without a profile. Nothing that needs a birth date is invented for it (no life
 * path, no personal year, month or day, no heartbeat, no person); the reading says so, and reads
 * the moment itself: its FC60 stamp, the day, the moon, the sexagenary pillars and their signals.
 */
import {
  calculateConfidence,
  detectPatterns,
  generateReading,
  readSignals,
  textFor,
  translate,
  type FullReading,
  type NumerologySystem,
  type Translation,
} from "../engine";
import { readingsTextFor } from "./text";
import type { Locale, LocalMoment, MomentReading } from "./types";

/** What a reading without a birth date leaves out, as `left_out` names it. */
export const WITHOUT_BIRTH = ["person", "birth", "life_path", "personal_year", "personal_month", "personal_day", "heartbeat"] as const;
/** Left out too when there is no name either (a question asked without a profile). */
export const WITHOUT_NAME = ["expression", "soul_urge", "personality"] as const;

export interface MomentRequest {
  readonly at: LocalMoment;
  readonly locale?: Locale | null;
  /** The name read (a name reading) and its own numbers; absent for a question. */
  readonly name?: { readonly text: string; readonly expression: number; readonly soul_urge: number; readonly personality: number };
  readonly system?: NumerologySystem;
}

/** The engine's words for a name's own numbers (its text tables, or their fallbacks). */
function nameNumbersText(n: NonNullable<MomentRequest["name"]>, locale: Locale | null | undefined): string {
  const t = textFor(locale ?? undefined).translation;
  const say = (table: Readonly<Record<number, string>>, fallback: (x: number) => string, x: number) => table[x] ?? fallback(x);
  return [say(t.expression, t.expressionFallback, n.expression), say(t.soulUrge, t.soulUrgeFallback, n.soul_urge), say(t.personality, t.personalityFallback, n.personality)].join("\n\n");
}

export function isMomentReading(r: FullReading | MomentReading): r is MomentReading {
  return "left_out" in r;
}

/** `translation` with the note saying what is left out as its core identity (its full text too). */
function withNote(translation: Translation, note: string, locale: Locale | null | undefined): Translation {
  const t = textFor(locale ?? undefined).translation;
  const emptyIdentity = `${t.divider}${t.headings.coreIdentity}\n${t.divider}`;
  const fullText = translation.full_text.replace(emptyIdentity, `${t.divider}${t.headings.coreIdentity}\n${note}${t.divider}`);
  return { ...translation, core_identity: note, full_text: fullText };
}

export function momentReading(req: MomentRequest): MomentReading {
  const text = textFor(req.locale ?? undefined);
  // The moment's own parts (stamp, day, moon, pillars) do not depend on the birth date the
  // engine's full reading asks for; only they are taken from it.
  const base = generateReading({ name: "", birth_date: { year: req.at.year, month: req.at.month, day: req.at.day }, at: req.at, numerology_system: req.system ?? "pythagorean", locale: req.locale ?? null });
  const symbolic = readSignals(base.fc60_stamp, null, base.moon, base.ganzhi, null, null, text);
  const confidence = calculateConfidence({}, base.moon, base.ganzhi, null, null, symbolic, text);
  symbolic.confidence = confidence.score;
  // The moment's patterns: its repeated animals (there are no personal numbers to repeat).
  const detected = detectPatterns({}, { name: base.current.weekday }, symbolic, text).detected.filter((p) => p.type === "animal_repetition");
  const name = req.name;
  const hasName = name !== undefined && name.text.trim() !== "";
  const said = readingsTextFor(req.locale).moment;
  const identity = hasName ? `${said.leftOut(true)}\n\n${nameNumbersText(name, req.locale)}` : said.leftOut(false);
  const translation = withNote(translate(symbolic, base.fc60_stamp, null, name?.text ?? "", base.current.date, confidence.score, text), identity, req.locale);
  return {
    current: base.current,
    patterns: { detected, count: detected.length },
    confidence,
    synthesis: translation.full_text,
    fc60_stamp: base.fc60_stamp,
    moon: base.moon,
    ganzhi: base.ganzhi,
    reading: symbolic,
    translation,
    left_out: hasName ? [...WITHOUT_BIRTH] : [...WITHOUT_BIRTH, ...WITHOUT_NAME],
  };
}
