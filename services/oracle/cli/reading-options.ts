/**
 * `nps reading` options -> the engine's reading input. Pure: the current moment and the local
 * UTC offset come from the caller's clock. Every problem is a CliError naming the option, exit 2.
 */
import { CliError } from "../../cli-error";
import type { LocalMoment, NumerologySystemChoice, ReadingInput } from "../engine";
import { LOCALES, oneOf, type Locale } from "../../contract";
import { parseSystemChoice } from "../engine";
import { InvalidInputError } from "../../lib/errors";

export interface ReadingOptions {
  name?: string;
  birth?: string;
  at?: string;
  tz?: string;
  mother?: string;
  gender?: string;
  lat?: string;
  lon?: string;
  bpm?: string;
  system?: string;
  locale?: string;
  json?: boolean;
}

/** The machine's clock as the CLI sees it: now, and the local UTC offset (minutes east) of any local moment. */
export interface LocalClock {
  now(): LocalMoment & { hour: number; minute: number; second: number };
  offsetMinutes(moment: LocalMoment): number;
}

/** The system clock and time zone of this process. */
export function systemClock(now: Date): LocalClock {
  return {
    now: () => ({
      year: now.getFullYear(),
      month: now.getMonth() + 1,
      day: now.getDate(),
      hour: now.getHours(),
      minute: now.getMinutes(),
      second: now.getSeconds(),
    }),
    offsetMinutes: (m) => {
      const local = new Date(m.year, m.month - 1, m.day, m.hour ?? 0, m.minute ?? 0, m.second ?? 0);
      // getTimezoneOffset counts minutes west of UTC; the engine counts east.
      return -local.getTimezoneOffset();
    },
  };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MOMENT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const OFFSET = /^([+-]?)(\d{1,2})(?::?(\d{2}))?$/;

function bad(option: string, message: string): CliError {
  return new CliError(`${option}: ${message}`, 2);
}

export function parseDate(option: string, value: string): { year: number; month: number; day: number } {
  const m = DATE.exec(value.trim());
  if (m === null) throw bad(option, `'${value}' is not a date; use YYYY-MM-DD`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function parseMoment(value: string): LocalMoment {
  const m = MOMENT.exec(value.trim());
  if (m === null) throw bad("--at", `'${value}' is not a moment; use YYYY-MM-DDTHH:MM, YYYY-MM-DDTHH:MM:SS or YYYY-MM-DD`);
  const moment: LocalMoment = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (m[4] !== undefined) {
    moment.hour = Number(m[4]);
    moment.minute = Number(m[5]);
    moment.second = m[6] === undefined ? 0 : Number(m[6]);
  }
  return moment;
}

/** "+03:30", "-0500", "+5", "0", "Z" -> minutes east of UTC. */
export function parseOffset(value: string): number {
  const v = value.trim();
  if (v === "Z" || v.toUpperCase() === "UTC") return 0;
  const m = OFFSET.exec(v);
  if (m === null) throw bad("--tz", `'${value}' is not a UTC offset; use +HH:MM, -HH:MM or Z`);
  const sign = m[1] === "-" ? -1 : 1;
  const hours = Number(m[2]);
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  if (minutes > 59) throw bad("--tz", `minutes must be 00-59 in '${value}'`);
  return sign * (hours * 60 + minutes) || 0;
}

function parseNumber(option: string, value: string): number {
  const n = Number(value.trim());
  if (value.trim() === "" || !Number.isFinite(n)) throw bad(option, `'${value}' is not a number`);
  return n;
}

function parseGender(value: string): string {
  const g = value.trim().toLowerCase();
  if (g !== "male" && g !== "female") throw bad("--gender", `'${value}' is not one of male, female`);
  return g;
}

function parseSystem(value: string | undefined): NumerologySystemChoice {
  if (value === undefined) return "auto";
  try {
    return parseSystemChoice(value.trim());
  } catch (err) {
    if (err instanceof InvalidInputError) throw bad("--system", `'${value}' is not one of pythagorean, chaldean, abjad, auto`);
    throw err;
  }
}

function parseLocale(value: string | undefined): Locale {
  if (value === undefined) return "en";
  const locale = value.trim().toLowerCase();
  if (!(LOCALES as readonly string[]).includes(locale)) throw bad("--locale", `'${value}' is not ${oneOf(LOCALES)}`);
  return locale as Locale;
}

/** The reading input the options describe, at the moment the clock gives when --at is absent. */
export function readingInputFrom(opts: ReadingOptions, clock: LocalClock): ReadingInput {
  const name = opts.name?.trim() ?? "";
  if (name === "") throw bad("--name", "a name is required");
  if (opts.birth === undefined) throw bad("--birth", "a birth date is required (YYYY-MM-DD)");
  const birth = parseDate("--birth", opts.birth);
  const at = opts.at === undefined ? clock.now() : parseMoment(opts.at);
  const offset = opts.tz !== undefined ? parseOffset(opts.tz) : clock.offsetMinutes(at);
  if ((opts.lat === undefined) !== (opts.lon === undefined)) {
    throw bad(opts.lat === undefined ? "--lat" : "--lon", "give --lat and --lon together");
  }
  let bpm: number | null = null;
  if (opts.bpm !== undefined) {
    bpm = parseNumber("--bpm", opts.bpm);
    if (!Number.isInteger(bpm)) throw bad("--bpm", `'${opts.bpm}' is not a whole number`);
  }
  const mother = opts.mother?.trim();
  return {
    name,
    birth_date: birth,
    at,
    timezone_offset_minutes: offset,
    mother_name: mother ? mother : null,
    gender: opts.gender === undefined ? null : parseGender(opts.gender),
    latitude: opts.lat === undefined ? null : parseNumber("--lat", opts.lat),
    longitude: opts.lon === undefined ? null : parseNumber("--lon", opts.lon),
    heart_rate_bpm: bpm,
    numerology_system: parseSystem(opts.system),
    locale: parseLocale(opts.locale),
  };
}

/** The engine's input fields -> the option that supplied them. */
const OPTION_OF_FIELD: { readonly [K in Exclude<keyof ReadingInput, "mode">]-?: string } = {
  name: "--name",
  birth_date: "--birth",
  at: "--at",
  timezone_offset_minutes: "--tz",
  mother_name: "--mother",
  gender: "--gender",
  latitude: "--lat",
  longitude: "--lon",
  heart_rate_bpm: "--bpm",
  numerology_system: "--system",
  locale: "--locale",
};

/** An engine input error restated in terms of the command's options ("at.hour" is --at's). */
export function asOptionError(err: InvalidInputError): CliError {
  const field = err.field.split(".")[0] as keyof typeof OPTION_OF_FIELD;
  return bad(OPTION_OF_FIELD[field] ?? err.field, err.reason);
}
