import { expect } from "chai";
import { validate } from "../oracle/readings/validation";
import { CONCURRENCY, GOAL_RATIO, runOracleBench, TIME_REQUESTS } from "./oracle-bench";
import { ORCHESTRATOR_FULL_SETS } from "./engine-bench-inputs";

describe("nps bench oracle", function () {
  this.timeout(120_000);

  it("reads the engine benchmark's full-reading sets, all valid requests", () => {
    expect(TIME_REQUESTS).to.have.length(ORCHESTRATOR_FULL_SETS.length);
    for (const req of TIME_REQUESTS) expect(() => validate.time(req)).not.to.throw();
  });

  it("drives a spawned server and prints one JSON object of rates and their ratio", async () => {
    let printed = "";
    const result = await runOracleBench({ json: true, quick: true, seconds: 0.3, rounds: 1 }, (s) => (printed += s));
    expect(printed.trim().split("\n")).to.have.length(1);
    const parsed = JSON.parse(printed) as Record<string, number>;
    expect(parsed).to.deep.equal(result);
    expect(Object.keys(parsed)).to.deep.equal(["get_reading", "empty_call", "ratio", "goal_ratio", "get_reading_typed_client", "in_process", "concurrency"]);
    for (const key of ["get_reading", "empty_call", "get_reading_typed_client", "in_process"]) expect(parsed[key]).to.be.greaterThan(0);
    expect(parsed.ratio).to.be.closeTo(parsed.get_reading! / parsed.empty_call!, 0.01);
    expect([parsed.goal_ratio, parsed.concurrency]).to.deep.equal([GOAL_RATIO, CONCURRENCY]);
  });
});
