/**
 * Abjad letter values for Arabic and Persian names: the 28 Arabic letters, the Persian letters
 * at their nearest Arabic values, and the alef, ya, waw and ta-marbuta variants counted as the
 * letter they are written on (ة as ه, ى and ئ as ي, ؤ as و, ء and the hamza/madda alefs as ا).
 * Diacritics, tatweel and joiners count nothing.
 */

export const ABJAD_TABLE: Readonly<Record<string, number>> = Object.freeze({
  "\u0627": 1, // alef
  "\u0628": 2, // ba
  "\u062c": 3, // jim
  "\u062f": 4, // dal
  "\u0647": 5, // ha
  "\u0648": 6, // waw
  "\u0632": 7, // zay
  "\u062d": 8, // hha
  "\u0637": 9, // tta
  "\u064a": 10, // ya (Arabic)
  "\u06cc": 10, // ye (Persian)
  "\u06a9": 20, // keheh (Persian kaf)
  "\u0643": 20, // kaf
  "\u0644": 30, // lam
  "\u0645": 40, // mim
  "\u0646": 50, // nun
  "\u0633": 60, // sin
  "\u0639": 70, // ain
  "\u0641": 80, // fa
  "\u0635": 90, // sad
  "\u0642": 100, // qaf
  "\u0631": 200, // ra
  "\u0634": 300, // shin
  "\u062a": 400, // ta
  "\u062b": 500, // tha
  "\u062e": 600, // kha
  "\u0630": 700, // dhal
  "\u0636": 800, // dad
  "\u0638": 900, // zah
  "\u063a": 1000, // ghain
  "\u067e": 2, // pe, as ba
  "\u0686": 3, // che, as jim
  "\u0698": 7, // zhe, as zay
  "\u06af": 20, // gaf, as kaf
});

/** Alef written with hamza, madda or wasla: counted as alef. */
export const ALEF_VARIANTS: Readonly<Record<string, number>> = Object.freeze({
  "\u0622": 1, // alef madda
  "\u0623": 1, // alef hamza above
  "\u0625": 1, // alef hamza below
  "\u0671": 1, // alef wasla
});

/** Letters counted as the letter they derive from. */
export const ABJAD_DERIVED_LETTERS: Readonly<Record<string, number>> = Object.freeze({
  "\u0629": 5, // ta marbuta, as ha
  "\u0649": 10, // alef maksura, as ya
  "\u0626": 10, // ya with hamza, as ya
  "\u0624": 6, // waw with hamza, as waw
  "\u0621": 1, // hamza, as alef
});

/** Marks and joiners that carry no value. */
export const IGNORED_CHARS: ReadonlySet<string> = new Set([
  "\u0640", "\u064b", "\u064c", "\u064d", "\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u0654", "\u0670", "\u200c", "\u200d",
]);

/** Letters of the long vowels (soul urge in Abjad): alef, waw, ya and their written variants. */
export const ABJAD_VOWEL_LETTERS: ReadonlySet<string> = new Set([
  "\u0627", "\u0648", "\u064a", "\u06cc", "\u0622", "\u0623", "\u0625", "\u0671", "\u0649", "\u0626", "\u0624", "\u0621",
]);

/** Value by UTF-16 unit, for the hot loops; every letter above is in the BMP. */
export const ABJAD_VALUE_BY_UNIT = new Uint16Array(0x10000);
/** 1 where the unit is a long-vowel letter. */
export const ABJAD_VOWEL_BY_UNIT = new Uint8Array(0x10000);
for (const table of [ABJAD_TABLE, ALEF_VARIANTS, ABJAD_DERIVED_LETTERS]) {
  for (const [letter, value] of Object.entries(table)) ABJAD_VALUE_BY_UNIT[letter.charCodeAt(0)] = value;
}
for (const letter of ABJAD_VOWEL_LETTERS) ABJAD_VOWEL_BY_UNIT[letter.charCodeAt(0)] = 1;

/** Abjad value of one character; 0 for anything that is not an Abjad letter. */
export function getAbjadValue(char: string): number {
  return char.length === 1 ? ABJAD_VALUE_BY_UNIT[char.charCodeAt(0)]! : 0;
}

/** Sum of the Abjad values of a name's characters. */
export function nameToAbjadSum(name: string): number {
  let sum = 0;
  for (let i = 0; i < name.length; i++) sum += ABJAD_VALUE_BY_UNIT[name.charCodeAt(i)]!;
  return sum;
}
