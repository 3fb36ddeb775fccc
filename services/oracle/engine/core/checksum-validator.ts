/**
 * The weighted stamp checksum:
 * CHK = (year%60 + 2*month + 3*day + 4*hour + 5*minute + 6*second + 7*(JDN%60)) mod 60, as a token.
 */
import { InvalidInputError } from "../../../lib/errors";
import { pyMod } from "./py-math";
import { TOKEN60 } from "./tokens";

export function calculateChk(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  jdn: number | null = null,
): string {
  if (jdn === null || jdn === undefined) throw new InvalidInputError("jdn", "the Julian day number is required for a checksum");
  return TOKEN60[pyMod(pyMod(year, 60) + 2 * month + 3 * day + 4 * hour + 5 * minute + 6 * second + 7 * pyMod(jdn, 60), 60)]!;
}

export function calculateChkDateOnly(year: number, month: number, day: number, jdn: number): string {
  return TOKEN60[pyMod(pyMod(year, 60) + 2 * month + 3 * day + 7 * pyMod(jdn, 60), 60)]!;
}

/** True when the token (any letter case) is the checksum of the moment. */
export function verifyChk(
  expectedChk: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  jdn: number | null = null,
): boolean {
  return calculateChk(year, month, day, hour, minute, second, jdn) === expectedChk.toUpperCase();
}
