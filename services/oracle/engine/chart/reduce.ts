/**
 * Sums and their reductions, written out the way a person checks them by hand:
 * "7+6+1 = 14, 1+4 = 5". Every chart number is one of these.
 */
import { digitSum } from "../core/py-math";

export const MASTER = [11, 22, 33] as const;
export const KARMIC_DEBTS = [13, 14, 16, 19] as const;
export type KarmicDebt = (typeof KARMIC_DEBTS)[number];

export function isMaster(n: number): boolean {
  return n === 11 || n === 22 || n === 33;
}

function isKarmicDebt(n: number): n is KarmicDebt {
  return n === 13 || n === 14 || n === 16 || n === 19;
}

/** A total reduced by repeated digit sums. */
export interface Reduction {
  /** The total, then each digit sum: [1990, 19, 10, 1]. */
  chain: number[];
  value: number;
  /** The reduction stopped at 11, 22 or 33. */
  master: boolean;
  /** 13, 14, 16 or 19 met on the way down, else null. */
  debt: KarmicDebt | null;
}

/** Reduces a total to one digit; with keepMasters it stops at 11, 22 or 33. */
export function reduce(total: number, keepMasters = true): Reduction {
  const chain = [total];
  let n = total;
  let debt: KarmicDebt | null = isKarmicDebt(n) ? n : null;
  while (n > 9 && !(keepMasters && isMaster(n))) {
    n = digitSum(n);
    chain.push(n);
    if (debt === null && isKarmicDebt(n)) debt = n;
  }
  return { chain, value: n, master: isMaster(n), debt };
}

/**
 * Made full-length from the start: a list filled at scattered places up to 10,000 would turn
 * into a slow dictionary of its indices.
 */
const DIGITS_CACHE: (string | undefined)[] = new Array<string | undefined>(10_000).fill(undefined);

/** The digits of n joined by "+": 1990 -> "1+9+9+0" (kept once made, for the numbers a chart meets). */
export function digitsOf(n: number): string {
  const cached = n < 10_000 ? DIGITS_CACHE[n] : undefined;
  if (cached !== undefined) return cached;
  const s = String(n);
  let out = s[0]!;
  for (let i = 1; i < s.length; i++) out += "+" + s[i];
  if (n < 10_000) DIGITS_CACHE[n] = out;
  return out;
}

/**
 * The reduction steps after the total: ", 1+9 = 10, 1+0 = 1" (empty when the total is one digit
 * or kept); `lead` goes before the first step.
 */
export function stepsOf(r: Reduction, lead = ", "): string {
  let out = "";
  for (let i = 1; i < r.chain.length; i++) out += `${i === 1 ? lead : ", "}${digitsOf(r.chain[i - 1]!)} = ${r.chain[i]}`;
  return out;
}

/** A labelled number and its reduction: "day 29: 2+9 = 11", or "day 7". */
export function labelled(label: string, n: number, r: Reduction): string {
  return `${label} ${n}${stepsOf(r, ": ")}`;
}

/** "terms = total" and the steps; a lone term is its own total. */
export function sumWorking(terms: readonly (string | number)[], r: Reduction): string {
  if (terms.length === 1 && String(terms[0]) === String(r.chain[0])) return String(r.chain[0]) + stepsOf(r);
  // Joined by hand: Array.prototype.join is the slower road for two or three terms.
  let head = "";
  for (let i = 0; i < terms.length; i++) head += i === 0 ? String(terms[i]) : "+" + terms[i];
  return `${head} = ${r.chain[0]}${stepsOf(r)}`;
}

/**
 * The totals below this are reduced once each and shared: a chart meets dozens of small totals
 * (letter sums, dates, sums of two or three numbers), the same few hundred for every person.
 */
const SHARED_TOTALS = 10_000;

/** A shared reduction with its steps written out once (", 1+9 = 10, 1+0 = 1"). */
export interface SharedReduction extends Readonly<Reduction> {
  readonly steps: string;
}

function sharedRow(): (SharedReduction | undefined)[] {
  return new Array<SharedReduction | undefined>(SHARED_TOTALS).fill(undefined);
}

const SHARED_REDUCTIONS = [sharedRow(), sharedRow()] as const;

function made(total: number, keepMasters: boolean): SharedReduction {
  const r = reduce(total, keepMasters);
  Object.freeze(r.chain);
  return Object.freeze({ chain: r.chain, value: r.value, master: r.master, debt: r.debt, steps: stepsOf(r) });
}

/** reduce(), shared and frozen for the totals a chart meets (a fresh one past them). */
export function reduced(total: number, keepMasters = true): SharedReduction {
  if (!(total >= 0 && total < SHARED_TOTALS && Number.isInteger(total))) return made(total, keepMasters);
  const row = SHARED_REDUCTIONS[keepMasters ? 1 : 0];
  return (row[total] ??= made(total, keepMasters));
}

/** A sum of small terms reduced (masters kept), with its sumWorking text. */
export interface SharedSum {
  readonly r: SharedReduction;
  readonly working: string;
}

/** Terms below this are small enough to share their sums (every chart number is at most 33). */
const SMALL_TERM = 64;
const SUMS2 = new Array<SharedSum | undefined>(SMALL_TERM * SMALL_TERM).fill(undefined);
const SUMS3 = new Map<number, SharedSum>();

function isSmallTerm(n: number): boolean {
  return n >= 0 && n < SMALL_TERM && Number.isInteger(n);
}

function sumOfTerms(terms: readonly number[]): SharedSum {
  let total = 0;
  for (let i = 0; i < terms.length; i++) total += terms[i]!;
  const r = reduced(total);
  return Object.freeze({ r, working: sumWorking(terms, r) });
}

/** a + b reduced and written out, as sumWorking([a, b], reduce(a + b)) has it. */
export function sum2(a: number, b: number): SharedSum {
  if (!isSmallTerm(a) || !isSmallTerm(b)) return sumOfTerms([a, b]);
  return (SUMS2[a * SMALL_TERM + b] ??= sumOfTerms([a, b]));
}

/** a + b + c reduced and written out, as sumWorking([a, b, c], reduce(a + b + c)) has it. */
export function sum3(a: number, b: number, c: number): SharedSum {
  if (!isSmallTerm(a) || !isSmallTerm(b) || !isSmallTerm(c)) return sumOfTerms([a, b, c]);
  const key = (a * SMALL_TERM + b) * SMALL_TERM + c;
  let s = SUMS3.get(key);
  if (s === undefined) SUMS3.set(key, (s = sumOfTerms([a, b, c])));
  return s;
}
