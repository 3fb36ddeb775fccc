import { expect } from "chai";
import { CliError } from "../../cli-error";
import { InvalidInputError } from "../../lib/errors";
import { asOptionError, parseOffset, readingInputFrom, type LocalClock, type ReadingOptions } from "./reading-options";

/** A clock fixed at 2026-02-09 14:30:15 local, in a zone `offset` minutes east of UTC. */
function fixedClock(offset: number): LocalClock {
  return { now: () => ({ year: 2026, month: 2, day: 9, hour: 14, minute: 30, second: 15 }), offsetMinutes: () => offset };
}

function optionOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).to.be.instanceOf(CliError);
    expect((err as CliError).exitCode).to.equal(2);
    return (err as CliError).message.split(":")[0]!;
  }
  throw new Error("expected a CliError");
}

const BASE: ReadingOptions = { name: "Alice Johnson", birth: "1990-07-15" };

describe("nps reading options", () => {
  it("reads the clock's moment and offset when --at and --tz are absent, and defaults to auto", () => {
    const input = readingInputFrom(BASE, fixedClock(-210));
    expect(input.at).to.deep.equal({ year: 2026, month: 2, day: 9, hour: 14, minute: 30, second: 15 });
    expect(input.timezone_offset_minutes).to.equal(-210);
    expect(input.numerology_system).to.equal("auto");
    expect(input.birth_date).to.deep.equal({ year: 1990, month: 7, day: 15 });
  });

  it("takes --at as a date, a minute or a second, and --tz in its usual spellings", () => {
    const clock = fixedClock(0);
    expect(readingInputFrom({ ...BASE, at: "2025-12-31" }, clock).at).to.deep.equal({ year: 2025, month: 12, day: 31 });
    expect(readingInputFrom({ ...BASE, at: "2025-12-31T23:59" }, clock).at).to.deep.equal({ year: 2025, month: 12, day: 31, hour: 23, minute: 59, second: 0 });
    expect(readingInputFrom({ ...BASE, at: "2025-12-31 23:59:58" }, clock).at).to.include({ second: 58 });
    expect(parseOffset("+05:30")).to.equal(330);
    expect(parseOffset("-0330")).to.equal(-210);
    expect(parseOffset("-00:30")).to.equal(-30);
    expect(parseOffset("+9")).to.equal(540);
    expect(parseOffset("Z")).to.equal(0);
  });

  it("passes the optional parts through, normalised", () => {
    const input = readingInputFrom(
      { ...BASE, mother: " Barbara Johnson ", gender: "Female", lat: "40.7", lon: "-74", bpm: "68", system: "CHALDEAN" },
      fixedClock(0),
    );
    expect(input).to.include({ mother_name: "Barbara Johnson", gender: "female", latitude: 40.7, longitude: -74, heart_rate_bpm: 68, numerology_system: "chaldean" });
  });

  it("names the option of every bad value", () => {
    const clock = fixedClock(0);
    expect(optionOf(() => readingInputFrom({ birth: "1990-07-15" }, clock))).to.equal("--name");
    expect(optionOf(() => readingInputFrom({ name: "A" }, clock))).to.equal("--birth");
    expect(optionOf(() => readingInputFrom({ ...BASE, birth: "15/07/1990" }, clock))).to.equal("--birth");
    expect(optionOf(() => readingInputFrom({ ...BASE, at: "tomorrow" }, clock))).to.equal("--at");
    expect(optionOf(() => readingInputFrom({ ...BASE, tz: "+5:75" }, clock))).to.equal("--tz");
    expect(optionOf(() => readingInputFrom({ ...BASE, lat: "40" }, clock))).to.equal("--lon");
    expect(optionOf(() => readingInputFrom({ ...BASE, lat: "north", lon: "0" }, clock))).to.equal("--lat");
    expect(optionOf(() => readingInputFrom({ ...BASE, bpm: "68.5" }, clock))).to.equal("--bpm");
    expect(optionOf(() => readingInputFrom({ ...BASE, gender: "other" }, clock))).to.equal("--gender");
    expect(optionOf(() => readingInputFrom({ ...BASE, system: "klingon" }, clock))).to.equal("--system");
  });

  it("restates engine errors in terms of options", () => {
    expect(asOptionError(new InvalidInputError("at.hour", "must be 0-23, got 24")).message).to.equal("--at: must be 0-23, got 24");
    expect(asOptionError(new InvalidInputError("latitude", "must be from -90 to 90, got 91")).message).to.equal("--lat: must be from -90 to 90, got 91");
  });
});
