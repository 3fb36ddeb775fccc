/** Recommended actions of the signal combiner, in Persian. */
import type { CombinerText } from "../engine-text";
import { PHASE_BEST_FOR } from "../../universal/moon-engine";
import { fd, PHASES } from "./words";

/** The Persian "good for" of the phase whose English one the combiner passes. */
function bestForFa(bestFor: string): string {
  for (const [phase, english] of PHASE_BEST_FOR) if (english === bestFor) return PHASES[phase]?.bestFor ?? bestFor;
  return bestFor;
}

export const ACTIONS: CombinerText["actions"] = {
  fromRepetition: "بگذار پند جانورِ تکرارشده نخستین کار امروزت را تعیین کند.",
  fromPlanet: (firstSentence) => `برنامهٔ روز را گرد فرمانروای آن بچین. ${firstSentence.replace(/[.。]$/, "")}.`,
  fromMoon: "تلاشت را با ماه هماهنگ کن: وقتی می‌افزاید پیش برو، وقتی می‌کاهد آرام‌تر بگیر.",
  fromOther: "از هر کدام از این نشانه‌ها که برایت راست‌تر بود آغاز کن.",
  fromLifePath: (_lifePathMessage, personalYear) => `امروز زمانی را به هدف مسیر زندگی‌ات بده، به همان شیوه‌ای که سال شخصی ${fd(personalYear)} می‌پسندد.`,
  fromBestFor: (bestFor) => `کار مناسب این ماه: ${bestForFa(bestFor)}. بخشی از آن را در روزت جا بده.`,
  defaults: [
    "هر تصمیم بزرگی که امروز پیش آمد، بگذار یک شب بماند.",
    "یادداشت کوتاهی از هر چیزی که غافلگیرت کرد بنویس.",
    "یک کار کوچک را که عقب انداخته‌ای انجام بده.",
  ],
};
