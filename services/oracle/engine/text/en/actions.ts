/** Recommended actions of the signal combiner. */
import type { CombinerText } from "../engine-text";
import { lowerFirst } from "./words";

export const ACTIONS: CombinerText["actions"] = {
  fromRepetition: "Let the repeated animal's advice decide your first move of the day.",
  fromPlanet: (firstSentence) => `Plan around the day's ruler. ${firstSentence}.`,
  fromMoon: "Time your efforts to the moon: push while it builds, ease off while it wanes.",
  fromOther: "Start from whichever of these signals felt most true to you.",
  fromLifePath: (lifePathMessage, personalYear) =>
    `Give some time today to your life path's aim (${lowerFirst(lifePathMessage)}), in the way Personal Year ${personalYear} favours.`,
  fromBestFor: (bestFor) => `Good work for this moon: ${lowerFirst(bestFor)}. Fit some of it into the day.`,
  defaults: [
    "Sleep on any big decision that comes up today.",
    "Keep a short note of anything that surprised you.",
    "Do one small thing you have been putting off.",
  ],
};
