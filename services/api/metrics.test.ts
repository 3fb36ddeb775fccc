import { expect } from "chai";
import { Registry } from "prom-client";
import { ApiMetrics, quantileFromBuckets } from "./metrics";
import { PerMinuteCounter } from "./per-minute-counter";

describe("API metrics", () => {
  it("interpolates a quantile within histogram buckets as Prometheus does", () => {
    // 100 observations: 50 at or below 10 ms, 90 at or below 50 ms, all at or below 100 ms.
    const buckets = new Map([
      [0.01, 50],
      [0.05, 90],
      [0.1, 100],
      [Infinity, 100],
    ]);
    expect(quantileFromBuckets(buckets, 100, 0.5)).to.be.closeTo(0.01, 1e-12);
    expect(quantileFromBuckets(buckets, 100, 0.95)).to.be.closeTo(0.075, 1e-12);
    expect(quantileFromBuckets(new Map(), 0, 0.95)).to.equal(0);
    // Past the last finite bucket the answer is that bucket's bound.
    expect(quantileFromBuckets(new Map([[0.1, 10], [Infinity, 100]]), 100, 0.95)).to.equal(0.1);
  });

  it("counts events of the last minute only", () => {
    let now = 1_000_000;
    const counter = new PerMinuteCounter(() => now);
    for (let i = 0; i < 5; i++) counter.add();
    now += 30_000;
    counter.add();
    expect(counter.lastMinute()).to.equal(6);
    now += 45_000;
    expect(counter.lastMinute()).to.equal(1);
    now += 60_000;
    expect(counter.lastMinute()).to.equal(0);
  });

  it("reports requests and p95 from the same histogram it exports", async () => {
    const metrics = new ApiMetrics(new Registry());
    for (let i = 0; i < 19; i++) metrics.observe("GET", "/api/x", 200, 0.002);
    metrics.observe("POST", "/api/y", 500, 2);
    const perf = await metrics.performance();
    expect(perf.requests_total).to.equal(20);
    expect(perf.requests_per_minute).to.equal(20);
    expect(perf.p95_response_ms).to.be.within(1, 2.5);
    const text = await metrics.registry.metrics();
    expect(text).to.include('nps_api_http_requests_total{method="GET",route="/api/x",status="200"} 19');
    expect(text).to.include('nps_api_http_requests_total{method="POST",route="/api/y",status="500"} 1');
  });
});
