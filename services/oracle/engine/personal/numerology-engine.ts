/**
 * Core numbers from a name and a birth date in the Pythagorean, Chaldean and Abjad systems, with
 * the master numbers 11, 22 and 33 kept whole. Name scoring is one pass over UTF-16 units with a
 * table lookup each (see letter-tables.ts): no normalisation or regex on the hot path.
 */
import { InvalidInputError } from "../../../lib/errors";
import type { NumerologySystem } from "../reading-input";
import type { GenderPolarity, NumerologyProfile } from "../result-types";
import { digitSum, pyStrip } from "../core/py-math";
import { ABJAD_VALUE_BY_UNIT, ABJAD_VOWEL_BY_UNIT, ABJAD_VOWEL_LETTERS } from "./abjad-table";
import { CHALDEAN, CHALDEAN_SCORES, LetterScores, PYTHAGOREAN, PYTHAGOREAN_SCORES, VOWELS, foldAccents, foldedLetters } from "./letter-tables";
import { resolveSystem } from "./numerology-system";

export { PYTHAGOREAN, CHALDEAN, VOWELS } from "./letter-tables";
export { ABJAD_VOWEL_LETTERS } from "./abjad-table";

// Module-local handles: under a CommonJS transpiler an imported binding can be a getter call
// on every use, which hot loops should not pay.
const PYTHAGOREAN_UNITS = PYTHAGOREAN_SCORES;
const CHALDEAN_UNITS = CHALDEAN_SCORES;
const ABJAD_VALUES = ABJAD_VALUE_BY_UNIT;
const ABJAD_VOWELS = ABJAD_VOWEL_BY_UNIT;
const sumDigits = digitSum;

export const MASTER_NUMBERS: ReadonlySet<number> = new Set([11, 22, 33]);

/** Life path number -> [title, short message]. */
export const LIFE_PATH_MEANINGS: Readonly<Record<number, readonly [string, string]>> = Object.freeze({
  1: ["Pioneer", "Lead and initiate"],
  2: ["Bridge", "Connect and harmonize"],
  3: ["Voice", "Create and express"],
  4: ["Architect", "Build and stabilize"],
  5: ["Explorer", "Change and adapt"],
  6: ["Guardian", "Nurture and protect"],
  7: ["Seeker", "Analyze and find meaning"],
  8: ["Powerhouse", "Master and achieve"],
  9: ["Sage", "Complete and teach"],
  11: ["Visionary", "Inspire and lead"],
  22: ["Master Builder", "Manifest grand visions"],
  33: ["Master Teacher", "Heal through wisdom"],
});

/** Repeated digit sums down to one digit, stopping at a master number. */
export function digitalRoot(n: number): number {
  if (n === 11 || n === 22 || n === 33) return n;
  while (n > 9) {
    n = sumDigits(n);
    if (n === 11 || n === 22 || n === 33) return n;
  }
  return n;
}

/** Digit sum of a year; a year before 1 CE has no digits to sum. */
function yearDigits(year: number, field: string): number {
  if (!Number.isInteger(year) || year < 0) throw new InvalidInputError(field, `must be a year from 0 on, got ${year}`);
  return sumDigits(year);
}

export function lifePath(day: number, month: number, year: number): number {
  return digitalRoot(digitalRoot(day) + digitalRoot(month) + digitalRoot(yearDigits(year, "birth_date")));
}

/** Which packed score table a Latin system reads, or null for Abjad. */
function scoresFor(fullName: string, system: unknown): LetterScores | null {
  // The default spelling skips parsing: this runs three times per name profile.
  if (system === "pythagorean" || system === undefined) return PYTHAGOREAN_UNITS;
  const resolved = resolveSystem(system, fullName);
  return resolved === "pythagorean" ? PYTHAGOREAN_UNITS : resolved === "chaldean" ? CHALDEAN_UNITS : null;
}

/** Sum of every letter of the name. */
export function expressionNumber(fullName: string, system: string = "pythagorean"): number {
  const scores = scoresFor(fullName, system);
  let value = 0;
  if (scores === null) {
    for (let i = 0; i < fullName.length; i++) value += ABJAD_VALUES[fullName.charCodeAt(i)]!;
    return value > 0 ? digitalRoot(value) : 0;
  }
  for (let i = 0; i < fullName.length; i++) {
    const p = scores.of(fullName.charCodeAt(i));
    value += (p & 0xff) + (p >> 8);
  }
  return digitalRoot(value);
}

/** Sum of the vowels (A E I O U Y), or of the long-vowel letters in Abjad. */
export function soulUrge(fullName: string, system: string = "pythagorean"): number {
  const scores = scoresFor(fullName, system);
  let value = 0;
  if (scores === null) {
    for (let i = 0; i < fullName.length; i++) {
      const c = fullName.charCodeAt(i);
      if (ABJAD_VOWELS[c] === 1) value += ABJAD_VALUES[c]!;
    }
    return value > 0 ? digitalRoot(value) : 0;
  }
  for (let i = 0; i < fullName.length; i++) value += scores.of(fullName.charCodeAt(i)) & 0xff;
  return digitalRoot(value);
}

/** Sum of the consonants, or of the other Abjad letters. */
export function personalityNumber(fullName: string, system: string = "pythagorean"): number {
  const scores = scoresFor(fullName, system);
  let value = 0;
  if (scores === null) {
    for (let i = 0; i < fullName.length; i++) {
      const c = fullName.charCodeAt(i);
      if (ABJAD_VOWELS[c] === 0) value += ABJAD_VALUES[c]!;
    }
    return value > 0 ? digitalRoot(value) : 0;
  }
  for (let i = 0; i < fullName.length; i++) value += scores.of(fullName.charCodeAt(i)) >> 8;
  return digitalRoot(value);
}

export function personalYear(birthMonth: number, birthDay: number, currentYear: number): number {
  return digitalRoot(digitalRoot(birthMonth) + digitalRoot(birthDay) + digitalRoot(yearDigits(currentYear, "current_date")));
}

export function personalMonth(birthMonth: number, birthDay: number, currentYear: number, currentMonth: number): number {
  return digitalRoot(personalYear(birthMonth, birthDay, currentYear) + currentMonth);
}

export function personalDay(
  birthMonth: number,
  birthDay: number,
  currentYear: number,
  currentMonth: number,
  currentDay: number,
): number {
  return digitalRoot(personalMonth(birthMonth, birthDay, currentYear, currentMonth) + currentDay);
}

const NEUTRAL_NONE: GenderPolarity = Object.freeze({ gender: null, polarity: 0, label: "Neutral" }) as GenderPolarity;

/** male/m -> Yang (+1), female/f -> Yin (-1), anything else -> Neutral (0); case and spaces ignored. */
export function genderPolarity(gender: string | null = null): GenderPolarity {
  if (gender === null || gender === undefined) return { ...NEUTRAL_NONE };
  const g = pyStrip(gender).toLowerCase();
  if (g === "male" || g === "m") return { gender, polarity: 1, label: "Yang" };
  if (g === "female" || g === "f") return { gender, polarity: -1, label: "Yin" };
  return { gender, polarity: 0, label: "Neutral" };
}

export function completeProfile(
  fullName: string,
  birthDay: number,
  birthMonth: number,
  birthYear: number,
  currentYear: number,
  currentMonth: number,
  currentDay: number,
  motherName: string | null = null,
  system: string = "pythagorean",
  gender: string | null = null,
): NumerologyProfile {
  // "auto" is settled once, by the person's own name, so the mother's name is read the same way.
  const resolved: NumerologySystem = system === "pythagorean" ? system : resolveSystem(system, fullName);
  const lp = lifePath(birthDay, birthMonth, birthYear);
  const meaning = LIFE_PATH_MEANINGS[lp];
  if (meaning === undefined) throw new InvalidInputError("birth_date", `has no life path (${lp}); check the day, month and year`);
  const py = personalYear(birthMonth, birthDay, currentYear);
  const pm = digitalRoot(py + currentMonth);
  const profile: NumerologyProfile = {
    life_path: { number: lp, title: meaning[0], message: meaning[1] },
    expression: expressionNumber(fullName, resolved),
    soul_urge: soulUrge(fullName, resolved),
    personality: personalityNumber(fullName, resolved),
    personal_year: py,
    personal_month: pm,
    personal_day: digitalRoot(pm + currentDay),
    gender_polarity: genderPolarity(gender),
  };
  if (motherName) profile.mother_influence = expressionNumber(motherName, resolved);
  return profile;
}

/** One counted letter of a name and its value in a system. */
export interface LetterValue {
  letter: string;
  value: number;
}

/**
 * Value of one character in a system: the sum of the letters it folds to (an accented letter as
 * its base letter, ß as SS) in the Latin systems, its Abjad value in Abjad.
 */
export function letterValue(char: string, system: NumerologySystem): number {
  if (system === "abjad") return char.length === 1 ? ABJAD_VALUES[char.charCodeAt(0)]! : 0;
  const table = system === "pythagorean" ? PYTHAGOREAN : CHALDEAN;
  let sum = 0;
  for (let i = 0; i < char.length; i++) for (const l of foldedLetters(char.charCodeAt(i))) sum += table[l]!;
  return sum;
}

/**
 * The letters a name is counted by, in order, with their values: A-Z after folding and
 * upper-casing for the Latin systems, the valued letters as written for Abjad.
 */
export function letterBreakdown(name: string, system: NumerologySystem): LetterValue[] {
  const out: LetterValue[] = [];
  if (system === "abjad") {
    for (const ch of name) {
      const value = letterValue(ch, "abjad");
      if (value > 0) out.push({ letter: ch, value });
    }
    return out;
  }
  const table = system === "pythagorean" ? PYTHAGOREAN : CHALDEAN;
  for (const ch of foldAccents(name).toUpperCase()) {
    const value = table[ch];
    if (value !== undefined) out.push({ letter: ch, value });
  }
  return out;
}

/** Whether a letter counts toward the soul urge in a system. */
export function isVowelLetter(letter: string, system: NumerologySystem): boolean {
  return system === "abjad" ? ABJAD_VOWEL_LETTERS.has(letter) : VOWELS.has(letter);
}
