/**
 * The name reading: the numbers of any name in the chosen system, letter by letter, inside the
 * full reading of whoever asked (or, without a profile, the reading of the moment alone).
 */
import { detectScript, expressionNumber, letterBreakdown, personalityNumber, soulUrge } from "../engine";
import { nameRead, readingOf } from "./engine-call";
import { momentReading } from "./moment-reading";
import type { LetterValue, NameReadingRequest, NameReadingResult, NumerologySystem, Script } from "./types";

/** The element a letter's value falls on, cycling Fire, Earth, Metal, Water, Wood from 1. */
const VALUE_ELEMENTS = ["Fire", "Earth", "Metal", "Water", "Wood"] as const;

export function elementOfValue(value: number): string {
  return value > 0 ? VALUE_ELEMENTS[(value - 1) % 5]! : "";
}

/** The counted letters of a text with their values and elements. */
export function lettersOf(text: string, system: NumerologySystem): LetterValue[] {
  return letterBreakdown(text, system).map(({ letter, value }) => ({ letter, value, element: elementOfValue(value) }));
}

export function scriptOf(text: string): Script {
  return detectScript(text);
}

export type NameNumbers = Omit<NameReadingResult, "interpretation">;

export function computeNameReading(req: NameReadingRequest): NameNumbers {
  const { system, ...name_read } = nameRead(req.name, req.numerology_system ?? "auto", "name");
  const counted = name_read.counted;
  const own = {
    name: req.name,
    detected_script: scriptOf(req.name),
    name_read,
    numerology_system: system,
    letters: lettersOf(counted, system),
  };
  if (!req.profile) {
    // No one's birth date: the name's own numbers, and the moment, with nothing invented.
    const numbers = { expression: expressionNumber(counted, system), soul_urge: soulUrge(counted, system), personality: personalityNumber(counted, system) };
    return { ...own, ...numbers, life_path: null, reading: momentReading({ at: req.at, name: { text: req.name, ...numbers }, system, locale: req.locale }) };
  }
  const reading = readingOf({ profile: req.profile, at: req.at, locale: req.locale, counted: { name: req.name, system } });
  const { numerology } = reading;
  return { ...own, expression: numerology.expression, soul_urge: numerology.soul_urge, personality: numerology.personality, life_path: numerology.life_path.number, reading };
}
