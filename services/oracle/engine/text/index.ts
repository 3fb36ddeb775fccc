/**
 * The engine's words, by locale. A language is a folder text/<locale>/ exporting a LocaleText of
 * EngineText: whatever it leaves out is told in English, so a locale works from its first table.
 */
import { DEFAULT_LOCALE, LOCALES, type Locale } from "../../../contract";
import { withFallback, type LocaleText } from "../../../lib/locale-text";
import type { EngineText } from "./engine-text";
import { EN } from "./en";
import { FA } from "./fa";

export type * from "./engine-text";

/** Each locale's own words; a locale added to the contract needs its entry here. */
const OWN: { readonly [L in Locale]: LocaleText<EngineText> } = { en: EN, fa: FA };

const TEXTS = Object.fromEntries(LOCALES.map((l) => [l, l === DEFAULT_LOCALE ? EN : withFallback(EN, OWN[l])])) as Readonly<Record<Locale, EngineText>>;

export const DEFAULT_TEXT: EngineText = EN;

/** The text of a locale, English wherever the locale has no words of its own. */
export function textFor(locale: Locale = DEFAULT_LOCALE): EngineText {
  return TEXTS[locale] ?? EN;
}

/** What a locale has translated itself, without the fallback (for checking what is left to write). */
export function ownTextOf(locale: Locale): LocaleText<EngineText> {
  return OWN[locale];
}
