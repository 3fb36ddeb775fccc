import type { Command } from "commander";

/** `nps daily-readings [--date YYYY-MM-DD]`: one pass of the daily readings (the prod stack's scheduled task). */
export function register(program: Command): void {
  program
    .command("daily-readings")
    .description("make the day's reading for every active profile once, then exit (exit 1 when any failed)")
    .option("--date <YYYY-MM-DD>", "the day to make (default: the latest scheduled day, UTC)")
    .action(async (opts: { date?: string }) => {
      const { dailyReadingsOnce } = await import("./daily-once.js");
      process.exitCode = await dailyReadingsOnce(opts.date);
    });
}
