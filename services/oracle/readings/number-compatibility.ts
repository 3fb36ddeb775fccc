/**
 * How two core numbers get along, by the three families numerologists group them in: 1-5-7
 * (independent minds), 2-4-8 (builders and keepers), 3-6-9 (creative hearts). A master number is
 * compared by its root (11 as 2, 22 as 4, 33 as 6). The table is symmetric: a pair scores the
 * same whichever person comes first.
 */
export const RELATIONS = ["same", "natural", "compatible", "challenging"] as const;
export type Relation = (typeof RELATIONS)[number];

export const RELATION_SCORES: Readonly<Record<Relation, number>> = { natural: 90, same: 80, compatible: 65, challenging: 35 };

export const FAMILIES = [[1, 5, 7], [2, 4, 8], [3, 6, 9]] as const;

/** Pairs across families that still work well together (smaller number first). */
const COMPATIBLE = new Set(["1-2", "1-3", "1-9", "2-3", "2-6", "3-5", "4-6", "4-7", "5-9", "6-8"]);

export interface NumberPair {
  a: number;
  b: number;
  relation: Relation;
  score: number;
}

export function rootOf(n: number): number {
  return n === 0 ? 0 : 1 + ((n - 1) % 9);
}

export function familyOf(n: number): number {
  return FAMILIES.findIndex((f) => (f as readonly number[]).includes(rootOf(n)));
}

export function numberPairScore(a: number, b: number): NumberPair {
  const [x, y] = [rootOf(a), rootOf(b)].sort((p, q) => p - q) as [number, number];
  let relation: Relation;
  if (x === 0 || y === 0) relation = "challenging";
  else if (x === y) relation = "same";
  else if (familyOf(x) === familyOf(y)) relation = "natural";
  else relation = COMPATIBLE.has(`${x}-${y}`) ? "compatible" : "challenging";
  return { a, b, relation, score: RELATION_SCORES[relation] };
}
