/**
 * Cross-references signals from the other engines: a weekday planet under a moon phase, a life
 * path in a personal year, how two animals get along, and one ranked summary of all signals with
 * their tensions and three recommended actions. Themes and relationship types are fixed labels;
 * every sentence comes from the locale's text.
 */
import type { CombinedSignals, HarmonyResult, Signal, ThemedMessage } from "../result-types";
import type { EngineText } from "../text";
import * as locales from "../text";
import * as moonEngine from "../universal/moon-engine";
import * as weekdayCalculator from "../core/weekday-calculator";
import type { HarmonyType } from "./combination-tables";
import * as combinationTables from "./combination-tables";
import * as dictTruth from "./dict-truth";
import * as proseCache from "./prose-cache";
import * as tokens from "../core/tokens";
import type { MoonPhase, Planet } from "./symbol-tables";
import * as symbolTables from "./symbol-tables";

// Imported bindings are copied to locals once: under the tsx loader every read of an imported
// name is a getter call, which costs more than the work done with it on this hot path.
const { DEFAULT_TEXT } = locales;
const { PHASE_NAMES } = moonEngine;
const { PLANETS } = weekdayCalculator;
const { ANIMAL_PAIRS, ELEMENT_CLASHES, LIFE_PATH_YEAR_THEMES, MASTER_ROOTS, PLANET_MOON_THEMES, UNCHARTED_PLANET_MOON_THEME, UNIQUE_INTERSECTION_THEME } = combinationTables;
const { hasEntries } = dictTruth;
const { proseCacheFor } = proseCache;
const { ANIMAL_TO_INDEX } = tokens;
const { ANIMAL_TRAITS, PRIORITY_RANK } = symbolTables;

export { PRIORITY_RANK } from "./symbol-tables";
export { ANIMAL_PAIRS, ELEMENT_CLASHES, LIFE_PATH_YEAR_THEMES, PLANET_MOON_THEMES } from "./combination-tables";

const PLANET_SET: ReadonlySet<string> = new Set(PLANETS);
const PHASE_INDEX: ReadonlyMap<string, number> = new Map(PHASE_NAMES.map((name, i) => [name, i]));

/** The meaning of a weekday planet under a moon phase. */
export function planetMeetsMoon(planet: string, moonPhase: string, text: EngineText = DEFAULT_TEXT): ThemedMessage {
  const phase = PHASE_INDEX.get(moonPhase);
  if (phase === undefined || !PLANET_SET.has(planet)) {
    return { theme: UNCHARTED_PLANET_MOON_THEME, message: text.combiner.planetMoonFallback(planet, moonPhase) };
  }
  return {
    theme: PLANET_MOON_THEMES[planet as Planet][phase]!,
    message: text.combiner.planetMoon[planet as Planet][moonPhase as MoonPhase],
  };
}

function isDigit(n: number): n is 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 {
  return Number.isInteger(n) && n >= 1 && n <= 9;
}

/**
 * The meaning of a life path in a personal year. Master numbers (11, 22, 33) are read through
 * their roots (2, 4, 6), and the message says so.
 */
export function lifepathMeetsYear(lifePath: number, personalYear: number, text: EngineText = DEFAULT_TEXT): ThemedMessage {
  if (isDigit(lifePath) && isDigit(personalYear)) {
    return {
      theme: LIFE_PATH_YEAR_THEMES[lifePath - 1]![personalYear - 1]!,
      message: text.combiner.lifePathYear[lifePath][personalYear - 1]!,
    };
  }
  const lpRoot = MASTER_ROOTS[lifePath] ?? lifePath;
  const pyRoot = MASTER_ROOTS[personalYear] ?? personalYear;
  if (isDigit(lpRoot) && isDigit(pyRoot)) {
    let message = text.combiner.lifePathYear[lpRoot][pyRoot - 1]!;
    if (MASTER_ROOTS[lifePath] !== undefined) message += text.combiner.masterPathNote(lifePath);
    if (MASTER_ROOTS[personalYear] !== undefined) message += text.combiner.masterYearNote(personalYear);
    return { theme: LIFE_PATH_YEAR_THEMES[lpRoot - 1]![pyRoot - 1]!, message };
  }
  return { theme: UNIQUE_INTERSECTION_THEME, message: text.combiner.lifePathYearFallback(lifePath, personalYear) };
}

interface PairEntry {
  type: HarmonyType;
  key: string;
}

/** Relationship of each named pair, at [branch a * 12 + branch b] in both orders. */
const PAIR_MATRIX: ReadonlyArray<PairEntry | undefined> = (() => {
  const m: Array<PairEntry | undefined> = new Array(144).fill(undefined);
  for (const [a, b, type] of ANIMAL_PAIRS) {
    const entry = { type, key: `${a}-${b}` };
    m[ANIMAL_TO_INDEX[a]! * 12 + ANIMAL_TO_INDEX[b]!] = entry;
    m[ANIMAL_TO_INDEX[b]! * 12 + ANIMAL_TO_INDEX[a]!] = entry;
  }
  return m;
})();

function pairOf(animal1: string, animal2: string): PairEntry | undefined {
  const a = ANIMAL_TO_INDEX[animal1];
  const b = ANIMAL_TO_INDEX[animal2];
  return a === undefined || b === undefined ? undefined : PAIR_MATRIX[a * 12 + b];
}

/** How two animals relate; symmetric, and an animal with itself is a resonance. */
export function animalHarmony(animal1: string, animal2: string, text: EngineText = DEFAULT_TEXT): HarmonyResult {
  if (animal1 === animal2) {
    if (Object.hasOwn(ANIMAL_TRAITS, animal1)) return { type: "resonance", meaning: text.combiner.resonance[animal1]! };
  } else {
    const pair = pairOf(animal1, animal2);
    if (pair !== undefined) return { type: pair.type, meaning: text.combiner.pairs[pair.key]! };
  }
  return { type: "neutral", meaning: text.combiner.neutralDefault };
}

/** A signal as callers may hand it in: any field can be missing. */
export type SignalLike = Partial<Signal>;

interface GanzhiLike {
  year?: { branch_token?: string } | null;
  day?: { branch_token?: string } | null;
  hour?: { branch_token?: string } | null;
}

interface NumerologyLike {
  life_path?: { number?: number; message?: string } | null;
  personal_year?: number;
}

interface MoonLike {
  phase_name?: string;
  best_for?: string;
}

/** Element names as they are searched for in lower-cased signal messages. */
const ELEMENT_WORDS: ReadonlyArray<readonly [string, string]> = [
  ["fire", "Fire"],
  ["water", "Water"],
  ["wood", "Wood"],
  ["metal", "Metal"],
  ["earth", "Earth"],
  // Persian messages name them in Persian.
  ["آتش", "Fire"],
  ["آب", "Water"],
  ["چوب", "Wood"],
  ["فلز", "Metal"],
  ["خاک", "Earth"],
];

/** The element names that appear, in any letter case, in the signals' messages. */
export function elementsInMessages(signals: readonly SignalLike[]): Set<string> {
  const seen = new Set<string>();
  for (const s of signals) {
    const msg = (s.message ?? "").toLowerCase();
    for (const [word, name] of ELEMENT_WORDS) if (msg.includes(word)) seen.add(name);
  }
  return seen;
}

/**
 * Tensions among the signals: opposed elements named in their messages, then clashing animals
 * among the year, day and hour branches.
 */
export function detectTensions(
  signals: readonly SignalLike[],
  ganzhi: GanzhiLike | null | undefined,
  text: EngineText = DEFAULT_TEXT,
): string[] {
  return tensionsOf(elementsInMessages(signals), ganzhi, text);
}

/** Tensions from the set of elements in play and the sexagenary branches. */
function tensionsOf(elements: ReadonlySet<string>, ganzhi: GanzhiLike | null | undefined, text: EngineText): string[] {
  const tensions: string[] = [];
  if (elements.size > 1) {
    for (const [a, b] of ELEMENT_CLASHES) if (elements.has(a) && elements.has(b)) tensions.push(text.combiner.elementClash[`${a}-${b}`]!);
  }
  if (ganzhi) {
    const year = ganzhi.year?.branch_token;
    const day = ganzhi.day?.branch_token;
    const hour = ganzhi.hour?.branch_token;
    // Pairs in order: year-day, year-hour, day-hour (absent branches drop out).
    if (year && day) pushClash(tensions, year, day, text);
    if (year && hour) pushClash(tensions, year, hour, text);
    if (day && hour) pushClash(tensions, day, hour, text);
  }
  return tensions;
}

function pushClash(tensions: string[], a: string, b: string, text: EngineText): void {
  const pair = pairOf(a, b);
  if (pair !== undefined && pair.type === "clash") tensions.push(text.combiner.pairs[pair.key]!);
}

/** Three recommended actions: from the strongest signal, the life path, the moon, then defaults. */
export function generateActions(
  signals: readonly SignalLike[],
  numerology: NumerologyLike | null | undefined,
  moon: MoonLike | null | undefined,
  text: EngineText = DEFAULT_TEXT,
): string[] {
  const t = text.combiner.actions;
  const actions: string[] = [];
  if (signals.length > 0) {
    const top = signals[0]!;
    const type = top.type ?? "";
    if (type.includes("repetition") || type.includes("animal")) actions.push(t.fromRepetition);
    else if (type.includes("planet")) actions.push(t.fromPlanet((top.message ?? "").split(".")[0]!));
    else if (type.includes("moon")) actions.push(t.fromMoon);
    else actions.push(t.fromOther);
  }
  if (numerology && hasEntries(numerology)) {
    const message = numerology.life_path?.message ?? "";
    if (message) {
      const py = numerology.personal_year ?? 0;
      const lp = numerology.life_path?.number;
      actions.push(typeof lp === "number" ? proseCacheFor(text).lifePathAction(message, py, lp) : t.fromLifePath(message, py));
    }
  }
  if (moon && hasEntries(moon)) {
    const bestFor = moon.best_for ?? "";
    if (bestFor) actions.push(proseCacheFor(text).bestForAction(bestFor, moon.phase_name));
  }
  while (actions.length < 3) actions.push(t.defaults[actions.length % 3]!);
  return actions.length > 3 ? actions.slice(0, 3) : actions;
}

const RANKS: ReadonlyMap<string, number> = new Map(Object.entries(PRIORITY_RANK));

function rankOf(s: SignalLike): number {
  return (s.priority !== undefined && RANKS.get(s.priority)) || 0;
}

function byRankDescending(a: SignalLike, b: SignalLike): number {
  return rankOf(b) - rankOf(a);
}

/** Signals loudest first; equal priorities keep their order (a stable sort). */
function ranked<T extends SignalLike>(signals: readonly T[]): readonly T[] {
  for (let i = 1; i < signals.length; i++) {
    if (rankOf(signals[i]!) > rankOf(signals[i - 1]!)) return signals.slice().sort(byRankDescending);
  }
  return signals;
}

/**
 * One ranked view of all signals: the loudest as the primary message, the next three as support,
 * the tensions among them and three actions. Equal priorities keep their order.
 */
export function combineSignals(
  signals: readonly SignalLike[],
  numerology: NumerologyLike | null | undefined,
  moon: MoonLike | null | undefined,
  ganzhi: GanzhiLike | null | undefined,
  text: EngineText = DEFAULT_TEXT,
): CombinedSignals {
  return combineOwnSignals(signals, elementsInMessages(signals), numerology, moon, ganzhi, text);
}

/**
 * combineSignals with the elements the messages name given rather than searched for: the engine
 * knows them for the signals it writes itself, from the data it wrote them from. (A test checks
 * that searching every such sentence finds exactly these elements.)
 */
export function combineOwnSignals(
  signals: readonly SignalLike[],
  elements: ReadonlySet<string>,
  numerology: NumerologyLike | null | undefined,
  moon: MoonLike | null | undefined,
  ganzhi: GanzhiLike | null | undefined,
  text: EngineText = DEFAULT_TEXT,
): CombinedSignals {
  const sorted = ranked(signals);
  const supporting: string[] = [];
  for (let i = 1; i < sorted.length && i < 4; i++) supporting.push(sorted[i]!.message ?? "");
  return {
    primary_message: sorted.length > 0 ? (sorted[0]!.message ?? "") : "",
    supporting_messages: supporting,
    tensions: tensionsOf(elements, ganzhi, text),
    recommended_actions: generateActions(sorted, numerology, moon, text),
  };
}
