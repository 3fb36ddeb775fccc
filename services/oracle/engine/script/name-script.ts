/**
 * Which writing system a name is in, finer than the reading's latin/persian/arabic split: the
 * chart says which script it met and which road it took to Latin letters.
 */
import { detectScript } from "../personal/numerology-system";

export const NAME_SCRIPTS = [
  "latin",
  "persian",
  "arabic",
  "cyrillic",
  "greek",
  "hebrew",
  "devanagari",
  "han",
  "kana",
  "hangul",
  "thai",
  "armenian",
  "georgian",
  "other",
] as const;
export type NameScript = (typeof NAME_SCRIPTS)[number];

/** Scripts told apart by their Unicode script property; Arabic script is settled by detectScript. */
const BY_PROPERTY: ReadonlyArray<readonly [Exclude<NameScript, "latin" | "persian" | "arabic" | "other">, RegExp]> = [
  ["cyrillic", /\p{Script=Cyrillic}/u],
  ["greek", /\p{Script=Greek}/u],
  ["hebrew", /\p{Script=Hebrew}/u],
  ["devanagari", /\p{Script=Devanagari}/u],
  ["han", /\p{Script=Han}/u],
  ["kana", /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ["hangul", /\p{Script=Hangul}/u],
  ["thai", /\p{Script=Thai}/u],
  ["armenian", /\p{Script=Armenian}/u],
  ["georgian", /\p{Script=Georgian}/u],
];

const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;
const ARABIC = /\p{Script=Arabic}/u;

/** The script of one letter (a code point), or "other". */
export function scriptOfLetter(ch: string): NameScript {
  if (LATIN.test(ch)) return "latin";
  if (ARABIC.test(ch)) return "arabic";
  for (const [script, re] of BY_PROPERTY) if (re.test(ch)) return script;
  return "other";
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * The script most of a name's letters are written in; ties go to the first met. Arabic script is
 * "persian" when a letter only Persian uses appears, as the readings detect it. A name with no
 * letter at all is "other".
 */
export function nameScript(name: string): NameScript {
  let ascii = true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    for (let i = 0; i < name.length; i++) if (isAsciiLetter(name.charCodeAt(i))) return "latin";
    return "other";
  }
  const counts = new Map<NameScript, number>();
  for (const ch of name) {
    if (!LETTER.test(ch)) continue;
    const s = scriptOfLetter(ch);
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  let best: NameScript = "other";
  let most = 0;
  for (const [s, n] of counts) {
    if (n > most) {
      best = s;
      most = n;
    }
  }
  if (best === "arabic") return detectScript(name) === "persian" ? "persian" : "arabic";
  return best;
}

/** Persian and Arabic script keep their own letters and are counted in abjad under "auto". */
export function isArabicScript(script: NameScript): boolean {
  return script === "persian" || script === "arabic";
}
