import { expect } from "chai";
import http from "node:http";
import { METRICS } from "../../lib/metric-names";
import { parsePrometheusText, samplesOf } from "../testing/prometheus-text";
import { startOracleProcess, type OracleProcess } from "../server-process";
import { AT } from "../testing/fixtures";
import { OracleClient, serviceConfig } from "./oracle-client";

/**
 * Two Oracle processes behind one target that resolves to both (as DNS with two records does for
 * the dev stack's replicas and Cloud Map in prod): the client's round robin gives each its share,
 * and keeps answering over gRPC when one of them goes away.
 */

function scrape(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: "/metrics" }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString("utf8")));
        res.on("end", () => resolve(body));
      })
      .on("error", reject);
  });
}

async function timingCalls(p: OracleProcess): Promise<number> {
  const samples = samplesOf(parsePrometheusText(await scrape(p.metricsPort)), METRICS.oracle.grpcCalls, { method: "GetTimingAlignment", code: "OK" });
  return samples[0]?.value ?? 0;
}

describe("the Oracle client over several servers (two real processes)", function () {
  this.timeout(180_000);
  let a: OracleProcess;
  let b: OracleProcess;

  before(async () => {
    [a, b] = await Promise.all([startOracleProcess(), startOracleProcess()]);
  });
  after(() => {
    for (const p of [a, b]) p?.child.kill("SIGKILL");
  });

  it("asks grpc-js for round robin, and for retries of UNAVAILABLE", () => {
    const config = JSON.parse(serviceConfig(2, 50)) as { loadBalancingConfig: object[]; methodConfig: { retryPolicy: Record<string, unknown> }[] };
    expect(config.loadBalancingConfig).to.deep.equal([{ round_robin: {} }]);
    expect(config.methodConfig[0]!.retryPolicy).to.include({ maxAttempts: 3, initialBackoff: "0.05s", backoffMultiplier: 2 });
    expect(config.methodConfig[0]!.retryPolicy.retryableStatusCodes).to.deep.equal(["UNAVAILABLE"]);
  });

  it("spreads calls over every resolved address, and carries on over gRPC when one server stops", async () => {
    // No in-process fallback: every answer must come from one of the two servers.
    const client = new OracleClient({ target: `ipv4:127.0.0.1:${a.port},127.0.0.1:${b.port}` });
    try {
      const calls = 40;
      for (let i = 0; i < calls; i++) expect((await client.timing({ at: AT })).mode).to.equal("grpc");
      const [onA, onB] = [await timingCalls(a), await timingCalls(b)];
      expect(onA + onB).to.equal(calls);
      // Round robin alternates; pick-first would have sent all of them to one server.
      expect(onA).to.be.at.least(calls / 4);
      expect(onB).to.be.at.least(calls / 4);

      b.child.kill("SIGKILL");
      await b.exited;
      for (let i = 0; i < 10; i++) expect((await client.timing({ at: AT })).mode).to.equal("grpc");
      expect(await timingCalls(a)).to.be.at.least(onA + 10);
    } finally {
      client.close();
    }
  });
});
