import { expect } from "chai";
import type { Profile } from "../../lib/db/repositories/oracle-profiles";
import { calendarDate, describeMoment, fullTime, localClock, momentOf, oracleProfile, profileOffset } from "./oracle-input";
import { latestDayOnEarth } from "./profile-schemas";

describe("oracle input: from stored profiles and requests to the Oracle's terms", () => {
  const now = new Date("2026-02-09T22:15:30.000Z");

  it("the local clock crosses midnight with the offset", () => {
    expect(localClock(now, 0)).to.deep.equal({ date: "2026-02-09", time: "22:15:30" });
    expect(localClock(now, 210)).to.deep.equal({ date: "2026-02-10", time: "01:45:30" });
    expect(localClock(new Date("2026-01-01T01:00:00Z"), -120)).to.deep.equal({ date: "2025-12-31", time: "23:00:00" });
  });

  it("a moment: what was given, the rest (time included) from the clock", () => {
    expect(momentOf(now, 210, {})).to.deep.equal({ year: 2026, month: 2, day: 10, hour: 1, minute: 45, second: 30 });
    expect(momentOf(now, 0, { date: "2024-02-29", time: "07:05" })).to.deep.equal({ year: 2024, month: 2, day: 29, hour: 7, minute: 5, second: 0 });
    expect(momentOf(now, 0, { time: "07:05:09" })).to.deep.equal({ year: 2026, month: 2, day: 9, hour: 7, minute: 5, second: 9 });
    // A date without a time is read at now's time of day on that date, as `time` is documented.
    expect(momentOf(now, 0, { date: "2026-03-01" })).to.deep.equal({ year: 2026, month: 3, day: 1, hour: 22, minute: 15, second: 30 });
    expect(momentOf(now, 0, { date: "2026-03-01" }, true)).to.deep.equal({ year: 2026, month: 3, day: 1 });
    expect(describeMoment({ year: 2026, month: 3, day: 1 })).to.equal("2026-03-01");
    expect(describeMoment({ year: 2026, month: 3, day: 1, hour: 9, minute: 5, second: 0 })).to.equal("2026-03-01 09:05:00");
    expect(fullTime("09:05")).to.equal("09:05:00");
    expect(calendarDate("0999-12-31")).to.deep.equal({ year: 999, month: 12, day: 31 });
  });

  const stored = (over: Partial<Profile> = {}): Profile => ({
    id: "p",
    owner_id: "o",
    name: "Ali Rezaei",
    name_persian: null,
    birth_date: "1990-07-15",
    mother_name: "Zahra",
    mother_name_persian: null,
    gender: null,
    country: null,
    city: null,
    heart_rate_bpm: null,
    timezone_offset_minutes: null,
    timezone: null,
    latitude: null,
    longitude: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    ...over,
  });

  it("a profile's offset for a moment comes from its zone at that moment, daylight saving included", () => {
    const ny = stored({ timezone: "America/New_York", timezone_offset_minutes: -240 });
    expect(profileOffset(ny, new Date("2026-01-15T12:00:00Z"))).to.equal(-300);
    expect(profileOffset(ny, new Date("2026-07-15T12:00:00Z"))).to.equal(-240);
    expect(profileOffset(ny, now, { date: "2026-07-04", time: "09:00" })).to.equal(-240);
    expect(profileOffset(ny, new Date("2026-07-15T12:00:00Z"), { date: "2026-12-24" })).to.equal(-300);
    // Without a zone the stored offset stands; without either, the fallback.
    expect(profileOffset(stored({ timezone_offset_minutes: 210 }), now)).to.equal(210);
    expect(profileOffset(stored(), now, {}, -60)).to.equal(-60);
    expect(profileOffset(undefined, now, {}, 45)).to.equal(45);
    expect(oracleProfile(ny, "auto", -300).timezone_offset_minutes).to.equal(-300);
  });

  it("a stored profile as the Oracle's profile", () => {
    const profile = oracleProfile(
      {
        timezone: null,
        id: "p",
        owner_id: "o",
        name: "Ali Rezaei",
        name_persian: "علی رضایی",
        birth_date: "1985-03-21",
        mother_name: "Zahra",
        mother_name_persian: null,
        gender: "male",
        country: null,
        city: null,
        heart_rate_bpm: null,
        timezone_offset_minutes: 210,
        latitude: 35.7,
        longitude: 51.4,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      },
      "abjad",
    );
    expect(profile).to.deep.equal({
      name: "Ali Rezaei",
      name_persian: "علی رضایی",
      birth_date: { year: 1985, month: 3, day: 21 },
      mother_name: "Zahra",
      gender: "male",
      latitude: 35.7,
      longitude: 51.4,
      heart_rate_bpm: null,
      timezone_offset_minutes: 210,
      numerology_system: "abjad",
    });
  });

  it("the latest day on Earth is UTC+14's", () => {
    expect(latestDayOnEarth(new Date("2026-02-09T09:59:59Z"))).to.equal("2026-02-09");
    expect(latestDayOnEarth(new Date("2026-02-09T10:00:00Z"))).to.equal("2026-02-10");
  });
});
