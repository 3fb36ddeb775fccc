/**
 * The parts of a date as the chart reduces them, each with its own working: "month 7",
 * "day 15 (1+5 = 6)", "year 1990 (1+9+9+0 = 19, 1+9 = 10, 1+0 = 1)".
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

/** A month or a day reduced (masters kept when asked, as the life path keeps them). */
export function dayOrMonth(label: string, n: number, keepMasters: boolean): DatePart {
  const r = reduce(n, keepMasters);
  return { value: r.value, text: partText(label, n, r) };
}

/**
 * A year is first summed digit by digit, then reduced: year 11 is 1+1 = 2, never a kept master,
 * while a digit sum of 11 (year 2009) is kept when masters are.
 */
export function yearPart(label: string, year: number, keepMasters: boolean): DatePart {
  const sum = digitSum(year);
  const r = reduce(sum, keepMasters);
  const chain = sum === year ? r.chain : [year, ...r.chain];
  return { value: r.value, text: partText(label, year, { ...r, chain }) };
}
