/**
 * The reading types' words, by locale, with English standing in for whatever a locale has not
 * written yet (the same rule as the engine's text).
 */
import { DEFAULT_LOCALE, LOCALES, type Locale } from "../../../contract";
import { withFallback, type LocaleText } from "../../../lib/locale-text";
import { EN, type ReadingsText } from "./en";
import { FA } from "./fa";

export type { ReadingsText };

const OWN: { readonly [L in Locale]: LocaleText<ReadingsText> } = { en: EN, fa: FA };

const TEXTS = Object.fromEntries(LOCALES.map((l) => [l, l === DEFAULT_LOCALE ? EN : withFallback(EN, OWN[l])])) as Readonly<Record<Locale, ReadingsText>>;

export function readingsTextFor(locale: Locale | null | undefined): ReadingsText {
  return TEXTS[locale ?? DEFAULT_LOCALE] ?? EN;
}
