/**
 * The name reading: the numbers of any name in the chosen system, letter by letter, inside the
 * full reading of whoever asked (or of an anonymous profile).
 */
import { detectScript, letterBreakdown, resolveSystem } from "../engine";
import { anonymousProfile, readingOf } from "./engine-call";
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
  const system = resolveSystem(req.numerology_system ?? "auto", req.name);
  const profile = req.profile ?? anonymousProfile(req.at, req.name);
  const reading = readingOf({ profile, at: req.at, locale: req.locale, counted: { name: req.name, system } });
  const { numerology } = reading;
  return {
    name: req.name,
    detected_script: scriptOf(req.name),
    numerology_system: system,
    expression: numerology.expression,
    soul_urge: numerology.soul_urge,
    personality: numerology.personality,
    life_path: numerology.life_path.number,
    letters: lettersOf(req.name, system),
    reading,
  };
}
