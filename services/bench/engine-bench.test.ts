import { expect } from "chai";
import { ENGINE_BENCHMARKS, runEngineBench } from "./engine-bench";
import { measure } from "./measure";

describe("nps bench engine", () => {
  it("prints exactly one JSON object with a positive rate per benchmark, in order", async () => {
    let printed = "";
    const results = await runEngineBench({ json: true, quick: true }, (s) => (printed += s));
    expect(printed.endsWith("\n")).to.equal(true);
    expect(printed.trim().split("\n")).to.have.length(1);
    const parsed = JSON.parse(printed) as Record<string, number>;
    expect(Object.keys(parsed)).to.deep.equal(ENGINE_BENCHMARKS.map((b) => b.key));
    expect(Object.keys(parsed)).to.include.members(["orchestrator_full", "fc60_stamp_encode", "name_numerology"]);
    for (const rate of Object.values(parsed)) expect(rate).to.be.a("number").and.greaterThan(0);
    expect(parsed).to.deep.equal(results);
  });

  it("keeps the fastest repetition and counts the calls of one repetition", () => {
    const calls: number[] = [];
    const m = measure((n) => (calls.push(n), n), { calls: 1000, warmupCalls: 10, repetitions: 3 });
    expect(calls).to.deep.equal([10, 1000, 1000, 1000]);
    expect(m.opsPerSecond).to.equal(1000 / m.bestSeconds);
  });
});
