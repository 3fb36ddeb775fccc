/**
 * The parts of a date as the chart reduces them, each with its own working: "month 7",
 * "day 15 (1+5 = 6)", "year 1990 (1+9+9+0 = 19, 1+9 = 10, 1+0 = 1)".
 *
 * A part depends only on its label, its number and whether masters are kept, so each is made
 * once and shared frozen: every chart reads three or four of them, from a few thousand possible.
 */
import { digitSum } from "../core/py-math";
import { reduce, stepsOf, type Reduction } from "./reduce";

export interface DatePart {
  value: number;
  /** "month 7" or "day 15 (1+5 = 6)". */
  text: string;
}

function partText(label: string, n: number, r: Reduction): string {
  return r.chain.length === 1 ? `${label} ${n}` : `${label} ${n} (${stepsOf(r, "")})`;
}

/** Numbers 1-9999 (every year a date may have), with and without masters kept. */
const SHARED_NUMBERS = 10_000;

/**
 * Shared parts by label (each language has a handful of labels), one table for days and months
 * and one for years: index n, or n + 10,000 with masters kept.
 */
const DAYS_AND_MONTHS = new Map<string, (DatePart | undefined)[]>();
const YEARS = new Map<string, (DatePart | undefined)[]>();

function isShared(n: number): boolean {
  return n >= 1 && n < SHARED_NUMBERS && Number.isInteger(n);
}

function rowOf(table: Map<string, (DatePart | undefined)[]>, label: string): (DatePart | undefined)[] {
  let row = table.get(label);
  if (row === undefined) table.set(label, (row = new Array<DatePart | undefined>(2 * SHARED_NUMBERS).fill(undefined)));
  return row;
}

function makeDayOrMonth(label: string, n: number, keepMasters: boolean): DatePart {
  const r = reduce(n, keepMasters);
  return Object.freeze({ value: r.value, text: partText(label, n, r) });
}

/** A month or a day reduced (masters kept when asked, as the life path keeps them). */
export function dayOrMonth(label: string, n: number, keepMasters: boolean): DatePart {
  if (!isShared(n)) return makeDayOrMonth(label, n, keepMasters);
  return (rowOf(DAYS_AND_MONTHS, label)[keepMasters ? n + SHARED_NUMBERS : n] ??= makeDayOrMonth(label, n, keepMasters));
}

function makeYearPart(label: string, year: number, keepMasters: boolean): DatePart {
  const sum = digitSum(year);
  const r = reduce(sum, keepMasters);
  const chain = sum === year ? r.chain : [year, ...r.chain];
  return Object.freeze({ value: r.value, text: partText(label, year, { ...r, chain }) });
}

/**
 * A year is first summed digit by digit, then reduced: year 11 is 1+1 = 2, never a kept master,
 * while a digit sum of 11 (year 2009) is kept when masters are.
 */
export function yearPart(label: string, year: number, keepMasters: boolean): DatePart {
  if (!isShared(year)) return makeYearPart(label, year, keepMasters);
  return (rowOf(YEARS, label)[keepMasters ? year + SHARED_NUMBERS : year] ??= makeYearPart(label, year, keepMasters));
}
