/**
 * The FC60 stamp of a local moment (weekday-month-day, half-day + hour animal, minute, second,
 * zone, and the base-60 day counts), and the parse of a stamp back into its parts. Encoding is the
 * hot path of every reading: validation, the JDN and every token are plain arithmetic and table
 * lookups, and the result is one object literal.
 */
import { InvalidInputError } from "../../../lib/errors";
import type { Fc60Stamp } from "../result-types";
import { encodeBase60, digit60 } from "./base60-codec";
import { EPOCH_MJD, EPOCH_RD, EPOCH_UNIX, isValidDate, jdnOfValidDate } from "./julian-date-engine";
import { PAD2, padInt, pyMod } from "./py-math";
import { ANIMALS, ANIMAL_TO_INDEX, TOKEN60 } from "./tokens";
import { DOMAINS, PLANETS, WEEKDAY_NAMES, WEEKDAY_TOKENS } from "./weekday-calculator";

// Local handles on the imported tables and helpers: under a CommonJS transpiler each access to an
// imported binding can be a getter call, which the hot path should not pay per token.
const TOKENS = TOKEN60;
const BRANCHES = ANIMALS;
const WD_TOKENS = WEEKDAY_TOKENS;
const WD_NAMES = WEEKDAY_NAMES;
const WD_PLANETS = PLANETS;
const WD_DOMAINS = DOMAINS;
const TWO_DIGITS = PAD2;
const base60 = encodeBase60;
const validDate = isValidDate;
const jdnOf = jdnOfValidDate;
const mod = pyMod;
const UNIX_EPOCH = EPOCH_UNIX;
const MJD_EPOCH = EPOCH_MJD;
const RD_EPOCH = EPOCH_RD;

const SUN = "☀";
const MOON = "🌙";

/**
 * Range checks of a stamp's inputs. Fields are named as a reading's input names them, since a
 * stamp always encodes the moment of a reading.
 */
export function validateInput(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  tzHours = 0,
  tzMinutes = 0,
): void {
  if (!validDate(year, month, day)) {
    throw new InvalidInputError("current_date", `${padInt(year, 4)}-${padInt(month, 2)}-${padInt(day, 2)} is not a calendar date`);
  }
  if (!(Number.isInteger(hour) && hour >= 0 && hour <= 23)) throw new InvalidInputError("current_hour", `must be 0-23, got ${hour}`);
  if (!(Number.isInteger(minute) && minute >= 0 && minute <= 59)) throw new InvalidInputError("current_minute", `must be 0-59, got ${minute}`);
  if (!(Number.isInteger(second) && second >= 0 && second <= 59)) throw new InvalidInputError("current_second", `must be 0-59, got ${second}`);
  if (!(Number.isInteger(tzHours) && tzHours >= -12 && tzHours <= 14)) throw new InvalidInputError("tz_hours", `must be -12 to +14, got ${tzHours}`);
  if (!(Number.isInteger(tzMinutes) && tzMinutes >= -59 && tzMinutes <= 59)) throw new InvalidInputError("tz_minutes", `must be 0-59, got ${tzMinutes}`);
}

/** "WD-MO-DOM". */
export function encodeDateStamp(wdToken: string, month: number, day: number): string {
  return wdToken + "-" + BRANCHES[month - 1]! + "-" + TOKENS[day]!;
}

/** "☀HOUR-MINUTE-SECOND" before noon, "🌙..." from noon; the hour is a 2-letter animal. */
export function encodeTimeStamp(hour: number, minute: number, second: number): string {
  return (hour < 12 ? SUN : MOON) + BRANCHES[hour % 12]! + "-" + TOKENS[minute]! + "-" + TOKENS[second]!;
}

/**
 * An offset has one sign: the hours' sign, or the minutes' when the hours are zero. So (-3, 30)
 * and (-3, -30) are both UTC-03:30, and (0, -30) is UTC-00:30.
 */
function offsetIsNegative(tzHours: number, tzMinutes: number): boolean {
  return tzHours < 0 || (tzHours === 0 && tzMinutes < 0);
}

/** "Z" for UTC, else sign + hours token + "-" + minutes token. */
export function encodeTimezone(tzHours: number, tzMinutes: number): string {
  if (tzHours === 0 && tzMinutes === 0) return "Z";
  return (offsetIsNegative(tzHours, tzMinutes) ? "-" : "+") + TOKENS[Math.abs(tzHours)]! + "-" + TOKENS[Math.abs(tzMinutes)]!;
}

/** ISO-8601: the date alone, or date, time and offset. */
export function formatIso(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  tzHours: number,
  tzMinutes: number,
  hasTime: boolean,
): string {
  const date = (year >= 0 && year <= 9999 ? padYear(year) : padInt(year, 4)) + "-" + TWO_DIGITS[month]! + "-" + TWO_DIGITS[day]!;
  if (!hasTime) return date;
  const tz =
    tzHours === 0 && tzMinutes === 0
      ? "Z"
      : (offsetIsNegative(tzHours, tzMinutes) ? "-" : "+") + pad2(Math.abs(tzHours)) + ":" + pad2(Math.abs(tzMinutes));
  return date + "T" + TWO_DIGITS[hour]! + ":" + TWO_DIGITS[minute]! + ":" + TWO_DIGITS[second]! + tz;
}

function padYear(year: number): string {
  return year >= 1000 ? String(year) : year >= 100 ? "0" + year : TWO_DIGITS[0]! + TWO_DIGITS[year]!;
}

function pad2(n: number): string {
  return n < 100 ? TWO_DIGITS[n]! : String(n);
}

/** The stamp of a local moment. Offsets and the checksum use local values; u60 is UTC seconds. */
export function encode(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  tzHours = 0,
  tzMinutes = 0,
  hasTime = true,
): Fc60Stamp {
  validateInput(year, month, day, hour, minute, second, tzHours, tzMinutes);

  const jdn = jdnOf(year, month, day);
  const wd = mod(jdn + 1, 7);
  const wdToken = WD_TOKENS[wd]!;
  const monthAnimal = BRANCHES[month - 1]!;
  const domToken = TOKENS[day]!;
  const dateStamp = wdToken + "-" + monthAnimal + "-" + domToken;

  let unixSeconds = (jdn - UNIX_EPOCH) * 86400;
  let fc60: string;
  let tz60: string;
  let chkValue = mod(year, 60) + 2 * month + 3 * day + 7 * mod(jdn, 60);
  let halfMarker = "";
  let hourAnimal = "";
  let minuteToken = "";
  if (hasTime) {
    halfMarker = hour < 12 ? SUN : MOON;
    hourAnimal = BRANCHES[hour % 12]!;
    minuteToken = TOKENS[minute]!;
    fc60 = dateStamp + " " + halfMarker + hourAnimal + "-" + minuteToken + "-" + TOKENS[second]!;
    tz60 = encodeTimezone(tzHours, tzMinutes);
    const offsetMinutes = Math.abs(tzHours) * 60 + Math.abs(tzMinutes);
    unixSeconds += hour * 3600 + minute * 60 + second - (offsetIsNegative(tzHours, tzMinutes) ? -offsetMinutes : offsetMinutes) * 60;
    chkValue += 4 * hour + 5 * minute + 6 * second;
  } else {
    fc60 = dateStamp;
    tz60 = "";
  }

  return {
    fc60,
    iso: formatIso(year, month, day, hour, minute, second, tzHours, tzMinutes, hasTime),
    tz60,
    y60: base60(year),
    y2k: TOKENS[mod(year - 2000, 60)]!,
    j60: base60(jdn),
    mjd60: base60(jdn - MJD_EPOCH),
    rd60: base60(jdn - RD_EPOCH),
    u60: base60(unixSeconds > 0 ? unixSeconds : 0),
    chk: TOKENS[chkValue % 60]!,
    _jdn: jdn,
    _weekday_index: wd,
    _weekday_token: wdToken,
    _weekday_name: WD_NAMES[wd]!,
    _planet: WD_PLANETS[wd]!,
    _domain: WD_DOMAINS[wd]!,
    _half_marker: halfMarker,
    _hour_animal: hourAnimal,
    _minute_token: minuteToken,
    _month_animal: monthAnimal,
    _dom_token: domToken,
  };
}

/** The base-60 tokens of an integer. */
export function encodeInteger(n: number): string {
  return base60(n);
}

/** The parts a stamp string spells out; keys appear only for parts that were recognised. */
export interface DecodedStamp {
  weekday_token?: string;
  weekday_name?: string;
  month?: number;
  month_token?: string;
  day?: number;
  dom_token?: string;
  half?: "AM" | "PM" | "Unknown";
  hour?: number;
  hour_animal?: string;
  minute?: number;
  minute_token?: string;
  second?: number;
  second_token?: string;
}

/**
 * Parse "WD-MO-DOM" and an optional " ☀HOUR-MIN-SEC" back into parts. Day, minute and second
 * tokens must be valid (InvalidInputError on `stamp`); an unknown weekday or month is reported as
 * such rather than rejected.
 */
export function decodeStamp(stampStr: string): DecodedStamp {
  const result: DecodedStamp = {};
  const parts = stampStr.split(" ");
  const datePart = parts[0]!;
  const timePart = parts.length > 1 ? parts[1]! : "";

  const dateTokens = datePart.split("-");
  if (dateTokens.length >= 3) {
    const wdToken = dateTokens[0]!;
    result.weekday_token = wdToken;
    const wdIdx = WD_TOKENS.indexOf(wdToken);
    result.weekday_name = wdIdx >= 0 ? WD_NAMES[wdIdx]! : "Unknown";
    const moToken = dateTokens[1]!;
    const mo = ANIMAL_TO_INDEX[moToken];
    if (mo !== undefined) result.month = mo + 1;
    result.month_token = moToken;
    result.day = stampDigit(dateTokens[2]!);
    result.dom_token = dateTokens[2]!;
  }

  if (timePart !== "") {
    let body: string;
    if (timePart.startsWith(SUN)) {
      result.half = "AM";
      body = timePart.slice(SUN.length);
    } else if (timePart.startsWith(MOON)) {
      result.half = "PM";
      body = timePart.slice(MOON.length);
    } else {
      result.half = "Unknown";
      body = timePart;
    }
    const timeTokens = body.split("-");
    const hourAnimal = timeTokens[0]!;
    const branch = ANIMAL_TO_INDEX[hourAnimal];
    if (branch !== undefined) {
      // The noon hour is the rat of the afternoon: 12, not 0.
      result.hour = result.half === "PM" ? (branch === 0 ? 12 : branch + 12) : branch;
      result.hour_animal = hourAnimal;
    }
    if (timeTokens.length >= 2) {
      result.minute = stampDigit(timeTokens[1]!);
      result.minute_token = timeTokens[1]!;
    }
    if (timeTokens.length >= 3) {
      result.second = stampDigit(timeTokens[2]!);
      result.second_token = timeTokens[2]!;
    }
  }
  return result;
}

function stampDigit(token: string): number {
  try {
    return digit60(token);
  } catch (err) {
    if (err instanceof InvalidInputError) throw new InvalidInputError("stamp", err.reason);
    throw err;
  }
}
