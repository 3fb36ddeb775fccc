/**
 * When the daily readings run: every day at NPS_DAILY_SCHEDULER_HOUR:MINUTE UTC, for that UTC
 * date. Pure, with the moment passed in, so catch-up after downtime is decided the same way in
 * tests as in production.
 */

/** The croner pattern (minute hour day month weekday) of the daily run. */
export function dailyPattern(hourUtc: number, minute: number): string {
  return `${minute} ${hourUtc} * * *`;
}

/** The UTC date (YYYY-MM-DD) of the latest scheduled run at or before `now`: the day a catch-up fills in. */
export function latestRunDate(now: Date, hourUtc: number, minute: number): string {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc, minute));
  const run = today.getTime() <= now.getTime() ? today : new Date(today.getTime() - 86_400_000);
  return run.toISOString().slice(0, 10);
}
