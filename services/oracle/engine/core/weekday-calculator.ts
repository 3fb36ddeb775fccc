/** Weekday of a JDN (0 = Sunday) with its FC60 token, ruling planet and domain. */
import type { WeekdayInfo } from "../result-types";
import { pyMod } from "./py-math";

export const WEEKDAY_TOKENS: readonly string[] = ["SO", "LU", "MA", "ME", "JO", "VE", "SA"];
export const WEEKDAY_NAMES: readonly string[] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
export const PLANETS: readonly string[] = ["Sun", "Moon", "Mars", "Mercury", "Jupiter", "Venus", "Saturn"];
export const DOMAINS: readonly string[] = [
  "Identity, vitality, core self",
  "Emotions, intuition, inner world",
  "Drive, action, courage",
  "Communication, thought, connection",
  "Expansion, wisdom, abundance",
  "Love, values, beauty",
  "Discipline, lessons, mastery",
];

export function weekdayFromJdn(jdn: number): number {
  return pyMod(jdn + 1, 7);
}

export function weekdayToken(jdn: number): string {
  return WEEKDAY_TOKENS[weekdayFromJdn(jdn)]!;
}

export function weekdayName(jdn: number): string {
  return WEEKDAY_NAMES[weekdayFromJdn(jdn)]!;
}

export function planetName(jdn: number): string {
  return PLANETS[weekdayFromJdn(jdn)]!;
}

export function symbolicDomain(jdn: number): string {
  return DOMAINS[weekdayFromJdn(jdn)]!;
}

export function fullInfo(jdn: number): WeekdayInfo {
  const idx = weekdayFromJdn(jdn);
  return { index: idx, token: WEEKDAY_TOKENS[idx]!, name: WEEKDAY_NAMES[idx]!, planet: PLANETS[idx]!, domain: DOMAINS[idx]! };
}
