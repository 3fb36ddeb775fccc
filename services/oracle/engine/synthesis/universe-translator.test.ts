import { expect } from "chai";
import { encode } from "../core/fc60-stamp-engine";
import { DEFAULT_TEXT as T } from "../text";
import { positionNames, splitInsight, translate } from "./universe-translator";

describe("universe translator", () => {
  it("splits an insight at its first separator", () => {
    expect(splitInsight("Theme: message: more")).to.deep.equal(["Theme", "message: more"]);
    expect(splitInsight("no separator")).to.deep.equal(["", "no separator"]);
  });

  it("names the stamp positions an animal occupies", () => {
    const stamp = encode(2026, 2, 9, 14, 30, 0, -5, 0, true);
    expect(positionNames(stamp, "OX")).to.deep.equal([T.translation.positions.month, T.translation.positions.day]);
    expect(positionNames(stamp, "HO")).to.deep.equal([T.translation.positions.minute]);
    expect(positionNames(stamp, "PI")).to.deep.equal([]);
  });

  it("writes all sections from a bare reading, with three advice items and the defaults", () => {
    const stamp = encode(2026, 2, 9, 0, 0, 0, 0, 0, false);
    const t = translate({}, stamp);
    expect(t.core_identity).to.equal("");
    expect(t.foundation).to.equal("");
    expect(t.patterns).to.equal(T.translation.patternsNone);
    expect(t.advice.split("\n\n")).to.have.length(3);
    expect(t.advice).to.include(T.translation.adviceDefaults[0]);
    expect(t.header).to.include("2026-02-09");
    expect(t.universal_address).to.include(stamp.fc60);
    expect(t.full_text.startsWith(t.header)).to.equal(true);
    expect(t.full_text.endsWith(t.footer)).to.equal(true);
  });

  it("uses the given confidence over the reading's own, and reads theme-message strings", () => {
    const stamp = encode(2026, 2, 9, 14, 30, 0, 0, 0, true);
    const profile = { life_path: { number: 5, title: "Explorer", message: "Change and adapt" }, expression: 5, soul_urge: 3, personality: 2, personal_year: 5, mother_influence: 5 };
    const t = translate({ confidence: 70, lifepath_year_insight: "Maximum Velocity: Ride it." }, stamp, profile, "Ana", "", 88);
    expect(t.header).to.include("88%").and.include("Ana").and.include(stamp.iso);
    expect(t.core_identity).to.include("Maximum Velocity").and.include("Ride it.");
    expect(t.foundation).to.equal(T.translation.foundationMatching(5));
    expect(t.patterns).to.include(T.translation.patternNumber(5, 3));
  });
});
