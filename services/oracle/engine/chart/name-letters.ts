/**
 * The counted letters of a name, word by word, with their values and whether each is a vowel:
 * the raw material of every name number in the chart.
 */
import { isVowelLetter, letterBreakdown } from "../personal/numerology-engine";
import type { NumerologySystem } from "../reading-input";
import type { ChartLetter } from "./chart-types";

/** A letter's own number, 1-9: its value, or the value's digital root in abjad (ع 70 -> 7). */
export function letterNumber(value: number): number {
  return value === 0 ? 0 : 1 + ((value - 1) % 9);
}

const WORD_BREAK = /\s+/;

/** Words are split at spaces; a word with no counted letter (an initial's dot, a digit) is skipped. */
export function countedLetters(counted: string, system: NumerologySystem): ChartLetter[] {
  const out: ChartLetter[] = [];
  let word = 0;
  for (const part of counted.split(WORD_BREAK)) {
    if (part === "") continue;
    const letters = letterBreakdown(part, system);
    if (letters.length === 0) continue;
    for (const { letter, value } of letters) out.push({ letter, value, vowel: isVowelLetter(letter, system), word });
    word++;
  }
  return out;
}

/** "A(1)+L(3)+I(9) + J(1)+O(6)": letters joined with "+", words apart with " + ". */
export function lettersWorking(letters: readonly ChartLetter[]): string {
  let out = "";
  let lastWord = -1;
  for (const l of letters) {
    if (out !== "") out += l.word !== lastWord ? " + " : "+";
    out += `${l.letter}(${l.value})`;
    lastWord = l.word;
  }
  return out;
}

export function sumOf(letters: readonly ChartLetter[]): number {
  let s = 0;
  for (const l of letters) s += l.value;
  return s;
}
