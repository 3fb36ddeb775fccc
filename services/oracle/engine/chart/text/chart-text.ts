/**
 * What the chart says in words, for one language. A number's meaning is built from a few facets
 * of the number (the road it stands for, its gift, its wish, the face it shows, the season it
 * brings) set in each part's own frame; challenges, karmic debts, karmic lessons and the
 * subconscious self have tables of their own. buildMeanings turns a language's pieces into one
 * table, computed once when the module loads.
 */
import type { NameScript } from "../../script/name-script";
import type { NameRoute } from "../../script/read-name";
import type { NumerologySystem, NumerologySystemChoice } from "../../reading-input";
import { PART_NUMBERS, type ChartPart } from "../chart-types";

export type CoreNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 11 | 22 | 33;
export type Digit = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** Noun phrases that fit the frames of the language. */
export interface NumberFacets {
  path: string;
  gift: string;
  wish: string;
  face: string;
  season: string;
}

type FacetPart = Exclude<ChartPart, "challenge" | "karmic_debt" | "karmic_lesson" | "subconscious_self">;

export interface ChartWords {
  facets: Readonly<Record<CoreNumber, NumberFacets>>;
  /** One sentence per part around a facet of the number. */
  frames: Readonly<Record<FacetPart, (f: NumberFacets) => string>>;
  challenge: Readonly<Record<0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8, string>>;
  karmicDebt: Readonly<Record<13 | 14 | 16 | 19, string>>;
  karmicLesson: Readonly<Record<Digit, string>>;
  subconsciousSelf: Readonly<Record<Digit, string>>;
  /** Words inside the working. */
  labels: {
    month: string;
    day: string;
    year: string;
    lifePath: string;
    expression: string;
    firstName: string;
    birthday: string;
    personalYear: string;
    personalMonth: string;
    initials: string;
    present: string;
    missing: string;
    /** Before the most frequent numbers. */
    most: string;
    none: string;
    masterKept: string;
    /** The meaning of a name number that has no letters to sum (no vowels, say). */
    noLetters: string;
    /** "5 ×3": a number and how often it occurs. */
    times(n: number, count: number): string;
    pinnacle(index: number): string;
    challenge(index: number): string;
  };
  scripts: Readonly<Record<NameScript, string>>;
  systemReason(choice: NumerologySystemChoice, system: NumerologySystem, script: NameScript, route: NameRoute): string;
}

export interface ChartText {
  words: ChartWords;
  /** The meaning of n in a part; "" for a number the part never takes. */
  meaning(part: ChartPart, n: number): string;
}

const FACET_PARTS = new Set<string>(["challenge", "karmic_debt", "karmic_lesson", "subconscious_self"]);

/** The table of every meaning of every part, from a language's words. */
export function buildMeanings(words: ChartWords): ChartText {
  // A plain object of rows, every part a property: a chart reads about twenty meanings, and a
  // property read is cheaper than a Map lookup. (An inherited name such as "toString" has no
  // numbered entries, so it reads as "" too.)
  const table: Partial<Record<ChartPart, (string | undefined)[]>> = {};
  for (const part of Object.keys(PART_NUMBERS) as ChartPart[]) {
    // A row is a list by number (every chart reads about twenty meanings), full-length so it stays a plain list.
    const row = new Array<string | undefined>(Math.max(...PART_NUMBERS[part]) + 1).fill(undefined);
    for (const n of PART_NUMBERS[part]) {
      let text: string | undefined;
      if (part === "challenge") text = words.challenge[n as 0];
      else if (part === "karmic_debt") text = words.karmicDebt[n as 13];
      else if (part === "karmic_lesson") text = words.karmicLesson[n as Digit];
      else if (part === "subconscious_self") text = words.subconsciousSelf[n as Digit];
      else if (!FACET_PARTS.has(part)) {
        const facets = words.facets[n as CoreNumber];
        text = facets ? words.frames[part as FacetPart](facets) : undefined;
      }
      if (text !== undefined) row[n] = text;
    }
    table[part] = row;
  }
  return {
    words,
    meaning: (part, n) => table[part]?.[n] ?? "",
  };
}
