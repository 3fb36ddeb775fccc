/**
 * Fixed labels of the synthesis tier: animal traits, element names, time-of-day bands, priority
 * ranks. These are data (they appear in structured results and are compared exactly), not prose.
 */

export interface AnimalTrait {
  name: string;
  trait: string;
  action: string;
}

/** The twelve branch animals by their two-letter token, in branch order (Rat first). */
export const ANIMAL_TRAITS: Readonly<Record<string, AnimalTrait>> = {
  RA: { name: "Rat", trait: "Resourcefulness and sharp perception", action: "Trust your instincts and act quickly" },
  OX: { name: "Ox", trait: "Patience and steady endurance", action: "Stay the course — persistence is your power" },
  TI: { name: "Tiger", trait: "Courage and bold leadership", action: "Take charge of the situation with confidence" },
  RU: { name: "Rabbit", trait: "Intuition and gentle diplomacy", action: "Listen to your inner voice before acting" },
  DR: { name: "Dragon", trait: "Transformation and destiny", action: "Embrace the change that's calling you" },
  SN: { name: "Snake", trait: "Wisdom and precision", action: "Look deeper — the answer is in the details" },
  HO: { name: "Horse", trait: "Freedom and passionate movement", action: "Move forward with energy and independence" },
  GO: { name: "Goat", trait: "Creativity and artistic vision", action: "Express yourself through creative channels" },
  MO: { name: "Monkey", trait: "Adaptability and cleverness", action: "Find the creative solution others have missed" },
  RO: { name: "Rooster", trait: "Truth and confident discipline", action: "Speak your truth clearly and without hesitation" },
  DO: { name: "Dog", trait: "Loyalty and honest protection", action: "Stand guard over what matters most to you" },
  PI: { name: "Pig", trait: "Abundance and generous completion", action: "Share freely — there is more than enough" },
};

export type ElementName = "Wood" | "Fire" | "Earth" | "Metal" | "Water";

/** Time-of-day bands: the first band whose end hour exceeds the hour applies. */
export const TIME_BANDS: ReadonlyArray<{ endHour: number; context: string; energy: string }> = [
  { endHour: 5, context: "The hour of silence", energy: "Deep night — subconscious surfaces" },
  { endHour: 8, context: "The early hours", energy: "Raw potential, day not yet shaped" },
  { endHour: 12, context: "Morning engine", energy: "Clarity peaks, resistance lowest" },
  { endHour: 15, context: "Midday checkpoint", energy: "Momentum building or fading" },
  { endHour: 18, context: "Afternoon shift", energy: "Results arriving, time to adjust" },
  { endHour: 21, context: "Evening transition", energy: "Processing begins" },
  { endHour: 24, context: "Night hours", energy: "Masks off, real questions surface" },
];

/** Signal priorities from loudest to quietest. */
export const PRIORITY_RANK: Readonly<Record<string, number>> = {
  "Very High": 6,
  High: 5,
  Medium: 4,
  "Low-Medium": 3,
  Low: 2,
  Background: 1,
};

/** Weekday planet names (core/weekday-calculator PLANETS), as a type for tables keyed by them. */
export type Planet = "Sun" | "Moon" | "Mars" | "Mercury" | "Jupiter" | "Venus" | "Saturn";

/** Moon phase names (universal/moon-engine PHASE_NAMES), as a type for tables keyed by them. */
export type MoonPhase =
  | "New Moon"
  | "Waxing Crescent"
  | "First Quarter"
  | "Waxing Gibbous"
  | "Full Moon"
  | "Waning Gibbous"
  | "Last Quarter"
  | "Waning Crescent";
