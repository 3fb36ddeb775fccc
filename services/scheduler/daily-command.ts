import type { Command } from "commander";
import { CATCH_UP_DAYS } from "./schedule";

/** `nps daily-readings [--date YYYY-MM-DD]`: one pass of the daily readings (the prod stack's scheduled task). */
export function register(program: Command): void {
  program
    .command("daily-readings")
    .description("make the daily reading of every active profile for each scheduled day not yet made (or the one day asked), then exit (exit 1 when any failed)")
    .option("--date <YYYY-MM-DD>", `the day to make (default: every scheduled day not yet made, up to ${CATCH_UP_DAYS} days back, UTC)`)
    .action(async (opts: { date?: string }) => {
      const { dailyReadingsOnce } = await import("./daily-once.js");
      process.exitCode = await dailyReadingsOnce(opts.date);
    });
}
