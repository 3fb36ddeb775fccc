import { expect } from "chai";
import { computeChart } from "./chart";
import type { Chart, ChartInput } from "./chart-types";

/** The numbers a chart works out for its own date: made per call, never shared. */
const PER_CALL: ReadonlySet<keyof Chart> = new Set<keyof Chart>(["maturity", "rational_thought", "karmic_debts", "personal_year", "personal_month", "personal_day"]);

/** Paths of every object or array under `value` that is not frozen. */
function unfrozen(value: unknown, path: string, out: string[] = []): string[] {
  if (typeof value !== "object" || value === null) return out;
  if (!Object.isFrozen(value)) out.push(path);
  for (const [k, v] of Object.entries(value)) unfrozen(v, `${path}.${k}`, out);
  return out;
}

/** The shared parts of a chart (all but the per-call numbers) that anyone could change. */
function changeable(c: Chart): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(c)) if (!PER_CALL.has(k as keyof Chart)) unfrozen(v, k, out);
  return out;
}

const AT = { year: 2026, month: 2, day: 9 };

describe("the complete chart: shared parts frozen through and through", () => {
  // Names and dates no other test uses, so the first call is the first sight of each.
  const cases: { what: string; input: ChartInput }[] = [
    { what: "an ASCII name", input: { fullName: "Quentin Frostbyte", birth: { year: 1961, month: 4, day: 17 }, at: AT } },
    { what: "an ASCII name of many words (past the shared letters)", input: { fullName: "a b c d e f g h i j k l m n o p q r s Tzy", birth: { year: 1962, month: 5, day: 18 }, at: AT } },
    { what: "a first name with no vowel", input: { fullName: "Brynn Sky", birth: { year: 1963, month: 6, day: 19 }, at: AT } },
    { what: "a Latin name with accents", input: { fullName: "Zoë Brontë-Ångström", birth: { year: 1964, month: 8, day: 21 }, at: AT } },
    { what: "a Cyrillic name", input: { fullName: "Борис Годунов", birth: { year: 1965, month: 9, day: 22 }, at: AT } },
    { what: "a Persian name (abjad)", input: { fullName: "مریم صالحی", birth: { year: 1966, month: 10, day: 23 }, at: AT } },
    { what: "a Chinese name", input: { fullName: "李娜", birth: { year: 1967, month: 11, day: 24 }, at: AT } },
    { what: "a Chaldean chart in Persian", input: { fullName: "Olga Werth", birth: { year: 1968, month: 12, day: 25 }, at: AT, system: "chaldean", locale: "fa" } },
  ];

  for (const { what, input } of cases) {
    it(`${what}: on first sight, when kept, and when reused`, () => {
      // First sight (not kept), second (kept), third (taken from the cache).
      for (let call = 1; call <= 3; call++) {
        const c = computeChart(input);
        expect(changeable(c), `call ${call}`).to.deep.equal([]);
      }
    });
  }
});
