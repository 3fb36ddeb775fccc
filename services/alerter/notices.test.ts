import http from "node:http";
import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import { expect } from "chai";
import { Registry } from "prom-client";
import { silentLogger } from "../lib/logger";
import { Cooldown } from "./cooldown";
import { Dispatcher } from "./dispatcher";
import { AlerterMetrics } from "./metrics";
import { fromAlertmanager, fromQueueMessage, InvalidAlertError } from "./notices";
import { queueEndpoint, startQueuePoller } from "./queue-poller";

describe("alerter: what comes in", () => {
  it("reads Alertmanager's webhook: one notice per alert, keyed by its fingerprint", () => {
    const notices = fromAlertmanager({
      version: "4",
      status: "firing",
      alerts: [
        { status: "firing", labels: { alertname: "NpsServiceDown", severity: "critical", job: "oracle" }, annotations: { summary: "oracle is down" }, fingerprint: "abc" },
        { status: "resolved", labels: { alertname: "NpsRedisDown" }, annotations: {} },
      ],
    });
    expect(notices[0]).to.deep.include({ key: "alertmanager:NpsServiceDown:abc", status: "firing", severity: "critical", summary: "oracle is down" });
    expect(notices[1]).to.deep.include({ status: "resolved", severity: "warning", summary: "NpsRedisDown" });
    expect(() => fromAlertmanager({ status: "firing" })).to.throw(InvalidAlertError, /alerts/);
    expect(() => fromAlertmanager("nonsense")).to.throw(InvalidAlertError);
  });

  it("reads the alarm queue: CloudWatch alarms (raw or in an SNS envelope) and the managed Prometheus' lines", () => {
    const alarm = JSON.stringify({ AlarmName: "nps-alb-5xx", AlarmDescription: "More than 5% of requests answered 5xx", NewStateValue: "ALARM", NewStateReason: "Threshold crossed" });
    expect(fromQueueMessage(alarm)[0]).to.deep.include({ key: "cloudwatch:nps-alb-5xx", status: "firing", severity: "critical", description: "Threshold crossed" });
    const ok = JSON.stringify({ Type: "Notification", Message: alarm.replace('"ALARM"', '"OK"') });
    expect(fromQueueMessage(ok)[0]).to.deep.include({ status: "resolved" });
    expect(fromQueueMessage(JSON.stringify({ AlarmName: "x", NewStateValue: "INSUFFICIENT_DATA" }))).to.deep.equal([]);
    const amp = fromQueueMessage("firing|critical|NpsDatabaseDown|PostgreSQL is unreachable\nresolved|warning|NpsRedisDown|Redis is unreachable\n");
    expect(amp.map((n) => [n.status, n.severity, n.title])).to.deep.equal([
      ["firing", "critical", "NpsDatabaseDown"],
      ["resolved", "warning", "NpsRedisDown"],
    ]);
    expect(() => fromQueueMessage("hello")).to.throw(InvalidAlertError);
  });

  it("the cooldown: the same alert and state once per period; a change of state always goes", () => {
    let now = 0;
    const c = new Cooldown(300_000, () => now);
    expect(c.take("a", "firing")).to.equal(true);
    now = 299_999;
    expect(c.take("a", "firing")).to.equal(false);
    expect(c.take("b", "firing")).to.equal(true);
    expect(c.take("a", "resolved")).to.equal(true);
    expect(c.take("a", "firing")).to.equal(true);
    now = 600_000;
    expect(c.take("a", "firing")).to.equal(true);
  });

  it("honours TELEGRAM_ENABLED and TELEGRAM_NOTIFY_ERROR", async () => {
    const sent: string[] = [];
    const metrics = new AlerterMetrics(new Registry());
    const notice = fromAlertmanager({ status: "firing", alerts: [{ status: "firing", labels: { alertname: "X" }, annotations: {} }] });
    for (const settings of [{ enabled: false, notifyError: true }, { enabled: true, notifyError: false }]) {
      await new Dispatcher({ settings, cooldown: new Cooldown(0), send: async (h) => void sent.push(h), metrics, logger: silentLogger }).deliver(notice);
    }
    expect(sent).to.deep.equal([]);
    const reasons = (await metrics.suppressed.get()).values.map((v) => v.labels.reason);
    expect(reasons).to.include.members(["disabled", "notify_error_off"]);
  });

  it("knows a queue's region from its URL, and any other host as an SQS-compatible endpoint", () => {
    expect(queueEndpoint("https://sqs.eu-west-1.amazonaws.com/123456789012/nps-alerts")).to.deep.equal({ region: "eu-west-1" });
    expect(queueEndpoint("http://127.0.0.1:9324/000000000000/q", "us-east-2")).to.deep.equal({ region: "us-east-2", endpoint: "http://127.0.0.1:9324" });
  });
});

/**
 * No SQS runs here, and no emulator on these registries speaks the JSON protocol the AWS SDK uses:
 * this stand-in answers ReceiveMessage and DeleteMessage in that protocol (with the body checksums
 * the SDK verifies), so the real SDK client is exercised over HTTP end to end.
 */
async function sqsStandIn(bodies: string[]) {
  const deleted: string[] = [];
  let handedOut = 0;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      const target = String(req.headers["x-amz-target"] ?? "");
      const body = JSON.parse(raw || "{}") as { ReceiptHandle?: string };
      res.setHeader("content-type", "application/x-amz-json-1.0");
      if (target.endsWith("ReceiveMessage")) {
        const messages = bodies.splice(0).map((b) => {
          const n = handedOut++;
          return { MessageId: `m${n}`, ReceiptHandle: `r${n}`, Body: b, MD5OfBody: createHash("md5").update(b).digest("hex") };
        });
        if (messages.length === 0) return void setTimeout(() => res.end(JSON.stringify({})), 200);
        return void res.end(JSON.stringify({ Messages: messages }));
      }
      if (target.endsWith("DeleteMessage")) {
        deleted.push(body.ReceiptHandle ?? "");
        return void res.end("{}");
      }
      res.statusCode = 400;
      res.end(JSON.stringify({ __type: "InvalidAction", message: target }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/000000000000/nps-alerts`, deleted, handedOut: () => handedOut, push: (b: string) => bodies.push(b), close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe("alerter: the prod stack's alarm queue", function () {
  this.timeout(20_000);
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
  before(() => {
    process.env.AWS_ACCESS_KEY_ID = "AKIDEXAMPLE";
    process.env.AWS_SECRET_ACCESS_KEY = "secret";
  });
  after(() => {
    for (const [k, v] of [["AWS_ACCESS_KEY_ID", saved.id], ["AWS_SECRET_ACCESS_KEY", saved.secret]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it("tells each alarm and deletes its message; an unreadable message is dropped; a failed send stays", async () => {
    const alarm = JSON.stringify({ AlarmName: "nps-db-cpu", NewStateValue: "ALARM", NewStateReason: "CPU 91%" });
    const queue = await sqsStandIn([alarm, "not an alarm", "firing|warning|NpsRedisDown|Redis is unreachable"]);
    const sent: string[] = [];
    let failNext = false;
    const dispatcher = new Dispatcher({
      settings: { enabled: true, notifyError: true },
      cooldown: new Cooldown(0),
      send: async (html) => {
        if (failNext) throw new Error("Telegram is away");
        sent.push(html);
      },
      metrics: new AlerterMetrics(new Registry()),
      logger: silentLogger,
    });
    const poller = await startQueuePoller({ queueUrl: queue.url, dispatcher, logger: silentLogger, waitSeconds: 1 });
    try {
      const deadline = Date.now() + 10_000;
      while (queue.deleted.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(queue.deleted).to.have.length(3);
      expect(sent.join("\n")).to.contain("nps-db-cpu").and.contain("CPU 91%").and.contain("NpsRedisDown");
      // A message whose send fails is left in the queue for SQS to hand out again.
      failNext = true;
      queue.push(JSON.stringify({ AlarmName: "nps-db-storage", NewStateValue: "ALARM" }));
      while (queue.handedOut() < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 300));
      expect(queue.handedOut()).to.equal(4);
      expect(queue.deleted).to.have.length(3);
    } finally {
      await poller.stop();
      await queue.close();
    }
  });
});
