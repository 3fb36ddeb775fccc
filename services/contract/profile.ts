/**
 * A profile: the person readings are about. One spelling for each field from the REST body to the
 * engine: the API's JSON, the database's columns, the Oracle's Profile message and the engine's
 * input all use these names. services/README.md ("Adding a profile field") lists where a new
 * field must be handled; each of those places is a table keyed by ProfileField, so one that is
 * forgotten does not compile.
 */
import type { Gender, NumerologySystemChoice } from "./lists";

/** A calendar day as the Oracle and the engine take it; REST and the database write it YYYY-MM-DD. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** A stored profile's fields, as the API answers them and the database holds them. */
export interface ProfileFields {
  name: string;
  name_persian: string | null;
  /** YYYY-MM-DD */
  birth_date: string;
  mother_name: string;
  mother_name_persian: string | null;
  gender: Gender | null;
  country: string | null;
  city: string | null;
  heart_rate_bpm: number | null;
  /** Minutes east of UTC (with a timezone: its offset at the birth date, unless given). */
  timezone_offset_minutes: number | null;
  /** IANA zone name ("Asia/Tehran"); a reading takes the zone's offset at its own moment. */
  timezone: string | null;
  latitude: number | null;
  longitude: number | null;
}

export type ProfileField = keyof ProfileFields;

export interface ProfileFieldInfo {
  /** Sent to the Oracle: a reading is computed from it (the Oracle's Profile message carries it). */
  readonly oracle: boolean;
  /** Private: stored encrypted, never written in plaintext inside a stored reading, never logged or audited. */
  readonly secret: boolean;
}

/** Every field, in the order the API documents them and the database lists its columns. */
export const PROFILE_FIELDS = {
  name: { oracle: true, secret: false },
  name_persian: { oracle: true, secret: false },
  birth_date: { oracle: true, secret: false },
  mother_name: { oracle: true, secret: true },
  mother_name_persian: { oracle: false, secret: true },
  gender: { oracle: true, secret: false },
  country: { oracle: false, secret: false },
  city: { oracle: false, secret: false },
  heart_rate_bpm: { oracle: true, secret: false },
  timezone_offset_minutes: { oracle: true, secret: false },
  // The API turns the zone into the offset of the reading's moment, which is what the Oracle reads.
  timezone: { oracle: false, secret: false },
  latitude: { oracle: true, secret: false },
  longitude: { oracle: true, secret: false },
} as const satisfies { readonly [K in ProfileField]: ProfileFieldInfo };

export const PROFILE_FIELD_NAMES = Object.keys(PROFILE_FIELDS) as ProfileField[];

/** The fields a reading is computed from. */
export type OracleProfileField = { [K in ProfileField]: (typeof PROFILE_FIELDS)[K]["oracle"] extends true ? K : never }[ProfileField];
export const ORACLE_PROFILE_FIELDS = PROFILE_FIELD_NAMES.filter((f) => PROFILE_FIELDS[f].oracle) as OracleProfileField[];
export const SECRET_PROFILE_FIELDS = PROFILE_FIELD_NAMES.filter((f) => PROFILE_FIELDS[f].secret);

/** The fields a profile must have; every other field may be absent (null). */
export type RequiredProfileField = "name" | "birth_date" | "mother_name";

/**
 * The profile as the Oracle reads it: the reading fields under the same names, the birth date as its
 * parts, and the system the reading counts names in. Only name and birth_date are required; an
 * absent optional field may be left out or null.
 */
export type OracleProfile = {
  [K in Exclude<OracleProfileField, "name" | "birth_date">]?: ProfileFields[K] | null;
} & {
  name: string;
  birth_date: CalendarDate;
  /** Default "auto". */
  numerology_system?: NumerologySystemChoice | null;
};

/** "YYYY-MM-DD" (already validated) as its parts. */
export function calendarDate(iso: string): CalendarDate {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return { year, month, day };
}

/** The Oracle's profile of a stored one: its reading fields, read in `system`. */
export function oracleProfileOf<P extends ProfileFields>(p: P, system: NumerologySystemChoice = "auto"): OracleProfile {
  const out: Record<string, unknown> = {};
  for (const field of ORACLE_PROFILE_FIELDS) out[field] = p[field];
  return { ...(out as OracleProfile), birth_date: calendarDate(p.birth_date), numerology_system: system };
}
