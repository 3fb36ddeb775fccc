import { calendarDate, oracleProfileOf, type NumerologySystemChoice, type OracleProfile } from "../../contract";
import type { Profile } from "../../lib/db/repositories/oracle-profiles";
import { offsetMinutesAt, offsetMinutesAtLocal } from "../../lib/time-zone";
import type { LocalMoment } from "../../oracle/readings";

export { calendarDate } from "../../contract";

/**
 * From what the API receives to what the Oracle takes: "which moment" (a date and time the caller
 * gave, or now on the profile's clock) as a local moment. A stored profile goes to the Oracle under
 * the same field names (the contract's oracleProfileOf). Pure: the current instant is always passed in.
 */

/**
 * The profile's offset for the moment a reading is about: from its time zone at that moment (the
 * given local date and time, or now) when it has one, else its stored offset, else `fallback`.
 */
export function profileOffset(p: Profile | undefined, now: Date, given: { date?: string; time?: string } = {}, fallback = 0): number {
  if (!p) return fallback;
  if (p.timezone) {
    if (given.date === undefined && given.time === undefined) return offsetMinutesAt(p.timezone, now);
    const clock = localClock(now, offsetMinutesAt(p.timezone, now));
    const day = calendarDate(given.date ?? clock.date);
    const [hour, minute, second] = fullTime(given.time ?? clock.time).split(":").map(Number) as [number, number, number];
    return offsetMinutesAtLocal(p.timezone, { ...day, hour, minute, second });
  }
  return p.timezone_offset_minutes ?? fallback;
}

/** A stored profile as the Oracle reads it; `offsetMinutes`: the offset of the reading's moment (profileOffset), when it is known. */
export function oracleProfile(p: Profile, system: NumerologySystemChoice = "auto", offsetMinutes?: number): OracleProfile {
  const profile = oracleProfileOf(p, system);
  return offsetMinutes === undefined ? profile : { ...profile, timezone_offset_minutes: offsetMinutes };
}

/** The local date and time (HH:MM:SS) at `offsetMinutes` east of UTC. */
export function localClock(now: Date, offsetMinutes: number): { date: string; time: string } {
  const shifted = new Date(now.getTime() + offsetMinutes * 60_000).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 19) };
}

/** "HH:MM" or "HH:MM:SS" as "HH:MM:SS". */
export function fullTime(time: string): string {
  return time.length === 5 ? `${time}:00` : time;
}

/**
 * The moment a reading is about: the given date and time, each defaulting to now on the clock
 * `offsetMinutes` east of UTC. With `dateOnly` (a chart, which has no hour) and no time given,
 * the moment has no hour.
 */
export function momentOf(now: Date, offsetMinutes: number, given: { date?: string; time?: string }, dateOnly = false): LocalMoment {
  const clock = localClock(now, offsetMinutes);
  const day = calendarDate(given.date ?? clock.date);
  if (dateOnly && given.time === undefined) return day;
  const [hour, minute, second] = fullTime(given.time ?? clock.time).split(":").map(Number) as [number, number, number];
  return { ...day, hour, minute, second };
}

/** "YYYY-MM-DD HH:MM:SS" (or the date alone) of a moment, as readings show it. */
export function describeMoment(m: LocalMoment): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  const date = `${pad(m.year, 4)}-${pad(m.month)}-${pad(m.day)}`;
  return m.hour === undefined ? date : `${date} ${pad(m.hour)}:${pad(m.minute ?? 0)}:${pad(m.second ?? 0)}`;
}
