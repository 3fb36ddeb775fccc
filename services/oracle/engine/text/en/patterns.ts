/** Messages of detected patterns and of the confidence score. */
import type { PatternText } from "../engine-text";
import { lowerFirst, times } from "./words";

export const PATTERNS: PatternText = {
  numberRepetition: (n, count) => `${n} shows up ${times(count)} in your core numbers.`,
  masterNumber: (lifePath) => `Life Path ${lifePath} is one of the master numbers (11, 22, 33).`,
  animalRepetition: (animalName, count, trait) => `Repeated animal: the ${animalName}, ${times(count)}, for ${lowerFirst(trait)}.`,
  confidenceFactors: (sources) => `${sources} kinds of input were used`,
};
