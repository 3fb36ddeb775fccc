/**
 * The engine's public face: what the Oracle service, the API and the CLI import. Everything here is
 * pure; the current moment always comes in as `input.at`.
 */
import { InvalidInputError } from "../../lib/errors";
import { generateReading as orchestrate } from "./synthesis/master-orchestrator";
import {
  LOCALES,
  NUMEROLOGY_SYSTEMS,
  READING_MODES,
  type AnyReadingInput,
  type ReadingInput,
  type StampOnlyInput,
} from "./reading-input";
import type { FullReading, StampOnlyReading } from "./result-types";

export type * from "./reading-input";
export type * from "./result-types";
export { LOCALES, NUMEROLOGY_SYSTEMS, READING_MODES } from "./reading-input";
export { textFor } from "./text";

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
 * A complete reading (mode "full", the default) or the FC60 stamp alone (mode "stamp_only").
 * Bad input throws InvalidInputError naming the field as the public API names it.
 */
export function generateReading(input: ReadingInput): FullReading;
export function generateReading(input: StampOnlyInput): StampOnlyReading;
export function generateReading(input: AnyReadingInput): Reading;
export function generateReading(input: AnyReadingInput): Reading {
  checkShape(input);
  const { at, birth, tz } = input;
  return orchestrate(
    input.fullName,
    birth.day,
    birth.month,
    birth.year,
    { year: at.year, month: at.month, day: at.day, hour: 0, minute: 0, second: 0 },
    input.motherName ?? null,
    input.gender ?? null,
    input.latitude ?? null,
    input.longitude ?? null,
    input.bpm ?? null,
    at.hour ?? null,
    at.minute ?? null,
    at.second ?? null,
    tz?.hours ?? 0,
    tz?.minutes ?? 0,
    input.system ?? "pythagorean",
    input.mode ?? "full",
    input.locale ?? "en",
  );
}

/**
 * Type-level checks for callers that bypass TypeScript (JSON bodies, gRPC messages); range and
 * calendar rules are the orchestrator's, so they hold for every entry point alike.
 */
function checkShape(input: AnyReadingInput): void {
  if (typeof input !== "object" || input === null) throw new InvalidInputError("input", "must be an object");
  if (typeof input.fullName !== "string") throw new InvalidInputError("full_name", "must be a string");
  requireDateParts("birth_date", input.birth);
  requireDateParts("current_date", input.at);
  optionalInteger("current_hour", input.at.hour);
  optionalInteger("current_minute", input.at.minute);
  optionalInteger("current_second", input.at.second);
  if (input.tz !== undefined) {
    if (typeof input.tz !== "object" || input.tz === null) throw new InvalidInputError("tz", "must be {hours, minutes}");
    optionalInteger("tz_hours", input.tz.hours);
    optionalInteger("tz_minutes", input.tz.minutes);
  }
  optionalString("mother_name", input.motherName);
  optionalString("gender", input.gender);
  optionalFinite("latitude", input.latitude);
  optionalFinite("longitude", input.longitude);
  if ((input.latitude ?? null) === null !== ((input.longitude ?? null) === null)) {
    const missing = (input.latitude ?? null) === null ? "latitude" : "longitude";
    throw new InvalidInputError(missing, "latitude and longitude must be given together");
  }
  if (input.bpm !== undefined && input.bpm !== null) {
    if (!Number.isInteger(input.bpm) || input.bpm < 20 || input.bpm > 300) {
      throw new InvalidInputError("actual_bpm", "must be a whole number of beats per minute from 20 to 300");
    }
  }
  if (input.system !== undefined && !(NUMEROLOGY_SYSTEMS as readonly unknown[]).includes(input.system)) {
    throw new InvalidInputError("numerology_system", `must be one of ${NUMEROLOGY_SYSTEMS.join(", ")}`);
  }
  if (input.mode !== undefined && !(READING_MODES as readonly unknown[]).includes(input.mode)) {
    throw new InvalidInputError("mode", `must be one of ${READING_MODES.join(", ")}`);
  }
  if (input.locale !== undefined && !(LOCALES as readonly unknown[]).includes(input.locale)) {
    throw new InvalidInputError("locale", `must be one of ${LOCALES.join(", ")}`);
  }
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
