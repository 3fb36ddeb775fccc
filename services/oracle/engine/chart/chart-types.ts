/**
 * The complete chart: every number with the working that produced it, so it can be checked by
 * hand. Keys are snake_case like the rest of the engine's results, so the gRPC messages, the API
 * and stored readings carry the same names.
 */
import type { NameScript } from "../script/name-script";
import type { NameRoute } from "../script/read-name";
import type { CalendarDate, NumerologySystem, NumerologySystemChoice } from "../reading-input";
import type { KarmicDebt } from "./reduce";

export const CHART_LOCALES = ["en", "fa"] as const;
export type ChartLocale = (typeof CHART_LOCALES)[number];

export interface ChartInput {
  fullName: string;
  birth: CalendarDate;
  /** The day the personal year, month and day are read for (the engine never reads the clock). */
  at: CalendarDate;
  /** Default "auto": abjad for Persian and Arabic script, pythagorean for every other. */
  system?: NumerologySystemChoice;
  /** Language of the meanings and of the working's labels; default "en". */
  locale?: ChartLocale;
}

/** One number of the chart. */
export interface ChartNumber {
  number: number;
  /** 11, 22 or 33 kept whole. */
  master: boolean;
  /** 13, 14, 16 or 19 met while reducing a core number, else null. */
  karmic_debt: KarmicDebt | null;
  /** Every step, e.g. "7+6+1 = 14, 1+4 = 5". */
  working: string;
  meaning: string;
}

/** A number read from one letter: the cornerstone, capstone and first vowel. */
export interface LetterNumber extends ChartNumber {
  letter: string;
}

/** A pinnacle or a challenge and the ages it spans (to_age null: the rest of life). */
export interface ChartPeriod extends ChartNumber {
  index: 1 | 2 | 3 | 4;
  from_age: number;
  to_age: number | null;
  from_year: number;
  to_year: number | null;
}

/** Numbers picked from a set, with a meaning each: karmic lessons, the hidden passion. */
export interface NumberSet {
  numbers: number[];
  working: string;
  meanings: { number: number; meaning: string }[];
}

export interface ChartLetter {
  letter: string;
  value: number;
  /** Counted in the soul urge. */
  vowel: boolean;
  /** Which word of the name, from 0. */
  word: number;
}

export interface KarmicDebtFound {
  number: KarmicDebt;
  /** The chart part it was met in. */
  part: "life_path" | "expression" | "soul_urge" | "personality" | "birthday";
  meaning: string;
}

export interface ChartName {
  given: string;
  /** The letters counted: the name itself, or its Latin transliteration. */
  counted: string;
  script: NameScript;
  route: NameRoute;
}

export interface ChartSystem {
  name: NumerologySystem;
  choice: NumerologySystemChoice;
  /** Why this system: the choice, or the script "auto" detected. */
  reason: string;
}

export interface Chart {
  name: ChartName;
  system: ChartSystem;
  locale: ChartLocale;
  /** YYYY-MM-DD */
  birth_date: string;
  /** YYYY-MM-DD: the day of the personal cycles. */
  at: string;
  letters: ChartLetter[];
  life_path: ChartNumber;
  expression: ChartNumber;
  soul_urge: ChartNumber;
  personality: ChartNumber;
  maturity: ChartNumber;
  birthday: ChartNumber;
  balance: ChartNumber;
  rational_thought: ChartNumber;
  subconscious_self: ChartNumber;
  hidden_passion: NumberSet;
  karmic_lessons: NumberSet;
  karmic_debts: KarmicDebtFound[];
  cornerstone: LetterNumber;
  capstone: LetterNumber;
  /** null when the first name has no vowel. */
  first_vowel: LetterNumber | null;
  pinnacles: ChartPeriod[];
  challenges: ChartPeriod[];
  personal_year: ChartNumber;
  personal_month: ChartNumber;
  personal_day: ChartNumber;
}

/** The chart's parts that have a meaning per number. */
export const CHART_PARTS = [
  "life_path",
  "expression",
  "soul_urge",
  "personality",
  "maturity",
  "birthday",
  "balance",
  "rational_thought",
  "subconscious_self",
  "hidden_passion",
  "karmic_lesson",
  "karmic_debt",
  "cornerstone",
  "capstone",
  "first_vowel",
  "pinnacle",
  "challenge",
  "personal_year",
  "personal_month",
  "personal_day",
] as const;
export type ChartPart = (typeof CHART_PARTS)[number];

const CORE = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 22, 33] as const;
const DIGITS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** Every number each part can take, so each has its meaning in every language. */
export const PART_NUMBERS: Readonly<Record<ChartPart, readonly number[]>> = {
  life_path: CORE,
  expression: CORE,
  soul_urge: CORE,
  personality: CORE,
  maturity: CORE,
  birthday: [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 22],
  balance: DIGITS,
  rational_thought: CORE,
  subconscious_self: DIGITS,
  hidden_passion: DIGITS,
  karmic_lesson: DIGITS,
  karmic_debt: [13, 14, 16, 19],
  cornerstone: DIGITS,
  capstone: DIGITS,
  first_vowel: DIGITS,
  pinnacle: CORE,
  challenge: [0, 1, 2, 3, 4, 5, 6, 7, 8],
  personal_year: CORE,
  personal_month: CORE,
  personal_day: CORE,
};
