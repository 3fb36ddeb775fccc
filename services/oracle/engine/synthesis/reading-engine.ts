/**
 * The symbolic reading of one moment: which animals repeat across the stamp, the signals of the
 * day (planet, moon, day token, hour), the time-of-day band, and the personal numbers set against
 * the current sky. Structure (which signals, their priorities, counts, themes) is fixed here; the
 * sentences come from the locale's text.
 */
import type { StampLike, GanzhiLike, ProfileLike } from "./partial-inputs";
import type {
  AnimalRepetition,
  CombinedSignals,
  GanzhiYearInfo,
  HeartbeatProfile,
  LocationSignature,
  MoonInfo,
  Signal,
  SymbolicReading,
  ThemedMessage,
  TimeContext,
} from "../result-types";
import * as tokens from "../core/tokens";
import * as ganzhiEngine from "../universal/ganzhi-engine";
import * as proseCache from "./prose-cache";
import type { EngineText } from "../text";
import * as locales from "../text";
import * as signalCombiner from "./signal-combiner";
import * as dictTruth from "./dict-truth";
import type { ElementName } from "./symbol-tables";
import * as symbolTables from "./symbol-tables";

// Imported bindings are copied to locals once: under the tsx loader every read of an imported
// name is a getter call, which costs more than the work done with it on this hot path.
const { ANIMAL_NAMES, ANIMAL_TO_INDEX, ANIMALS, ELEMENT_NAMES, TOKEN60 } = tokens;
const { STEM_ELEMENTS, STEM_POLARITIES, STEMS } = ganzhiEngine;
const { proseCacheFor } = proseCache;
const { DEFAULT_TEXT } = locales;
const { combineOwnSignals, lifepathMeetsYear, planetMeetsMoon } = signalCombiner;
const { hasEntries } = dictTruth;
const { ANIMAL_TRAITS, TIME_BANDS } = symbolTables;

export { ANIMAL_TRAITS, TIME_BANDS } from "./symbol-tables";

const SUN_MARKER = "☀";
const NO_ELEMENT: ReadonlySet<string> = new Set();
const ONE_ELEMENT: Readonly<Record<ElementName, ReadonlySet<string>>> = {
  Wood: new Set(["Wood"]),
  Fire: new Set(["Fire"]),
  Earth: new Set(["Earth"]),
  Metal: new Set(["Metal"]),
  Water: new Set(["Water"]),
};
const MOON_MARKER = "🌙";

/** The animals of the stamp's month, day, hour and minute, and of the year's branch. */
export function collectAnimals(stamp: StampLike, ganzhiData: GanzhiLike | null = null): string[] {
  const animals: string[] = [];
  if (stamp._month_animal) animals.push(stamp._month_animal);
  if (stamp._dom_token) animals.push(stamp._dom_token.slice(0, 2));
  if (stamp._hour_animal) animals.push(stamp._hour_animal);
  if (stamp._minute_token) animals.push(stamp._minute_token.slice(0, 2));
  const yearBranch = ganzhiData?.year?.branch_token;
  if (yearBranch) animals.push(yearBranch);
  return animals;
}

/** Animals seen at least twice, most frequent first (ties in order of first appearance). */
export function detectAnimalRepetitions(animals: readonly string[]): AnimalRepetition[] {
  const repeated: AnimalRepetition[] = [];
  for (let i = 0; i < animals.length; i++) {
    const animal = animals[i]!;
    if (animals.indexOf(animal) !== i) continue; // counted at its first appearance
    let count = 1;
    for (let j = i + 1; j < animals.length; j++) if (animals[j] === animal) count++;
    if (count < 2) continue;
    const info = Object.hasOwn(ANIMAL_TRAITS, animal) ? ANIMAL_TRAITS[animal] : undefined;
    repeated.push({
      animal,
      animal_name: info?.name ?? animal,
      count,
      priority: count >= 3 ? "Very High" : "High",
      trait: info?.trait ?? "",
      action: info?.action ?? "",
    });
  }
  // Stable: equal counts keep first-appearance order.
  for (let i = 1; i < repeated.length; i++) {
    if (repeated[i]!.count > repeated[i - 1]!.count) return repeated.sort(byCountDescending);
  }
  return repeated;
}

function byCountDescending(a: AnimalRepetition, b: AnimalRepetition): number {
  return b.count - a.count;
}

/** Index in TIME_BANDS of the band an hour falls in (hours past the last band count as night). */
function bandIndex(hour: number): number {
  for (let i = 0; i < TIME_BANDS.length; i++) if (hour < TIME_BANDS[i]!.endHour) return i;
  return TIME_BANDS.length - 1;
}

/** The time-of-day band of an hour. */
export function timeContext(hour: number): TimeContext {
  const band = TIME_BANDS[bandIndex(hour)]!;
  return { context: band.context, energy: band.energy };
}

/** Whether a year pillar is exactly what the engine computes for its year (so its sentence can be reused). */
function isCanonicalYear(info: Partial<GanzhiYearInfo>): info is GanzhiYearInfo {
  if (typeof info.year !== "number" || !Number.isInteger(info.year)) return false;
  const stem = (((info.year - 4) % 10) + 10) % 10;
  const branch = (((info.year - 4) % 12) + 12) % 12;
  return (
    info.stem_index === stem &&
    info.branch_index === branch &&
    info.gz_token === GZ_TOKENS[stem * 12 + branch] &&
    info.traditional_name === YEAR_NAMES[stem * 12 + branch] &&
    info.element === STEM_ELEMENTS[stem] &&
    info.polarity === STEM_POLARITIES[stem]
  );
}

/** "BI-HO" and "Fire Horse" for every stem x branch, so a pillar is checked without building strings. */
const GZ_TOKENS: readonly string[] = Array.from({ length: 120 }, (_, i) => STEMS[Math.floor(i / 12)]! + "-" + ANIMALS[i % 12]!);
const YEAR_NAMES: readonly string[] = Array.from({ length: 120 }, (_, i) => STEM_ELEMENTS[Math.floor(i / 12)]! + " " + ANIMAL_NAMES[i % 12]!);

/** The daylight marker in the small hours of the night: light not yet seen. */
export function checkSunMoonParadox(stamp: StampLike, hour: number, text: EngineText = DEFAULT_TEXT): string | null {
  return stamp._half_marker === SUN_MARKER && hour >= 0 && hour <= 5 ? text.reading.paradox : null;
}

/** The prose of a day-of-month token such as "OXWA"; "" for anything else. */
export function describeAnimalElement(domToken: string, text: EngineText = DEFAULT_TEXT): string {
  const d = tokenValue(domToken);
  return d < 0 ? "" : proseCacheFor(text).animalElement(d, domToken, ANIMAL_TRAITS[ANIMALS[Math.floor(d / 5)]!]!.name, ELEMENT_NAMES[d % 5]!);
}

interface CrossInsight extends ThemedMessage {
  type: "lifepath_year" | "planet_moon";
}

/** The person's life path in this personal year, and today's planet under today's moon. */
export function personalXCurrent(
  numerologyProfile: ProfileLike | null,
  planet: string,
  moonData: Partial<MoonInfo> | null,
  text: EngineText = DEFAULT_TEXT,
): CrossInsight[] {
  const insights: CrossInsight[] = [];
  if (!hasEntries(numerologyProfile)) return insights;
  const lp = numerologyProfile!.life_path?.number ?? 0;
  const py = numerologyProfile!.personal_year ?? 0;
  if (lp && py) {
    const lpy = lifepathMeetsYear(lp, py, text);
    insights.push({ type: "lifepath_year", theme: lpy.theme, message: lpy.message });
  }
  if (planet && hasEntries(moonData)) {
    const phase = moonData!.phase_name ?? "";
    if (phase) {
      const pm = planetMeetsMoon(planet, phase, text);
      insights.push({ type: "planet_moon", theme: pm.theme, message: pm.message });
    }
  }
  return insights;
}

/** Hour of the day as the stamp encodes it: branch index, shifted by 12 in the moon half. */
function stampHour(stamp: StampLike): number {
  const half = stamp._half_marker;
  if (!half) return 0;
  const idx = ANIMAL_TO_INDEX[stamp._hour_animal ?? "RA"] ?? 0;
  if (half === MOON_MARKER) return idx !== 0 ? idx + 12 : 12;
  return idx;
}

/** A day-of-month token's value 0-59, or -1 when it is not a token. */
function tokenValue(token: string): number {
  return TOKEN_VALUE[token] ?? -1;
}

const TOKEN_VALUE: Readonly<Record<string, number>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, number>, Object.fromEntries(TOKEN60.map((t, i) => [t, i]))),
);

/** Every signal, context line and cross-reference of one moment. */
export function generateReading(
  fc60Stamp: StampLike,
  numerologyProfile: ProfileLike | null = null,
  moonData: MoonInfo | null = null,
  ganzhiData: GanzhiLike | null = null,
  heartbeatData: HeartbeatProfile | null = null,
  locationData: LocationSignature | null = null,
  text: EngineText = DEFAULT_TEXT,
): SymbolicReading {
  const t = text.reading;
  const cache = proseCacheFor(text);
  const signals: Signal[] = [];

  const animals = collectAnimals(fc60Stamp, ganzhiData);
  const repetitions = detectAnimalRepetitions(animals);
  for (let i = 0; i < repetitions.length; i++) {
    const rep = repetitions[i]!;
    signals.push({ type: "animal_repetition", priority: rep.priority, message: cache.repetitionSignal(rep) });
  }

  const weekday = fc60Stamp._weekday_index;
  const planet = fc60Stamp._planet ?? "";
  const domain = fc60Stamp._domain ?? "";
  if (planet) signals.push({ type: "day_planet", priority: "Medium", message: cache.dayPlanetSignal(weekday, planet, domain) });

  let moonContext = "";
  if (moonData && hasEntries(moonData)) {
    moonContext = cache.moonSignal(moonData);
    signals.push({ type: "moon_phase", priority: "Medium", message: moonContext });
  }

  const domToken = fc60Stamp._dom_token ?? "";
  const dom = domToken ? tokenValue(domToken) : -1;
  const domAnimal = dom >= 0 ? ANIMAL_TRAITS[ANIMALS[Math.floor(dom / 5)]!]!.name : "";
  const domElement = dom >= 0 ? (ELEMENT_NAMES[dom % 5] as ElementName) : "Wood";
  if (dom >= 0) signals.push({ type: "dom_animal_element", priority: "Medium", message: cache.domSignal(dom, domAnimal, domElement) });

  const hourAnimal = fc60Stamp._hour_animal ?? "";
  const hourBranch = hourAnimal ? (ANIMAL_TO_INDEX[hourAnimal] ?? -1) : -1;
  if (hourBranch >= 0) {
    const info = ANIMAL_TRAITS[hourAnimal]!;
    signals.push({ type: "hour_animal", priority: "Low-Medium", message: cache.hourSignal(hourBranch, info.name, info.trait) });
  }

  const hour = stampHour(fc60Stamp);
  const band = bandIndex(hour);
  const timeCtx = timeContext(hour);
  const paradox = checkSunMoonParadox(fc60Stamp, hour, text);

  let personalOverlay = "";
  if (numerologyProfile && hasEntries(numerologyProfile)) {
    const lp = numerologyProfile.life_path;
    if (lp && hasEntries(lp)) {
      const py = numerologyProfile.personal_year ?? 0;
      personalOverlay =
        typeof lp.number === "number" && typeof lp.title === "string" && typeof lp.message === "string"
          ? cache.personalOverlay(lp.number, lp.title, lp.message, py)
          : t.personalOverlay(lp.number ?? "", lp.title ?? "", lp.message ?? "", py);
    }
  }

  const heartbeatContext = heartbeatData && hasEntries(heartbeatData) ? cache.heartbeatContext(heartbeatData) : "";
  const locationContext = locationData && hasEntries(locationData) ? cache.locationContext(locationData) : "";
  const yearInfo = ganzhiData?.year;
  const yearContext = yearInfo ? cache.yearContext(yearInfo, isCanonicalYear(yearInfo)) : "";

  const opening = cache.opening(weekday, band, planet, fc60Stamp._weekday_name ?? "Unknown", timeCtx);
  const coreSignal = repetitions.length > 0 ? cache.coreSignal(repetitions[0]!) : "";
  const dayEnergy = dom >= 0 ? cache.dayEnergy(dom, domAnimal, domElement) : "";

  let planetMoonInsight = "";
  let lifepathYearInsight = "";
  let planetMoonDict: ThemedMessage | Record<string, never> = {};
  let lifepathYearDict: ThemedMessage | Record<string, never> = {};
  for (const ci of personalXCurrent(numerologyProfile, planet, moonData, text)) {
    if (ci.type === "planet_moon") {
      planetMoonInsight = text.combiner.themedInsight(ci.theme, ci.message);
      planetMoonDict = { theme: ci.theme, message: ci.message };
    } else {
      lifepathYearInsight = text.combiner.themedInsight(ci.theme, ci.message);
      lifepathYearDict = { theme: ci.theme, message: ci.message };
    }
  }

  // The only element any of these sentences names is the day token's.
  const combined: CombinedSignals = combineOwnSignals(
    signals,
    dom >= 0 ? ONE_ELEMENT[domElement] : NO_ELEMENT,
    (numerologyProfile ?? {}) as Parameters<typeof combineOwnSignals>[2],
    moonData ?? {},
    ganzhiData ?? {},
    text,
  );

  return {
    opening,
    core_signal: coreSignal,
    day_energy: dayEnergy,
    moon_context: moonContext,
    personal_overlay: personalOverlay,
    heartbeat_context: heartbeatContext,
    location_context: locationContext,
    year_context: yearContext,
    time_context: timeCtx,
    paradox,
    closing: t.closing,
    signals,
    animal_repetitions: repetitions,
    confidence: Math.min(95, 50 + signals.length * 5),
    animal_element_description: domToken ? describeAnimalElement(domToken, text) : "",
    planet_moon_insight: planetMoonInsight,
    lifepath_year_insight: lifepathYearInsight,
    planet_moon_insight_dict: planetMoonDict,
    lifepath_year_insight_dict: lifepathYearDict,
    animals_collected: animals,
    combined_signals: combined,
  };
}
