import { calendarDate } from "../../contract";
import type { LocalMoment } from "../../oracle/readings";

export { calendarDate, oracleProfileOf as oracleProfile } from "../../contract";

/**
 * From what the API receives to what the Oracle takes: "which moment" (a date and time the caller
 * gave, or now on the profile's clock) as a local moment. A stored profile goes to the Oracle under
 * the same field names (the contract's oracleProfileOf). Pure: the current instant is always passed in.
 */

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
 * `offsetMinutes` east of UTC. With `dateOnly` and no time given, the moment has no hour.
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
