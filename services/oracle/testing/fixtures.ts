/** Profiles and requests the Oracle's tests share: every optional field given, and none given. */
import type { LocalMoment, OracleProfile, TimeReadingRequest } from "../readings/types";

export const ALICE: OracleProfile = {
  name: "Alice Johnson",
  birth_date: { year: 1990, month: 7, day: 15 },
  mother_name: "Barbara Johnson",
  gender: "female",
  latitude: 40.7,
  longitude: -74,
  heart_rate_bpm: 68,
  timezone_offset_minutes: -300,
  numerology_system: "pythagorean",
};

export const ALI: OracleProfile = {
  name: "Ali Rezaei",
  name_persian: "علی رضایی",
  birth_date: { year: 1985, month: 3, day: 21 },
  mother_name: "زهرا کریمی",
  gender: "male",
  latitude: 35.6892,
  longitude: 51.389,
  timezone_offset_minutes: 210,
  numerology_system: "abjad",
};

/** Only what is required. */
export const JAMES: OracleProfile = { name: "James Chen", birth_date: { year: 1988, month: 3, day: 5 } };

export const MARY: OracleProfile = {
  name: "Mary-Jane O'Connor",
  birth_date: { year: 1899, month: 12, day: 31 },
  gender: "female",
  numerology_system: "chaldean",
};

export const AT: LocalMoment = { year: 2026, month: 2, day: 9, hour: 14, minute: 30, second: 0 };
/** A date-only moment: no hour pillar in the reading. */
export const DAY_ONLY: LocalMoment = { year: 2026, month: 2, day: 9 };

export const TIME_REQUEST: TimeReadingRequest = { profile: ALICE, at: AT };
