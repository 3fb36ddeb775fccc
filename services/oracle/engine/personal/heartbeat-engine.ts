/** Resting heart rate by age, lifetime beat estimates, and their FC60 encodings. */
import { InvalidInputError } from "../../../lib/errors";
import type { HeartbeatProfile } from "../result-types";
import { encodeBase60 } from "../core/base60-codec";
import { pyMod } from "../core/py-math";
import { ELEMENT_NAMES as ELEMENTS, TOKEN60 } from "../core/tokens";

/** [age limit (exclusive), bpm] in increasing age order. */
export const BPM_TABLE: ReadonlyArray<readonly [number, number]> = [
  [1, 120], [3, 110], [5, 100], [10, 90], [15, 80], [25, 72], [35, 70], [50, 72], [65, 74], [80, 76],
];
/** Rate from age 80 on. */
export const BPM_DEFAULT = 78;

export const ELEMENT_NAMES: readonly string[] = ELEMENTS;

export function estimatedBpm(age: number): number {
  for (const [maxAge, bpm] of BPM_TABLE) if (age < maxAge) return bpm;
  return BPM_DEFAULT;
}

export function beatsPerDay(bpm: number): number {
  return bpm * 60 * 24;
}

/** One year of beats at a rate, truncated to whole beats (a year is 365.25 days). */
function beatsInYear(bpm: number): number {
  return Math.trunc(bpm * 60 * 24 * 365.25);
}

/** CUMULATIVE[a] = beats over ages 0..a-1, for every age the table distinguishes. */
const CUMULATIVE: readonly number[] = (() => {
  const out = [0];
  for (let age = 0; age < 80; age++) out.push(out[age]! + beatsInYear(estimatedBpm(age)));
  return out;
})();

/** Beats over a whole life so far, summing each year of age at its estimated rate. */
export function totalLifetimeBeats(currentAge: number): number {
  if (!Number.isInteger(currentAge)) throw new InvalidInputError("age", `must be a whole number of years, got ${currentAge}`);
  if (currentAge <= 0) return 0;
  const last = CUMULATIVE.length - 1;
  if (currentAge <= last) return CUMULATIVE[currentAge]!;
  // Years past the table all beat at the default rate.
  return CUMULATIVE[last]! + (currentAge - last) * beatsInYear(BPM_DEFAULT);
}

/** Token of the day's beat count mod 60. */
export function rhythmToken(bpm: number): string {
  return TOKEN60[pyMod(beatsPerDay(bpm), 60)]!;
}

export function lifePulseSignature(totalBeats: number): string {
  return encodeBase60(totalBeats);
}

export function heartbeatElement(bpm: number): string {
  return ELEMENTS[pyMod(bpm, 5)]!;
}

export function heartbeatProfile(age: number, actualBpm: number | null = null): HeartbeatProfile {
  const measured = actualBpm !== null && actualBpm !== undefined;
  if (measured && !Number.isInteger(actualBpm)) throw new InvalidInputError("actual_bpm", `must be a whole number, got ${actualBpm}`);
  const bpm = measured ? actualBpm : estimatedBpm(age);
  const total = totalLifetimeBeats(age);
  return {
    age,
    bpm,
    bpm_source: measured ? "actual" : "estimated",
    beats_per_day: beatsPerDay(bpm),
    total_lifetime_beats: total,
    element: heartbeatElement(bpm),
    rhythm_token: rhythmToken(bpm),
    life_pulse_signature: encodeBase60(total),
  };
}
