/**
 * Pairwise compatibility and group analysis. Pure: each member is reduced to the few facts that
 * are compared (life path, birth-year element and animal, moon phase at birth, the reading's
 * patterns), then five dimensions are scored 0..1 and weighted.
 */
import { ANIMAL_NAMES } from "../engine";
import { EN, type ReadingsText } from "./text/en";
import type { CompatibilityClass, CompatibilityDimensions, Dimension, GroupAnalysis, PairCompatibility } from "./types";

export const COMPATIBILITY_WEIGHTS: Readonly<CompatibilityDimensions> = {
  life_path: 0.3,
  element: 0.25,
  animal: 0.2,
  moon: 0.15,
  patterns: 0.1,
};

/** Dimensions at or above this are strengths; at or below CHALLENGE_AT, challenges. */
export const STRENGTH_AT = 0.7;
export const CHALLENGE_AT = 0.3;

/** The facts of one member that compatibility compares. */
export interface Member {
  readonly name: string;
  readonly lifePath: number;
  /** Wood, Fire, Earth, Metal or Water: the element of the birth year. */
  readonly element: string;
  /** 0 (Rat) .. 11 (Pig): the branch of the birth year. */
  readonly branch: number;
  readonly animal: string;
  /** 0 (New Moon) .. 7 (Waning Crescent): the phase on the day of birth. */
  readonly moonPhase: number;
  /** One key per detected pattern, e.g. "number_repetition:5". */
  readonly patterns: readonly string[];
}

const MASTER_BASE: Readonly<Record<number, number>> = { 11: 2, 22: 4, 33: 6 };

function isMaster(n: number): boolean {
  return n in MASTER_BASE;
}

/** Same number 1.0; a master with its base 0.9; two masters 0.85; summing to 9 0.8; else closer is better. */
export function lifePathScore(a: number, b: number): number {
  if (a === b) return 1;
  if (MASTER_BASE[a] === b || MASTER_BASE[b] === a) return 0.9;
  if (isMaster(a) && isMaster(b)) return 0.85;
  if (a + b === 9) return 0.8;
  // A master number is measured by its base, so 33 is near 6 rather than far beyond 9.
  const distance = Math.abs((MASTER_BASE[a] ?? a) - (MASTER_BASE[b] ?? b));
  return 0.3 + 0.1 * (1 - distance / 8);
}

/** The generating cycle of the five elements: each feeds the next. */
const GENERATING = ["Wood", "Fire", "Earth", "Metal", "Water"] as const;

/** Same element 0.7; neighbours in the generating cycle 0.9; the controlling (skip-one) relation 0.3. */
export function elementScore(a: string, b: string): number {
  if (a === b) return 0.7;
  const i = GENERATING.indexOf(a as (typeof GENERATING)[number]);
  const j = GENERATING.indexOf(b as (typeof GENERATING)[number]);
  if (i < 0 || j < 0) return 0.5;
  const step = (j - i + 5) % 5;
  return step === 1 || step === 4 ? 0.9 : 0.3;
}

/**
 * By branch index: the six harmony pairs (Rat-Ox, Tiger-Pig, ...) sum to 1 mod 12 and score 1.0;
 * opposites (six apart) clash at 0.2; the four trines (same index mod 4) score 0.8; the same
 * animal 0.7; anything else 0.5.
 */
export function animalScore(a: number, b: number): number {
  if (a === b) return 0.7;
  if ((a + b) % 12 === 1) return 1;
  if (Math.abs(a - b) === 6) return 0.2;
  if (a % 4 === b % 4) return 0.8;
  return 0.5;
}

/** Same phase 1.0; neighbouring phases 0.7; opposite phases 0.3; else 0.5. */
export function moonScore(a: number, b: number): number {
  if (a === b) return 1;
  const diff = Math.abs(a - b);
  const circular = Math.min(diff, 8 - diff);
  return circular === 1 ? 0.7 : circular === 4 ? 0.3 : 0.5;
}

/** Two shared patterns or more 0.9; one 0.7; none 0.4; 0.5 when either reading has none. */
export function patternScore(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0.5;
  const own = new Set(a);
  let shared = 0;
  for (const key of new Set(b)) if (own.has(key)) shared++;
  return shared >= 2 ? 0.9 : shared === 1 ? 0.7 : 0.4;
}

export function classify(score: number): CompatibilityClass {
  return score >= 0.8 ? "excellent" : score >= 0.6 ? "good" : score >= 0.4 ? "mixed" : "challenging";
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** Whole percent, never rounded up to a score the pair did not reach. */
function percent(score: number): number {
  return Math.floor(score * 100 + 1e-9);
}

const DIMENSIONS = Object.keys(COMPATIBILITY_WEIGHTS) as Dimension[];

export function pairCompatibility(a: Member, b: Member, aIndex: number, bIndex: number, text: ReadingsText = EN): PairCompatibility {
  const dimensions: CompatibilityDimensions = {
    life_path: lifePathScore(a.lifePath, b.lifePath),
    element: elementScore(a.element, b.element),
    animal: animalScore(a.branch, b.branch),
    moon: moonScore(a.moonPhase, b.moonPhase),
    patterns: patternScore(a.patterns, b.patterns),
  };
  let weighted = 0;
  for (const d of DIMENSIONS) weighted += dimensions[d] * COMPATIBILITY_WEIGHTS[d];
  const score = round4(weighted);
  const classification = classify(score);
  return {
    a_index: aIndex,
    b_index: bIndex,
    a_name: a.name,
    b_name: b.name,
    score,
    percentage: percent(score),
    classification,
    dimensions,
    strengths: DIMENSIONS.filter((d) => dimensions[d] >= STRENGTH_AT),
    challenges: DIMENSIONS.filter((d) => dimensions[d] <= CHALLENGE_AT),
    description: text.compatibility.pair[classification],
  };
}

/** Every pair once, in request order: (0,1), (0,2), ..., (1,2), ... */
export function allPairs(members: readonly Member[], text: ReadingsText = EN): PairCompatibility[] {
  const pairs: PairCompatibility[] = [];
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) pairs.push(pairCompatibility(members[i]!, members[j]!, i, j, text));
  }
  return pairs;
}

function tally(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

/** The most frequent value; ties go to the one earliest in `order`. */
function dominant(counts: Readonly<Record<string, number>>, order: readonly string[]): string {
  let best = "";
  let bestCount = 0;
  for (const key of order) {
    const n = counts[key] ?? 0;
    if (n > bestCount) {
      best = key;
      bestCount = n;
    }
  }
  return best;
}

/** The group as a whole: its harmony (the mean pair score), element balance and animal spread. */
export function groupAnalysis(members: readonly Member[], pairs: readonly PairCompatibility[], text: ReadingsText = EN): GroupAnalysis {
  const harmony = round4(pairs.reduce((sum, p) => sum + p.score, 0) / pairs.length);
  const classification = classify(harmony);
  const element_balance = tally(members.map((m) => m.element));
  const animal_distribution = tally(members.map((m) => m.animal));
  const elements = Object.keys(element_balance);
  let summary = `${text.compatibility.group[classification]}.`;
  if (elements.length >= 4) summary += ` ${text.compatibility.diverseElements}`;
  else if (elements.length === 1) summary += ` ${text.compatibility.singleElement(elements[0]!)}`;
  return {
    harmony_score: harmony,
    harmony_percentage: percent(harmony),
    classification,
    element_balance,
    animal_distribution,
    dominant_element: dominant(element_balance, GENERATING),
    dominant_animal: dominant(animal_distribution, ANIMAL_NAMES),
    summary,
  };
}
