/**
 * Small, pure calculations behind the pictures: the moon's age on a date (mean synodic month from
 * the new moon of 2000-01-06), the personal year of any calendar year, and the element count of a
 * reading's signals. The readings carry their own figures for the moment; these fill in the rest.
 */

import { ELEMENTS, type ElementName } from "../api/types";

export const SYNODIC_MONTH = 29.530588853;
const NEW_MOON_JD = 2451550.1;

/** Days since the last new moon at noon UTC of an ISO date, 0 to 29.53. */
export function moonAge(isoDate: string): number {
  const jd = Date.parse(`${isoDate.slice(0, 10)}T12:00:00Z`) / 86_400_000 + 2440587.5;
  const age = (jd - NEW_MOON_JD) % SYNODIC_MONTH;
  return age < 0 ? age + SYNODIC_MONTH : age;
}

/** Lit share of the disc, 0 to 100, for a moon age in days. */
export function illumination(age: number): number {
  return Math.round(((1 - Math.cos((2 * Math.PI * age) / SYNODIC_MONTH)) / 2) * 1000) / 10;
}

function digitSum(n: number): number {
  return String(Math.abs(n)).split("").reduce((s, d) => s + Number(d), 0);
}

/** Reduces to 1-9, keeping 11, 22 and 33. */
export function reduce(n: number, keepMasters = true): number {
  let x = n;
  while (x > 9 && !(keepMasters && (x === 11 || x === 22 || x === 33))) x = digitSum(x);
  return x;
}

/** The personal year of `year` for a birth date: month + day + year, reduced to 1-9. */
export function personalYear(birthIso: string, year: number): number {
  const month = Number(birthIso.slice(5, 7));
  const day = Number(birthIso.slice(8, 10));
  return reduce(reduce(month, false) + reduce(day, false) + reduce(year, false), false);
}

const ELEMENT_KEYS = new Set(["element", "element_name", "element_of_day", "dominant_element"]);

/** How often each of the five elements appears among a result's signals (keys named element...). */
export function elementCounts(result: unknown): Record<ElementName, number> {
  const counts = Object.fromEntries(ELEMENTS.map((e) => [e, 0])) as Record<ElementName, number>;
  const walk = (v: unknown, key?: string) => {
    if (typeof v === "string") {
      if (key && ELEMENT_KEYS.has(key) && (ELEMENTS as readonly string[]).includes(v)) counts[v as ElementName] += 1;
      return;
    }
    if (Array.isArray(v)) v.forEach((x) => walk(x));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(result);
  return counts;
}
