/**
 * The engine's public face: what the Oracle service, the API and the CLI import. Everything here is
 * pure; the current moment always comes in as `input.at`.
 */
import { LIMITS, oneOf, rangeMessage } from "../../contract";
import { InvalidInputError } from "../../lib/errors";
import { generateReading as orchestrate } from "./synthesis/master-orchestrator";
import {
  LOCALES,
  READING_MODES,
  SYSTEM_CHOICES,
  type AnyReadingInput,
  type ReadingInput,
  type StampOnlyInput,
} from "./reading-input";
import type { FullReading, StampOnlyReading } from "./result-types";

export type * from "./reading-input";
export type * from "./result-types";
export { LOCALES, NUMEROLOGY_SYSTEMS, READING_MODES, SYSTEM_CHOICES } from "./reading-input";
export { textFor, ownTextOf } from "./text";

// What a service needs beside whole readings: stamps, name numbers, letters, systems, moon, pillars.
export { encode as encodeStamp, decodeStamp, type DecodedStamp } from "./core/fc60-stamp-engine";
export { encodeBase60, decodeBase60, token60, digit60, describeToken, getAnimalName, getElementName } from "./core/base60-codec";
export { ANIMALS, ELEMENTS, ANIMAL_NAMES, ELEMENT_NAMES, TOKEN60 } from "./core/tokens";
export { gregorianToJdn, jdnToGregorian, isValidDate, isLeapYear } from "./core/julian-date-engine";
export { PLANETS, WEEKDAY_NAMES, DOMAINS, weekdayFromJdn, fullInfo as weekdayInfo } from "./core/weekday-calculator";
export {
  completeProfile,
  expressionNumber,
  soulUrge,
  personalityNumber,
  lifePath,
  personalYear,
  personalMonth,
  personalDay,
  digitalRoot,
  letterValue,
  letterBreakdown,
  isVowelLetter,
  MASTER_NUMBERS,
  LIFE_PATH_MEANINGS,
  type LetterValue,
} from "./personal/numerology-engine";
export { parseSystemChoice, resolveSystem, detectScript, type Script } from "./personal/numerology-system";
export { heartbeatProfile } from "./personal/heartbeat-engine";
export { fullMoonInfo, moonPhase, PHASE_NAMES } from "./universal/moon-engine";
export { yearGanzhi, dayGanzhi, hourGanzhi, fullYearInfo, fullDayInfo, STEMS } from "./universal/ganzhi-engine";
export { locationSignature } from "./universal/location-engine";
export { planetMeetsMoon, lifepathMeetsYear, animalHarmony } from "./synthesis/signal-combiner";
// The steps of a reading one by one: a reading of the moment alone (no one's birth date) is put together from them.
export { generateReading as readSignals } from "./synthesis/reading-engine";
export { translate } from "./synthesis/universe-translator";
export { detectPatterns, calculateConfidence } from "./synthesis/master-orchestrator";

// The complete chart, and how a name in any script is read for counting.
export { computeChart } from "./chart/chart";
export { CHART_LOCALES, CHART_PARTS, PART_NUMBERS } from "./chart/chart-types";
export type * from "./chart/chart-types";
export { chartTextFor } from "./chart/text";
export { readName, NAME_ROUTES, type ReadName, type NameRoute } from "./script/read-name";
export { NAME_SCRIPTS, nameScript, type NameScript } from "./script/name-script";

export type Reading = FullReading | StampOnlyReading;

/**
 * The engine's core keeps the parameter names of the reference it reproduces; its errors are told
 * here under the input's own (the contract's) names.
 */
const INPUT_FIELD_OF: Readonly<Record<string, string>> = {
  full_name: "name",
  actual_bpm: "heart_rate_bpm",
  tz: "timezone_offset_minutes",
  tz_hours: "timezone_offset_minutes",
  tz_minutes: "timezone_offset_minutes",
  current_date: "at",
  current_hour: "at.hour",
  current_minute: "at.minute",
  current_second: "at.second",
};

function relabel(err: unknown): unknown {
  if (!(err instanceof InvalidInputError)) return err;
  const field = INPUT_FIELD_OF[err.field];
  return field === undefined ? err : new InvalidInputError(field, err.reason);
}

/**
 * A complete reading (mode "full", the default) or the FC60 stamp alone (mode "stamp_only").
 * Bad input throws InvalidInputError naming the input's field.
 */
export function generateReading(input: ReadingInput): FullReading;
export function generateReading(input: StampOnlyInput): StampOnlyReading;
export function generateReading(input: AnyReadingInput): Reading;
export function generateReading(input: AnyReadingInput): Reading {
  checkShape(input);
  const { at, birth_date: birth } = input;
  const offset = input.timezone_offset_minutes ?? 0;
  try {
    return orchestrate(
      input.name,
      birth.day,
      birth.month,
      birth.year,
      { year: at.year, month: at.month, day: at.day, hour: 0, minute: 0, second: 0 },
      input.mother_name ?? null,
      input.gender ?? null,
      input.latitude ?? null,
      input.longitude ?? null,
      input.heart_rate_bpm ?? null,
      at.hour ?? null,
      at.minute ?? null,
      at.second ?? null,
      // One sign for both parts: -210 minutes is -3 h -30 min.
      Math.trunc(offset / 60),
      offset % 60 || 0,
      input.numerology_system ?? "pythagorean",
      input.mode ?? "full",
      input.locale ?? "en",
    );
  } catch (err) {
    throw relabel(err);
  }
}

/**
 * Type-level checks for callers that bypass TypeScript (JSON bodies, gRPC messages), and the
 * contract's limits; calendar rules are the orchestrator's, so they hold for every entry point alike.
 */
function checkShape(input: AnyReadingInput): void {
  if (typeof input !== "object" || input === null) throw new InvalidInputError("input", "must be an object");
  if (typeof input.name !== "string") throw new InvalidInputError("name", "must be a string");
  requireDateParts("birth_date", input.birth_date);
  requireDateParts("at", input.at);
  optionalInteger("at.hour", input.at.hour);
  optionalInteger("at.minute", input.at.minute);
  optionalInteger("at.second", input.at.second);
  optionalInRange("timezone_offset_minutes", input.timezone_offset_minutes, LIMITS.timezoneOffsetMinutes);
  optionalString("mother_name", input.mother_name);
  optionalString("gender", input.gender);
  optionalFinite("latitude", input.latitude);
  optionalFinite("longitude", input.longitude);
  if ((input.latitude ?? null) === null !== ((input.longitude ?? null) === null)) {
    const missing = (input.latitude ?? null) === null ? "latitude" : "longitude";
    throw new InvalidInputError(missing, "latitude and longitude must be given together");
  }
  optionalInRange("heart_rate_bpm", input.heart_rate_bpm, LIMITS.heartRateBpm);
  optionalListed("numerology_system", input.numerology_system, SYSTEM_CHOICES);
  optionalListed("mode", input.mode, READING_MODES);
  optionalListed("locale", input.locale, LOCALES);
}

function requireDateParts(field: string, value: unknown): void {
  if (typeof value !== "object" || value === null) throw new InvalidInputError(field, "must be {year, month, day}");
  const d = value as Record<string, unknown>;
  for (const part of ["year", "month", "day"]) {
    if (!Number.isInteger(d[part])) throw new InvalidInputError(field, `${part} must be a whole number`);
  }
}

function optionalInteger(field: string, value: unknown): void {
  if (value !== undefined && value !== null && !Number.isInteger(value)) {
    throw new InvalidInputError(field, "must be a whole number");
  }
}

function optionalInRange(field: string, value: unknown, range: { min: number; max: number }): void {
  optionalInteger(field, value);
  if (typeof value === "number" && (value < range.min || value > range.max)) throw new InvalidInputError(field, rangeMessage(range));
}

function optionalListed(field: string, value: unknown, list: readonly string[]): void {
  if (value !== undefined && value !== null && !list.includes(value as string)) throw new InvalidInputError(field, `must be ${oneOf(list)}`);
}

function optionalFinite(field: string, value: unknown): void {
  if (value !== undefined && value !== null && !(typeof value === "number" && Number.isFinite(value))) {
    throw new InvalidInputError(field, "must be a number");
  }
}

function optionalString(field: string, value: unknown): void {
  if (value !== undefined && value !== null && typeof value !== "string") {
    throw new InvalidInputError(field, "must be a string");
  }
}
