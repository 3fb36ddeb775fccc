import { expect } from "chai";
import { detectCategory } from "./question-category";

describe("question categories", () => {
  const cases: [string, string][] = [
    ["Will I find love this year?", "love"],
    ["Should I marry him?", "love"],
    ["Is it time to ask my boss for a promotion?", "career"],
    ["Will my surgery go well?", "health"],
    ["Should I invest my savings in stocks?", "finance"],
    ["How can I help my mother and father?", "family"],
    ["What is my soul's purpose?", "spiritual"],
    ["What will tomorrow bring?", "general"],
    ["آیا ازدواج من خوب خواهد بود؟", "love"],
    ["آیا پول کافی خواهم داشت؟", "finance"],
    ["", "general"],
  ];
  for (const [q, expected] of cases) {
    it(`reads "${q || "(empty)"}" as ${expected}`, () => {
      expect(detectCategory(q)).to.equal(expected);
    });
  }

  it("goes by the most keywords, and short stems only match whole words", () => {
    expect(detectCategory("My job and my career and my love")).to.equal("career");
    expect(detectCategory("Can you illustrate this?")).to.equal("general");
  });
});
