import type { Command } from "commander";

/** `nps chart`: the complete chart of a name and a birth date, with its working; and two people's compatibility. */
export function register(program: Command): void {
  program
    .command("chart")
    .description("the complete numerology chart with every calculation step (any script); with --with-name and --with-birth, two people's compatibility")
    .option("--name <name>", "full name (any script: Latin, Cyrillic, Persian, Chinese, ...)")
    .option("--birth <date>", "birth date, YYYY-MM-DD")
    .option("--at <date>", "the day of the personal year, month and day, YYYY-MM-DD (default: today, local time)")
    .option("--system <system>", "pythagorean, chaldean, abjad or auto (default auto: abjad for Persian or Arabic script)")
    .option("--locale <locale>", "language of the meanings: en or fa (default en)")
    .option("--with-name <name>", "a second person's full name, for compatibility")
    .option("--with-birth <date>", "the second person's birth date, YYYY-MM-DD")
    .option("--json", "print the chart (or the compatibility) as JSON")
    .action(async (opts: Record<string, string | boolean | undefined>) => {
      const { runChart } = await import("./chart-run.js");
      runChart(opts, (s) => process.stdout.write(s), new Date());
    });
}
