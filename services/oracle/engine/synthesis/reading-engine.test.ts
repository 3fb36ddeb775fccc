import { expect } from "chai";
import { encode } from "../core/fc60-stamp-engine";
import { fullDayInfo, fullYearInfo } from "../universal/ganzhi-engine";
import { fullMoonInfo } from "../universal/moon-engine";
import { completeProfile } from "../personal/numerology-engine";
import { DEFAULT_TEXT } from "../text";
import {
  checkSunMoonParadox,
  collectAnimals,
  describeAnimalElement,
  detectAnimalRepetitions,
  generateReading,
  personalXCurrent,
  timeContext,
} from "./reading-engine";
import { TIME_BANDS } from "./symbol-tables";

describe("reading engine", () => {
  it("collects the month, day, hour, minute and year animals that are present", () => {
    const stamp = encode(2026, 2, 9, 14, 30, 0, -5, 0, true);
    expect(collectAnimals(stamp, { year: fullYearInfo(2026) })).to.deep.equal(["OX", "OX", "TI", "HO", "HO"]);
    const dateOnly = encode(2026, 2, 9, 0, 0, 0, 0, 0, false);
    expect(collectAnimals(dateOnly)).to.deep.equal(["OX", "OX"]);
    expect(collectAnimals({})).to.deep.equal([]);
  });

  it("ranks repeated animals by count, ties in order of first appearance", () => {
    const reps = detectAnimalRepetitions(["HO", "RA", "OX", "RA", "HO", "RA", "PI"]);
    expect(reps.map((r) => [r.animal, r.count, r.priority])).to.deep.equal([
      ["RA", 3, "Very High"],
      ["HO", 2, "High"],
    ]);
    expect(reps[0]!.animal_name).to.equal("Rat");
    const unknown = detectAnimalRepetitions(["ZZ", "ZZ"]);
    expect(unknown[0]).to.include({ animal_name: "ZZ", trait: "", action: "" });
  });

  it("puts every hour of the day in a band, boundaries belonging to the later band", () => {
    expect(timeContext(0).context).to.equal(TIME_BANDS[0]!.context);
    expect(timeContext(4).context).to.equal(TIME_BANDS[0]!.context);
    expect(timeContext(5).context).to.equal(TIME_BANDS[1]!.context);
    expect(timeContext(23).context).to.equal(TIME_BANDS[6]!.context);
    expect(timeContext(30).context).to.equal(TIME_BANDS[6]!.context);
  });

  it("sees the paradox only in the sun half between midnight and five", () => {
    expect(checkSunMoonParadox({ _half_marker: "☀" }, 3)).to.equal(DEFAULT_TEXT.reading.paradox);
    expect(checkSunMoonParadox({ _half_marker: "☀" }, 6)).to.equal(null);
    expect(checkSunMoonParadox({ _half_marker: "🌙" }, 3)).to.equal(null);
  });

  it("describes a day token by its animal and element, and nothing else", () => {
    const line = describeAnimalElement("OXWA");
    expect(line).to.include("Ox").and.include("Water").and.include(DEFAULT_TEXT.reading.animalElement.OXWA!);
    expect(describeAnimalElement("OXWAX")).to.equal("");
    expect(describeAnimalElement("constructor")).to.equal("");
  });

  it("cross-references the life path with the year and the planet with the moon", () => {
    const profile = completeProfile("Alice Johnson", 15, 7, 1990, 2026, 2, 9);
    const insights = personalXCurrent(profile, "Moon", fullMoonInfo(2461081));
    expect(insights.map((i) => i.type)).to.deep.equal(["lifepath_year", "planet_moon"]);
    expect(personalXCurrent(null, "Moon", fullMoonInfo(2461081))).to.deep.equal([]);
    expect(personalXCurrent(profile, "", null).map((i) => i.type)).to.deep.equal(["lifepath_year"]);
  });

  it("builds signals in a fixed order and scores confidence by their number", () => {
    const stamp = encode(2026, 2, 9, 14, 30, 0, -5, 0, true);
    const moon = fullMoonInfo(stamp._jdn);
    const ganzhi = { year: fullYearInfo(2026), day: fullDayInfo(stamp._jdn) };
    const profile = completeProfile("Alice Johnson", 15, 7, 1990, 2026, 2, 9);
    const reading = generateReading(stamp, profile, moon, ganzhi);
    expect(reading.signals.map((s) => s.type)).to.deep.equal([
      "animal_repetition",
      "animal_repetition",
      "day_planet",
      "moon_phase",
      "dom_animal_element",
      "hour_animal",
    ]);
    expect(reading.confidence).to.equal(80);
    expect(reading.moon_context).to.equal(reading.signals[3]!.message);
    expect(reading.heartbeat_context).to.equal("");
    expect(reading.planet_moon_insight).to.equal(`${reading.planet_moon_insight_dict.theme}: ${reading.planet_moon_insight_dict.message}`);
    const bare = generateReading({});
    expect(bare.signals).to.deep.equal([]);
    expect(bare.confidence).to.equal(50);
    expect(bare.planet_moon_insight_dict).to.deep.equal({});
    expect(bare.combined_signals.recommended_actions).to.have.length(3);
  });
});
