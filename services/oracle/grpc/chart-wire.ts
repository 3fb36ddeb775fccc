/**
 * The chart on the wire. proto3 has no null for scalars: a karmic debt of none and the last
 * period's open end travel as 0 (never a real debt, age or year), and a missing first vowel as an
 * absent message; decoding turns them back into null, so both sides hold the same object.
 */
import type { Chart, ChartNumber, ChartPeriod, LetterNumber } from "../engine";
import type { ChartCompatibility } from "../readings/chart-reading";

type W = Record<string, unknown>;

function numberToWire<T extends ChartNumber>(n: T): object {
  return { ...n, karmic_debt: n.karmic_debt ?? 0 };
}

function numberFromWire(w: W): ChartNumber {
  return { number: w.number as number, master: w.master as boolean, karmic_debt: (w.karmic_debt as ChartNumber["karmic_debt"]) || null, working: w.working as string, meaning: w.meaning as string };
}

function letterFromWire(w: W): LetterNumber {
  return { letter: w.letter as string, ...numberFromWire(w) };
}

function periodToWire(p: ChartPeriod): object {
  return { ...numberToWire(p), to_age: p.to_age ?? 0, to_year: p.to_year ?? 0 };
}

function periodFromWire(w: W): ChartPeriod {
  return {
    index: w.index as ChartPeriod["index"],
    ...numberFromWire(w),
    from_age: w.from_age as number,
    to_age: (w.to_age as number) || null,
    from_year: w.from_year as number,
    to_year: (w.to_year as number) || null,
  };
}

const NUMBER_KEYS = ["life_path", "expression", "soul_urge", "personality", "maturity", "birthday", "balance", "rational_thought", "subconscious_self", "personal_year", "personal_month", "personal_day"] as const;

export function chartToWire(c: Chart): object {
  const out: W = { ...c };
  for (const k of NUMBER_KEYS) out[k] = numberToWire(c[k]);
  out.cornerstone = numberToWire(c.cornerstone);
  out.capstone = numberToWire(c.capstone);
  out.first_vowel = c.first_vowel ? numberToWire(c.first_vowel) : null;
  out.pinnacles = c.pinnacles.map(periodToWire);
  out.challenges = c.challenges.map(periodToWire);
  return out;
}

export function chartFromWire(w: W): Chart {
  const set = (s: W) => ({ numbers: s.numbers as number[], working: s.working as string, meanings: s.meanings as { number: number; meaning: string }[] });
  const first = w.first_vowel as W | undefined;
  const numbers = Object.fromEntries(NUMBER_KEYS.map((k) => [k, numberFromWire(w[k] as W)])) as Pick<Chart, (typeof NUMBER_KEYS)[number]>;
  return {
    name: w.name as Chart["name"],
    system: w.system as Chart["system"],
    locale: w.locale as Chart["locale"],
    birth_date: w.birth_date as string,
    at: w.at as string,
    letters: w.letters as Chart["letters"],
    ...numbers,
    hidden_passion: set(w.hidden_passion as W),
    karmic_lessons: set(w.karmic_lessons as W),
    karmic_debts: w.karmic_debts as Chart["karmic_debts"],
    cornerstone: letterFromWire(w.cornerstone as W),
    capstone: letterFromWire(w.capstone as W),
    first_vowel: first && first.letter ? letterFromWire(first) : null,
    pinnacles: (w.pinnacles as W[]).map(periodFromWire),
    challenges: (w.challenges as W[]).map(periodFromWire),
  };
}

/** The signals carry no numbers or relation: their wire defaults are dropped again. */
export function compatibilityFromWire(w: W): ChartCompatibility {
  const signals = (w.signals as W[]).map((s) => ({ dimension: s.dimension as string, score: s.score as number, reason: s.reason as string }));
  return { ...(w as unknown as ChartCompatibility), signals };
}
