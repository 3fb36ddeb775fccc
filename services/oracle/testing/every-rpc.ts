/** Requests of every reading type, with and without their optional parts. */
import type { MethodKey, RequestOf } from "../grpc/methods";
import { ALI, ALICE, AT, DAY_ONLY, JAMES, MARY } from "./fixtures";

export const EVERY_RPC: { [K in MethodKey]: RequestOf<K>[] } = {
  time: [
    { profile: ALICE, at: AT },
    { profile: JAMES, at: DAY_ONLY },
    { profile: ALI, at: { year: 2026, month: 3, day: 21, hour: 0, minute: 0, second: 0 } },
    { profile: MARY, at: { year: 1969, month: 12, day: 31, hour: 12, minute: 1, second: 2 }, include_ai: true, locale: "fa" },
  ],
  daily: [
    { profile: ALICE, date: { year: 2026, month: 2, day: 9 } },
    { profile: ALI, date: { year: 2024, month: 2, day: 29 }, locale: "fa" },
  ],
  name: [
    { name: "Zoë Saldaña", at: AT },
    { name: "زهرا کریمی", numerology_system: "abjad", profile: ALICE, at: DAY_ONLY },
  ],
  question: [
    { question: "Will my new job bring money?", at: AT },
    { question: "آیا ازدواج خواهم کرد؟", category: "family", profile: JAMES, numerology_system: "auto", at: DAY_ONLY },
  ],
  multi: [
    { profiles: [ALICE, JAMES], at: AT },
    { profiles: [ALICE, JAMES, MARY, ALI], at: DAY_ONLY, include_ai: true, locale: "fa" },
  ],
  timing: [{ at: AT }, { at: DAY_ONLY, best_hours: 24, locale: "fa" }],
  stamp: [{ stamp: "VE-OX-OXFI ☀OX-RUWU-RAWU" }, { stamp: "LU-OX-OXWA" }, { stamp: "XX-OX-OXFI" }],
  chart: [
    { name: "Alice Johnson", birth_date: { year: 1990, month: 7, day: 15 }, at: { year: 2026, month: 2, day: 9 } },
    { name: "علی رضایی", birth_date: { year: 1985, month: 11, day: 29 }, numerology_system: "auto", at: { year: 2026, month: 2, day: 9 }, locale: "fa" },
    { name: "张伟", birth_date: { year: 2001, month: 9, day: 9 }, numerology_system: "chaldean", at: { year: 2026, month: 2, day: 9 } },
    // No vowel in the first name, and a master number kept.
    { name: "Brynn Wyld", birth_date: { year: 1979, month: 11, day: 29 }, at: { year: 2026, month: 2, day: 9 } },
  ],
  chartCompatibility: [
    { a: { name: "Alice Johnson", birth_date: { year: 1990, month: 7, day: 15 } }, b: { name: "Иван Петров", birth_date: { year: 1988, month: 3, day: 2 } }, at: { year: 2026, month: 2, day: 9 } },
  ],
};
