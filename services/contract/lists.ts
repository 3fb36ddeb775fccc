/**
 * The closed lists of the reading path, spelled as the REST API spells them. The API's schemas,
 * the Oracle's validator, the engine, the database's CHECK constraints (checked by a test) and the
 * OpenAPI document all take them from here.
 */

/** Languages a reading can be told in; "en" is the default and the fallback for missing text. */
export const LOCALES = ["en", "fa"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** What the AI model is asked to write in, by locale. */
export const LOCALE_LANGUAGES: { readonly [L in Locale]: string } = { en: "English", fa: "Persian" };

/** The systems a name is counted in, once `auto` has been resolved. */
export const NUMEROLOGY_SYSTEMS = ["pythagorean", "chaldean", "abjad"] as const;
export type NumerologySystem = (typeof NUMEROLOGY_SYSTEMS)[number];
/** What a caller may ask for: a system, or `auto` (abjad for Persian or Arabic script, pythagorean otherwise). */
export const SYSTEM_CHOICES = [...NUMEROLOGY_SYSTEMS, "auto"] as const;
export type NumerologySystemChoice = (typeof SYSTEM_CHOICES)[number];

export const GENDERS = ["male", "female"] as const;
export type Gender = (typeof GENDERS)[number];

export const QUESTION_CATEGORIES = ["love", "career", "health", "finance", "family", "spiritual", "general"] as const;
export type QuestionCategory = (typeof QUESTION_CATEGORIES)[number];

/** The script a text is mostly written in, as the engine detects it. */
export const SCRIPTS = ["latin", "persian", "arabic", "unknown"] as const;
export type Script = (typeof SCRIPTS)[number];

/** "one of a, b, c": how every edge words a value outside a list. */
export function oneOf(list: readonly string[]): string {
  return `one of ${list.join(", ")}`;
}
