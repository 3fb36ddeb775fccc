/**
 * The one door from a validated profile to the engine: which name is counted, which system reads
 * it, in which language. The engine's input has the profile's own field names, so the profile goes
 * in as it is, and an engine error names the request's path by prefixing the profile's.
 */
import { InvalidInputError } from "../../lib/errors";
import { generateReading, readName, resolveSystem, type ChartName, type FullReading } from "../engine";
import type { Locale, LocalMoment, NumerologySystem, OracleProfile } from "./types";

/** The system a profile is read with: its choice, "auto" resolved against its name. */
export function profileSystem(profile: OracleProfile): NumerologySystem {
  return resolveSystem(profile.numerology_system ?? "auto", profile.name);
}

/** The name the numbers come from: the Persian spelling when the profile is read in abjad and has one. */
export function countedName(profile: OracleProfile, system: NumerologySystem): string {
  return system === "abjad" && profile.name_persian ? profile.name_persian : profile.name;
}

/**
 * How a name (or a question) is counted: as written in its system, or, for a script the Latin
 * systems do not count (Cyrillic, Greek, Chinese...), by its Latin transliteration. A letter no
 * route can place is an error on `field` naming it, never a silent 0.
 */
export function nameRead(name: string, system: unknown, field: string): ChartName & { system: NumerologySystem } {
  const r = readName(name, system, field);
  return { given: r.given, counted: r.counted, script: r.script, route: r.route, system: r.system };
}

function shownRead({ system: _system, ...read }: ChartName & { system: NumerologySystem }): ChartName {
  return read;
}

/**
 * The mother's name in a Latin system: transliterated when it can be; as written otherwise (her
 * name only colours the reading, so a script the system cannot read does not refuse it).
 */
function motherCounted(mother: string | null | undefined, system: NumerologySystem): string | null | undefined {
  if (!mother || system === "abjad") return mother;
  try {
    return nameRead(mother, system, "mother_name").counted;
  } catch (err) {
    if (err instanceof InvalidInputError) return mother;
    throw err;
  }
}

/** Re-labels an engine error with the request's path: `at` for the moment, the profile's path for the rest. */
function relabel(err: unknown, profilePath: string, atPath: string): unknown {
  if (!(err instanceof InvalidInputError)) return err;
  const field = err.field === "at" || err.field.startsWith("at.") ? `${atPath}${err.field.slice(2)}` : `${profilePath}.${err.field}`;
  return new InvalidInputError(field, err.reason);
}

export interface ReadingOf {
  readonly profile: OracleProfile;
  readonly at: LocalMoment;
  readonly locale?: Locale | null;
  /** Path of the profile in the request, for error messages ("profile", "profiles[2]"). */
  readonly profilePath?: string;
  readonly atPath?: string;
  /** Counts this name in this system instead of the profile's own (the name reading). */
  readonly counted?: { readonly name: string; readonly system: NumerologySystem };
}

/** The engine's full reading of a validated profile at a moment. */
export function readingOf({ profile, at, locale, profilePath = "profile", atPath = "at", counted }: ReadingOf): FullReading {
  const system = counted?.system ?? profileSystem(profile);
  const { name_persian: _persian, ...fields } = profile;
  let reading: FullReading;
  const name = counted?.name ?? countedName(profile, system);
  let read: ChartName | null = null;
  try {
    // Abjad counts the letters as written (a Latin word beside them counts nothing, as it always did).
    if (system !== "abjad") read = shownRead(nameRead(name, system, "name"));
    reading = generateReading({ ...fields, name: read?.counted ?? name, mother_name: motherCounted(fields.mother_name, system), at, numerology_system: system, locale: locale ?? null });
  } catch (err) {
    throw relabel(err, profilePath, atPath);
  }
  // A transliterated name is shown as given, with the form that was counted and the route.
  if (read !== null && read.route !== "as_written") {
    reading.person.name = read.given;
    reading.person.name_read = read;
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
