/** One valid request of every kind, and bad values for every field with the field the error must name. */
import type { validate } from "../readings/validation";
import { ALICE, AT, DAY_ONLY, JAMES } from "./fixtures";

export type Kind = keyof typeof validate;

/** A copy of `base` with the value at `path` replaced (or removed, for undefined). */
export function withValue(base: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

export const VALID: Record<Kind, unknown> = {
  time: { profile: ALICE, at: AT, include_ai: true, inquiry_context: { mood: "calm" }, locale: "fa" },
  daily: { profile: ALICE, date: { year: 2026, month: 2, day: 9 } },
  name: { name: "Zoë Saldaña", numerology_system: "auto", profile: JAMES, at: AT },
  question: { question: "Will I find love?", numerology_system: "auto", category: "love", at: AT },
  multi: { profiles: [ALICE, JAMES], at: DAY_ONLY },
  timing: { at: AT, best_hours: 3 },
  stamp: { stamp: "VE-OX-OXFI ☀OX-RUWU-RAWU" },
  chart: { name: "Иван Петров", birth_date: { year: 1990, month: 7, day: 15 }, numerology_system: "auto", at: { year: 2026, month: 2, day: 9 }, locale: "fa" },
  chartCompatibility: {
    a: { name: "Alice Johnson", birth_date: { year: 1990, month: 7, day: 15 } },
    b: { name: "张伟", birth_date: { year: 1988, month: 3, day: 2 }, numerology_system: "pythagorean" },
    at: { year: 2026, month: 2, day: 9 },
  },
};

/** [request kind, path, bad value, the field the error must name]. */
export const BAD_FIELDS: [Kind, (string | number)[], unknown, string][] = [
  ["time", ["profile"], undefined, "profile"],
  ["time", ["profile"], "Alice", "profile"],
  ["time", ["profile", "name"], undefined, "profile.name"],
  ["time", ["profile", "name"], "   ", "profile.name"],
  ["time", ["profile", "name"], "x".repeat(201), "profile.name"],
  ["time", ["profile", "name"], 42, "profile.name"],
  ["time", ["profile", "name_persian"], "ی".repeat(201), "profile.name_persian"],
  ["time", ["profile", "birth_date"], undefined, "profile.birth_date"],
  ["time", ["profile", "birth_date", "year"], 0, "profile.birth_date.year"],
  ["time", ["profile", "birth_date", "year"], 1990.5, "profile.birth_date.year"],
  ["time", ["profile", "birth_date", "month"], 13, "profile.birth_date.month"],
  ["time", ["profile", "birth_date", "day"], 0, "profile.birth_date.day"],
  ["time", ["profile", "birth_date"], { year: 2001, month: 2, day: 29 }, "profile.birth_date"],
  ["time", ["profile", "birth_date"], { year: 2027, month: 1, day: 1 }, "profile.birth_date"],
  ["time", ["profile", "mother_name"], ["Barbara"], "profile.mother_name"],
  ["time", ["profile", "gender"], "robot", "profile.gender"],
  ["time", ["profile", "latitude"], 91, "profile.latitude"],
  ["time", ["profile", "latitude"], "40.7", "profile.latitude"],
  ["time", ["profile", "latitude"], Number.NaN, "profile.latitude"],
  ["time", ["profile", "longitude"], -180.5, "profile.longitude"],
  ["time", ["profile", "longitude"], null, "profile.longitude"],
  ["time", ["profile", "heart_rate_bpm"], 29, "profile.heart_rate_bpm"],
  ["time", ["profile", "heart_rate_bpm"], 221, "profile.heart_rate_bpm"],
  ["time", ["profile", "timezone_offset_minutes"], 900, "profile.timezone_offset_minutes"],
  ["time", ["profile", "timezone_offset_minutes"], -721, "profile.timezone_offset_minutes"],
  ["time", ["profile", "timezone_offset_minutes"], 30.5, "profile.timezone_offset_minutes"],
  ["time", ["profile", "numerology_system"], "kabbalah", "profile.numerology_system"],
  ["time", ["at"], undefined, "at"],
  ["time", ["at", "year"], 10_000, "at.year"],
  ["time", ["at", "month"], 0, "at.month"],
  ["time", ["at", "day"], 32, "at.day"],
  ["time", ["at"], { year: 2026, month: 4, day: 31 }, "at"],
  ["time", ["at", "hour"], 24, "at.hour"],
  ["time", ["at", "minute"], -1, "at.minute"],
  ["time", ["at", "second"], 60, "at.second"],
  ["time", ["include_ai"], "yes", "include_ai"],
  ["time", ["inquiry_context"], { mood: 3 }, "inquiry_context.mood"],
  ["time", ["inquiry_context"], Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, "v"])), "inquiry_context"],
  ["time", ["inquiry_context"], { mood: "x".repeat(501) }, "inquiry_context.mood"],
  ["time", ["locale"], "de", "locale"],
  ["timing", ["locale"], 7, "locale"],
  ["daily", ["date"], undefined, "date"],
  ["daily", ["date", "month"], 13, "date.month"],
  ["daily", ["date"], { year: 1980, month: 1, day: 1 }, "profile.birth_date"],
  ["name", ["name"], "", "name"],
  ["name", ["name"], "n".repeat(201), "name"],
  ["name", ["numerology_system"], "latin", "numerology_system"],
  ["name", ["profile", "birth_date", "day"], 40, "profile.birth_date.day"],
  ["name", ["at"], undefined, "at"],
  ["question", ["question"], undefined, "question"],
  ["question", ["question"], "?".repeat(501), "question"],
  ["question", ["category"], "weather", "category"],
  ["question", ["numerology_system"], 3, "numerology_system"],
  ["question", ["at", "hour"], 25, "at.hour"],
  ["multi", ["profiles"], undefined, "profiles"],
  ["multi", ["profiles"], [ALICE], "profiles"],
  ["multi", ["profiles"], [ALICE, JAMES, ALICE, JAMES, ALICE, JAMES], "profiles"],
  ["multi", ["profiles", 1, "birth_date", "month"], 0, "profiles[1].birth_date.month"],
  ["multi", ["profiles", 1, "latitude"], 12, "profiles[1].longitude"],
  ["multi", ["profiles", 0, "birth_date"], { year: 2030, month: 1, day: 1 }, "profiles[0].birth_date"],
  ["timing", ["at"], undefined, "at"],
  ["timing", ["best_hours"], 25, "best_hours"],
  ["timing", ["best_hours"], -1, "best_hours"],
  ["stamp", ["stamp"], undefined, "stamp"],
  ["stamp", ["stamp"], " ", "stamp"],
  ["stamp", ["stamp"], "X".repeat(101), "stamp"],
  ["chart", ["name"], undefined, "name"],
  ["chart", ["name"], " ", "name"],
  ["chart", ["birth_date", "month"], 13, "birth_date.month"],
  ["chart", ["birth_date"], { year: 2027, month: 1, day: 1 }, "birth_date"],
  ["chart", ["numerology_system"], "tarot", "numerology_system"],
  ["chart", ["at"], undefined, "at"],
  ["chart", ["locale"], "de", "locale"],
  ["chartCompatibility", ["a"], undefined, "a"],
  ["chartCompatibility", ["b", "name"], 7, "b.name"],
  ["chartCompatibility", ["b", "birth_date", "day"], 0, "b.birth_date.day"],
  ["chartCompatibility", ["a", "birth_date"], { year: 2030, month: 1, day: 1 }, "a.birth_date"],
];
