import { expect } from "chai";
import { digitalRoot, gregorianToJdn, moonPhase, PLANETS, weekdayFromJdn } from "../engine";
import { computeTiming, DEFAULT_BEST_HOURS, qualityOf } from "./timing-reading";

describe("timing alignment", () => {
  it("bands quality: poor < 0.5 <= fair < 0.65 <= good < 0.8 <= excellent", () => {
    expect([0.49, 0.5, 0.64, 0.65, 0.79, 0.8, 1].map(qualityOf)).to.deep.equal(["poor", "fair", "fair", "good", "good", "excellent", "excellent"]);
  });

  it("averages four factors of the moment into a score 0..1", () => {
    const t = computeTiming({ at: { year: 2026, month: 2, day: 9, hour: 14 } });
    expect(t.factors.map((f) => f.name)).to.deep.equal(["moon_phase", "day_number", "hour_number", "weekday"]);
    const mean = t.factors.reduce((s, f) => s + f.score, 0) / 4;
    expect(t.alignment_score).to.be.closeTo(mean, 1e-4);
    expect(t.alignment_score).to.be.within(0, 1);
    expect(t.quality).to.equal(qualityOf(t.alignment_score));
    const jdn = gregorianToJdn(2026, 2, 9);
    expect(t.moon_phase).to.equal(moonPhase(jdn)[0]);
    expect(t.factors[0]!.value).to.equal(t.moon_phase);
    expect(t.factors[1]!.value).to.equal(String(digitalRoot(2026 + 2 + 9)));
    expect(t.factors[2]!.value).to.equal(String(digitalRoot(14)));
    expect(t.factors[3]!.value).to.equal(PLANETS[weekdayFromJdn(jdn)]);
    for (const f of t.factors) expect(f.note).to.be.a("string").and.not.equal("");
  });

  it("scores master-number hours highest and lists the best hours of the day, best first", () => {
    const t = computeTiming({ at: { year: 2026, month: 2, day: 9, hour: 14 }, best_hours: 24 });
    expect(t.best_hours).to.have.length(24);
    expect(new Set(t.best_hours.map((h) => h.hour)).size).to.equal(24);
    for (let i = 1; i < 24; i++) {
      const [a, b] = [t.best_hours[i - 1]!, t.best_hours[i]!];
      expect(a.score > b.score || (a.score === b.score && a.hour < b.hour)).to.equal(true);
    }
    const top = t.best_hours.filter((h) => h.score === t.best_hours[0]!.score).map((h) => h.hour);
    expect(top).to.include.members([11, 22]);
    const eleven = t.best_hours.find((h) => h.hour === 11)!;
    expect(eleven.reasons[0]).to.match(/master number 11/);
    expect(eleven.quality).to.equal(qualityOf(eleven.score));
  });

  it("lists five hours by default and takes noon when the moment has no hour", () => {
    const dateOnly = computeTiming({ at: { year: 2026, month: 2, day: 9 } });
    const noon = computeTiming({ at: { year: 2026, month: 2, day: 9, hour: 12 } });
    expect(dateOnly.best_hours).to.have.length(DEFAULT_BEST_HOURS);
    expect(dateOnly).to.deep.equal(noon);
  });

  it("counts midnight as the day's first hour", () => {
    const t = computeTiming({ at: { year: 2026, month: 2, day: 9, hour: 0 } });
    expect(t.factors[2]!.value).to.equal("1");
  });
});
