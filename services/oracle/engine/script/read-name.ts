/**
 * How a name in any script reaches the letters a system counts. Pythagorean and Chaldean count
 * A-Z, so other scripts are transliterated: Chinese characters through pinyin-pro (Mandarin
 * pinyin without tones, the first character read as a surname), every other script through
 * any-ascii (Cyrillic, Greek, Hebrew, Devanagari, kana, Hangul, Thai, Armenian, Georgian, ...).
 * Abjad counts Arabic-script letters as written. A letter that no road can place is an error that
 * names it, never a silent zero.
 */
import anyAscii from "any-ascii";
import { pinyin } from "pinyin-pro";
import { InvalidInputError } from "../../../lib/errors";
import { BoundedCache } from "../bounded-cache";
import { getAbjadValue } from "../personal/abjad-table";
import { foldedLetters, PYTHAGOREAN_SCORES } from "../personal/letter-tables";
import { parseSystemChoice } from "../personal/numerology-system";
import type { NumerologySystem, NumerologySystemChoice } from "../reading-input";
import { isArabicScript, nameScript, type NameScript } from "./name-script";

/** as_written: the letters as given (accents folded); the others name the library that transliterated. */
export const NAME_ROUTES = ["as_written", "any-ascii", "pinyin-pro", "pinyin-pro+any-ascii"] as const;
export type NameRoute = (typeof NAME_ROUTES)[number];

/** A name as a system reads it. */
export interface ReadName {
  given: string;
  script: NameScript;
  /** What was asked for: a system, or "auto". */
  choice: NumerologySystemChoice;
  system: NumerologySystem;
  /** The form whose letters are counted: the name itself, or its Latin transliteration. */
  counted: string;
  route: NameRoute;
}

/** Non-zero for a unit that folds to A-Z (every letter is worth something in Pythagorean); cached per unit. */
const FOLDS = PYTHAGOREAN_SCORES;
const LETTER = /\p{L}/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const HAN = /\p{Script=Han}/u;
const LATIN_LETTER = /[A-Za-z]/;

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

function capitalise(syllable: string): string {
  return syllable.charAt(0).toUpperCase() + syllable.slice(1);
}

interface Latinised {
  text: string;
  usedAnyAscii: boolean;
  usedPinyin: boolean;
  unplaced: string[];
}

/**
 * A run of Chinese characters in pinyin: the surname apart, the given name's syllables joined
 * ("张伟" -> "Zhang Wei", "单田芳" -> "Shan Tianfang"). Only the first run of a name is read as
 * starting with a surname.
 */
function pinyinRun(run: string, firstRun: boolean, out: Latinised): string {
  const syllables = pinyin(run, { toneType: "none", type: "array", surname: firstRun ? "head" : "off" });
  const chars = [...run];
  const parts: string[] = [];
  syllables.forEach((s, i) => {
    if (LATIN_LETTER.test(s)) return void parts.push(s.toLowerCase());
    // A character pinyin-pro does not know: any-ascii may still have a reading.
    const fallback = anyAscii(chars[i] ?? "");
    if (LATIN_LETTER.test(fallback)) {
      out.usedAnyAscii = true;
      parts.push(fallback.toLowerCase());
    } else out.unplaced.push(chars[i] ?? s);
  });
  if (parts.length === 0) return "";
  const [head, ...rest] = parts;
  return rest.length === 0 ? capitalise(head!) : `${capitalise(head!)} ${capitalise(rest.join(""))}`;
}

/**
 * A name's Latin form, kept for names asked about again: pinyin-pro and any-ascii cost far more
 * than the numbers counted from their answer, and a person's name comes back with every reading.
 */
const LATINISED = new BoundedCache<string, Latinised>(4096, 1, (l) => {
  Object.freeze(l.unplaced);
  return Object.freeze(l);
});

/** The name in Latin letters: ASCII and foldable Latin kept, Han through pinyin-pro, the rest through any-ascii. */
function latinise(name: string): Latinised {
  return LATINISED.get(0, name, () => latinised(name));
}

function latinised(name: string): Latinised {
  const out: Latinised = { text: "", usedAnyAscii: false, usedPinyin: false, unplaced: [] };
  let han = "";
  let hanRuns = 0;
  const flush = () => {
    if (han === "") return;
    out.usedPinyin = true;
    out.text += pinyinRun(han, hanRuns++ === 0, out);
    han = "";
  };
  for (const ch of name) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) {
      flush();
      out.text += ch;
    } else if (HAN.test(ch)) {
      han += ch;
    } else {
      flush();
      if (c <= 0xffff && FOLDS.of(c) !== 0) out.text += ch;
      else if (LETTER_OR_MARK.test(ch)) {
        const t = anyAscii(ch);
        if (LETTER.test(ch) && !LATIN_LETTER.test(t)) out.unplaced.push(ch);
        else if (t !== "") {
          out.usedAnyAscii = true;
          out.text += t;
        }
      } else out.text += ch; // digits, punctuation, symbols: kept, and counted as nothing
    }
  }
  flush();
  return out;
}

function routeOf(l: Latinised): NameRoute {
  if (l.usedPinyin) return l.usedAnyAscii ? "pinyin-pro+any-ascii" : "pinyin-pro";
  return l.usedAnyAscii ? "any-ascii" : "as_written";
}

function quoteAll(letters: readonly string[]): string {
  return [...new Set(letters)].map((l) => `"${l}"`).join(", ");
}

/**
 * Reads a name for counting: settles "auto" by its script (abjad for Persian and Arabic script,
 * pythagorean for every other), and brings it to the letters the system counts. Throws
 * InvalidInputError on `field` naming every letter it could not place, or when nothing is left
 * to count.
 */
export function readName(name: string, system: unknown = "auto", field = "full_name"): ReadName {
  if (typeof name !== "string") throw new InvalidInputError(field, "must be a string");
  const choice = parseSystemChoice(system);
  const script = nameScript(name);
  const resolved: NumerologySystem = choice !== "auto" ? choice : isArabicScript(script) ? "abjad" : "pythagorean";

  if (resolved === "abjad") {
    const unplaced: string[] = [];
    let counted = 0;
    for (const ch of name) {
      if (!LETTER.test(ch)) continue;
      if (getAbjadValue(ch) > 0) counted++;
      else unplaced.push(ch);
    }
    if (unplaced.length > 0) {
      throw new InvalidInputError(field, `abjad cannot place the letters ${quoteAll(unplaced)}: it counts Arabic and Persian letters; choose pythagorean or chaldean for other scripts`);
    }
    if (counted === 0) throw new InvalidInputError(field, "has no letters to count");
    return { given: name, script, choice, system: resolved, counted: name, route: "as_written" };
  }

  const latin: Latinised = isAscii(name) ? { text: name, usedAnyAscii: false, usedPinyin: false, unplaced: [] } : latinise(name);
  if (latin.unplaced.length > 0) {
    const hint = isArabicScript(script) ? "; Persian and Arabic names are counted in abjad (system auto or abjad)" : "";
    throw new InvalidInputError(field, `${resolved} cannot place the letters ${quoteAll(latin.unplaced)}: no transliteration to Latin is known for them${hint}`);
  }
  if (!LATIN_LETTER.test(foldToAscii(latin.text))) throw new InvalidInputError(field, "has no letters to count");
  return { given: name, script, choice, system: resolved, counted: latin.text, route: routeOf(latin) };
}

/** Whether any unit folds to A-Z: the check that something is left to count. */
function foldToAscii(text: string): string {
  if (isAscii(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) out += foldedLetters(text.charCodeAt(i));
  return out;
}
