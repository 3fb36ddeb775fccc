import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { Gauge, Registry } from "prom-client";
import { parse, stringify } from "yaml";
import { renderAlertmanagerConfig } from "../../infra/render/alertmanager";
import { freePort } from "../lib/cache/test-redis-server";
import { HEALTH_PATHS } from "../lib/health-paths";
import { closeServer, createSideHttpServer, listen } from "../lib/side-http";
import { startNpsProcess, type NpsProcess } from "../lib/testing/nps-process";
import { startLocalBotApi, type LocalBotApi } from "../telegram-bot/testing/local-bot-api";

/**
 * The alert path with real parts: a Prometheus rule fires on a service's metric, a real
 * Alertmanager (Debian's package) routes it with the rendered alertmanager.yml to the alerter
 * process's webhook, and the alerter tells the admin chat on the local Bot API; then resolved;
 * repeats held back by the cooldown; with Alertmanager stopped, the alerter's own checks still alert.
 * Only the rendered config's waiting times are shortened (30 s group wait and hours of repeat
 * interval become seconds), so the test runs in seconds.
 */
describe("alerter: a real Prometheus rule, through a real Alertmanager, to Telegram", function () {
  this.timeout(90_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-alerts-"));
  const token = `6${Math.floor(Math.random() * 1e8)}:alerter`;
  const adminChat = 990_000_001;
  const children: ChildProcess[] = [];
  let tg: LocalBotApi;
  let alerter: NpsProcess;
  let alertmanager: ChildProcess;
  let oracle: http.Server;
  let api: http.Server;
  let oracleReady = true;
  let trigger: Gauge;
  let alerterPort: number;

  const spawnTool = (cmd: string, args: string[]) => {
    const c = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    c.stderr!.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    (c as ChildProcess & { log?: () => string }).log = () => err;
    children.push(c);
    return c;
  };

  const texts = async () => (await tg.client(token, adminChat).getUpdatesHistory()).map((u) => String((u as { message: { text?: string } }).message.text ?? ""));
  const waitFor = async (what: string, test: (all: string[]) => boolean, ms = 30_000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const all = await texts();
      if (test(all)) return all;
      if (Date.now() > deadline) throw new Error(`no ${what} in the admin chat within ${ms} ms; it has:\n${all.join("\n---\n")}\nalertmanager: ${(alertmanager as ChildProcess & { log?: () => string }).log?.()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  before(async () => {
    tg = await startLocalBotApi();
    // The watched service: a metrics port like the Oracle's, whose readiness and one metric the test turns.
    const registry = new Registry();
    trigger = new Gauge({ name: "nps_test_trigger", help: "1 makes the test rule fire", registers: [registry] });
    oracle = createSideHttpServer({ registry, service: "oracle", version: "test", readiness: { grpc: () => (oracleReady ? true : "draining") } });
    const oraclePort = await listen(oracle, 0, "127.0.0.1");

    // The API's readiness, always healthy here.
    api = http.createServer((_req, res) => res.end('{"status":"healthy"}'));
    const apiPort = await listen(api, 0, "127.0.0.1");
    alerterPort = await freePort();
    const amPort = await freePort();
    const am = parse(renderAlertmanagerConfig({ kind: "webhook", url: `http://127.0.0.1:${alerterPort}${HEALTH_PATHS.alerterWebhook}` })) as { route: Record<string, unknown> & { routes: Array<Record<string, unknown>> } };
    Object.assign(am.route, { group_wait: "1s", group_interval: "1s", repeat_interval: "2s" });
    for (const r of am.route.routes) r.repeat_interval = "2s";
    fs.writeFileSync(path.join(dir, "alertmanager.yml"), stringify(am));
    alertmanager = spawnTool("prometheus-alertmanager", [`--config.file=${dir}/alertmanager.yml`, `--storage.path=${dir}/am`, `--web.listen-address=127.0.0.1:${amPort}`, "--cluster.listen-address="]);

    fs.writeFileSync(
      path.join(dir, "rules.yml"),
      stringify({ groups: [{ name: "test", rules: [{ alert: "NpsTestTrigger", expr: "max(nps_test_trigger) == 1", for: "1s", labels: { severity: "critical" }, annotations: { summary: "the test trigger is on" } }] }] }),
    );
    const promPort = await freePort();
    fs.writeFileSync(
      path.join(dir, "prometheus.yml"),
      stringify({
        global: { scrape_interval: "1s", evaluation_interval: "1s" },
        rule_files: [`${dir}/rules.yml`],
        alerting: { alertmanagers: [{ static_configs: [{ targets: [`127.0.0.1:${amPort}`] }] }] },
        scrape_configs: [{ job_name: "oracle", static_configs: [{ targets: [`127.0.0.1:${oraclePort}`] }] }],
      }),
    );
    spawnTool("prometheus", [`--config.file=${dir}/prometheus.yml`, `--storage.tsdb.path=${dir}/prom`, `--web.listen-address=127.0.0.1:${promPort}`]);

    alerter = await startNpsProcess(
      ["start", "--only", "alerter"],
      {
        NPS_BOT_TOKEN: token,
        TELEGRAM_API_ROOT: tg.apiRoot,
        NPS_ADMIN_CHAT_ID: String(adminChat),
        NPS_ALERTER_PORT: String(alerterPort),
        ALERT_COOLDOWN: "300",
        ALERT_CHECK_INTERVAL: "1",
        ORACLE_HTTP_URL: `http://127.0.0.1:${oraclePort}`,
        NPS_ALERT_API_URL: `http://127.0.0.1:${apiPort}`,
        ALERTMANAGER_URL: `http://127.0.0.1:${amPort}`,
        TELEGRAM_NOTIFY_DAILY: "false",
      },
      "alerter serving",
    );
  });

  after(async () => {
    await alerter?.stop();
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : undefined)));
    if (oracle) await closeServer(oracle);
    if (api) await closeServer(api);
    await tg?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("firing, then resolved; Alertmanager's repeats held back by the cooldown", async () => {
    trigger.set(1);
    await waitFor("firing alert", (all) => all.some((t) => t.includes("FIRING") && t.includes("NpsTestTrigger")));
    // Alertmanager repeats the firing alert every 2 s; the alerter tells it once per cooldown.
    await new Promise((r) => setTimeout(r, 5_000));
    trigger.set(0);
    const all = await waitFor("resolved alert", (a) => a.some((t) => t.includes("RESOLVED") && t.includes("NpsTestTrigger")));
    expect(all.filter((t) => t.includes("FIRING") && t.includes("NpsTestTrigger"))).to.have.length(1);
    expect(all.find((t) => t.includes("FIRING") && t.includes("NpsTestTrigger"))).to.contain("the test trigger is on").and.contain("critical");
    const metrics = await (await fetch(`http://127.0.0.1:${alerterPort}/metrics`)).text();
    expect(metrics).to.match(/nps_alerter_alerts_suppressed_total\{[^}]*reason="cooldown"[^}]*\} [1-9]/);
    expect(metrics).to.match(/nps_alerter_alerts_delivered_total\{[^}]*source="alertmanager"[^}]*status="resolved"/);
  });

  it("refuses a webhook body that is not Alertmanager's, naming what is wrong", async () => {
    const res = await fetch(`http://127.0.0.1:${alerterPort}${HEALTH_PATHS.alerterWebhook}`, { method: "POST", body: "{nope", headers: { "content-type": "application/json" } });
    expect(res.status).to.equal(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).to.contain("not JSON");
    const shape = await fetch(`http://127.0.0.1:${alerterPort}${HEALTH_PATHS.alerterWebhook}`, { method: "POST", body: JSON.stringify({ status: "firing" }) });
    expect(shape.status).to.equal(400);
  });

  it("with Alertmanager stopped, the alerter's own checks still alert", async () => {
    alertmanager.kill("SIGTERM");
    await new Promise((r) => alertmanager.once("exit", r));
    oracleReady = false;
    const all = await waitFor("health alerts", (a) => a.some((t) => t.includes("Alertmanager unhealthy")) && a.some((t) => t.includes("Oracle unhealthy")));
    expect(all.find((t) => t.includes("Oracle unhealthy"))).to.contain("503").and.contain("grpc: draining");
    oracleReady = true;
    await waitFor("recovery", (a) => a.some((t) => t.includes("Oracle recovered")));
    expect((await fetch(`http://127.0.0.1:${alerterPort}/health`)).status).to.equal(200);
    expect((await texts()).some((t) => t.includes("API unhealthy"))).to.equal(false);
  });
});
