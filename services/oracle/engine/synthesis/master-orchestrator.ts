/**
 * One reading from start to finish: validate, stamp the moment, compute the profile, moon,
 * sexagenary pillars, heartbeat and location, read the signals, score confidence, translate, and
 * assemble one structure. The moment is always given; nothing here reads the clock.
 */
import type { ProfileLike } from "./partial-inputs";
import { InvalidInputError } from "../../../lib/errors";
import type { Locale } from "../reading-input";
import type {
  Confidence,
  ConfidenceLevel,
  DetectedPattern,
  FullReading,
  GanzhiData,
  LocationSignature,
  NaiveDateTime,
  Patterns,
  StampOnlyReading,
} from "../result-types";
import * as base60Codec from "../core/base60-codec";
import * as fc60StampEngine from "../core/fc60-stamp-engine";
import * as julianDateEngine from "../core/julian-date-engine";
import * as pyMath from "../core/py-math";
import * as weekdayCalculator from "../core/weekday-calculator";
import * as numerologyEngine from "../personal/numerology-engine";
import * as heartbeatEngine from "../personal/heartbeat-engine";
import * as ganzhiEngine from "../universal/ganzhi-engine";
import * as locationEngine from "../universal/location-engine";
import * as moonEngine from "../universal/moon-engine";
import type { EngineText } from "../text";
import * as locales from "../text";
import * as dictTruth from "./dict-truth";
import * as repeats from "./repeats";
import * as readingEngine from "./reading-engine";
import * as universeTranslator from "./universe-translator";

// Imported bindings are copied to locals once: under the tsx loader every read of an imported
// name is a getter call, which costs more than the work done with it on this hot path.
const { encodeBase60 } = base60Codec;
const { encode } = fc60StampEngine;
const { isValidDate, jdnOfValidDate } = julianDateEngine;
const { PAD2, padInt } = pyMath;
const { PLANETS, WEEKDAY_NAMES, weekdayFromJdn } = weekdayCalculator;
const { completeProfile } = numerologyEngine;
const { heartbeatProfile } = heartbeatEngine;
const { ANIMAL_NAMES, ANIMALS, STEMS, fullDayInfo, fullYearInfo, hourGanzhi } = ganzhiEngine;
const { locationSignature } = locationEngine;
const { fullMoonInfo } = moonEngine;
const { DEFAULT_TEXT, textFor } = locales;
const { hasEntries } = dictTruth;
const { repeatedValues } = repeats;
const { generateReading: readSignals } = readingEngine;
const { translate } = universeTranslator;

/**
 * A full reading, or in mode "stamp_only" the FC60 stamp alone. Both modes validate the moment
 * and the birth date (a real date, not after the current date); a full reading also checks the
 * numerology system and coordinates.
 */
export function generateReading(
  fullName: string,
  birthDay: number,
  birthMonth: number,
  birthYear: number,
  currentDate?: NaiveDateTime | null,
  motherName?: string | null,
  gender?: string | null,
  latitude?: number | null,
  longitude?: number | null,
  actualBpm?: number | null,
  currentHour?: number | null,
  currentMinute?: number | null,
  currentSecond?: number | null,
  tzHours?: number,
  tzMinutes?: number,
  numerologySystem?: string,
  mode?: "full",
  locale?: Locale,
): FullReading;
export function generateReading(
  fullName: string,
  birthDay: number,
  birthMonth: number,
  birthYear: number,
  currentDate: NaiveDateTime | null | undefined,
  motherName: string | null | undefined,
  gender: string | null | undefined,
  latitude: number | null | undefined,
  longitude: number | null | undefined,
  actualBpm: number | null | undefined,
  currentHour: number | null | undefined,
  currentMinute: number | null | undefined,
  currentSecond: number | null | undefined,
  tzHours: number | undefined,
  tzMinutes: number | undefined,
  numerologySystem: string | undefined,
  mode: string,
  locale?: Locale,
): FullReading | StampOnlyReading;
export function generateReading(
  fullName: string,
  birthDay: number,
  birthMonth: number,
  birthYear: number,
  currentDate: NaiveDateTime | null = null,
  motherName: string | null = null,
  gender: string | null = null,
  latitude: number | null = null,
  longitude: number | null = null,
  actualBpm: number | null = null,
  currentHour: number | null = null,
  currentMinute: number | null = null,
  currentSecond: number | null = null,
  tzHours = 0,
  tzMinutes = 0,
  numerologySystem = "pythagorean",
  mode = "full",
  locale: Locale = "en",
): FullReading | StampOnlyReading {
  if (currentDate === null || currentDate === undefined) {
    throw new InvalidInputError("current_date", "is required: a reading is always for a given moment");
  }
  const { year, month, day } = currentDate;
  const hour = currentHour ?? currentDate.hour;
  const minute = currentMinute ?? currentDate.minute;
  const second = currentSecond ?? currentDate.second;
  const hasTime = (currentHour !== null && currentHour !== undefined) || (currentMinute !== null && currentMinute !== undefined);

  const stamp = encode(year, month, day, hour, minute, second, tzHours, tzMinutes, hasTime);
  const birthJdn = checkBirth(birthYear, birthMonth, birthDay, year, month, day);
  if (mode === "stamp_only") return { fc60_stamp: stamp };

  checkCoordinate("latitude", latitude, 90);
  checkCoordinate("longitude", longitude, 180);
  const text = locale === "en" ? DEFAULT_TEXT : textFor(locale);

  const numerology = completeProfile(
    fullName,
    birthDay,
    birthMonth,
    birthYear,
    year,
    month,
    day,
    motherName ?? null,
    numerologySystem ?? "pythagorean",
    gender ?? null,
  );

  const currentJdn = stamp._jdn;
  const moon = fullMoonInfo(currentJdn);
  const dayPillar = fullDayInfo(currentJdn);
  const ganzhi: GanzhiData = { year: fullYearInfo(year), day: dayPillar };
  if (hasTime) {
    const [stem, branch] = hourGanzhi(hour, dayPillar.stem_index);
    ganzhi.hour = { stem_token: STEMS[stem]!, branch_token: ANIMALS[branch]!, animal_name: ANIMAL_NAMES[branch]! };
  }

  const ageDays = currentJdn - birthJdn;
  const ageYears = Math.floor(ageDays / 365.25);
  const heartbeat = heartbeatProfile(ageYears, actualBpm ?? null);

  let location: LocationSignature | null = null;
  if (latitude !== null && latitude !== undefined && longitude !== null && longitude !== undefined) {
    location = locationSignature(latitude, longitude);
  }

  const reading = readSignals(stamp, numerology, moon, ganzhi, heartbeat, location, text);
  const confidence = calculateConfidence(numerology, moon, ganzhi, heartbeat, location, reading, text);
  const currentDateStr = String(year) + "-" + PAD2[month]! + "-" + PAD2[day]!;
  const translation = translate(reading, stamp, numerology, fullName, currentDateStr, confidence.score, text);

  const birthWeekday = weekdayFromJdn(birthJdn);

  return {
    person: {
      name: fullName,
      birthdate: padInt(birthYear, 4) + "-" + PAD2[birthMonth]! + "-" + PAD2[birthDay]!,
      age_years: ageYears,
      age_days: ageDays,
    },
    birth: {
      jdn: birthJdn,
      jdn_fc60: encodeBase60(birthJdn),
      weekday: WEEKDAY_NAMES[birthWeekday]!,
      planet: PLANETS[birthWeekday]!,
      year_fc60: encodeBase60(birthYear),
    },
    current: {
      date: currentDateStr,
      jdn: currentJdn,
      jdn_fc60: stamp.j60,
      weekday: stamp._weekday_name,
      planet: stamp._planet,
      domain: stamp._domain,
      year_fc60: stamp.y60,
    },
    numerology,
    patterns: detectPatterns(numerology, { name: stamp._weekday_name }, reading, text),
    confidence,
    synthesis: translation.full_text,
    fc60_stamp: stamp,
    moon,
    ganzhi,
    heartbeat,
    location,
    reading,
    translation,
  };
}

/** The birth date must be a real date on or before the current date; returns its JDN. */
function checkBirth(year: number, month: number, day: number, cy: number, cm: number, cd: number): number {
  if (!isValidDate(year, month, day)) {
    throw new InvalidInputError("birth_date", `${padInt(year, 4)}-${padInt(month, 2)}-${padInt(day, 2)} is not a calendar date`);
  }
  if (year > cy || (year === cy && (month > cm || (month === cm && day > cd)))) {
    throw new InvalidInputError("birth_date", "is after the current date");
  }
  return jdnOfValidDate(year, month, day);
}

function checkCoordinate(field: string, value: number | null | undefined, limit: number): void {
  if (value === null || value === undefined) return;
  if (typeof value !== "number" || !(value >= -limit && value <= limit)) {
    throw new InvalidInputError(field, `must be from -${limit} to ${limit}, got ${value}`);
  }
}

interface RepetitionLike {
  animal_name: string;
  count: number;
  trait: string;
}

/** Repeated core numbers, a master life path, and repeated animals. */
export function detectPatterns(
  numerology: ProfileLike,
  weekday: { name?: string } | null,
  reading: { animal_repetitions?: readonly RepetitionLike[] } | null = null,
  text: EngineText = DEFAULT_TEXT,
): Patterns {
  void weekday; // accepted for the caller's convenience: no pattern depends on the weekday yet
  const t = text.patterns;
  const detected: DetectedPattern[] = [];
  const lp = numerology.life_path?.number ?? 0;
  const numbers = [lp, numerology.expression ?? 0, numerology.soul_urge ?? 0, numerology.personality ?? 0, numerology.personal_year ?? 0];
  for (const [num, count] of repeatedValues(numbers)) {
    detected.push({
      type: "number_repetition",
      number: num,
      occurrences: count,
      strength: count >= 3 ? "high" : "medium",
      message: t.numberRepetition(num, count),
    });
  }
  if (lp === 11 || lp === 22 || lp === 33) {
    detected.push({ type: "master_number", number: lp, strength: "very_high", message: t.masterNumber(lp) });
  }
  if (reading && hasEntries(reading)) {
    for (const rep of reading.animal_repetitions ?? []) {
      detected.push({
        type: "animal_repetition",
        animal: rep.animal_name,
        occurrences: rep.count,
        strength: rep.count >= 3 ? "very_high" : "high",
        message: t.animalRepetition(rep.animal_name, rep.count, rep.trait),
      });
    }
  }
  return { detected, count: detected.length };
}

/**
 * Confidence from how much the reading knows: a base of 60 for the stamp and profile, +10 for a
 * mother's name, +5 for each of moon, pillars, heartbeat and location, +5 for a master life path,
 * +5 for repeated animals; kept within 50..95.
 */
export function calculateConfidence(
  numerology: ProfileLike,
  moonData: object | null = null,
  ganzhiData: object | null = null,
  heartbeatData: object | null = null,
  locationData: object | null = null,
  reading: { animal_repetitions?: readonly unknown[] } | null = null,
  text: EngineText = DEFAULT_TEXT,
): Confidence {
  let score = 60;
  if (Object.hasOwn(numerology, "mother_influence")) score += 10;
  let sources = 2;
  if (hasEntries(moonData)) {
    score += 5;
    sources++;
  }
  if (hasEntries(ganzhiData)) {
    score += 5;
    sources++;
  }
  if (hasEntries(heartbeatData)) {
    score += 5;
    sources++;
  }
  if (hasEntries(locationData)) {
    score += 5;
    sources++;
  }
  const lp = numerology.life_path?.number;
  if (lp === 11 || lp === 22 || lp === 33) score += 5;
  if (reading && hasEntries(reading) && (reading.animal_repetitions?.length ?? 0) > 0) score += 5;
  score = Math.min(95, Math.max(50, score));
  const level: ConfidenceLevel = score >= 85 ? "very_high" : score >= 75 ? "high" : score < 65 ? "low" : "medium";
  return { score, level, factors: text.patterns.confidenceFactors(sources) };
}
