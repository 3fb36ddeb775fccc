import { runDailyReadings, type DailyRunDeps, type DailyRunOptions, type DailyRunSummary } from "./daily-run";
import type { SchedulerMetrics } from "./metrics";
import { catchUpDates, catchUpStart } from "./schedule";

/**
 * The passes the scheduler service and `nps daily-readings` make, counted in the scheduler's
 * metrics the same way whichever runs them.
 */

export interface DailySchedule {
  readonly hourUtc: number;
  readonly minute: number;
}

/** One pass for a date, counted; a pass that throws (the database gone) is counted as a failed run and rethrown. */
export async function countedRun(deps: DailyRunDeps, metrics: SchedulerMetrics, date: string, options: DailyRunOptions = {}): Promise<DailyRunSummary> {
  try {
    const summary = await runDailyReadings({ ...deps, onReading: (outcome) => metrics.dailyReadings.inc({ outcome }) }, date, options);
    metrics.recordRun(summary);
    return summary;
  } catch (err) {
    metrics.runs.inc({ outcome: "failure" });
    throw err;
  }
}

/**
 * Every scheduled day up to `now` not yet on record (within CATCH_UP_DAYS), oldest first, one
 * pass each: after downtime the days missed are made, not only the latest; a pass at the
 * scheduled time is the same thing with one day to make. Stops at the first pass that throws,
 * and before the next day once `stopping` answers true: a service told to stop finishes the day
 * it is making, not the whole month, and the days left are made at its next start.
 */
export async function catchUp(deps: DailyRunDeps, metrics: SchedulerMetrics, now: Date, schedule: DailySchedule, stopping: () => boolean = () => false): Promise<DailyRunSummary[]> {
  const onRecord = await deps.repos.daily.runsOnRecord(catchUpStart(now, schedule.hourUtc, schedule.minute));
  const summaries: DailyRunSummary[] = [];
  for (const date of catchUpDates(now, schedule.hourUtc, schedule.minute, onRecord)) {
    if (stopping()) break;
    summaries.push(await countedRun(deps, metrics, date, { record: true }));
  }
  return summaries;
}
