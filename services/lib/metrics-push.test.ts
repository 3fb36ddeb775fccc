import { expect } from "chai";
import { Counter, Gauge, Histogram } from "prom-client";
import { createRegistry } from "./metrics";
import { pushMetrics } from "./metrics-push";
import { startOtlpReceiver, type OtlpReceiver } from "./testing/otlp-receiver";

describe("metrics push over OTLP/HTTP (one-shot jobs)", () => {
  let receiver: OtlpReceiver;

  beforeEach(async () => {
    receiver = await startOtlpReceiver();
  });
  afterEach(() => receiver.close());

  it("sends the registry's gauges and counters with their labels, and nothing else", async () => {
    const registry = createRegistry("backup");
    new Gauge({ name: "nps_backup_last_success_timestamp_seconds", help: "h", labelNames: ["kind"], registers: [registry] }).set({ kind: "oracle" }, 1771027200);
    new Counter({ name: "nps_backup_runs_total", help: "h", labelNames: ["kind", "outcome"], registers: [registry] }).inc({ kind: "oracle", outcome: "success" });
    new Histogram({ name: "nps_backup_some_histogram", help: "h", registers: [registry] }).observe(1);
    await pushMetrics(registry, receiver.url, "backup", { prefix: "nps_backup_" });
    expect(receiver.received).to.have.length(1);
    expect(receiver.received[0]!.path).to.equal("/v1/metrics");
    expect(receiver.received[0]!.contentType).to.match(/application\/json/);
    const points = receiver.points();
    expect(points.map((p) => p.name).sort()).to.deep.equal(["nps_backup_last_success_timestamp_seconds", "nps_backup_runs_total"]);
    expect(points.every((p) => p.service === "backup")).to.equal(true);
    expect(points.find((p) => p.kind === "gauge")).to.deep.include({ value: 1771027200 }).and.have.nested.property("labels.kind", "oracle");
    const sum = receiver.received[0]!.body.resourceMetrics[0]!.scopeMetrics.flatMap((s) => s.metrics).find((m) => m.sum)!;
    expect(sum.sum!.isMonotonic).to.equal(true);
    expect(points.find((p) => p.kind === "sum")?.value).to.equal(1);
  });

  it("rejects when the endpoint refuses them", async () => {
    receiver.status = 500;
    const registry = createRegistry("backup");
    new Gauge({ name: "nps_backup_x", help: "h", registers: [registry] }).set(1);
    let failed = false;
    await pushMetrics(registry, receiver.url, "backup", { prefix: "nps_backup_", timeoutMs: 2000 }).catch(() => (failed = true));
    expect(failed).to.equal(true);
  });
});
