/** The words of chart compatibility (English): why two numbers, or two signals, score as they do. */
import type { NumberPair, Relation } from "../number-compatibility";
import { familyOf, rootOf } from "../number-compatibility";

const PART = { life_path: "Life paths", expression: "Expressions", soul_urge: "Soul urges" } as const;
const FAMILY = ["the 1-5-7 family of independent minds", "the 2-4-8 family of builders and keepers", "the 3-6-9 family of creative hearts"] as const;

const RELATION: Readonly<Record<Relation, (p: NumberPair) => string>> = {
  same: (p) => `are both ${rootOf(p.a)}: easy understanding, and the same blind spots`,
  natural: (p) => `${p.a} and ${p.b} are natural partners, both of ${FAMILY[familyOf(p.a)]}`,
  compatible: (p) => `${p.a} and ${p.b} come from different families that complement each other`,
  challenging: (p) => `${p.a} and ${p.b} want different things and need patience with each other`,
};

const SIGNAL = {
  life_path: "life paths compared by closeness",
  element: "birth-year elements in the five-element cycle",
  animal: "birth-year animals in the twelve-branch cycle",
  moon: "moon phases on the days of birth",
  patterns: "patterns the two readings share today",
} as const;

function band(score: number): string {
  return score >= 0.7 ? "a strength" : score <= 0.3 ? "a challenge" : "neutral";
}

export const CHART_WORDS = {
  numberReason(dimension: keyof typeof PART, pair: NumberPair): string {
    const masters = [pair.a, pair.b].filter((n) => n > 9);
    const note = masters.length > 0 ? ` (master ${masters.join(" and ")} read by ${masters.map(rootOf).join(" and ")})` : "";
    return `${PART[dimension]} ${RELATION[pair.relation](pair)}${note}.`;
  },
  signalReason(dimension: keyof typeof SIGNAL, score: number): string {
    return `The ${SIGNAL[dimension]}: ${Math.round(score * 100)} of 100, ${band(score)}.`;
  },
};
