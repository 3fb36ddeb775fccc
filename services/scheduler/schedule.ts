/**
 * When the daily readings run: every day at NPS_DAILY_SCHEDULER_HOUR:MINUTE UTC, for that UTC
 * date. Pure, with the moment passed in, so catch-up after downtime is decided the same way in
 * tests as in production.
 */

/**
 * How many scheduled days, the latest included, a catch-up reaches back. A scheduler down for
 * longer makes the last month's readings and leaves the days before it: a reading for a day a
 * month gone is of no use to anyone, and the pass stays bounded however long the downtime was.
 */
export const CATCH_UP_DAYS = 31;

const DAY_MS = 86_400_000;

/** The croner pattern (minute hour day month weekday) of the daily run. */
export function dailyPattern(hourUtc: number, minute: number): string {
  return `${minute} ${hourUtc} * * *`;
}

/** The UTC date (YYYY-MM-DD) of the latest scheduled run at or before `now`. */
export function latestRunDate(now: Date, hourUtc: number, minute: number): string {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc, minute));
  const run = today.getTime() <= now.getTime() ? today : new Date(today.getTime() - DAY_MS);
  return run.toISOString().slice(0, 10);
}

/** The first day a catch-up at `now` may fill in: CATCH_UP_DAYS scheduled days, the latest included. */
export function catchUpStart(now: Date, hourUtc: number, minute: number): string {
  return addDays(latestRunDate(now, hourUtc, minute), -(CATCH_UP_DAYS - 1));
}

/**
 * The scheduled days, oldest first, a pass at `now` makes: every day from catchUpStart on that is
 * not on record as done, after the first day ever done (a day before the scheduler's first pass
 * was never missed). With nothing on record yet, only the latest day: a new installation does
 * not make a month of back readings.
 */
export function catchUpDates(now: Date, hourUtc: number, minute: number, onRecord: { first: string | null; dates: readonly string[] }): string[] {
  const latest = latestRunDate(now, hourUtc, minute);
  if (onRecord.first === null) return [latest];
  const done = new Set(onRecord.dates);
  const out: string[] = [];
  for (let day = catchUpStart(now, hourUtc, minute); day <= latest; day = addDays(day, 1)) {
    if (day > onRecord.first && !done.has(day)) out.push(day);
  }
  return out;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
