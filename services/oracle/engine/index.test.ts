import { expect } from "chai";
import { invalidField } from "./invalid-field.test-helper";
import { generateReading, type ReadingInput } from ".";
import { generateReading as orchestrate } from "./synthesis/master-orchestrator";

const ALICE: ReadingInput = {
  fullName: "Alice Johnson",
  birth: { year: 1990, month: 7, day: 15 },
  at: { year: 2026, month: 2, day: 9, hour: 14, minute: 30, second: 0 },
  tz: { hours: -5, minutes: 0 },
  motherName: "Barbara Johnson",
  gender: "female",
  latitude: 40.7,
  longitude: -74,
  bpm: 68,
  system: "pythagorean",
};

describe("engine public API", () => {
  it("maps the typed input onto the orchestrator's parameters", () => {
    const expected = orchestrate("Alice Johnson", 15, 7, 1990, { year: 2026, month: 2, day: 9, hour: 0, minute: 0, second: 0 }, "Barbara Johnson", "female", 40.7, -74, 68, 14, 30, 0, -5, 0, "pythagorean");
    expect(generateReading(ALICE)).to.deep.equal(expected);
  });

  it("reads a date-only moment without time and returns the stamp alone in stamp_only mode", () => {
    const dateOnly = generateReading({ fullName: "Test User", birth: { year: 2000, month: 1, day: 1 }, at: { year: 2026, month: 2, day: 9 } });
    expect(dateOnly.fc60_stamp.iso).to.equal("2026-02-09");
    const stamp = generateReading({ ...ALICE, mode: "stamp_only" });
    expect(Object.keys(stamp)).to.deep.equal(["fc60_stamp"]);
  });

  it("picks abjad for Persian and Arabic names under auto, pythagorean for Latin ones", () => {
    const persian = generateReading({ ...ALICE, fullName: "علی رضایی", motherName: null, system: "auto" });
    const abjad = generateReading({ ...ALICE, fullName: "علی رضایی", motherName: null, system: "abjad" });
    expect(persian.numerology).to.deep.equal(abjad.numerology);
    const latin = generateReading({ ...ALICE, system: "auto" });
    expect(latin.numerology).to.deep.equal(generateReading(ALICE).numerology);
  });

  it("rejects bad input with the field it concerns", () => {
    const bad = (over: Record<string, unknown>) => () => generateReading({ ...ALICE, ...over } as ReadingInput);
    expect(invalidField(bad({ at: { year: 2026, month: 2, day: 30 } }))).to.equal("current_date");
    expect(invalidField(bad({ at: { year: 2026, month: 2, day: 9, hour: 24, minute: 0 } }))).to.equal("current_hour");
    expect(invalidField(bad({ system: "klingon" }))).to.equal("numerology_system");
    expect(invalidField(bad({ latitude: 91 }))).to.equal("latitude");
    expect(invalidField(bad({ birth: { year: 2027, month: 1, day: 1 } }))).to.equal("birth_date");
    expect(invalidField(bad({ birth: { year: 1990, month: 2, day: 29 } }))).to.equal("birth_date");
    expect(invalidField(bad({ longitude: null }))).to.equal("longitude");
    expect(invalidField(bad({ bpm: 500 }))).to.equal("actual_bpm");
    expect(invalidField(bad({ fullName: 42 }))).to.equal("full_name");
    expect(invalidField(bad({ at: "2026-02-09" }))).to.equal("current_date");
    expect(invalidField(bad({ mode: "partial" }))).to.equal("mode");
    expect(invalidField(bad({ tz: { hours: 1.5, minutes: 0 } }))).to.equal("tz_hours");
  });
});
