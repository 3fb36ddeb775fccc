import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "chai";
import { Counter, Gauge, Histogram } from "prom-client";
import { createRegistry } from "./metrics";
import { pushMetrics } from "./metrics-push";

interface Received {
  path: string;
  contentType: string | undefined;
  body: { resourceMetrics: { resource: { attributes: { key: string; value: { stringValue?: string } }[] }; scopeMetrics: { metrics: OtlpMetric[] }[] }[] };
}
interface OtlpPoint {
  asDouble?: number;
  asInt?: number | string;
  attributes: { key: string; value: { stringValue?: string } }[];
}
interface OtlpMetric {
  name: string;
  gauge?: { dataPoints: OtlpPoint[] };
  sum?: { dataPoints: OtlpPoint[]; isMonotonic: boolean };
}

describe("metrics push over OTLP/HTTP (one-shot jobs)", () => {
  let server: http.Server;
  let url: string;
  let received: Received[];
  let status: number;

  before(async () => {
    server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += String(c)));
      req.on("end", () => {
        received.push({ path: req.url ?? "", contentType: req.headers["content-type"], body: JSON.parse(body) });
        res.writeHead(status, { "content-type": "application/json" });
        res.end("{}");
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/metrics`;
  });
  beforeEach(() => {
    received = [];
    status = 200;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  it("sends the registry's gauges and counters with their labels, and nothing else", async () => {
    const registry = createRegistry("backup");
    new Gauge({ name: "nps_backup_last_success_timestamp_seconds", help: "h", labelNames: ["kind"], registers: [registry] }).set({ kind: "oracle" }, 1771027200);
    new Counter({ name: "nps_backup_runs_total", help: "h", labelNames: ["kind", "outcome"], registers: [registry] }).inc({ kind: "oracle", outcome: "success" });
    new Histogram({ name: "nps_backup_some_histogram", help: "h", registers: [registry] }).observe(1);
    await pushMetrics(registry, url, "backup", { prefix: "nps_backup_" });
    expect(received).to.have.length(1);
    expect(received[0].path).to.equal("/v1/metrics");
    expect(received[0].contentType).to.match(/application\/json/);
    const rm = received[0].body.resourceMetrics[0];
    expect(rm.resource.attributes.find((a) => a.key === "service.name")?.value.stringValue).to.equal("backup");
    const metrics = rm.scopeMetrics.flatMap((s) => s.metrics);
    expect(metrics.map((m) => m.name).sort()).to.deep.equal(["nps_backup_last_success_timestamp_seconds", "nps_backup_runs_total"]);
    const gauge = metrics.find((m) => m.gauge)!;
    expect(gauge.gauge!.dataPoints[0].asDouble).to.equal(1771027200);
    expect(gauge.gauge!.dataPoints[0].attributes).to.deep.include({ key: "kind", value: { stringValue: "oracle" } });
    const sum = metrics.find((m) => m.sum)!;
    expect(sum.sum!.isMonotonic).to.equal(true);
    expect(Number(sum.sum!.dataPoints[0].asDouble ?? sum.sum!.dataPoints[0].asInt)).to.equal(1);
  });

  it("rejects when the endpoint refuses them", async () => {
    status = 500;
    const registry = createRegistry("backup");
    new Gauge({ name: "nps_backup_x", help: "h", registers: [registry] }).set(1);
    let failed = false;
    await pushMetrics(registry, url, "backup", { prefix: "nps_backup_", timeoutMs: 2000 }).catch(() => (failed = true));
    expect(failed).to.equal(true);
  });
});
