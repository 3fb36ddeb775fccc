/** The reading types' words by locale; a reading layer asks for its locale's text here. */
import type { Locale } from "../../engine/reading-input";
import { EN, type ReadingsText } from "./en";
import { FA } from "./fa";

const TEXTS: Readonly<Record<Locale, ReadingsText>> = { en: EN, fa: FA };

export function readingsTextFor(locale: Locale = "en"): ReadingsText {
  return TEXTS[locale] ?? EN;
}

export type { ReadingsText };
