/**
 * Everything the engine says in words, for one language. The synthesis code decides WHAT is said
 * (which signals, which numbers, which order); a locale decides HOW. Tables are keyed by the data
 * labels (planet names, phase names, animal tokens, numbers) so a new language is one new folder.
 *
 * One rule binds every locale: signal messages (the `signals` group) may name an element (Wood,
 * Fire, Earth, Metal, Water) only where the template receives it as `elementName`, because the
 * combiner finds tensions by scanning signal messages for element names.
 */
import type {
  AnimalRepetition,
  GanzhiYearInfo,
  HeartbeatProfile,
  LocationSignature,
  MoonInfo,
  TimeContext,
} from "../result-types";
import type { ElementName, MoonPhase, Planet } from "../synthesis/symbol-tables";

export type { ElementName };

/** Numbers that have their own paragraph: 1-9 and the master numbers. */
export type CoreNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 11 | 22 | 33;
export type NumberTable = Readonly<Record<CoreNumber, string>>;

export interface ElementText {
  /** What the element brings, as a noun phrase that can follow "speaks of". */
  meaning: string;
  /** Its shadow, as a noun phrase. */
  shadow: string;
  /** One practical counter-move for the shadow, a full sentence. */
  counter: string;
}

export interface SignalText {
  animalRepetition(rep: AnimalRepetition): string;
  dayPlanet(planet: string, domain: string): string;
  moonPhase(moon: MoonInfo): string;
  domAnimalElement(animalName: string, elementName: string, element: ElementText): string;
  hourAnimal(animalName: string, trait: string): string;
}

export interface CombinerText {
  /** Message for each planet under each moon phase. */
  planetMoon: Readonly<Record<Planet, Readonly<Record<MoonPhase, string>>>>;
  planetMoonFallback(planet: string, phase: string): string;
  /** Message for life path L in personal year Y: lifePathYear[L][Y - 1], L and Y from 1 to 9. */
  lifePathYear: Readonly<Record<1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9, readonly string[]>>;
  /** Appended when a master life path was read through its root. */
  masterPathNote(master: number): string;
  /** Appended when a master personal year was read through its root. */
  masterYearNote(master: number): string;
  lifePathYearFallback(lifePath: number, personalYear: number): string;
  /** Meaning of a named pair, keyed "A-B" with the tokens in the order of ANIMAL_PAIRS. */
  pairs: Readonly<Record<string, string>>;
  /** Meaning of an animal meeting itself, by token. */
  resonance: Readonly<Record<string, string>>;
  neutralDefault: string;
  /** Element tension, keyed "Fire-Water" / "Wood-Metal". */
  elementClash: Readonly<Record<string, string>>;
  /**
   * The one-line insight (planet_moon_insight, lifepath_year_insight) from a theme and its
   * message. Themes are data labels, kept in English; a locale without words for them leaves them out.
   */
  themedInsight(theme: string, message: string): string;
  actions: {
    fromRepetition: string;
    fromPlanet(firstSentence: string): string;
    fromMoon: string;
    fromOther: string;
    fromLifePath(lifePathMessage: string, personalYear: number): string;
    fromBestFor(bestFor: string): string;
    defaults: readonly [string, string, string];
  };
}

export interface ReadingText {
  signals: SignalText;
  elements: Readonly<Record<ElementName, ElementText>>;
  /** By day-of-month token, e.g. "OXWA". */
  animalElement: Readonly<Record<string, string>>;
  /** The day token's description as it appears in a reading, naming its animal and element. */
  animalElementLine(animalName: string, elementName: string, description: string): string;
  paradox: string;
  opening(planet: string, weekdayName: string, time: TimeContext): string;
  coreSignal(rep: AnimalRepetition): string;
  dayEnergy(animalName: string, elementName: string, element: ElementText): string;
  personalOverlay(lifePath: number | string, title: string, message: string, personalYear: number): string;
  heartbeatContext(heartbeat: HeartbeatProfile): string;
  locationContext(location: LocationSignature): string;
  yearContext(year: GanzhiYearInfo): string;
  closing: string;
}

export interface TranslationText {
  header(name: string, date: string, confidence: number): string;
  universalAddress(fc60: string, j60: string, y60: string): string;
  lifePath: NumberTable;
  expression: NumberTable;
  soulUrge: NumberTable;
  personality: NumberTable;
  personalYear: NumberTable;
  lifePathHeading(lifePath: number, title: string): string;
  expressionFallback(n: number): string;
  soulUrgeFallback(n: number): string;
  personalityFallback(n: number): string;
  personalYearLine(personalYear: number, theme: string): string;
  lifePathYearBridge(lifePath: number, title: string, personalYear: number, theme: string, message: string): string;
  foundationMatching(motherNumber: number): string;
  foundationDiffering(motherNumber: number, lifePath: number): string;
  rightNowPlanet(planet: string, domain: string): string;
  rightNowHour(hourMessage: string): string;
  rightNowPlanetMoon(planet: string, theme: string, message: string): string;
  patternsIntro: string;
  /** Where in the stamp an animal sits: labels for month, day, hour and minute. */
  positions: { month: string; day: string; hour: string; minute: string };
  patternAnimal(rep: AnimalRepetition, positions: readonly string[]): string;
  patternHarmony(first: AnimalRepetition, second: AnimalRepetition, type: string, meaning: string): string;
  patternNumber(n: number, count: number): string;
  patternsNone: string;
  messageIntro: string;
  messageFallback: string;
  adviceLabels: readonly [string, string, string];
  adviceItem(index: number, label: string, text: string): string;
  adviceDefaults: readonly [string, string, string];
  cautionIntro: string;
  cautionShadow(elementName: string, element: ElementText): string;
  cautionTension(tension: string): string;
  footer(confidence: number, sources: readonly string[], missing: readonly string[]): string;
  sources: {
    stamp: string;
    weekday: string;
    numerology: string;
    moon: string;
    ganzhi: string;
    heartbeat: string;
    location: string;
  };
  missing: { location: string; mother: string; heartbeat: string; time: string };
  headings: {
    universalAddress: string;
    coreIdentity: string;
    foundation: string;
    rightNow: string;
    patterns: string;
    message: string;
    advice: string;
    caution: string;
  };
  divider: string;
}

export interface PatternText {
  numberRepetition(n: number, count: number): string;
  masterNumber(lifePath: number): string;
  animalRepetition(animalName: string, count: number, trait: string): string;
  confidenceFactors(sources: number): string;
}

export interface TokenText {
  describe(token: string, value: number, animalName: string, elementName: string): string;
}

export interface EngineText {
  combiner: CombinerText;
  reading: ReadingText;
  translation: TranslationText;
  patterns: PatternText;
  token: TokenText;
}
