/**
 * Turns a symbolic reading into the nine sections a person reads (header, universal address,
 * core identity, foundation, right now, patterns, message, advice, caution, footer) and their
 * full text. Which paragraphs appear is decided here from the data; their words come from the
 * locale's text, through the per-locale sentence cache.
 */
import type { ReadingLike, StampLike, ProfileLike } from "./partial-inputs";
import type { AnimalRepetition, Signal, ThemedMessage, Translation } from "../result-types";
import * as tokens from "../core/tokens";
import type { EngineText, NumberTable } from "../text";
import * as locales from "../text";
import * as dictTruth from "./dict-truth";
import type { ProseCache } from "./prose-cache";
import * as proseCache from "./prose-cache";
import * as repeats from "./repeats";
import * as signalCombiner from "./signal-combiner";
import type { ElementName } from "./symbol-tables";
import * as symbolTables from "./symbol-tables";

// Imported bindings are copied to locals once: under the tsx loader every read of an imported
// name is a getter call, which costs more than the work done with it on this hot path.
const { ANIMAL_TO_INDEX, ELEMENT_NAMES, ELEMENT_TO_INDEX } = tokens;
const { DEFAULT_TEXT } = locales;
const { hasEntries } = dictTruth;
const { proseCacheFor } = proseCache;
const { repeatedValues } = repeats;
const { animalHarmony } = signalCombiner;
const { PRIORITY_RANK } = symbolTables;

/** "Theme: message" back into its two parts; no separator means no theme. */
export function splitInsight(insight: string): [string, string] {
  const at = insight.indexOf(": ");
  return at >= 0 ? [insight.slice(0, at), insight.slice(at + 2)] : ["", insight];
}

/** Stamp fields in position order, with their bit in a position mask. */
const POSITION_FIELDS = ["_month_animal", "_dom_token", "_hour_animal", "_minute_token"] as const;

function positionMask(stamp: StampLike, animalCode: string): number {
  let mask = 0;
  for (let i = 0; i < POSITION_FIELDS.length; i++) {
    const value = stamp[POSITION_FIELDS[i]!];
    if (value && value.slice(0, 2) === animalCode) mask |= 1 << i;
  }
  return mask;
}

/** Where an animal sits in the stamp: month, day, hour, minute. */
export function positionNames(stamp: StampLike, animalCode: string, text: EngineText = DEFAULT_TEXT): string[] {
  return proseCacheFor(text).positionLabels(positionMask(stamp, animalCode));
}

function numberText(table: NumberTable, n: number): string | undefined {
  return (n >= 1 && n <= 9 && Number.isInteger(n)) || n === 11 || n === 22 || n === 33
    ? table[n as keyof NumberTable]
    : undefined;
}

function insightOf(dict: ThemedMessage | Record<string, never> | undefined, flat: string | undefined): Partial<ThemedMessage> {
  if (dict && hasEntries(dict)) return dict;
  if (flat) {
    const [theme, message] = splitInsight(flat);
    return { theme, message };
  }
  return {};
}

/** Paragraphs are joined by concatenation rather than Array.join, which would copy every character. */
function paragraph(out: string, next: string): string {
  return out === "" ? next : out + "\n\n" + next;
}

function coreIdentity(reading: ReadingLike, profile: ProfileLike, cache: ProseCache): string {
  const t = cache.text.translation;
  const lp = profile.life_path ?? {};
  const lpNum = lp.number ?? 0;
  const exp = profile.expression ?? 0;
  const soul = profile.soul_urge ?? 0;
  const pers = profile.personality ?? 0;
  const py = profile.personal_year ?? 0;
  const title = lp.title ?? "";

  let out = cache.lifePathHeading(lpNum, title, numberText(t.lifePath, lpNum));
  out += "\n\n" + (numberText(t.expression, exp) ?? t.expressionFallback(exp));
  out += "\n\n" + (numberText(t.soulUrge, soul) ?? t.soulUrgeFallback(soul));
  out += "\n\n" + (numberText(t.personality, pers) ?? t.personalityFallback(pers));
  const pyTheme = numberText(t.personalYear, py);
  if (pyTheme) out += "\n\n" + cache.personalYearLine(py, pyTheme);
  const lpy = insightOf(reading.lifepath_year_insight_dict, reading.lifepath_year_insight);
  if (lpy.theme) out += "\n\n" + cache.lifePathYearBridge(lpNum, title || `Life Path ${lpNum}`, py, lpy.theme, lpy.message ?? "");
  return out;
}

function foundation(profile: ProfileLike, cache: ProseCache): string {
  const mother = profile.mother_influence;
  if (!mother) return "";
  const lpNum = profile.life_path?.number ?? 0;
  return mother === lpNum || lpNum ? cache.foundation(mother, lpNum) : "";
}

function firstOfType(signals: readonly Signal[] | undefined, type: string): Signal | undefined {
  if (signals) for (let i = 0; i < signals.length; i++) if (signals[i]!.type === type) return signals[i];
  return undefined;
}

function rightNow(reading: ReadingLike, stamp: StampLike, cache: ProseCache): string {
  let out = "";
  const planet = stamp._planet ?? "";
  if (planet) out = cache.rightNowPlanet(stamp._weekday_index, planet, stamp._domain ?? "");
  if (reading.moon_context) out = paragraph(out, reading.moon_context);
  const hourSignal = firstOfType(reading.signals, "hour_animal");
  if (hourSignal) {
    const branch = stamp._hour_animal ? ANIMAL_TO_INDEX[stamp._hour_animal] : undefined;
    out = paragraph(out, branch === undefined ? cache.text.translation.rightNowHour(hourSignal.message) : cache.rightNowHour(branch, hourSignal.message));
  }
  const pm = insightOf(reading.planet_moon_insight_dict, reading.planet_moon_insight);
  if (pm.theme) out = paragraph(out, cache.rightNowPlanetMoon(planet || "the planet", pm.theme, pm.message ?? ""));
  return out;
}

function patterns(reading: ReadingLike, stamp: StampLike, profile: ProfileLike | null, cache: ProseCache): string {
  const text = cache.text;
  const t = text.translation;
  let out = "";
  const reps: readonly AnimalRepetition[] = reading.animal_repetitions ?? [];
  if (reps.length > 0) out = t.patternsIntro;
  for (let i = 0; i < reps.length; i++) {
    const rep = reps[i]!;
    out = paragraph(out, cache.patternAnimal(rep, positionMask(stamp, rep.animal)));
  }
  if (reps.length >= 2 && reps[0]!.animal !== reps[1]!.animal) {
    const harmony = animalHarmony(reps[0]!.animal, reps[1]!.animal, text);
    out = paragraph(out, t.patternHarmony(reps[0]!, reps[1]!, harmony.type, harmony.meaning));
  }
  if (profile) {
    const numbers = [
      profile.life_path?.number ?? 0,
      profile.expression ?? 0,
      profile.soul_urge ?? 0,
      profile.personality ?? 0,
      profile.personal_year ?? 0,
    ];
    for (const [n, count] of repeatedValues(numbers)) out = paragraph(out, t.patternNumber(n, count));
  }
  return out !== "" ? out : t.patternsNone;
}

function joined(a: string | undefined, b: string | undefined, c?: string): string {
  let out = a || "";
  if (b) out = out ? out + " " + b : b;
  if (c) out = out ? out + " " + c : c;
  return out;
}

function message(reading: ReadingLike, text: EngineText): string {
  let out = text.translation.messageIntro;
  const p1 = joined(reading.core_signal, reading.day_energy);
  if (p1) out = paragraph(out, p1);
  const p2 = joined(reading.personal_overlay, reading.year_context, reading.animal_element_description);
  if (p2) out = paragraph(out, p2);
  const p3 = joined(reading.heartbeat_context, reading.location_context);
  if (p3) out = paragraph(out, p3);
  if (reading.closing) out = paragraph(out, reading.closing);
  return out !== "" ? out : text.translation.messageFallback;
}

function rank(s: Signal): number {
  return Object.hasOwn(PRIORITY_RANK, s.priority) ? PRIORITY_RANK[s.priority]! : 0;
}

function byRankDescending(a: Signal, b: Signal): number {
  return rank(b) - rank(a);
}

function advice(reading: ReadingLike, cache: ProseCache): string {
  const t = cache.text.translation;
  const lines: string[] = [];
  const actions = reading.combined_signals?.recommended_actions ?? [];
  for (let i = 0; i < actions.length && lines.length < 3; i++) lines.push(actions[i]!);
  if (lines.length < 3 && reading.signals) {
    const strongest = reading.signals.slice().sort(byRankDescending);
    for (let i = 0; i < strongest.length && lines.length < 3; i++) lines.push(strongest[i]!.message);
  }
  for (let i = 0; i < t.adviceDefaults.length && lines.length < 3; i++) lines.push(t.adviceDefaults[i]!);
  let out = "";
  for (let i = 0; i < lines.length; i++) out += (i > 0 ? "\n\n" : "") + cache.adviceItem(i, t.adviceLabels[i]!, lines[i]!);
  return out;
}

function caution(reading: ReadingLike, stamp: StampLike, cache: ProseCache): string {
  const text = cache.text;
  const t = text.translation;
  let out = t.cautionIntro;
  if (reading.paradox) out = paragraph(out, reading.paradox);
  const dom = stamp._dom_token ?? "";
  const elementIdx = dom.length >= 4 ? ELEMENT_TO_INDEX[dom.slice(2)] : undefined;
  if (elementIdx !== undefined) {
    const name = ELEMENT_NAMES[elementIdx] as ElementName;
    out = paragraph(out, cache.cautionShadow(name, text.reading.elements[name]));
  }
  const tensions = reading.combined_signals?.tensions ?? [];
  for (let i = 0; i < tensions.length; i++) out = paragraph(out, t.cautionTension(tensions[i]!));
  return out;
}

function footer(reading: ReadingLike, profile: ProfileLike | null, confidence: number, cache: ProseCache): string {
  // Bits in the order of FOOTER_SOURCES and FOOTER_GAPS.
  const sourceMask =
    (profile ? 1 : 0) |
    (reading.moon_context ? 2 : 0) |
    (reading.year_context ? 4 : 0) |
    (reading.heartbeat_context ? 8 : 0) |
    (reading.location_context ? 16 : 0);
  const missingMask =
    (reading.location_context ? 0 : 1) |
    (profile?.mother_influence ? 0 : 2) |
    (reading.heartbeat_context ? 0 : 4) |
    (firstOfType(reading.signals, "hour_animal") ? 0 : 8);
  return cache.footer(confidence, sourceMask, missingMask);
}

/** The nine sections and their full text. */
export function translate(
  reading: ReadingLike,
  fc60Stamp: StampLike,
  numerologyProfile: ProfileLike | null = null,
  personName = "",
  currentDateStr = "",
  confidenceOverride: number | null = null,
  text: EngineText = DEFAULT_TEXT,
): Translation {
  const t = text.translation;
  const cache = proseCacheFor(text);
  const confidence = confidenceOverride ?? reading.confidence ?? 50;
  const profile = numerologyProfile && hasEntries(numerologyProfile) ? numerologyProfile : null;

  const header = t.header(personName, currentDateStr || fc60Stamp.iso || "", confidence);
  const universalAddress = t.universalAddress(fc60Stamp.fc60 ?? "", fc60Stamp.j60 ?? "", fc60Stamp.y60 ?? "");
  const identity = profile ? coreIdentity(reading, profile, cache) : "";
  const roots = profile ? foundation(profile, cache) : "";
  const now = rightNow(reading, fc60Stamp, cache);
  const pats = patterns(reading, fc60Stamp, profile, cache);
  const msg = message(reading, text);
  const adv = advice(reading, cache);
  const caut = caution(reading, fc60Stamp, cache);
  const foot = footer(reading, profile, confidence, cache);

  const h = t.headings;
  const d = t.divider;
  const fullText =
    header +
    d + h.universalAddress + "\n" + universalAddress +
    d + h.coreIdentity + "\n" + identity +
    (roots ? d + h.foundation + "\n" + roots : "") +
    d + h.rightNow + "\n" + now +
    d + h.patterns + "\n" + pats +
    d + h.message + "\n" + msg +
    d + h.advice + "\n" + adv +
    d + h.caution + "\n" + caut +
    d + foot;

  return {
    header,
    universal_address: universalAddress,
    core_identity: identity,
    foundation: roots,
    right_now: now,
    patterns: pats,
    message: msg,
    advice: adv,
    caution: caut,
    footer: foot,
    full_text: fullText,
  };
}
