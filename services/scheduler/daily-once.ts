import { CliError } from "../cli-error";
import { loadDotEnv } from "../lib/config/dotenv";
import { loadConfig } from "../lib/config/load-config";
import { createLogger } from "../lib/logger";
import { createRegistry } from "../lib/metrics";
import { pushBeforeExit } from "../lib/metrics-push";
import { catchUp, countedRun } from "./catch-up";
import type { DailyRunSummary } from "./daily-run";
import { openDailyRunDeps } from "./deps";
import { SchedulerMetrics } from "./metrics";

/**
 * One run of the daily readings: the day given, or else every scheduled day not yet on record
 * (as the service catches up). Prints each day's summary as a JSON line and answers the exit code.
 */
export async function dailyReadingsOnce(date: string | undefined): Promise<number> {
  if (date !== undefined && !isCalendarDay(date)) throw new CliError(`--date: expected a day YYYY-MM-DD, got "${date}"`);
  loadDotEnv();
  const config = loadConfig(process.env, { service: "scheduler" });
  const logger = createLogger(config.log, "daily-readings");
  const metrics = new SchedulerMetrics(createRegistry("scheduler"));
  try {
    const deps = await openDailyRunDeps(config, logger).catch((err: unknown) => {
      metrics.runs.inc({ outcome: "failure" });
      throw err;
    });
    try {
      const summaries: DailyRunSummary[] = date !== undefined ? [await countedRun(deps, metrics, date)] : await catchUp(deps, metrics, new Date(), config.scheduler);
      for (const summary of summaries) process.stdout.write(`${JSON.stringify(summary)}\n`);
      return summaries.every((s) => s.failed === 0) ? 0 : 1;
    } finally {
      await deps.close();
    }
  } finally {
    // The process exits next, before any scrape: the prod stack's scheduled task pushes instead.
    await pushBeforeExit(metrics.registry, config.metricsPushUrl, "scheduler", "nps_scheduler_");
  }
}

function isCalendarDay(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
