import { expect } from "chai";
import { ANIMALS } from "../core/tokens";
import { PLANETS } from "../core/weekday-calculator";
import { PHASE_NAMES } from "../universal/moon-engine";
import { DEFAULT_TEXT } from "../text";
import { ANIMAL_PAIRS, LIFE_PATH_YEAR_THEMES, PLANET_MOON_THEMES } from "./combination-tables";
import {
  animalHarmony,
  combineOwnSignals,
  combineSignals,
  detectTensions,
  elementsInMessages,
  generateActions,
  lifepathMeetsYear,
  planetMeetsMoon,
} from "./signal-combiner";
import type { Planet } from "./symbol-tables";

describe("signal combiner", () => {
  it("gives each planet and phase its own theme, and an uncharted theme to unknown names", () => {
    const themes = new Set<string>();
    for (const planet of PLANETS) for (const phase of PHASE_NAMES) themes.add(planetMeetsMoon(planet, phase).theme);
    expect(themes.size).to.equal(PLANETS.length * PHASE_NAMES.length);
    expect(planetMeetsMoon("Sun", "Full Moon").theme).to.equal(PLANET_MOON_THEMES.Sun[4]);
    expect(planetMeetsMoon("Pluto", "Full Moon").theme).to.equal("Uncharted Alignment");
    expect(planetMeetsMoon("Sun", "Blue Moon").message).to.include("Blue Moon");
  });

  it("reads master numbers through their roots and says so in the message", () => {
    const root = lifepathMeetsYear(2, 5);
    const master = lifepathMeetsYear(11, 5);
    expect(master.theme).to.equal(root.theme);
    expect(master.message.startsWith(root.message)).to.equal(true);
    expect(master.message).to.include("11");
    const both = lifepathMeetsYear(22, 33);
    expect(both.theme).to.equal(LIFE_PATH_YEAR_THEMES[3]![5]);
    expect(both.message).to.include("22").and.include("33");
    expect(lifepathMeetsYear(0, 5).theme).to.equal("Unique Intersection");
    expect(lifepathMeetsYear(13, 5).theme).to.equal("Unique Intersection");
  });

  it("relates animals symmetrically: named pairs, resonance with itself, neutral otherwise", () => {
    for (const [a, b, type] of ANIMAL_PAIRS) {
      expect(animalHarmony(a, b).type).to.equal(type);
      expect(animalHarmony(b, a)).to.deep.equal(animalHarmony(a, b));
    }
    for (const a of ANIMALS) expect(animalHarmony(a, a).type).to.equal("resonance");
    expect(animalHarmony("RA", "TI").type).to.equal("neutral");
    expect(animalHarmony("XX", "XX").type).to.equal("neutral");
  });

  it("finds opposed elements named in any letter case, and clashing branches in period order", () => {
    const signals = [{ message: "a FIRE day" }, { message: "deep water" }, { message: "Wood only" }];
    expect(elementsInMessages(signals)).to.deep.equal(new Set(["Fire", "Water", "Wood"]));
    expect(detectTensions(signals, null)).to.deep.equal([DEFAULT_TEXT.combiner.elementClash["Fire-Water"]]);
    // Rat (year) and Horse (hour) clash; Rat-Ox and Ox-Horse do not.
    const ganzhi = { year: { branch_token: "RA" }, day: { branch_token: "OX" }, hour: { branch_token: "HO" } };
    expect(detectTensions([], ganzhi)).to.deep.equal([DEFAULT_TEXT.combiner.pairs["RA-HO"]]);
    expect(detectTensions([], { day: { branch_token: "OX" }, hour: { branch_token: "GO" } })).to.deep.equal([DEFAULT_TEXT.combiner.pairs["OX-GO"]]);
  });

  it("always recommends three actions, led by the kind of the strongest signal", () => {
    const a = DEFAULT_TEXT.combiner.actions;
    expect(generateActions([], {}, {})).to.deep.equal([...a.defaults]);
    const planetFirst = generateActions([{ type: "day_planet", message: "Venus rules. More here." }], {}, {});
    expect(planetFirst[0]).to.equal(a.fromPlanet("Venus rules"));
    expect(planetFirst).to.have.length(3);
    const full = generateActions(
      [{ type: "animal_repetition", message: "x" }],
      { life_path: { number: 5, message: "Change and adapt" }, personal_year: 9 },
      { phase_name: "Full Moon", best_for: "Celebrating, releasing, clarity" },
    );
    expect(full).to.deep.equal([a.fromRepetition, a.fromLifePath("Change and adapt", 9), a.fromBestFor("Celebrating, releasing, clarity")]);
  });

  it("ranks signals loudest first, keeping the order of equals", () => {
    const signals = [
      { type: "day_planet", priority: "Medium", message: "m1" },
      { type: "hour_animal", priority: "Low-Medium", message: "low" },
      { type: "moon_phase", priority: "Medium", message: "m2" },
      { type: "animal_repetition", priority: "Very High", message: "top" },
      { type: "x", priority: "unknown", message: "none" },
    ];
    const combined = combineSignals(signals, {}, {}, {});
    expect(combined.primary_message).to.equal("top");
    expect(combined.supporting_messages).to.deep.equal(["m1", "m2", "low"]);
    expect(combined.recommended_actions).to.have.length(3);
  });

  it("gives the same result for the engine's own signals whether elements are searched or known", () => {
    const signals = [
      { type: "animal_repetition", priority: "High", message: DEFAULT_TEXT.reading.signals.hourAnimal("Ox", "Patience") },
      { type: "dom_animal_element", priority: "Medium", message: DEFAULT_TEXT.reading.signals.domAnimalElement("Ox", "Water", DEFAULT_TEXT.reading.elements.Water) },
    ];
    const ganzhi = { year: { branch_token: "DR" }, day: { branch_token: "DO" } };
    const searched = combineSignals(signals, {}, {}, ganzhi);
    expect(combineOwnSignals(signals, elementsInMessages(signals), {}, {}, ganzhi)).to.deep.equal(searched);
    expect(searched.tensions).to.deep.equal([DEFAULT_TEXT.combiner.pairs["DR-DO"]]);
  });

  it("covers every planet of the theme table", () => {
    expect(Object.keys(PLANET_MOON_THEMES).sort()).to.deep.equal([...PLANETS].sort());
    for (const planet of PLANETS) expect(PLANET_MOON_THEMES[planet as Planet]).to.have.length(PHASE_NAMES.length);
  });
});
