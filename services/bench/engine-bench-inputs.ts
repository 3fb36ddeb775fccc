/**
 * The inputs of the engine throughput comparison: call i of a benchmark uses set i mod k, the same
 * sets the reference figures were measured on. Keys are the engine's parameter names.
 */
import type { NaiveDateTime } from "../oracle/engine/result-types";

export interface FullReadingSet {
  full_name: string;
  birth_day: number;
  birth_month: number;
  birth_year: number;
  current_date: NaiveDateTime;
  mother_name: string;
  gender: string;
  latitude: number;
  longitude: number;
  actual_bpm: number;
  current_hour: number;
  current_minute: number;
  current_second: number;
  tz_hours: number;
  tz_minutes: number;
  numerology_system: string;
}

const day = (year: number, month: number, d: number): NaiveDateTime => ({ year, month, day: d, hour: 0, minute: 0, second: 0 });

export const ORCHESTRATOR_FULL_SETS: readonly FullReadingSet[] = [
  {
    full_name: "Alice Johnson", birth_day: 15, birth_month: 7, birth_year: 1990, current_date: day(2026, 2, 9),
    mother_name: "Barbara Johnson", gender: "female", latitude: 40.7, longitude: -74.0, actual_bpm: 68,
    current_hour: 14, current_minute: 30, current_second: 0, tz_hours: -5, tz_minutes: 0, numerology_system: "pythagorean",
  },
  {
    full_name: "José García-Márquez", birth_day: 29, birth_month: 2, birth_year: 1996, current_date: day(2025, 12, 31),
    mother_name: "María José Pérez", gender: "male", latitude: -23.5, longitude: -46.6, actual_bpm: 72,
    current_hour: 23, current_minute: 59, current_second: 59, tz_hours: -3, tz_minutes: 0, numerology_system: "chaldean",
  },
  {
    full_name: "علی رضایی", birth_day: 21, birth_month: 3, birth_year: 1985, current_date: day(2026, 3, 21),
    mother_name: "زهرا کریمی", gender: "male", latitude: 35.6892, longitude: 51.389, actual_bpm: 64,
    current_hour: 0, current_minute: 0, current_second: 0, tz_hours: 3, tz_minutes: 30, numerology_system: "abjad",
  },
  {
    full_name: "Mary-Jane O'Connor", birth_day: 31, birth_month: 12, birth_year: 1899, current_date: day(1969, 12, 31),
    mother_name: "Ann O'Neil", gender: "female", latitude: 90.0, longitude: 180.0, actual_bpm: 80,
    current_hour: 12, current_minute: 1, current_second: 2, tz_hours: 12, tz_minutes: 0, numerology_system: "pythagorean",
  },
];

/** [year, month, day, hour, minute, second, tz_hours, tz_minutes]. */
export const FC60_STAMP_SETS: ReadonlyArray<readonly [number, number, number, number, number, number, number, number]> = [
  [2026, 2, 6, 1, 15, 0, 8, 0],
  [2000, 1, 1, 0, 0, 0, 0, 0],
  [2025, 12, 31, 23, 59, 59, -5, 0],
  [1800, 1, 1, 12, 30, 30, 5, 30],
  [2200, 12, 31, 23, 0, 0, 14, 0],
  [1969, 12, 31, 6, 7, 8, -3, -30],
  [2024, 2, 29, 12, 0, 0, 0, 0],
  [2100, 3, 1, 11, 59, 59, -12, 0],
];

export const NAME_SETS: readonly string[] = [
  "Alice Johnson",
  "John Smith",
  "François-Xavier Dupont",
  "Renée O'Connor",
  "MARY ELIZABETH MONTGOMERY-SMYTHE",
  "Johann Strauß",
  "Nguyễn Văn An",
  "Yvonne Lyly",
];

/** Charts: Latin names beside the other scripts a chart reads (through any-ascii, pinyin-pro, abjad). */
export const CHART_SETS: readonly { fullName: string; birth: { year: number; month: number; day: number } }[] = [
  { fullName: "Alice Johnson", birth: { year: 1990, month: 7, day: 15 } },
  { fullName: "Mary Ann Lee", birth: { year: 1985, month: 11, day: 29 } },
  { fullName: "François-Xavier Dupont", birth: { year: 1972, month: 2, day: 29 } },
  { fullName: "Johann Strauß", birth: { year: 1825, month: 10, day: 25 } },
  { fullName: "Иван Петров", birth: { year: 1988, month: 3, day: 2 } },
  { fullName: "علی رضایی", birth: { year: 1985, month: 3, day: 21 } },
  { fullName: "张伟", birth: { year: 2001, month: 9, day: 9 } },
  { fullName: "Nguyễn Văn An", birth: { year: 1999, month: 12, day: 31 } },
];

/**
 * More distinct names and birth dates than the chart keeps worked out (4,096 of each), so every
 * call of the "cold" chart benchmark computes the chart from nothing: each set's birth date is a
 * day of its own (10,000 consecutive days from 1940-01-01), as each name is a name of its own.
 */
/** The calendar date n days after 1940-01-01. */
function dayAfter1940(n: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(1940, 0, 1 + n));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export const CHART_COLD_SETS: readonly { fullName: string; birth: { year: number; month: number; day: number } }[] = (() => {
  const first = ["Ali", "Mary", "Jon", "Eva", "Sam", "Lea", "Omar", "Ines", "Kai", "Zoe", "Ivan", "Nora", "Paul", "Rita", "Tom", "Yara"];
  const syllables = ["ber", "kon", "sta", "mil", "dor", "vex", "lun", "pra", "sio", "tem", "rak", "ful", "gin", "hop", "jas", "quo"];
  const out: { fullName: string; birth: { year: number; month: number; day: number } }[] = [];
  for (let i = 0; i < 10_000; i++) {
    const last = syllables[i % 16]! + syllables[Math.floor(i / 16) % 16]! + syllables[Math.floor(i / 256) % 16]!;
    out.push({ fullName: `${first[Math.floor(i / 4096) % 16]!} ${last.charAt(0).toUpperCase()}${last.slice(1)}`, birth: dayAfter1940(i) });
  }
  return out;
})();
