import { expect } from "chai";
import { LOCALES } from "../../engine/reading-input";
import { readingsTextFor } from ".";

const CORE = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 22, 33] as const;
const PERSIAN_LETTER = /[\u0600-\u06FF]/;

describe("reading types' text, per locale", () => {
  for (const locale of LOCALES) {
    const t = readingsTextFor(locale);
    it(`${locale}: has every daily focus and three activities for every core number`, () => {
      for (const n of CORE) {
        expect(t.daily.focus[n], `${n}`).to.be.a("string").and.not.equal("");
        expect(t.daily.activities[n]).to.have.length(3);
      }
    });
  }

  it("fa: speaks Persian, with Persian digits and Persian names for the engine's labels", () => {
    const fa = readingsTextFor("fa");
    const lines = [
      fa.daily.energyForecast("Full Moon", "Culmination", "Venus", "Love, beauty, harmony"),
      fa.timing.moon("Full Moon", 0.95),
      fa.timing.hour(13, 4, false),
      fa.timing.day(22, true),
      fa.timing.weekday("Jupiter"),
      fa.compatibility.pairLine("علی", "سارا", 87, fa.compatibility.pair.good),
      fa.compatibility.singleElement("Water"),
    ];
    for (const line of lines) {
      expect(line).to.match(PERSIAN_LETTER);
      expect(line, line).not.to.match(/[0-9]|Full Moon|Venus|Jupiter|Water/);
    }
    expect(fa.timing.hour(13, 4, false)).to.contain("۱۳").and.contain("۴");
  });
});
