import { CliError } from "../cli-error";
import { loadDotEnv } from "../lib/config/dotenv";
import { loadConfig } from "../lib/config/load-config";
import { createLogger } from "../lib/logger";
import { runDailyReadings } from "./daily-run";
import { openDailyRunDeps } from "./deps";
import { latestRunDate } from "./schedule";

/** One pass for a date; prints the summary as JSON and answers the exit code. */
export async function dailyReadingsOnce(date: string | undefined): Promise<number> {
  if (date !== undefined && !isCalendarDay(date)) throw new CliError(`--date: expected a day YYYY-MM-DD, got "${date}"`);
  loadDotEnv();
  const config = loadConfig(process.env, { service: "scheduler" });
  const logger = createLogger(config.log, "daily-readings");
  const day = date ?? latestRunDate(new Date(), config.scheduler.hourUtc, config.scheduler.minute);
  const deps = await openDailyRunDeps(config, logger);
  try {
    const summary = await runDailyReadings(deps, day);
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return summary.failed === 0 ? 0 : 1;
  } finally {
    await deps.close();
  }
}

function isCalendarDay(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
