/**
 * The base-60 alphabet: 12 animals (earthly branches) x 5 elements. Token n is
 * ANIMALS[n div 5] + ELEMENTS[n mod 5]; the tables below are built once so that encoding is a
 * lookup.
 */

export const ANIMALS: readonly string[] = ["RA", "OX", "TI", "RU", "DR", "SN", "HO", "GO", "MO", "RO", "DO", "PI"];
export const ELEMENTS: readonly string[] = ["WU", "FI", "ER", "MT", "WA"];

export const ANIMAL_NAMES: readonly string[] = [
  "Rat", "Ox", "Tiger", "Rabbit", "Dragon", "Snake", "Horse", "Goat", "Monkey", "Rooster", "Dog", "Pig",
];
export const ELEMENT_NAMES: readonly string[] = ["Wood", "Fire", "Earth", "Metal", "Water"];

function indexRecord(list: readonly string[]): Readonly<Record<string, number>> {
  const rec: Record<string, number> = Object.create(null);
  list.forEach((token, i) => (rec[token] = i));
  return Object.freeze(rec);
}

/** Animal token -> branch index (0-11). A null-prototype record: look up with `in` safely. */
export const ANIMAL_TO_INDEX = indexRecord(ANIMALS);
/** Element token -> element index (0-4). */
export const ELEMENT_TO_INDEX = indexRecord(ELEMENTS);

/** TOKEN60[n] for n in 0..59. */
export const TOKEN60: readonly string[] = Array.from({ length: 60 }, (_, n) => ANIMALS[Math.floor(n / 5)]! + ELEMENTS[n % 5]!);

/** PAIR60[a * 60 + b] = TOKEN60[a] + "-" + TOKEN60[b]: two base-60 digits in one lookup. */
export const PAIR60: readonly string[] = Array.from({ length: 3600 }, (_, i) => TOKEN60[Math.floor(i / 60)]! + "-" + TOKEN60[i % 60]!);
