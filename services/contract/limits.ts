/**
 * Every limit of the reading path, once: the API refuses past them at the edge, the Oracle's
 * validator refuses past them on the wire, the database's CHECK constraints hold them (a test
 * checks each boundary) and the OpenAPI document shows them.
 */

export interface Range {
  readonly min: number;
  readonly max: number;
}

export const LIMITS = {
  /** A person's name (either spelling), a mother's name, a name read on its own. */
  nameLength: 200,
  questionLength: 500,
  stampLength: 100,
  /** Country and city of a profile. */
  placeLength: 100,
  /** A stored reading's sign value (the searchable label). */
  signValueLength: 200,
  /** A multi reading reads this many profiles. */
  profiles: { min: 2, max: 5 },
  /** The free-form context given to the AI interpretation. */
  inquiryEntries: 10,
  inquiryKeyLength: 40,
  inquiryValueLength: 500,
  /** A measured resting heart rate, beats per minute. */
  heartRateBpm: { min: 30, max: 220 },
  latitude: { min: -90, max: 90 },
  longitude: { min: -180, max: 180 },
  /** Minutes east of UTC: UTC-12:00 to UTC+14:00. */
  timezoneOffsetMinutes: { min: -720, max: 840 },
  /** The calendar the engine computes over. */
  year: { min: 1, max: 9999 },
  /** A stored profile's earliest birth date. */
  earliestBirthDate: "1900-01-01",
  /** Best hours a timing reading lists; the default when none is asked. */
  bestHours: { min: 1, max: 24 },
  defaultBestHours: 5,
} as const;

/** "must be from 30 to 220" */
export function rangeMessage(r: Range): string {
  return `must be from ${r.min} to ${r.max}`;
}
