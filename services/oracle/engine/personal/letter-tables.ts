/**
 * Letter values of the Latin systems, and per-character lookup tables built from them.
 *
 * A name is read as NFC(NFD(name) without combining marks), upper-cased in full (so ß counts as
 * SS and a ligature as its letters). Both steps act on one code point at a time, so each UTF-16
 * unit maps to a fixed contribution: the sum of its vowels' and of its consonants' values. ASCII
 * is filled in up front; any other unit is worked out the first time it is seen and kept.
 * Characters outside the BMP never fold to A-Z, so their surrogate halves count 0.
 */

export const PYTHAGOREAN: Readonly<Record<string, number>> = Object.freeze({
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, I: 9, J: 1, K: 2, L: 3, M: 4,
  N: 5, O: 6, P: 7, Q: 8, R: 9, S: 1, T: 2, U: 3, V: 4, W: 5, X: 6, Y: 7, Z: 8,
});

export const CHALDEAN: Readonly<Record<string, number>> = Object.freeze({
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 8, G: 3, H: 5, I: 1, J: 1, K: 2, L: 3, M: 4,
  N: 5, O: 7, P: 8, Q: 1, R: 2, S: 3, T: 4, U: 6, V: 6, W: 6, X: 5, Y: 1, Z: 7,
});

/** Y counts as a vowel. */
export const VOWELS: ReadonlySet<string> = new Set(["A", "E", "I", "O", "U", "Y"]);

const COMBINING_MARK = /\p{M}/u;
const UNSEEN = 0xffff;

/** NFC(NFD(s) without combining marks): accents go, letters without a decomposition stay. */
export function foldAccents(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s;
  let bare = "";
  for (const ch of s.normalize("NFD")) if (!COMBINING_MARK.test(ch)) bare += ch;
  return bare.normalize("NFC");
}

/** The A-Z letters one UTF-16 unit stands for once folded and upper-cased ("" for none). */
export function foldedLetters(unit: number): string {
  if (unit >= 0xd800 && unit <= 0xdfff) return "";
  const up = foldAccents(String.fromCharCode(unit)).toUpperCase();
  let letters = "";
  for (let i = 0; i < up.length; i++) {
    const c = up.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) letters += up[i];
  }
  return letters;
}

/**
 * Per-unit packed contributions for one system: low byte = vowel sum, high byte = consonant sum.
 * At most three letters come from one unit, so each sum fits a byte.
 */
export class LetterScores {
  private readonly packed = new Uint16Array(0x10000).fill(UNSEEN);

  constructor(readonly values: Readonly<Record<string, number>>) {
    for (let c = 0; c < 0x80; c++) this.packed[c] = this.compute(c);
  }

  /** Packed vowel and consonant sums of one UTF-16 unit. */
  of(unit: number): number {
    const p = this.packed[unit]!;
    return p !== UNSEEN ? p : (this.packed[unit] = this.compute(unit));
  }

  private compute(unit: number): number {
    let vowels = 0;
    let consonants = 0;
    for (const letter of foldedLetters(unit)) {
      if (VOWELS.has(letter)) vowels += this.values[letter]!;
      else consonants += this.values[letter]!;
    }
    return vowels | (consonants << 8);
  }
}

export const PYTHAGOREAN_SCORES = new LetterScores(PYTHAGOREAN);
export const CHALDEAN_SCORES = new LetterScores(CHALDEAN);
