import { expect } from "chai";
import { parseSections, SECTION_KEYS } from "./sections";
import { SYSTEM_PROMPT } from "./prompt";

describe("interpretation sections", () => {
  it("splits an answer at its marker lines", () => {
    const answer = "## header\nFor Alice\n\n## core_identity\nA seeker.\nStill seeking.\n### advice\nRest.\n## unknown_thing\nstays in advice";
    const s = parseSections(answer);
    expect(s.header).to.equal("For Alice");
    expect(s.core_identity).to.equal("A seeker.\nStill seeking.");
    expect(s.advice).to.equal("Rest.\n## unknown_thing\nstays in advice");
    expect(s.message).to.equal("");
    expect(s.full_text).to.equal(answer);
  });

  it("keeps an answer without markers as the message", () => {
    const s = parseSections("Just one paragraph.\n");
    expect(s.message).to.equal("Just one paragraph.");
    expect(s.full_text).to.equal("Just one paragraph.");
    expect(s.header).to.equal("");
  });

  it("asks the model for every section by its marker", () => {
    for (const key of SECTION_KEYS) expect(SYSTEM_PROMPT).to.include(`## ${key}`);
  });
});
