/** Runs `nps reading`: the one place the command reads the clock, calls the engine and prints. */
import { InvalidInputError } from "../../lib/errors";
import { generateReading, resolveSystem } from "../engine";
import { withOneConfidence } from "../readings/engine-call";
import { formatReading } from "./reading-format";
import { asOptionError, readingInputFrom, systemClock, type ReadingOptions } from "./reading-options";

export function runReading(opts: ReadingOptions, out: (s: string) => void, now: Date): void {
  const input = readingInputFrom(opts, systemClock(now));
  let reading;
  try {
    reading = withOneConfidence(generateReading(input));
  } catch (err) {
    throw err instanceof InvalidInputError ? asOptionError(err) : err;
  }
  if (opts.json) {
    out(JSON.stringify(reading, null, 2) + "\n");
    return;
  }
  out(formatReading(reading, resolveSystem(input.numerology_system ?? "auto", input.name)) + "\n");
}
