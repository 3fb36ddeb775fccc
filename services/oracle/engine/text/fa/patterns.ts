/** Messages of detected patterns and of the confidence score, in Persian. */
import type { PatternText } from "../engine-text";
import { animal, fd, times, trait } from "./words";

export const PATTERNS: PatternText = {
  numberRepetition: (n, count) => `عدد ${fd(n)} ${times(count)} در عددهای اصلی شما آمده است.`,
  masterNumber: (lifePath) => `مسیر زندگی ${fd(lifePath)} یکی از عددهای استاد است (${fd(11)}، ${fd(22)}، ${fd(33)}).`,
  animalRepetition: (animalName, count, t) => `جانور تکراری: ${animal(animalName)}، ${times(count)}، نشانِ ${trait(animalName, t)}.`,
  confidenceFactors: (sources) => `${fd(sources)} گونه داده به کار رفت`,
};
