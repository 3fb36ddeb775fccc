import http from "node:http";
import * as grpc from "@grpc/grpc-js";
import { expect } from "chai";
import { service as healthService } from "grpc-health-check";
import { METRICS } from "../lib/metric-names";
import { OracleClient } from "./client/oracle-client";
import { ORACLE_SERVICE } from "./grpc/proto";
import { ReadingService } from "./readings/reading-service";
import { startOracleProcess, type OracleProcess } from "./server-process";
import { FakeAnthropic } from "./testing/fake-anthropic";
import { AT, JAMES } from "./testing/fixtures";
import { parsePrometheusText, samplesOf } from "./testing/prometheus-text";

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString("utf8")));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

type HealthWatch = grpc.Client & { Watch(req: { service: string }): grpc.ClientReadableStream<{ status: string }> };

describe("nps start --only oracle (a spawned process)", function () {
  this.timeout(90_000);
  const fake = new FakeAnthropic();
  let oracle: OracleProcess | undefined;

  after(async () => {
    oracle?.child.kill("SIGKILL");
    await fake.stop();
  });

  it("serves gRPC and metrics; on SIGTERM goes NOT_SERVING, finishes the call in flight, and exits 0", async () => {
    const baseUrl = await fake.start();
    // The model answers slowly, so a reading is still in flight when SIGTERM arrives.
    fake.behaviour = { status: 200, text: "## message\nWritten while the server drained.", model: "claude-test-model", delayMs: 1_500 };
    oracle = await startOracleProcess({ ANTHROPIC_API_KEY: "test-key", ANTHROPIC_BASE_URL: baseUrl, NPS_AI_MODEL: "claude-test-model", NPS_AI_TIMEOUT: "30" });
    const target = `127.0.0.1:${oracle.port}`;

    const ready = await get(oracle.metricsPort, "/ready");
    expect(ready.status).to.equal(200);
    const metrics = parsePrometheusText((await get(oracle.metricsPort, "/metrics")).body);
    expect(samplesOf(metrics, METRICS.oracle.serving)[0]?.value).to.equal(1);

    const Health = grpc.makeGenericClientConstructor(healthService as grpc.ServiceDefinition, "Health");
    const health = new Health(target, grpc.credentials.createInsecure()) as unknown as HealthWatch;
    const statuses: string[] = [];
    const notServing = new Promise<void>((resolve) => {
      const watch = health.Watch({ service: ORACLE_SERVICE });
      watch.on("data", (m: { status: string }) => {
        statuses.push(m.status);
        if (m.status === "NOT_SERVING") resolve();
      });
      watch.on("error", () => {});
    });

    const client = new OracleClient({ target });
    const inFlight = client.time({ profile: JAMES, at: AT, include_ai: true });
    await fake.requests(1);
    oracle.child.kill("SIGTERM");

    await notServing;
    expect(statuses).to.deep.equal(["SERVING", "NOT_SERVING"]);
    // New connections are refused while draining: a client with a fallback answers in direct mode.
    const late = new OracleClient({ target, direct: new ReadingService(), retries: 0 });
    expect((await late.timing({ at: AT })).mode).to.equal("direct_mode");
    late.close();

    const served = await inFlight;
    expect(served.mode).to.equal("grpc");
    expect(served.result.interpretation?.ai_generated).to.equal(true);
    expect(served.result.interpretation?.sections.message).to.equal("Written while the server drained.");

    expect(await oracle.exited).to.equal(0);
    client.close();
    health.close();
  });
});
