import type { Command } from "commander";

/** `nps reading`: a full reading in the terminal. Options are checked in reading-options.ts. */
export function register(program: Command): void {
  program
    .command("reading")
    .description("a full numerology reading: readable text, or the structured reading with --json")
    .option("--name <name>", "full name (any script)")
    .option("--birth <date>", "birth date, YYYY-MM-DD")
    .option("--at <moment>", "the moment to read, YYYY-MM-DDTHH:MM[:SS] or YYYY-MM-DD (default: now, local time)")
    .option("--tz <offset>", "UTC offset of --at, +HH:MM or -HH:MM or Z (default: this machine's offset at that moment)")
    .option("--mother <name>", "mother's full name")
    .option("--gender <gender>", "male or female")
    .option("--lat <degrees>", "latitude, -90 to 90 (with --lon)")
    .option("--lon <degrees>", "longitude, -180 to 180 (with --lat)")
    .option("--bpm <rate>", "resting heart rate, beats per minute")
    .option("--system <system>", "pythagorean, chaldean, abjad or auto (default auto: abjad for Persian or Arabic script)")
    .option("--locale <locale>", "language of the reading's words: en or fa (default en; English wherever fa has no text yet)")
    .option("--json", "print the structured reading as JSON")
    .action(async (opts: Record<string, string | boolean | undefined>) => {
      const { runReading } = await import("./reading-run.js");
      runReading(opts, (s) => process.stdout.write(s), new Date());
    });
}
