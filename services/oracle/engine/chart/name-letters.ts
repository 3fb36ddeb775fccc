/**
 * The counted letters of a name, word by word, with their values and whether each is a vowel:
 * the raw material of every name number in the chart.
 */
import { isVowelLetter, letterBreakdown } from "../personal/numerology-engine";
import { CHALDEAN, PYTHAGOREAN, VOWELS } from "../personal/letter-tables";
import type { NumerologySystem } from "../reading-input";
import type { ChartLetter } from "./chart-types";

/** A letter's own number, 1-9: its value, or the value's digital root in abjad (ع 70 -> 7). */
export function letterNumber(value: number): number {
  return value === 0 ? 0 : 1 + ((value - 1) % 9);
}

const WORD_BREAK = /\s+/;

/**
 * Charts share their letters: an A-Z letter in a given word of a Latin-system name is one frozen
 * object, made once, so a chart neither allocates nor freezes it again. Words past the first
 * few are rare and get letters of their own.
 */
const SHARED_WORDS = 16;
const SHARED: Record<"pythagorean" | "chaldean", ChartLetter[][]> = { pythagorean: [], chaldean: [] };

function latinLetter(system: "pythagorean" | "chaldean", upper: number, word: number): ChartLetter {
  const letter = String.fromCharCode(upper);
  return { letter, value: (system === "pythagorean" ? PYTHAGOREAN : CHALDEAN)[letter]!, vowel: VOWELS.has(letter), word };
}

function sharedLetter(system: "pythagorean" | "chaldean", upper: number, word: number): ChartLetter {
  if (word >= SHARED_WORDS) return Object.freeze(latinLetter(system, upper, word));
  const row = (SHARED[system][word] ??= []);
  return (row[upper - 0x41] ??= Object.freeze(latinLetter(system, upper, word)));
}

/** The same letter in another word (an initial counted as word 0, say). */
export function inWord(l: ChartLetter, word: number, system: NumerologySystem): ChartLetter {
  if (l.word === word) return l;
  const c = l.letter.charCodeAt(0);
  if (system !== "abjad" && l.letter.length === 1 && c >= 0x41 && c <= 0x5a) return sharedLetter(system, c, word);
  return { ...l, word };
}

/** Whitespace as /\s/ has it in ASCII. */
function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** An ASCII name in a Latin system: one pass, no splitting or folding (the same letters as the general road). */
function asciiLetters(counted: string, system: "pythagorean" | "chaldean"): ChartLetter[] | null {
  const out: ChartLetter[] = [];
  let word = 0;
  let lettersInWord = 0;
  for (let i = 0; i < counted.length; i++) {
    const c = counted.charCodeAt(i);
    if (c >= 0x80) return null;
    if (isAsciiSpace(c)) {
      if (lettersInWord > 0) word++;
      lettersInWord = 0;
      continue;
    }
    const upper = c >= 0x61 && c <= 0x7a ? c - 0x20 : c;
    if (upper < 0x41 || upper > 0x5a) continue;
    out.push(sharedLetter(system, upper, word));
    lettersInWord++;
  }
  return out;
}

/**
 * Words are split at spaces; a word with no counted letter (an initial's dot, a digit) is skipped.
 * Every letter comes frozen (shared, or frozen as it is made), so a chart's letters need no walk.
 */
export function countedLetters(counted: string, system: NumerologySystem): ChartLetter[] {
  if (system !== "abjad") {
    const fast = asciiLetters(counted, system);
    if (fast !== null) return fast;
  }
  const out: ChartLetter[] = [];
  let word = 0;
  for (const part of counted.split(WORD_BREAK)) {
    if (part === "") continue;
    const letters = letterBreakdown(part, system);
    if (letters.length === 0) continue;
    for (const { letter, value } of letters) out.push(Object.freeze({ letter, value, vowel: isVowelLetter(letter, system), word }));
    word++;
  }
  return out;
}

/**
 * "A(1)" for each one-unit letter and small value, made once: a row of values per UTF-16 unit,
 * read by index rather than looked up in a Map (every letter of every name asks for one).
 */
const TOKEN_VALUES = 0x400;
const TOKENS = new Array<(string | undefined)[] | undefined>(0x10000).fill(undefined);

function token(l: ChartLetter): string {
  if (l.letter.length !== 1 || !(l.value >= 0 && l.value < TOKEN_VALUES)) return `${l.letter}(${l.value})`;
  const c = l.letter.charCodeAt(0);
  const row = (TOKENS[c] ??= new Array<string | undefined>(TOKEN_VALUES).fill(undefined));
  return (row[l.value] ??= `${l.letter}(${l.value})`);
}

/** "A(1)+L(3)+I(9) + J(1)+O(6)": letters joined with "+", words apart with " + ". */
export function lettersWorking(letters: readonly ChartLetter[]): string {
  let out = "";
  let lastWord = -1;
  for (const l of letters) {
    if (out !== "") out += l.word !== lastWord ? " + " : "+";
    out += token(l);
    lastWord = l.word;
  }
  return out;
}

export function sumOf(letters: readonly ChartLetter[]): number {
  let s = 0;
  for (const l of letters) s += l.value;
  return s;
}
