/**
 * Gregorian dates <-> Julian Day Numbers (Fliegel-Van Flandern), with the day counts derived from
 * them (MJD, Rata Die, Unix days). Proleptic Gregorian for every integer year.
 */
import { InvalidInputError } from "../../../lib/errors";
import { floorDiv, padInt } from "./py-math";

export const EPOCH_Y2K = 2451545;
export const EPOCH_UNIX = 2440588;
export const EPOCH_MJD = 2400001;
export const EPOCH_RD = 1721425;

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** JDN of a Gregorian date; an impossible date throws InvalidInputError on `field` (default "date"). */
export function gregorianToJdn(year: number, month: number, day: number, field = "date"): number {
  if (!isValidDate(year, month, day)) {
    throw new InvalidInputError(field, `${padInt(year, 4)}-${padInt(month, 2)}-${padInt(day, 2)} is not a calendar date`);
  }
  return jdnOfValidDate(year, month, day);
}

/** The formula alone, for callers that have already validated the date. */
export function jdnOfValidDate(year: number, month: number, day: number): number {
  // January and February count as months 13 and 14 of the previous year.
  const a = month <= 2 ? 1 : 0;
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + floorDiv(153 * m + 2, 5) + 365 * y + floorDiv(y, 4) - floorDiv(y, 100) + floorDiv(y, 400) - 32045;
}

/** [year, month, day] of a JDN. */
export function jdnToGregorian(jdn: number): [number, number, number] {
  const a = jdn + 32044;
  const b = floorDiv(4 * a + 3, 146097);
  const c = a - floorDiv(146097 * b, 4);
  const d = floorDiv(4 * c + 3, 1461);
  const e = c - floorDiv(1461 * d, 4);
  const m = floorDiv(5 * e + 2, 153);
  const day = e - floorDiv(153 * m + 2, 5) + 1;
  const month = m + 3 - 12 * floorDiv(m, 10);
  const year = 100 * b + d - 4800 + floorDiv(m, 10);
  return [year, month, day];
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12) return false;
  const last = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month]!;
  return day >= 1 && day <= last;
}

export function jdnToMjd(jdn: number): number {
  return jdn - EPOCH_MJD;
}

export function mjdToJdn(mjd: number): number {
  return mjd + EPOCH_MJD;
}

export function jdnToRd(jdn: number): number {
  return jdn - EPOCH_RD;
}

export function rdToJdn(rd: number): number {
  return rd + EPOCH_RD;
}

export function jdnToUnixDays(jdn: number): number {
  return jdn - EPOCH_UNIX;
}

export function unixDaysToJdn(unixDays: number): number {
  return unixDays + EPOCH_UNIX;
}

/** JDN of the UTC calendar day containing `now`. The engine never reads the clock: the caller passes it. */
export function currentJdn(now: Date): number {
  return jdnOfValidDate(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}

export interface CrossReferences {
  jdn: number;
  mjd: number;
  rd: number;
  unix_days: number;
  relationships_valid: boolean;
}

export function verifyCrossReferences(jdn: number): CrossReferences {
  const mjd = jdnToMjd(jdn);
  const rd = jdnToRd(jdn);
  return { jdn, mjd, rd, unix_days: jdnToUnixDays(jdn), relationships_valid: mjd === rd - 678576 };
}
