/**
 * Which letter table a name is read with. Names of systems are case-insensitive; "auto" picks
 * Abjad for a name written mostly in Arabic script (Persian or Arabic) and Pythagorean otherwise.
 */
import { InvalidInputError } from "../../../lib/errors";
import type { NumerologySystem, NumerologySystemChoice } from "../reading-input";

const FIELD = "numerology_system";

/** A system name as given (any letter case, "auto" allowed); anything else is an error. */
export function parseSystemChoice(system: unknown): NumerologySystemChoice {
  // The common spellings skip the case folding.
  if (system === "pythagorean" || system === "chaldean" || system === "abjad" || system === "auto") return system;
  if (typeof system !== "string") throw new InvalidInputError(FIELD, "must be one of pythagorean, chaldean, abjad, auto");
  const lower = system.toLowerCase();
  if (lower === "pythagorean" || lower === "chaldean" || lower === "abjad" || lower === "auto") return lower;
  throw new InvalidInputError(FIELD, `unknown system '${system}': use pythagorean, chaldean, abjad or auto`);
}

/** The concrete system for a name: an explicit choice as is, "auto" by the name's script. */
export function resolveSystem(system: unknown, name: string): NumerologySystem {
  const choice = parseSystemChoice(system);
  if (choice !== "auto") return choice;
  const script = detectScript(name);
  return script === "persian" || script === "arabic" ? "abjad" : "pythagorean";
}

export type Script = "persian" | "arabic" | "latin" | "unknown";

/**
 * The script a name is mostly written in. Arabic-script letters win ties with Latin ones; a name
 * with a letter only Persian uses (پ چ ژ گ ک ی) is Persian.
 */
export function detectScript(text: string): Script {
  let arabic = 0;
  let latin = 0;
  let persian = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isLatinLetter(c)) latin++;
    else if (isArabicScriptLetter(c)) {
      arabic++;
      if (c === 0x067e || c === 0x0686 || c === 0x0698 || c === 0x06af || c === 0x06a9 || c === 0x06cc) persian = true;
    }
  }
  if (arabic > 0 && arabic >= latin) return persian ? "persian" : "arabic";
  return latin > 0 ? "latin" : "unknown";
}

function isLatinLetter(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff);
}

/** Letters of the Arabic blocks; Arabic digits, punctuation and harakat are not evidence of a script. */
function isArabicScriptLetter(c: number): boolean {
  if (c >= 0x0600 && c <= 0x06ff) {
    return (c >= 0x0620 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || c === 0x06d5 || (c >= 0x06fa && c <= 0x06ff);
  }
  return (c >= 0x0750 && c <= 0x077f) || (c >= 0x08a0 && c <= 0x08c9) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc);
}
