/**
 * The typed input of a reading, as the Oracle service, the API and the CLI give it. The engine never
 * reads the clock: `at` is always the moment the caller means.
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** A local moment. Without `hour` and `minute` the reading is date-only (no hour animal, no hour pillar). */
export interface LocalMoment extends CalendarDate {
  hour?: number;
  minute?: number;
  second?: number;
}

/** A UTC offset with one sign: {hours: -3, minutes: 30} and {hours: -3, minutes: -30} both mean UTC-03:30. */
export interface UtcOffset {
  hours: number;
  minutes: number;
}

export const NUMEROLOGY_SYSTEMS = ["pythagorean", "chaldean", "abjad", "auto"] as const;
export type NumerologySystemChoice = (typeof NUMEROLOGY_SYSTEMS)[number];
/** A system after `auto` has been resolved against the name's script. */
export type NumerologySystem = Exclude<NumerologySystemChoice, "auto">;

export const READING_MODES = ["full", "stamp_only"] as const;
export type ReadingMode = (typeof READING_MODES)[number];

export const LOCALES = ["en", "fa"] as const;
export type Locale = (typeof LOCALES)[number];

/** What every reading needs, whatever its mode. */
export interface ReadingInputBase {
  fullName: string;
  birth: CalendarDate;
  at: LocalMoment;
  tz?: UtcOffset;
  motherName?: string | null;
  gender?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  /** A measured resting heart rate; without it the rate is estimated from age. */
  bpm?: number | null;
  /** Default "pythagorean"; "auto" picks abjad for Persian or Arabic script, pythagorean otherwise. */
  system?: NumerologySystemChoice;
  /** Language of the prose; default "en". */
  locale?: Locale;
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
