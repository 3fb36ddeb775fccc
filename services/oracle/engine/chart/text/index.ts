/** The chart's words by locale; the reading prose lives apart, under engine/text. */
import type { ChartLocale } from "../chart-types";
import type { ChartText } from "./chart-text";
import { EN_CHART } from "./en";
import { FA_CHART } from "./fa";

export type * from "./chart-text";

const TEXTS: Readonly<Record<ChartLocale, ChartText>> = { en: EN_CHART, fa: FA_CHART };

export function chartTextFor(locale: ChartLocale = "en"): ChartText {
  return TEXTS[locale] ?? EN_CHART;
}
