/**
 * Sentences remembered per locale. Most of a reading's prose depends only on small discrete keys
 * (a weekday, an animal and how often it repeats, a day token, a life path and year), so each
 * sentence is written once and then looked up by index. A sentence is only taken from the cache
 * when its inputs are the canonical values for that key; anything else is written afresh, so a
 * caller passing unusual data still gets sentences about that data.
 */
import type {
  AnimalRepetition,
  GanzhiYearInfo,
  HeartbeatProfile,
  LocationSignature,
  MoonInfo,
  TimeContext,
} from "../result-types";
import * as tokens from "../core/tokens";
import * as weekdayCalculator from "../core/weekday-calculator";
import * as numerologyEngine from "../personal/numerology-engine";
import * as moonEngine from "../universal/moon-engine";
import type { ElementText, EngineText } from "../text";
import * as combinationTables from "./combination-tables";
import type { ElementName, MoonPhase, Planet } from "./symbol-tables";
import * as symbolTables from "./symbol-tables";

// Imported bindings are copied to locals once: under the tsx loader every read of an imported
// name is a getter call, which costs more than the work done with it on this hot path.
const { ANIMAL_TO_INDEX, ELEMENT_NAMES } = tokens;
const { DOMAINS, PLANETS, WEEKDAY_NAMES } = weekdayCalculator;
const { LIFE_PATH_MEANINGS } = numerologyEngine;
const { PHASE_BEST_FOR, PHASE_EMOJIS, PHASE_ENERGY, PHASE_NAMES } = moonEngine;
const { PLANET_MOON_THEMES } = combinationTables;
const { ANIMAL_TRAITS, TIME_BANDS } = symbolTables;

/** 1-9 -> 0-8, 11 -> 9, 22 -> 10, 33 -> 11; anything else -> -1 (not cached). */
export function numberSlot(n: number): number {
  if (n >= 1 && n <= 9 && Number.isInteger(n)) return n - 1;
  return n === 11 ? 9 : n === 22 ? 10 : n === 33 ? 11 : -1;
}

const PHASE_INDEX: ReadonlyMap<string, number> = new Map(PHASE_NAMES.map((name, i) => [name, i]));
/** Planet-moon theme -> its phase index (themes are unique within a planet's row). */
const PHASE_OF_THEME: ReadonlyMap<string, number> = new Map(
  Object.values(PLANET_MOON_THEMES).flatMap((row) => row.map((theme, p) => [theme, p] as const)),
);
const ELEMENT_INDEX: ReadonlyMap<string, number> = new Map(ELEMENT_NAMES.map((name, i) => [name, i]));
const HEMISPHERE_SLOT: Readonly<Record<string, number>> = { NE: 0, NW: 1, SE: 2, SW: 3 };
/** The footer's optional sources and its gaps, in order; bit i of a mask stands for entry i. */
export const FOOTER_SOURCES = ["numerology", "moon", "ganzhi", "heartbeat", "location"] as const;
export const FOOTER_GAPS = ["location", "mother", "heartbeat", "time"] as const;

/** A cache of sentences keyed by free-form values stops growing here. */
const MAP_LIMIT = 20_000;

function remember<K>(map: Map<K, string>, key: K, value: string): string {
  if (map.size < MAP_LIMIT) map.set(key, value);
  return value;
}

export class ProseCache {
  private readonly repetition: string[] = [];
  private readonly core: string[] = [];
  private readonly dayPlanet: string[] = [];
  private readonly rightNowPlanetLine: string[] = [];
  private readonly domSignalLine: string[] = [];
  private readonly dayEnergyLine: string[] = [];
  private readonly hourLine: string[] = [];
  private readonly animalElementLine: string[] = [];
  private readonly rightNowHourLine: string[] = [];
  private readonly openingLine: string[] = [];
  private readonly overlay: string[] = [];
  private readonly locationLine: string[] = [];
  private readonly lifePathLine: string[] = [];
  private readonly bestForLine: string[] = [];
  private readonly lifePathBlock: string[] = [];
  private readonly personalYearLineCache: string[] = [];
  private readonly bridgeLine: string[] = [];
  private readonly foundationLine: string[] = [];
  private readonly shadowLine: string[] = [];
  private readonly moonLine = new Map<number, string>();
  private readonly yearLine = new Map<number, string>();
  private readonly heartbeatLine = new Map<number, string>();
  private readonly planetMoonLine: string[] = [];
  private readonly footerLine = new Map<number, string>();
  private readonly patternAnimalLine: string[] = [];
  private readonly adviceLine = [new Map<string, string>(), new Map<string, string>(), new Map<string, string>()];

  constructor(readonly text: EngineText) {}

  /** The signal of an animal repeating; keyed by branch and count. */
  repetitionSignal(rep: AnimalRepetition): string {
    const k = this.repetitionKey(rep);
    return k < 0 ? this.text.reading.signals.animalRepetition(rep) : (this.repetition[k] ??= this.text.reading.signals.animalRepetition(rep));
  }

  coreSignal(rep: AnimalRepetition): string {
    const k = this.repetitionKey(rep);
    return k < 0 ? this.text.reading.coreSignal(rep) : (this.core[k] ??= this.text.reading.coreSignal(rep));
  }

  private repetitionKey(rep: AnimalRepetition): number {
    const b = ANIMAL_TO_INDEX[rep.animal];
    if (b === undefined || rep.count < 0 || rep.count > 7) return -1;
    const info = ANIMAL_TRAITS[rep.animal]!;
    const canonical = rep.animal_name === info.name && rep.trait === info.trait && rep.action === info.action;
    return canonical ? b * 8 + rep.count : -1;
  }

  private weekdayOf(weekday: number | undefined, planet: string, domain: string): number {
    return weekday !== undefined && PLANETS[weekday] === planet && DOMAINS[weekday] === domain ? weekday : -1;
  }

  dayPlanetSignal(weekday: number | undefined, planet: string, domain: string): string {
    const w = this.weekdayOf(weekday, planet, domain);
    return w < 0 ? this.text.reading.signals.dayPlanet(planet, domain) : (this.dayPlanet[w] ??= this.text.reading.signals.dayPlanet(planet, domain));
  }

  rightNowPlanet(weekday: number | undefined, planet: string, domain: string): string {
    const w = this.weekdayOf(weekday, planet, domain);
    const t = this.text.translation;
    return w < 0 ? t.rightNowPlanet(planet, domain) : (this.rightNowPlanetLine[w] ??= t.rightNowPlanet(planet, domain));
  }

  /** Day-token sentences; `token` is the token's value 0-59, its animal and element named canonically. */
  domSignal(token: number, animalName: string, elementName: ElementName): string {
    const t = this.text.reading;
    return (this.domSignalLine[token] ??= t.signals.domAnimalElement(animalName, elementName, t.elements[elementName]));
  }

  dayEnergy(token: number, animalName: string, elementName: ElementName): string {
    const t = this.text.reading;
    return (this.dayEnergyLine[token] ??= t.dayEnergy(animalName, elementName, t.elements[elementName]));
  }

  /** The day token's description, named; `token` is the value of `tokenText`. */
  animalElement(token: number, tokenText: string, animalName: string, elementName: string): string {
    const t = this.text.reading;
    const description = Object.hasOwn(t.animalElement, tokenText) ? t.animalElement[tokenText]! : "";
    if (description === "") return "";
    return (this.animalElementLine[token] ??= t.animalElementLine(animalName, elementName, description));
  }

  /** The hour animal's signal; `branch` is a valid branch index, named canonically. */
  hourSignal(branch: number, animalName: string, trait: string): string {
    return (this.hourLine[branch] ??= this.text.reading.signals.hourAnimal(animalName, trait));
  }

  rightNowHour(branch: number, hourMessage: string): string {
    const t = this.text.translation;
    if (this.hourLine[branch] !== hourMessage) return t.rightNowHour(hourMessage);
    return (this.rightNowHourLine[branch] ??= t.rightNowHour(hourMessage));
  }

  /** The opening line; `band` is the TIME_BANDS index that produced `time`. */
  opening(weekday: number | undefined, band: number, planet: string, weekdayName: string, time: TimeContext): string {
    const t = this.text.reading;
    const canonical =
      weekday !== undefined && PLANETS[weekday] === planet && WEEKDAY_NAMES[weekday] === weekdayName && band >= 0 && band < TIME_BANDS.length;
    if (!canonical) return t.opening(planet, weekdayName, time);
    return (this.openingLine[weekday * 8 + band] ??= t.opening(planet, weekdayName, time));
  }

  moonSignal(moon: MoonInfo): string {
    const t = this.text.reading.signals;
    const p = PHASE_INDEX.get(moon.phase_name);
    if (
      p === undefined ||
      moon.emoji !== PHASE_EMOJIS[p] ||
      moon.energy !== PHASE_ENERGY.get(moon.phase_name) ||
      moon.best_for !== PHASE_BEST_FOR.get(moon.phase_name) ||
      !(moon.age >= 0 && moon.age < 30 && moon.illumination >= 0 && moon.illumination <= 100)
    ) {
      return t.moonPhase(moon);
    }
    // Age to 1/100 day, illumination to 1/10 percent, phase: all the sentence can depend on.
    const key = (Math.round(moon.age * 100) * 1001 + Math.round(moon.illumination * 10)) * 8 + p;
    return this.moonLine.get(key) ?? remember(this.moonLine, key, t.moonPhase(moon));
  }

  personalOverlay(lifePath: number, title: string, message: string, personalYear: number): string {
    const lp = numberSlot(lifePath);
    const py = numberSlot(personalYear);
    const meaning = LIFE_PATH_MEANINGS[lifePath];
    const t = this.text.reading;
    if (lp < 0 || py < 0 || meaning === undefined || meaning[0] !== title || meaning[1] !== message) {
      return t.personalOverlay(lifePath, title, message, personalYear);
    }
    return (this.overlay[lp * 12 + py] ??= t.personalOverlay(lifePath, title, message, personalYear));
  }

  heartbeatContext(hb: HeartbeatProfile): string {
    const t = this.text.reading;
    const total = hb.total_lifetime_beats;
    if (!Number.isSafeInteger(total) || !(Number.isInteger(hb.bpm) && hb.bpm > 0 && hb.bpm < 1000) || hb.element !== ELEMENT_NAMES[hb.bpm % 5]) {
      return t.heartbeatContext(hb);
    }
    // Lifetime beats are a function of age in whole years: few distinct totals per rate.
    const key = (total * 1000 + hb.bpm) * 2 + (hb.bpm_source === "actual" ? 1 : 0);
    if (!Number.isSafeInteger(key)) return t.heartbeatContext(hb);
    return this.heartbeatLine.get(key) ?? remember(this.heartbeatLine, key, t.heartbeatContext(hb));
  }

  locationContext(loc: LocationSignature): string {
    const t = this.text.reading;
    const e = ELEMENT_INDEX.get(loc.element);
    const h = HEMISPHERE_SLOT[loc.lat_hemisphere + loc.lon_hemisphere];
    const canonical =
      e !== undefined &&
      h !== undefined &&
      loc.lat_polarity === (loc.lat_hemisphere === "N" ? "Yang" : "Yin") &&
      loc.lon_polarity === (loc.lon_hemisphere === "E" ? "Yang" : "Yin");
    if (!canonical) return t.locationContext(loc);
    return (this.locationLine[e * 4 + h] ??= t.locationContext(loc));
  }

  /** The year line; `canonical` says the info is the engine's own for that year. */
  yearContext(year: GanzhiYearInfo, canonical: boolean): string {
    const t = this.text.reading;
    if (!canonical || !Number.isSafeInteger(year.year)) return t.yearContext(year);
    return this.yearLine.get(year.year) ?? remember(this.yearLine, year.year, t.yearContext(year));
  }

  /** Action from the life path message (canonical for its number) in a personal year. */
  lifePathAction(lifePathMessage: string, personalYear: number, lifePath: number): string {
    const t = this.text.combiner.actions;
    const lp = numberSlot(lifePath);
    const py = numberSlot(personalYear);
    if (lp < 0 || py < 0 || LIFE_PATH_MEANINGS[lifePath]?.[1] !== lifePathMessage) return t.fromLifePath(lifePathMessage, personalYear);
    return (this.lifePathLine[lp * 12 + py] ??= t.fromLifePath(lifePathMessage, personalYear));
  }

  bestForAction(bestFor: string, phaseName: string | undefined): string {
    const t = this.text.combiner.actions;
    const p = phaseName === undefined ? undefined : PHASE_INDEX.get(phaseName);
    if (p === undefined || PHASE_BEST_FOR.get(phaseName!) !== bestFor) return t.fromBestFor(bestFor);
    return (this.bestForLine[p] ??= t.fromBestFor(bestFor));
  }

  /** "Life Path N: the Title" and its paragraph. */
  lifePathHeading(lifePath: number, title: string, description: string | undefined): string {
    const lp = numberSlot(lifePath);
    if (lp < 0 || LIFE_PATH_MEANINGS[lifePath]?.[0] !== title) return this.writeLifePathHeading(lifePath, title, description);
    return (this.lifePathBlock[lp] ??= this.writeLifePathHeading(lifePath, title, description));
  }

  private writeLifePathHeading(lifePath: number, title: string, description: string | undefined): string {
    const heading = this.text.translation.lifePathHeading(lifePath, title);
    return description ? heading + "\n" + description : heading;
  }

  personalYearLine(personalYear: number, theme: string): string {
    const t = this.text.translation;
    const py = numberSlot(personalYear);
    if (py < 0 || t.personalYear[personalYear as keyof typeof t.personalYear] !== theme) return t.personalYearLine(personalYear, theme);
    return (this.personalYearLineCache[py] ??= t.personalYearLine(personalYear, theme));
  }

  /** The life path x personal year paragraph; cached when its message is the plain table entry. */
  lifePathYearBridge(lifePath: number, title: string, personalYear: number, theme: string, message: string): string {
    const t = this.text.translation;
    const lp = numberSlot(lifePath);
    const py = numberSlot(personalYear);
    const plain =
      lp >= 0 && lp < 9 && py >= 0 && py < 9 && LIFE_PATH_MEANINGS[lifePath]?.[0] === title &&
      this.text.combiner.lifePathYear[(lp + 1) as 1]?.[py] === message;
    if (!plain) return t.lifePathYearBridge(lifePath, title, personalYear, theme, message);
    return (this.bridgeLine[lp * 12 + py] ??= t.lifePathYearBridge(lifePath, title, personalYear, theme, message));
  }

  foundation(motherNumber: number, lifePath: number): string {
    const m = numberSlot(motherNumber);
    const lp = numberSlot(lifePath);
    if (m < 0 || lp < 0) return this.writeFoundation(motherNumber, lifePath);
    return (this.foundationLine[m * 12 + lp] ??= this.writeFoundation(motherNumber, lifePath));
  }

  private writeFoundation(motherNumber: number, lifePath: number): string {
    const t = this.text.translation;
    return motherNumber === lifePath ? t.foundationMatching(motherNumber) : t.foundationDiffering(motherNumber, lifePath);
  }

  rightNowPlanetMoon(planet: string, theme: string, message: string): string {
    const t = this.text.translation;
    // Cached only for the table's own message of that planet and theme.
    const p = PHASE_OF_THEME.get(theme);
    const w = PLANETS.indexOf(planet);
    if (p === undefined || w < 0 || PLANET_MOON_THEMES[planet as Planet][p] !== theme) return t.rightNowPlanetMoon(planet, theme, message);
    if (this.text.combiner.planetMoon[planet as Planet][PHASE_NAMES[p] as MoonPhase] !== message) return t.rightNowPlanetMoon(planet, theme, message);
    return (this.planetMoonLine[w * 8 + p] ??= t.rightNowPlanetMoon(planet, theme, message));
  }

  cautionShadow(element: ElementName, info: ElementText): string {
    const e = ELEMENT_INDEX.get(element)!;
    const t = this.text;
    if (t.reading.elements[element] !== info) return t.translation.cautionShadow(element, info);
    return (this.shadowLine[e] ??= t.translation.cautionShadow(element, info));
  }

  /** A repeated animal in the patterns section; `positionMask` has bits month 1, day 2, hour 4, minute 8. */
  patternAnimal(rep: AnimalRepetition, positionMask: number): string {
    const k = this.repetitionKey(rep);
    const t = this.text.translation;
    if (k < 0 || rep.priority !== (rep.count >= 3 ? "Very High" : "High")) return t.patternAnimal(rep, this.positionLabels(positionMask));
    return (this.patternAnimalLine[k * 16 + positionMask] ??= t.patternAnimal(rep, this.positionLabels(positionMask)));
  }

  /** The labels of the positions in a mask (month 1, day 2, hour 4, minute 8), in that order. */
  positionLabels(mask: number): string[] {
    const labels = this.text.translation.positions;
    const out: string[] = [];
    if (mask & 1) out.push(labels.month);
    if (mask & 2) out.push(labels.day);
    if (mask & 4) out.push(labels.hour);
    if (mask & 8) out.push(labels.minute);
    return out;
  }

  /** Item `index` (0-2) of the advice list. */
  adviceItem(index: number, label: string, line: string): string {
    const t = this.text.translation;
    const map = this.adviceLine[index];
    if (map === undefined || t.adviceLabels[index] !== label) return t.adviceItem(index + 1, label, line);
    return map.get(line) ?? remember(map, line, t.adviceItem(index + 1, label, line));
  }

  /**
   * The footer, keyed by score and by which sources and gaps it lists (bit masks over the
   * locale's fixed source and gap names).
   */
  footer(confidence: number, sourceMask: number, missingMask: number): string {
    if (!(Number.isInteger(confidence) && confidence >= 0 && confidence <= 100)) return this.writeFooter(confidence, sourceMask, missingMask);
    const key = (confidence * 128 + sourceMask) * 16 + missingMask;
    return this.footerLine.get(key) ?? remember(this.footerLine, key, this.writeFooter(confidence, sourceMask, missingMask));
  }

  private writeFooter(confidence: number, sourceMask: number, missingMask: number): string {
    const t = this.text.translation;
    const sources = [t.sources.stamp, t.sources.weekday];
    for (let i = 0; i < FOOTER_SOURCES.length; i++) if (sourceMask & (1 << i)) sources.push(t.sources[FOOTER_SOURCES[i]!]);
    const missing: string[] = [];
    for (let i = 0; i < FOOTER_GAPS.length; i++) if (missingMask & (1 << i)) missing.push(t.missing[FOOTER_GAPS[i]!]);
    return t.footer(confidence, sources, missing);
  }
}

const CACHES = new WeakMap<EngineText, ProseCache>();

export function proseCacheFor(text: EngineText): ProseCache {
  let cache = CACHES.get(text);
  if (cache === undefined) {
    cache = new ProseCache(text);
    CACHES.set(text, cache);
  }
  return cache;
}
