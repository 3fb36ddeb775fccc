import { expect } from "chai";
import { isTimeZone, offsetMinutesAt, offsetMinutesAtLocal } from "./time-zone";

describe("time zones", () => {
  it("knows tz database names and refuses offsets and junk", () => {
    expect(isTimeZone("Asia/Tehran")).to.equal(true);
    expect(isTimeZone("America/New_York")).to.equal(true);
    expect(isTimeZone("UTC")).to.equal(true);
    for (const bad of ["", "+03:30", "Mars/Olympus", "Asia/Tehran; DROP", "x".repeat(65)]) expect(isTimeZone(bad), bad).to.equal(false);
  });

  it("gives New York its winter and its summer offset", () => {
    expect(offsetMinutesAt("America/New_York", new Date("2026-01-15T12:00:00Z"))).to.equal(-300);
    expect(offsetMinutesAt("America/New_York", new Date("2026-07-15T12:00:00Z"))).to.equal(-240);
  });

  it("gives half-hour and quarter-hour zones their minutes", () => {
    expect(offsetMinutesAt("Asia/Tehran", new Date("2026-07-01T00:00:00Z"))).to.equal(210);
    expect(offsetMinutesAt("Asia/Kathmandu", new Date("2026-07-01T00:00:00Z"))).to.equal(345);
    expect(offsetMinutesAt("Pacific/Kiritimati", new Date("2026-07-01T00:00:00Z"))).to.equal(840);
  });

  it("reads Tehran's summer time in the years it was kept (before 2023) and not after", () => {
    expect(offsetMinutesAtLocal("Asia/Tehran", { year: 2010, month: 7, day: 15 })).to.equal(270);
    expect(offsetMinutesAtLocal("Asia/Tehran", { year: 2024, month: 7, day: 15 })).to.equal(210);
  });

  it("resolves local wall times, including the skipped and the repeated hour", () => {
    expect(offsetMinutesAtLocal("America/New_York", { year: 1990, month: 1, day: 10 })).to.equal(-300);
    expect(offsetMinutesAtLocal("America/New_York", { year: 1990, month: 7, day: 10, hour: 9 })).to.equal(-240);
    // 2026-03-08 02:30 does not exist in New York: the offset from before the change.
    expect(offsetMinutesAtLocal("America/New_York", { year: 2026, month: 3, day: 8, hour: 2, minute: 30 })).to.equal(-300);
    // 2026-11-01 01:30 happens twice: the first (daylight) one.
    expect(offsetMinutesAtLocal("America/New_York", { year: 2026, month: 11, day: 1, hour: 1, minute: 30 })).to.equal(-240);
    expect(offsetMinutesAtLocal("America/New_York", { year: 2026, month: 11, day: 1, hour: 3 })).to.equal(-300);
  });
});
