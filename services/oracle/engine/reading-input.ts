/**
 * The typed input of a reading, as the Oracle service and the CLI give it, in the contract's
 * spelling (services/contract): a profile's reading fields under their REST names. The engine never
 * reads the clock: `at` is always the moment the caller means.
 */
import type { CalendarDate, Locale, NumerologySystem, NumerologySystemChoice } from "../../contract";

export type { CalendarDate, Locale, NumerologySystem, NumerologySystemChoice };
export { LOCALES, NUMEROLOGY_SYSTEMS, SYSTEM_CHOICES } from "../../contract";

/** A local moment. Without `hour` and `minute` the reading is date-only (no hour animal, no hour pillar). */
export interface LocalMoment extends CalendarDate {
  hour?: number;
  minute?: number;
  second?: number;
}

export const READING_MODES = ["full", "stamp_only"] as const;
export type ReadingMode = (typeof READING_MODES)[number];

/** What every reading needs, whatever its mode. */
export interface ReadingInputBase {
  /** The name the numbers come from. */
  name: string;
  birth_date: CalendarDate;
  at: LocalMoment;
  /** Minutes east of UTC of `at`; default 0. */
  timezone_offset_minutes?: number | null;
  mother_name?: string | null;
  gender?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  /** A measured resting heart rate; without it the rate is estimated from age. */
  heart_rate_bpm?: number | null;
  /** Default "pythagorean"; "auto" picks abjad for Persian or Arabic script, pythagorean otherwise. */
  numerology_system?: NumerologySystemChoice | null;
  /** Language of the prose; default "en" (and English wherever a locale has no text yet). */
  locale?: Locale | null;
}

/** Input of a full reading (the default mode). */
export interface ReadingInput extends ReadingInputBase {
  mode?: "full";
}

/** Input of a reading that returns the FC60 stamp alone (the birth date is still checked). */
export interface StampOnlyInput extends ReadingInputBase {
  mode: "stamp_only";
}

export type AnyReadingInput = ReadingInput | StampOnlyInput;
