/**
 * Integers <-> FC60 base-60 tokens. Encoding is table-driven (two digits per lookup) because a
 * stamp encodes five numbers.
 */
import { InvalidInputError } from "../../../lib/errors";
import { ANIMAL_NAMES, ANIMAL_TO_INDEX, ELEMENT_NAMES, ELEMENT_TO_INDEX, PAIR60, TOKEN60 } from "./tokens";
import { pyIndex } from "./py-math";
import { DEFAULT_TEXT } from "../text";

export { ANIMALS, ELEMENTS, ANIMAL_TO_INDEX, ELEMENT_TO_INDEX } from "./tokens";

// Module-local handles: under a CommonJS transpiler an imported binding can be a getter call
// on every use, which hot loops should not pay.
const TOKENS = TOKEN60;
const PAIRS = PAIR60;

/** Token of 0..59. */
export function token60(n: number): string {
  const t = TOKENS[n];
  if (t === undefined) throw new InvalidInputError("n", `a base-60 digit must be a whole number from 0 to 59, got ${n}`);
  return t;
}

/** Value 0..59 of a 4-letter token (letters in any case). */
export function digit60(token: string): number {
  if (codePointLength(token) !== 4) {
    throw new InvalidInputError("token", `a token has 4 letters, got '${token}'`);
  }
  const animal = token.slice(0, 2).toUpperCase();
  const element = token.slice(2, 4).toUpperCase();
  const a = ANIMAL_TO_INDEX[animal];
  if (a === undefined) throw new InvalidInputError("token", `'${animal}' is not an animal token`);
  const e = ELEMENT_TO_INDEX[element];
  if (e === undefined) throw new InvalidInputError("token", `'${element}' is not an element token`);
  return a * 5 + e;
}

function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Base-60 digits of a non-negative integer, most significant first. */
export function toBase60(n: number): number[] {
  if (n < 0) throw new InvalidInputError("n", `must be 0 or more, got ${n}`);
  if (n === 0) return [0];
  const digits: number[] = [];
  while (n > 0) {
    const q = Math.floor(n / 60);
    digits.push(n - q * 60);
    n = q;
  }
  return digits.reverse();
}

export function fromBase60(digits: readonly number[]): number {
  digits.forEach((d, i) => {
    if (!(d >= 0 && d <= 59)) throw new InvalidInputError("digits", `digit ${i} is ${d}, outside 0-59`);
  });
  let result = 0;
  for (const d of digits) result = result * 60 + d;
  return result;
}

/** Hyphen-joined tokens; negatives are prefixed "NEG-". */
export function encodeBase60(n: number): string {
  if (n < 0) return "NEG-" + encodeBase60(-n);
  if (n < 60) return TOKENS[n]!;
  if (n < 3600) return PAIRS[n]!;
  // Peel two digits at a time from the right.
  let q = Math.floor(n / 3600);
  let out = PAIRS[n - q * 3600]!;
  while (q >= 3600) {
    const next = Math.floor(q / 3600);
    out = PAIRS[q - next * 3600]! + "-" + out;
    q = next;
  }
  return (q < 60 ? TOKENS[q]! : PAIRS[q]!) + "-" + out;
}

export function decodeBase60(encoded: string): number {
  let negative = false;
  if (encoded.startsWith("NEG-")) {
    negative = true;
    encoded = encoded.slice(4);
  }
  const result = fromBase60(encoded.split("-").map(digit60));
  return negative ? -result : result;
}

/** Full animal name by index; negative indices count from the end. */
export function getAnimalName(index: number): string {
  return pyIndex(ANIMAL_NAMES, index, "animal");
}

export function getElementName(index: number): string {
  return pyIndex(ELEMENT_NAMES, index, "element");
}

/** A token read aloud with its value, animal and element (the sentence is the locale's). */
export function describeToken(token: string): string {
  const n = digit60(token);
  return DEFAULT_TEXT.token.describe(token, n, getAnimalName(Math.floor(n / 5)), getElementName(n % 5));
}

/** TOKEN_TABLE of the reference: n -> token for 0..59. */
export const TOKEN_TABLE: readonly string[] = TOKENS;
