import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import TelegramServer from "telegram-test-api";
import { loadConfig } from "../lib/config/load-config";
import { Lifecycle } from "../lib/lifecycle";
import pino from "pino";
import { freePort } from "../lib/cache/test-redis-server";
import { useTestDatabase } from "../lib/testing/test-database";
import { METRICS } from "../lib/metric-names";
import { backupServiceMain } from "./main";
import { nextRuns, type Clock } from "./scheduler";
import { fillDatabase } from "./testing/fill-database";

/** A clock that moves only when the test says so. */
class TestClock implements Clock {
  private waiters: { until: number; resolve: () => void }[] = [];
  constructor(private t: number) {}
  now = () => new Date(this.t);
  sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const w = { until: this.t + ms, resolve };
      this.waiters.push(w);
      signal.addEventListener("abort", () => reject(signal.reason), { once: true });
    });
  /** Moves to `iso`, waking every sleeper whose time has come. */
  advanceTo(iso: string): void {
    this.t = Date.parse(iso);
    const due = this.waiters.filter((w) => w.until <= this.t);
    this.waiters = this.waiters.filter((w) => w.until > this.t);
    for (const w of due) w.resolve();
  }
  get sleeping(): number {
    return this.waiters.length;
  }
}

const until = async (what: string, check: () => boolean, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe("backup schedule", () => {
  it("the seed's: daily 00:00 UTC the Oracle tables, Sunday 03:00 UTC the whole database", () => {
    const schedules = loadConfig({}, { service: "backup" }).backup.schedules;
    // Saturday 2026-02-14, 12:00 UTC.
    const next = nextRuns(schedules, new Date("2026-02-14T12:00:00Z"));
    expect(next.map((d) => [d.kind, d.at.toISOString()])).to.deep.equal([
      ["oracle", "2026-02-15T00:00:00.000Z"],
      ["full", "2026-02-15T03:00:00.000Z"],
    ]);
    expect(nextRuns(schedules, new Date("2026-02-15T03:00:00Z")).map((d) => d.at.toISOString())).to.deep.equal(["2026-02-16T00:00:00.000Z", "2026-02-22T03:00:00.000Z"]);
  });
});

describe("the backup service (nps start --only backup)", function () {
  this.timeout(120_000);
  const t = useTestDatabase();
  let dir: string;
  let telegram: TelegramServer;
  let lifecycle: Lifecycle;
  const runs: { kind: string; ok: boolean }[] = [];
  const clock = new TestClock(Date.parse("2026-02-14T23:59:50Z"));
  let port: number;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-backup-service-"));
    await fillDatabase(t.db, { readings: 300 });
    const tgPort = await freePort();
    telegram = new TelegramServer({ port: tgPort, host: "127.0.0.1", storeTimeout: 60 });
    await telegram.start();
    const config = loadConfig({
      DATABASE_URL: t.url,
      BACKUP_DIR: dir,
      NPS_BACKUP_METRICS_PORT: "0",
      TELEGRAM_ENABLED: "true",
      NPS_BOT_TOKEN: "123456:backup-test",
      NPS_ADMIN_CHAT_ID: "4242",
      TELEGRAM_API_ROOT: `http://127.0.0.1:${tgPort}`,
      LOG_LEVEL: "ERROR",
    }, { service: "backup" });
    // The failing run logs its error by design; the test reads the outcome from metrics instead.
    const logger = pino({ level: "silent" });
    lifecycle = new Lifecycle(logger);
    ({ port } = await backupServiceMain({ clock, onRun: (kind, ok) => runs.push({ kind, ok }) })({ config, logger, lifecycle, together: false }));
  });
  after(async () => {
    await lifecycle?.shutdown("test done");
    await telegram?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const metricsText = async () => (await fetch(`http://127.0.0.1:${port}/metrics`)).text();

  it("is ready, and nothing runs before it is due", async () => {
    const ready = await fetch(`http://127.0.0.1:${port}/ready`);
    expect(ready.status).to.equal(200);
    expect(((await ready.json()) as { checks: unknown }).checks).to.deep.equal({ database: "healthy", backup_dir: "healthy" });
    await until("the scheduler to sleep", () => clock.sleeping > 0);
    clock.advanceTo("2026-02-14T23:59:59Z");
    await new Promise((r) => setTimeout(r, 200));
    expect(runs).to.deep.equal([]);
    expect(await metricsText()).to.not.include(`${METRICS.backup.lastSuccess}{`);
  });

  it("fires the daily Oracle backup at 00:00 UTC, verifies it, reports it in metrics and the admin chat", async () => {
    clock.advanceTo("2026-02-15T00:00:00Z");
    await until("the oracle run", () => runs.length === 1);
    expect(runs[0]).to.deep.equal({ kind: "oracle", ok: true });
    const file = path.join(dir, "oracle", "oracle_full_20260215_000000.sql.gz");
    expect(fs.existsSync(file)).to.equal(true);
    const sidecar = JSON.parse(fs.readFileSync(file.replace(".sql.gz", ".meta.json"), "utf8"));
    expect(sidecar.verification.ok).to.equal(true);
    const text = await metricsText();
    const at = Date.parse("2026-02-15T00:00:00Z") / 1000;
    expect(text).to.include(`${METRICS.backup.lastSuccess}{kind="oracle",service="backup"} ${at}`);
    expect(text).to.include(`${METRICS.backup.lastVerified}{kind="oracle",service="backup"} ${at}`);
    expect(text).to.include(`${METRICS.backup.runs}{kind="oracle",outcome="success",service="backup"} 1`);
    expect(text).to.match(new RegExp(`${METRICS.backup.sizeBytes}\\{kind="oracle",service="backup"\\} ${sidecar.size_bytes}`));
    await until("the admin chat message", () => telegram.storage.botMessages.length >= 1);
    const message = telegram.storage.botMessages[0].message as { chat_id: number | string; text: string };
    expect(Number(message.chat_id)).to.equal(4242);
    expect(message.text).to.include("oracle backup oracle_full_20260215_000000.sql.gz").and.include("restored and checked");
    const audit = await t.db.query("SELECT actor_username, success, resource_id FROM oracle_audit_log WHERE action = 'backup.create'");
    expect(audit.rows).to.deep.equal([{ actor_username: "nps-backup", success: true, resource_id: "oracle_full_20260215_000000.sql.gz" }]);
  });

  it("fires the weekly full backup on Sunday 03:00 UTC", async () => {
    clock.advanceTo("2026-02-15T02:59:59Z");
    await new Promise((r) => setTimeout(r, 200));
    expect(runs).to.have.length(1);
    clock.advanceTo("2026-02-15T03:00:00Z");
    await until("the full run", () => runs.length === 2);
    expect(runs[1]).to.deep.equal({ kind: "full", ok: true });
    expect(fs.existsSync(path.join(dir, "nps_backup_20260215_030000.sql.gz"))).to.equal(true);
    expect(await metricsText()).to.include(`${METRICS.backup.lastVerified}{kind="full",service="backup"}`);
  });

  it("a failing run is counted, told, and the schedule goes on", async () => {
    await t.db.query("ALTER TABLE oracle_share_links RENAME TO oracle_share_links_moved");
    try {
      clock.advanceTo("2026-02-16T00:00:00Z");
      await until("the failing run", () => runs.length === 3);
      expect(runs[2]).to.deep.equal({ kind: "oracle", ok: false });
      expect(await metricsText()).to.include(`${METRICS.backup.runs}{kind="oracle",outcome="failure",service="backup"} 1`);
      await until("the failure message", () => telegram.storage.botMessages.some((m) => String((m.message as { text: string }).text).includes("FAILED")));
    } finally {
      await t.db.query("ALTER TABLE oracle_share_links_moved RENAME TO oracle_share_links");
    }
    clock.advanceTo("2026-02-17T00:00:00Z");
    await until("the next run", () => runs.length === 4);
    expect(runs[3]).to.deep.equal({ kind: "oracle", ok: true });
  });
});
