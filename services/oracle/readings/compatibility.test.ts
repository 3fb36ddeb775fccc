import { expect } from "chai";
import {
  allPairs,
  animalScore,
  classify,
  COMPATIBILITY_WEIGHTS,
  elementScore,
  groupAnalysis,
  lifePathScore,
  moonScore,
  pairCompatibility,
  patternScore,
  type Member,
} from "./compatibility";

const member = (over: Partial<Member>): Member => ({
  name: "M",
  lifePath: 1,
  element: "Wood",
  branch: 0,
  animal: "Rat",
  moonPhase: 0,
  patterns: [],
  ...over,
});

describe("compatibility", () => {
  it("weighs life path 30, element 25, animal 20, moon 15, patterns 10", () => {
    expect(COMPATIBILITY_WEIGHTS).to.deep.equal({ life_path: 0.3, element: 0.25, animal: 0.2, moon: 0.15, patterns: 0.1 });
  });

  it("scores life paths: same, master with base, two masters, completion pair, distance", () => {
    expect(lifePathScore(7, 7)).to.equal(1);
    expect(lifePathScore(11, 2)).to.equal(0.9);
    expect(lifePathScore(4, 22)).to.equal(0.9);
    expect(lifePathScore(11, 33)).to.equal(0.85);
    expect(lifePathScore(1, 8)).to.equal(0.8);
    expect(lifePathScore(1, 9)).to.be.closeTo(0.3, 1e-12);
    expect(lifePathScore(1, 2)).to.be.greaterThan(lifePathScore(1, 5));
    // a master number is as near as its base: 33 sits by 6, not beyond 9
    expect(lifePathScore(33, 5)).to.equal(lifePathScore(6, 5));
    for (const a of [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 22, 33]) {
      for (const b of [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 22, 33]) {
        expect(lifePathScore(a, b)).to.equal(lifePathScore(b, a));
        expect(lifePathScore(a, b)).to.be.within(0.3, 1);
      }
    }
  });

  it("scores elements by the generating and controlling cycles", () => {
    expect(elementScore("Fire", "Fire")).to.equal(0.7);
    expect(elementScore("Wood", "Fire")).to.equal(0.9);
    expect(elementScore("Water", "Wood")).to.equal(0.9);
    expect(elementScore("Fire", "Wood")).to.equal(0.9);
    expect(elementScore("Wood", "Earth")).to.equal(0.3);
    expect(elementScore("Water", "Fire")).to.equal(0.3);
    expect(elementScore("Metal", "Wood")).to.equal(0.3);
  });

  it("scores animals: harmony pairs, clashes, trines, same, other", () => {
    // Rat-Ox, Tiger-Pig, Horse-Goat are the harmony pairs
    expect(animalScore(0, 1)).to.equal(1);
    expect(animalScore(2, 11)).to.equal(1);
    expect(animalScore(6, 7)).to.equal(1);
    // Rat-Horse, Snake-Pig clash
    expect(animalScore(0, 6)).to.equal(0.2);
    expect(animalScore(5, 11)).to.equal(0.2);
    // Rat, Dragon, Monkey are one trine
    expect(animalScore(0, 4)).to.equal(0.8);
    expect(animalScore(4, 8)).to.equal(0.8);
    expect(animalScore(3, 3)).to.equal(0.7);
    expect(animalScore(0, 2)).to.equal(0.5);
  });

  it("scores moon phases around the cycle", () => {
    expect(moonScore(4, 4)).to.equal(1);
    expect(moonScore(0, 7)).to.equal(0.7);
    expect(moonScore(0, 4)).to.equal(0.3);
    expect(moonScore(1, 3)).to.equal(0.5);
  });

  it("scores shared patterns", () => {
    expect(patternScore([], ["a"])).to.equal(0.5);
    expect(patternScore(["a"], ["b"])).to.equal(0.4);
    expect(patternScore(["a", "b"], ["b", "c"])).to.equal(0.7);
    expect(patternScore(["a", "b", "c"], ["b", "c"])).to.equal(0.9);
  });

  it("classifies scores into four bands", () => {
    expect(classify(0.8)).to.equal("excellent");
    expect(classify(0.7999)).to.equal("good");
    expect(classify(0.6)).to.equal("good");
    expect(classify(0.4)).to.equal("mixed");
    expect(classify(0.3999)).to.equal("challenging");
  });

  it("weights a pair's dimensions and names its strengths and challenges", () => {
    const a = member({ name: "A", lifePath: 7, element: "Wood", branch: 0, animal: "Rat", moonPhase: 0, patterns: ["x"] });
    const b = member({ name: "B", lifePath: 7, element: "Earth", branch: 6, animal: "Horse", moonPhase: 1, patterns: ["x", "y"] });
    const p = pairCompatibility(a, b, 0, 1);
    expect(p.dimensions).to.deep.equal({ life_path: 1, element: 0.3, animal: 0.2, moon: 0.7, patterns: 0.7 });
    expect(p.score).to.equal(Math.round((0.3 * 1 + 0.25 * 0.3 + 0.2 * 0.2 + 0.15 * 0.7 + 0.1 * 0.7) * 1e4) / 1e4);
    expect(p.percentage).to.equal(Math.floor(p.score * 100));
    expect(p.strengths).to.deep.equal(["life_path", "moon", "patterns"]);
    expect(p.challenges).to.deep.equal(["element", "animal"]);
    expect(p.classification).to.equal(classify(p.score));
    expect(p.description).to.be.a("string").and.not.equal("");
    expect([p.a_name, p.b_name, p.a_index, p.b_index]).to.deep.equal(["A", "B", 0, 1]);
  });

  it("pairs every member once, in order", () => {
    const members = [0, 1, 2, 3].map((i) => member({ name: `M${i}` }));
    expect(allPairs(members).map((p) => [p.a_index, p.b_index])).to.deep.equal([
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
  });

  it("analyses a group: harmony is the mean pair score, balances and dominants", () => {
    const members = [
      member({ element: "Fire", animal: "Dog", branch: 10 }),
      member({ element: "Fire", animal: "Rat", branch: 0 }),
      member({ element: "Water", animal: "Dog", branch: 10 }),
    ];
    const pairs = allPairs(members);
    const g = groupAnalysis(members, pairs);
    const mean = pairs.reduce((s, p) => s + p.score, 0) / pairs.length;
    expect(g.harmony_score).to.be.closeTo(mean, 1e-4);
    expect(g.element_balance).to.deep.equal({ Fire: 2, Water: 1 });
    expect(g.animal_distribution).to.deep.equal({ Dog: 2, Rat: 1 });
    expect(g.dominant_element).to.equal("Fire");
    expect(g.dominant_animal).to.equal("Dog");
    expect(g.classification).to.equal(classify(g.harmony_score));
  });

  it("breaks ties for the dominant element by the generating order, and notes a uniform group", () => {
    const g = groupAnalysis(
      [member({ element: "Metal" }), member({ element: "Metal" }), member({ element: "Metal" })],
      allPairs([member({}), member({}), member({})]),
    );
    expect(g.dominant_element).to.equal("Metal");
    expect(g.summary).to.include("Metal");
    const tie = groupAnalysis([member({ element: "Water" }), member({ element: "Fire" }), member({ element: "Earth" })], allPairs([member({}), member({}), member({})]));
    expect(tie.dominant_element).to.equal("Fire");
  });
});
