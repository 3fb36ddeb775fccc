/** The engine's words, by locale. Add a language as text/<locale>/ implementing EngineText. */
import type { Locale } from "../reading-input";
import type { EngineText } from "./engine-text";
import { EN } from "./en";
import { FA } from "./fa";

export type * from "./engine-text";

const TEXTS: Readonly<Record<Locale, EngineText>> = { en: EN, fa: FA };

export const DEFAULT_TEXT: EngineText = EN;

export function textFor(locale: Locale = "en"): EngineText {
  return TEXTS[locale] ?? EN;
}
