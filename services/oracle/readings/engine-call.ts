/**
 * The one door from a validated profile to the engine: which name is counted, which system reads
 * it, and how the engine's field names map back to the request's paths.
 */
import { InvalidInputError } from "../../lib/errors";
import { generateReading, resolveSystem, type FullReading, type ReadingInput } from "../engine";
import type { LocalMoment, NumerologySystem, ProfileInput } from "./types";

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
  let reading: FullReading;
  try {
    reading = generateReading(input);
  } catch (err) {
    throw relabel(err, profilePath, atPath);
  }
  return withOneConfidence(reading);
}

/**
 * One confidence per reading. The engine keeps two: the reading's (from what it knows: the
 * profile, moon, pillars, heartbeat, location), which its header and footer show, and the signal
 * layer's own count of signals. A person is shown the first; the second takes its value.
 */
export function withOneConfidence(reading: FullReading): FullReading {
  reading.reading.confidence = reading.confidence.score;
  return reading;
}
