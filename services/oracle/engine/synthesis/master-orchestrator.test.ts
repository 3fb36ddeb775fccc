import { expect } from "chai";
import { invalidField } from "../invalid-field.test-helper";
import type { FullReading, NaiveDateTime } from "../result-types";
import { DEFAULT_TEXT } from "../text";
import { calculateConfidence, detectPatterns, generateReading } from "./master-orchestrator";

const AT: NaiveDateTime = { year: 2026, month: 2, day: 9, hour: 0, minute: 0, second: 0 };

function alice(): FullReading {
  return generateReading("Alice Johnson", 15, 7, 1990, AT, "Barbara Johnson", "female", 40.7, -74.0, 68, 14, 30, 0, -5, 0, "pythagorean");
}

describe("master orchestrator", () => {
  it("assembles every part of a full reading, the synthesis being the translation's full text", () => {
    const r = alice();
    expect(Object.keys(r).sort()).to.deep.equal(
      ["birth", "confidence", "current", "fc60_stamp", "ganzhi", "heartbeat", "location", "moon", "numerology", "patterns", "person", "reading", "synthesis", "translation"].sort(),
    );
    expect(Object.keys(r.translation)).to.deep.equal([
      "header", "universal_address", "core_identity", "foundation", "right_now", "patterns", "message", "advice", "caution", "footer", "full_text",
    ]);
    expect(r.synthesis).to.equal(r.translation.full_text);
    for (const section of ["universal_address", "core_identity", "foundation", "right_now", "patterns", "message", "advice", "caution", "footer"] as const) {
      expect(r.translation[section], section).to.not.equal("");
      expect(r.translation.full_text).to.include(r.translation[section]);
    }
    expect(r.person.age_days).to.equal(r.current.jdn - r.birth.jdn);
    expect(r.person.age_years).to.equal(Math.floor(r.person.age_days / 365.25));
    expect(r.ganzhi.hour).to.not.equal(undefined);
    expect(r.confidence.score).to.equal(95);
  });

  it("reads a date without a time when neither hour nor minute is given", () => {
    const r = generateReading("James Chen", 5, 3, 1988, { ...AT, hour: 14, minute: 30 });
    expect(r.fc60_stamp.iso).to.equal("2026-02-09");
    expect(r.ganzhi.hour).to.equal(undefined);
    expect(r.reading.signals.some((s) => s.type === "hour_animal")).to.equal(false);
    expect(r.location).to.equal(null);
    expect(r.translation.foundation).to.equal("");
    for (const gap of ["location", "mother", "time"] as const) expect(r.translation.footer).to.include(DEFAULT_TEXT.translation.missing[gap]);
  });

  it("returns the stamp alone in stamp_only mode, after checking the birth date", () => {
    const r = generateReading("", 1, 1, 2000, AT, null, null, null, null, null, 14, 30, 0, 0, 0, "pythagorean", "stamp_only");
    expect(Object.keys(r)).to.deep.equal(["fc60_stamp"]);
    expect(invalidField(() => generateReading("", 30, 2, 2000, AT, null, null, null, null, null, 14, 30, 0, 0, 0, "pythagorean", "stamp_only"))).to.equal("birth_date");
    expect(invalidField(() => generateReading("", 1, 1, 2027, AT, null, null, null, null, null, 14, 30, 0, 0, 0, "pythagorean", "stamp_only"))).to.equal("birth_date");
  });

  it("names the field of every kind of bad input", () => {
    const call = (over: Partial<Record<string, unknown>>) => () => {
      const a = { birthDay: 1, birthMonth: 1, birthYear: 2000, at: AT as NaiveDateTime | null, lat: null as number | null, lon: null as number | null, hour: 12 as number | null, tzH: 0, system: "pythagorean", ...over };
      return generateReading("Test User", a.birthDay as number, a.birthMonth as number, a.birthYear as number, a.at, null, null, a.lat, a.lon, null, a.hour, 0, 0, a.tzH as number, 0, a.system as string);
    };
    expect(invalidField(call({ at: null }))).to.equal("current_date");
    expect(invalidField(call({ at: { ...AT, month: 2, day: 30 } }))).to.equal("current_date");
    expect(invalidField(call({ hour: 24 }))).to.equal("current_hour");
    expect(invalidField(call({ tzH: 15 }))).to.equal("tz_hours");
    expect(invalidField(call({ birthMonth: 13 }))).to.equal("birth_date");
    expect(invalidField(call({ birthYear: 2026, birthMonth: 2, birthDay: 10 }))).to.equal("birth_date");
    expect(invalidField(call({ lat: 91, lon: 0 }))).to.equal("latitude");
    expect(invalidField(call({ lat: 0, lon: -180.5 }))).to.equal("longitude");
    expect(invalidField(call({ system: "klingon" }))).to.equal("numerology_system");
    // Born on the day itself is fine; system names ignore letter case.
    expect(call({ birthYear: 2026, birthMonth: 2, birthDay: 9 })().person.age_days).to.equal(0);
    expect(call({ system: "ABJAD" })().numerology).to.deep.equal(call({ system: "abjad" })().numerology);
  });

  it("finds repeated numbers, a master life path and repeated animals", () => {
    const numerology = { life_path: { number: 11 }, expression: 11, soul_urge: 11, personality: 3, personal_year: 3 };
    const reps = [
      { animal_name: "Ox", count: 3, trait: "Patience" },
      { animal_name: "Rat", count: 2, trait: "Resourcefulness" },
    ];
    const p = detectPatterns(numerology, { name: "Monday" }, { animal_repetitions: reps });
    expect(p.detected.map((d) => [d.type, d.strength])).to.deep.equal([
      ["number_repetition", "high"],
      ["number_repetition", "medium"],
      ["master_number", "very_high"],
      ["animal_repetition", "very_high"],
      ["animal_repetition", "high"],
    ]);
    expect(p.count).to.equal(5);
    expect(detectPatterns({ life_path: { number: 1 }, expression: 2, soul_urge: 3, personality: 4, personal_year: 5 }, null).count).to.equal(0);
  });

  it("scores confidence from the sources present, within 50-95", () => {
    const base = { life_path: { number: 4 }, expression: 1, soul_urge: 2, personality: 3, personal_year: 5 };
    expect(calculateConfidence(base)).to.include({ score: 60, level: "low" });
    expect(calculateConfidence({ ...base, mother_influence: 0 })).to.include({ score: 70, level: "medium" });
    expect(calculateConfidence(base, { a: 1 }, { a: 1 }, {}, null)).to.include({ score: 70 });
    const everything = calculateConfidence({ ...base, life_path: { number: 22 }, mother_influence: 3 }, { a: 1 }, { a: 1 }, { a: 1 }, { a: 1 }, { animal_repetitions: [1] });
    expect(everything).to.include({ score: 95, level: "very_high" });
    expect(everything.factors).to.include("6");
  });
});
