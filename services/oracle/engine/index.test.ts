import { expect } from "chai";
import { invalidField } from "./invalid-field.test-helper";
import { generateReading, type ReadingInput } from ".";
import { generateReading as orchestrate } from "./synthesis/master-orchestrator";

const ALICE: ReadingInput = {
  name: "Alice Johnson",
  birth_date: { year: 1990, month: 7, day: 15 },
  at: { year: 2026, month: 2, day: 9, hour: 14, minute: 30, second: 0 },
  timezone_offset_minutes: -300,
  mother_name: "Barbara Johnson",
  gender: "female",
  latitude: 40.7,
  longitude: -74,
  heart_rate_bpm: 68,
  numerology_system: "pythagorean",
};

describe("engine public API", () => {
  it("maps the typed input onto the orchestrator's parameters", () => {
    const expected = orchestrate("Alice Johnson", 15, 7, 1990, { year: 2026, month: 2, day: 9, hour: 0, minute: 0, second: 0 }, "Barbara Johnson", "female", 40.7, -74, 68, 14, 30, 0, -5, 0, "pythagorean");
    expect(generateReading(ALICE)).to.deep.equal(expected);
  });

  it("reads an offset in minutes with one sign in both parts", () => {
    const at = { year: 2026, month: 2, day: 9, hour: 0, minute: 0, second: 0 };
    const stampAt = (minutes: number) => generateReading({ ...ALICE, timezone_offset_minutes: minutes }).fc60_stamp;
    const core = (h: number, m: number) => orchestrate("Alice Johnson", 15, 7, 1990, at, "Barbara Johnson", "female", 40.7, -74, 68, 14, 30, 0, h, m, "pythagorean").fc60_stamp;
    expect(stampAt(210)).to.deep.equal(core(3, 30));
    expect(stampAt(-210)).to.deep.equal(core(-3, -30));
    expect(stampAt(-300)).to.deep.equal(core(-5, 0));
    expect(stampAt(0)).to.deep.equal(core(0, 0));
    expect(stampAt(840)).to.deep.equal(core(14, 0));
  });

  it("reads a date-only moment without time and returns the stamp alone in stamp_only mode", () => {
    const dateOnly = generateReading({ name: "Test User", birth_date: { year: 2000, month: 1, day: 1 }, at: { year: 2026, month: 2, day: 9 } });
    expect(dateOnly.fc60_stamp.iso).to.equal("2026-02-09");
    const stamp = generateReading({ ...ALICE, mode: "stamp_only" });
    expect(Object.keys(stamp)).to.deep.equal(["fc60_stamp"]);
  });

  it("picks abjad for Persian and Arabic names under auto, pythagorean for Latin ones", () => {
    const persian = generateReading({ ...ALICE, name: "علی رضایی", mother_name: null, numerology_system: "auto" });
    const abjad = generateReading({ ...ALICE, name: "علی رضایی", mother_name: null, numerology_system: "abjad" });
    expect(persian.numerology).to.deep.equal(abjad.numerology);
    const latin = generateReading({ ...ALICE, numerology_system: "auto" });
    expect(latin.numerology).to.deep.equal(generateReading(ALICE).numerology);
  });

  it("rejects bad input with the field it concerns", () => {
    const bad = (over: Record<string, unknown>) => () => generateReading({ ...ALICE, ...over } as ReadingInput);
    expect(invalidField(bad({ at: { year: 2026, month: 2, day: 30 } }))).to.equal("at");
    expect(invalidField(bad({ at: { year: 2026, month: 2, day: 9, hour: 24, minute: 0 } }))).to.equal("at.hour");
    expect(invalidField(bad({ numerology_system: "klingon" }))).to.equal("numerology_system");
    expect(invalidField(bad({ latitude: 91 }))).to.equal("latitude");
    expect(invalidField(bad({ birth_date: { year: 2027, month: 1, day: 1 } }))).to.equal("birth_date");
    expect(invalidField(bad({ birth_date: { year: 1990, month: 2, day: 29 } }))).to.equal("birth_date");
    expect(invalidField(bad({ longitude: null }))).to.equal("longitude");
    expect(invalidField(bad({ heart_rate_bpm: 500 }))).to.equal("heart_rate_bpm");
    expect(invalidField(bad({ name: 42 }))).to.equal("name");
    expect(invalidField(bad({ at: "2026-02-09" }))).to.equal("at");
    expect(invalidField(bad({ mode: "partial" }))).to.equal("mode");
    expect(invalidField(bad({ timezone_offset_minutes: 90.5 }))).to.equal("timezone_offset_minutes");
    expect(invalidField(bad({ timezone_offset_minutes: 900 }))).to.equal("timezone_offset_minutes");
    expect(invalidField(bad({ locale: "de" }))).to.equal("locale");
  });
});
