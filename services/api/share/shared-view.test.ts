import { expect } from "chai";
import type { Reading } from "../../lib/db/repositories/readings";
import { sharedView } from "./shared-view";

describe("shared view: only the parts the owner chose", () => {
  const at = new Date("2026-02-09T10:00:00Z");
  const reading: Reading = {
    id: "r1",
    ownerId: "o1",
    profileId: null,
    profileIds: [],
    readingType: "multi",
    signValue: null,
    numerologySystem: null,
    locale: "en",
    input: { profile_ids: ["a", "b"], secret_input: "never shown" },
    result: {
      readings: [{ person: { name: "Ann" }, numerology: { life_path: 7 }, translation: { header: "For Ann" }, synthesis: "For Ann" }],
      pairs: [{ a_name: "Ann", b_name: "Ben", percentage: 70, description: "steady" }],
      ai_interpretation: { ai_generated: true, model: "m", cached: false, sections: { message: "Patience." } },
    },
    question: null,
    aiInterpretation: "Patience.",
    confidenceScore: 80,
    isFavorite: true,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
  };

  it("the result alone: no names, no numbers drawn from the person, no prose or told text; never the input", () => {
    const view = sharedView(reading, ["result"], []);
    expect(view.result).to.deep.equal({ readings: [{}], pairs: [{ percentage: 70, description: "steady" }] });
    expect(view).not.to.have.any.keys(["ai_interpretation", "question", "profiles", "input", "is_favorite", "owner_id"]);
    expect(JSON.stringify(view)).not.to.contain("never shown");
  });

  it("with the profile and the interpretation, their keys come back", () => {
    const view = sharedView(reading, ["result", "interpretation", "profile"], []);
    expect(view.result).to.deep.equal({ readings: [{ person: { name: "Ann" }, numerology: { life_path: 7 }, translation: { header: "For Ann" }, synthesis: "For Ann" }], pairs: reading.result.pairs });
    expect(view.ai_interpretation?.sections.message).to.equal("Patience.");
    expect(view.profiles).to.deep.equal([]);
  });

  it("without the profile, the AI's own prose loses the names, birth dates and personal numbers too", () => {
    const told = {
      ...reading,
      result: {
        ...reading.result,
        ai_interpretation: { ai_generated: true, model: "m", cached: false, sections: { message: "Ann, your Life Path 7 leads today.\n\nThe moon is waxing for Ann and Ben.\n\nBorn in 1990, you know patience.", advice: "Rest." } },
      },
    };
    const ann = { name: "Ann Weaver", name_persian: null, birth_date: "1990-07-15" } as unknown as Parameters<typeof sharedView>[2][number];
    const view = sharedView(told, ["interpretation"], [ann]);
    expect(view.ai_interpretation?.sections).to.deep.equal({ message: "The moon is waxing for Person 1 and Person 2.", advice: "Rest." });
  });

  it("the interpretation alone", () => {
    const view = sharedView(reading, ["interpretation"], []);
    expect(view).not.to.have.property("result");
    expect(view.ai_interpretation?.model).to.equal("m");
  });
});
