/**
 * The one door from a validated profile to the engine: which name is counted, which system reads
 * it, and how the engine's field names map back to the request's paths.
 */
import { InvalidInputError } from "../../lib/errors";
import { generateReading, resolveSystem, type FullReading, type ReadingInput } from "../engine";
import type { CalendarDate, LocalMoment, NumerologySystem, ProfileInput } from "./types";

/** The profile used when a name or question reading is asked without one. */
export const ANONYMOUS_NAME = "Anonymous";
const ANONYMOUS_BIRTH: CalendarDate = { year: 2000, month: 1, day: 1 };

/** An anonymous profile born 2000-01-01, or on the reading's day when that comes earlier. */
export function anonymousProfile(at: CalendarDate, fullName = ANONYMOUS_NAME): ProfileInput {
  const atFirst = at.year < 2000;
  return { full_name: fullName, birth_date: atFirst ? { year: at.year, month: at.month, day: at.day } : ANONYMOUS_BIRTH };
}

/** The system a profile is read with: its choice, "auto" resolved against its full name. */
export function profileSystem(profile: ProfileInput): NumerologySystem {
  return resolveSystem(profile.numerology_system ?? "auto", profile.full_name);
}

/** The name the numbers come from: the Persian spelling when the profile is read in abjad and has one. */
export function countedName(profile: ProfileInput, system: NumerologySystem): string {
  return system === "abjad" && profile.persian_name ? profile.persian_name : profile.full_name;
}

const ENGINE_FIELDS: Readonly<Record<string, string>> = {
  full_name: "full_name",
  birth_date: "birth_date",
  mother_name: "mother_name",
  gender: "gender",
  latitude: "latitude",
  longitude: "longitude",
  actual_bpm: "heart_rate_bpm",
  tz: "timezone",
  tz_hours: "timezone.hours",
  tz_minutes: "timezone.minutes",
  numerology_system: "numerology_system",
};

/** Re-labels an engine error with the request's path: the profile's fields, or `at` for the moment. */
function relabel(err: unknown, profilePath: string, atPath: string): unknown {
  if (!(err instanceof InvalidInputError)) return err;
  const own = ENGINE_FIELDS[err.field];
  const field = own !== undefined ? `${profilePath}.${own}` : err.field.startsWith("current_") ? atPath : `${profilePath}.${err.field}`;
  return new InvalidInputError(field, err.reason);
}

export interface ReadingOf {
  readonly profile: ProfileInput;
  readonly at: LocalMoment;
  /** Path of the profile in the request, for error messages ("profile", "profiles[2]"). */
  readonly profilePath?: string;
  readonly atPath?: string;
  /** Counts this name in this system instead of the profile's own (the name reading). */
  readonly counted?: { readonly name: string; readonly system: NumerologySystem };
}

/** The engine's full reading of a validated profile at a moment. */
export function readingOf({ profile, at, profilePath = "profile", atPath = "at", counted }: ReadingOf): FullReading {
  const system = counted?.system ?? profileSystem(profile);
  const input: ReadingInput = {
    fullName: counted?.name ?? countedName(profile, system),
    birth: profile.birth_date,
    at,
    tz: profile.timezone ?? undefined,
    motherName: profile.mother_name || null,
    gender: profile.gender ?? null,
    latitude: profile.latitude ?? null,
    longitude: profile.longitude ?? null,
    bpm: profile.heart_rate_bpm ?? null,
    system,
  };
  try {
    return generateReading(input);
  } catch (err) {
    throw relabel(err, profilePath, atPath);
  }
}
