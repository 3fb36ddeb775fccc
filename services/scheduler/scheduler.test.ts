import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect } from "chai";
import { Cron } from "croner";
import { createFieldCipher } from "../lib/crypto/create-field-cipher";
import { postgresDatabase } from "../lib/db/database";
import { createRepositories, type Repositories } from "../lib/db/repositories";
import { silentLogger } from "../lib/logger";
import { makeProfile, makeUser } from "../lib/testing/fixtures";
import { startOtlpReceiver } from "../lib/testing/otlp-receiver";
import { useTestDatabase } from "../lib/testing/test-database";
import { loadConfig } from "../lib/config/load-config";
import { openDatabase } from "../lib/db/open-database";
import { createOracleClient } from "../oracle/client";
import { runDailyReadings, type DailyRunDeps } from "./daily-run";
import { METRICS } from "../lib/metric-names";
import { createRegistry } from "../lib/metrics";
import { catchUp } from "./catch-up";
import { SchedulerMetrics } from "./metrics";
import { CATCH_UP_DAYS, catchUpDates, dailyPattern, latestRunDate } from "./schedule";

const ENCRYPTION = { NPS_ENCRYPTION_KEY: "e".repeat(64), NPS_ENCRYPTION_SALT: "f".repeat(32) };

describe("daily-reading scheduler: when it runs", () => {
  it("catches up the latest scheduled day: today once the hour has passed, else yesterday", () => {
    expect(latestRunDate(new Date("2026-02-09T00:04:59Z"), 0, 5)).to.equal("2026-02-08");
    expect(latestRunDate(new Date("2026-02-09T00:05:00Z"), 0, 5)).to.equal("2026-02-09");
    expect(latestRunDate(new Date("2026-03-01T23:00:00Z"), 23, 30)).to.equal("2026-02-28");
  });

  it("a catch-up makes every scheduled day in CATCH_UP_DAYS not on record, after the first ever made", () => {
    /** Days from..to, each on record (the scheduler ran every day of them). */
    const ran = (from: string, to: string): string[] => {
      const out: string[] = [];
      for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d = new Date(d.getTime() + 86_400_000)) out.push(d.toISOString().slice(0, 10));
      return out;
    };
    const now = new Date("2026-02-09T06:00:00Z");
    // Nothing on record yet: a new installation makes the latest day only.
    expect(catchUpDates(now, 0, 5, { first: null, dates: [] })).to.deep.equal(["2026-02-09"]);
    // Down since the 6th's run: the 7th, 8th and 9th, oldest first.
    expect(catchUpDates(now, 0, 5, { first: "2026-01-01", dates: ran("2026-01-01", "2026-02-06") })).to.deep.equal(["2026-02-07", "2026-02-08", "2026-02-09"]);
    // A day whose pass had a failure is not on record: made again.
    expect(catchUpDates(now, 0, 5, { first: "2026-01-01", dates: [...ran("2026-01-01", "2026-02-06"), "2026-02-08", "2026-02-09"] })).to.deep.equal(["2026-02-07"]);
    // Before the hour, the latest scheduled day is yesterday.
    expect(catchUpDates(new Date("2026-02-09T00:04:00Z"), 0, 5, { first: "2026-01-01", dates: ran("2026-01-01", "2026-02-07") })).to.deep.equal(["2026-02-08"]);
    // Down for months: the last CATCH_UP_DAYS days, oldest first, across a month's end.
    const long = catchUpDates(new Date("2026-03-02T06:00:00Z"), 0, 5, { first: "2025-10-01", dates: [] });
    expect(long).to.have.length(CATCH_UP_DAYS);
    expect([long[0], long.at(-1)]).to.deep.equal(["2026-01-31", "2026-03-02"]);
    // Never a day before the first pass ever made.
    expect(catchUpDates(now, 0, 5, { first: "2026-02-08", dates: ["2026-02-08"] })).to.deep.equal(["2026-02-09"]);
  });

  it("fires at NPS_DAILY_SCHEDULER_HOUR:MINUTE UTC by croner's own reckoning", () => {
    const cron = new Cron(dailyPattern(0, 5), { timezone: "UTC", paused: true });
    expect(cron.nextRun(new Date("2026-02-09T00:04:00Z"))?.toISOString()).to.equal("2026-02-09T00:05:00.000Z");
    expect(cron.nextRun(new Date("2026-02-09T00:05:00Z"))?.toISOString()).to.equal("2026-02-10T00:05:00.000Z");
    cron.stop();
  });
});

describe("daily-reading scheduler: runs on real PostgreSQL", function () {
  this.timeout(60_000);
  const t = useTestDatabase();
  const config = loadConfig({ DATABASE_URL: "postgres://unused@127.0.0.1/unused", ORACLE_GRPC_HOST: "127.0.0.1", ORACLE_GRPC_PORT: "1", ...ENCRYPTION }, { service: "scheduler" });
  let repos: Repositories;

  /** A scheduler replica: its own pool and Oracle client (in-process here: no Oracle server runs). */
  async function replica(): Promise<DailyRunDeps & { close(): Promise<void> }> {
    const db = postgresDatabase(t.url, { max: 3 });
    const oracle = createOracleClient(config, { options: { retries: 0, deadlineMs: 2_000 } });
    return { db, repos: createRepositories(db, await createFieldCipher(config.encryption)), oracle, logger: silentLogger, close: async () => (oracle.close(), await db.close()) };
  }

  before(async () => {
    repos = createRepositories(t.db, await createFieldCipher(config.encryption));
  });

  it("two schedulers at once: exactly one daily reading per profile, encrypted; a later pass makes none", async () => {
    const owners = await Promise.all([makeUser(repos), makeUser(repos)]);
    const profiles = await Promise.all(owners.flatMap((o) => [makeProfile(repos, o, { mother_name: "Secret Mother" }), makeProfile(repos, o)]));
    const gone = await makeProfile(repos, owners[0]!);
    await repos.profiles.softDelete(gone.id, { userId: owners[0]!.id, seesAll: false });
    const inactive = await makeUser(repos, { isActive: false });
    await makeProfile(repos, inactive);

    const date = "2026-02-09";
    const [a, b] = await Promise.all([replica(), replica()]);
    try {
      const [ra, rb] = await Promise.all([runDailyReadings(a, date), runDailyReadings(b, date)]);
      expect(ra.generated + rb.generated).to.equal(4);
      expect(ra.failed + rb.failed).to.equal(0);
      expect([ra.missing, rb.missing].sort()).to.deep.equal([0, 4]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
    // Every copy ever written, withdrawn ones included: one per profile.
    const { rows } = await t.db.query<{ profile_id: string; n: number }>(
      `SELECT profile_id, count(*)::int AS n FROM oracle_readings WHERE reading_type = 'daily' AND sign_value = $1 GROUP BY profile_id`,
      [date],
    );
    expect(rows.map((r) => r.profile_id).sort()).to.deep.equal(profiles.map((p) => p.id).sort());
    expect(rows.every((r) => r.n === 1)).to.equal(true);
    const raw = await t.db.query<{ input: unknown }>(`SELECT input::text AS input FROM oracle_readings WHERE reading_type = 'daily' AND sign_value = $1`, [date]);
    expect(JSON.stringify(raw.rows)).not.to.contain("Secret Mother");
    // Each owner finds its readings in its own history, decrypted.
    const mine = await repos.readings.list({ userId: owners[0]!.id, seesAll: false }, { readingType: "daily", view: "summary" });
    expect(mine.total).to.equal(2);

    const again = await replica();
    try {
      expect(await runDailyReadings(again, date)).to.deep.include({ missing: 0, generated: 0, failed: 0 });
    } finally {
      await again.close();
    }
  });

  it("down 3 days: the catch-up makes each missed day's reading for every active profile, once", async () => {
    await t.db.query("TRUNCATE daily_reading_runs");
    const owner = await makeUser(repos);
    const profiles = await Promise.all([makeProfile(repos, owner), makeProfile(repos, owner)]);
    await makeProfile(repos, await makeUser(repos, { isActive: false }));
    // Other tests' profiles share the database: every live profile of an active account counts.
    const active = (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM oracle_users p JOIN users u ON u.id = p.owner_id AND u.is_active WHERE p.deleted_at IS NULL")).rows[0]!.n;
    const schedule = { hourUtc: 0, minute: 5 };
    const deps = await replica();
    const metrics = new SchedulerMetrics(createRegistry("scheduler"));
    const daily = async (dates: readonly string[]) =>
      (await t.db.query<{ profile_id: string; day: string; n: number }>(
        `SELECT d.profile_id, d.reading_date::text AS day, count(*)::int AS n FROM oracle_daily_readings d
          WHERE d.reading_date = ANY($1::date[]) AND d.profile_id = ANY($2::uuid[]) GROUP BY 1, 2 ORDER BY 2, 1`,
        [dates, profiles.map((p) => p.id)],
      )).rows;
    try {
      // The last pass before the downtime: 2026-04-10, on time.
      expect((await catchUp(deps, metrics, new Date("2026-04-10T00:05:00Z"), schedule)).map((r) => r.date)).to.deep.equal(["2026-04-10"]);
      // Back three days later, after the hour: the 11th, 12th and 13th, oldest first.
      const back = await catchUp(deps, metrics, new Date("2026-04-13T09:30:00Z"), schedule);
      expect(back.map((r) => [r.date, r.generated, r.failed])).to.deep.equal([["2026-04-11", active, 0], ["2026-04-12", active, 0], ["2026-04-13", active, 0]]);
      const made = await daily(["2026-04-11", "2026-04-12", "2026-04-13"]);
      expect(made).to.have.length(3 * profiles.length);
      expect(made.every((r) => r.n === 1)).to.equal(true);
      // A second run (a restart, the next replica) makes none.
      expect(await catchUp(deps, metrics, new Date("2026-04-13T09:31:00Z"), schedule)).to.deep.equal([]);
      // A day on record stays done: a reading its owner deleted is not made again.
      const gone = await repos.daily.find(profiles[0]!.id, "2026-04-12", { userId: owner.id, seesAll: false });
      await repos.readings.softDelete(gone!.readingId, { userId: owner.id, seesAll: false });
      expect(await catchUp(deps, metrics, new Date("2026-04-13T10:00:00Z"), schedule)).to.deep.equal([]);
      // The next tick makes the new day only.
      expect((await catchUp(deps, metrics, new Date("2026-04-14T00:05:00Z"), schedule)).map((r) => [r.date, r.generated])).to.deep.equal([["2026-04-14", active]]);
      const counted = await metrics.registry.getSingleMetric(METRICS.scheduler.dailyReadings)!.get();
      expect(counted.values.find((v) => v.labels.outcome === "generated")?.value).to.equal(5 * active);
    } finally {
      await deps.close();
    }
  });

  it("a pass with a failure leaves its day off the record: the next catch-up makes it again", async () => {
    await t.db.query("TRUNCATE daily_reading_runs");
    const owner = await makeUser(repos);
    const failing = await makeProfile(repos, owner, { name: "Oracle Refuses" });
    const schedule = { hourUtc: 0, minute: 5 };
    const deps = await replica();
    const metrics = new SchedulerMetrics(createRegistry("scheduler"));
    let refusing = true;
    // The Oracle fails this one profile's reading while `refusing`; every other reading is made.
    const daily: DailyRunDeps["oracle"]["daily"] = (request) =>
      refusing && request.profile.name === failing.name ? Promise.reject(new Error("the Oracle is down")) : deps.oracle.daily(request);
    const flaky = { ...deps, oracle: Object.assign(Object.create(deps.oracle) as DailyRunDeps["oracle"], { daily }) };
    const onRecord = async (day: string) => (await t.db.query("SELECT 1 FROM daily_reading_runs WHERE run_date = $1", [day])).rowCount;
    try {
      const first = await catchUp(flaky, metrics, new Date("2026-08-10T06:00:00Z"), schedule);
      expect(first.map((r) => [r.date, r.failed])).to.deep.equal([["2026-08-10", 1]]);
      expect(await onRecord("2026-08-10")).to.equal(0);
      refusing = false;
      const again = await catchUp(flaky, metrics, new Date("2026-08-10T07:00:00Z"), schedule);
      expect(again.map((r) => [r.date, r.generated, r.failed])).to.deep.equal([["2026-08-10", 1, 0]]);
      expect(await onRecord("2026-08-10")).to.equal(1);
      expect(await repos.daily.find(failing.id, "2026-08-10", { userId: owner.id, seesAll: false })).to.not.equal(null);
    } finally {
      await deps.close();
    }
  });

  it("a catch-up told to stop finishes the day it is making and leaves the rest for the next start", async () => {
    await t.db.query("TRUNCATE daily_reading_runs");
    await makeProfile(repos, await makeUser(repos));
    const schedule = { hourUtc: 0, minute: 5 };
    const deps = await replica();
    const metrics = new SchedulerMetrics(createRegistry("scheduler"));
    try {
      await catchUp(deps, metrics, new Date("2026-09-01T06:00:00Z"), schedule);
      // Three days missed; the service is told to stop while the first is made.
      let asked = 0;
      const stopping = () => asked++ > 0;
      const stopped = await catchUp(deps, metrics, new Date("2026-09-04T06:00:00Z"), schedule, stopping);
      expect(stopped.map((r) => r.date)).to.deep.equal(["2026-09-02"]);
      expect((await catchUp(deps, metrics, new Date("2026-09-04T06:01:00Z"), schedule)).map((r) => r.date)).to.deep.equal(["2026-09-03", "2026-09-04"]);
    } finally {
      await deps.close();
    }
  });

  it("nps daily-readings: one pass for a day, its summary as JSON; a bad date is refused", async () => {
    const owner = await makeUser(repos);
    await makeProfile(repos, owner);
    const run = promisify(execFile);
    const cli = path.resolve(__dirname, "../../bin/nps.js");
    const env = { ...process.env, DATABASE_URL: t.url, ORACLE_GRPC_HOST: "127.0.0.1", ORACLE_GRPC_PORT: "1", LOG_LEVEL: "error", NPS_MIGRATE_ON_START: "false", ...ENCRYPTION };
    const { stdout } = await run(process.execPath, [cli, "daily-readings", "--date", "2026-03-01"], { env });
    const summary = JSON.parse(stdout) as { date: string; generated: number; failed: number };
    expect(summary).to.include({ date: "2026-03-01", failed: 0 });
    expect(summary.generated).to.be.at.least(1);
    const bad = await run(process.execPath, [cli, "daily-readings", "--date", "2026-02-30"], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(bad).to.include({ code: 2 });
    expect((bad as { stderr: string }).stderr).to.contain("--date");
  });

  it("nps daily-readings --date leaves the catch-up's record alone: a day asked by hand moves no first day", async () => {
    await t.db.query("TRUNCATE daily_reading_runs");
    await makeProfile(repos, await makeUser(repos));
    const run = promisify(execFile);
    const cli = path.resolve(__dirname, "../../bin/nps.js");
    const env = { ...process.env, DATABASE_URL: t.url, ORACLE_GRPC_HOST: "127.0.0.1", ORACLE_GRPC_PORT: "1", LOG_LEVEL: "error", NPS_MIGRATE_ON_START: "false", ...ENCRYPTION };
    const schedule = { hourUtc: 0, minute: 5 };
    const deps = await replica();
    const metrics = new SchedulerMetrics(createRegistry("scheduler"));
    try {
      // A fresh installation; tomorrow's readings made ahead by hand: today is still made.
      await run(process.execPath, [cli, "daily-readings", "--date", "2026-07-02"], { env });
      expect((await catchUp(deps, metrics, new Date("2026-07-01T06:00:00Z"), schedule)).map((r) => r.date)).to.deep.equal(["2026-07-01"]);
      // A day long gone made by hand: the next tick makes its own day, no month of back-filling.
      await run(process.execPath, [cli, "daily-readings", "--date", "2026-01-15"], { env });
      expect((await catchUp(deps, metrics, new Date("2026-07-02T00:05:00Z"), schedule)).map((r) => r.date)).to.deep.equal(["2026-07-02"]);
    } finally {
      await deps.close();
    }
  });

  it("nps daily-readings pushes its metrics before it exits (the prod stack's scheduled task)", async () => {
    const owner = await makeUser(repos);
    await makeProfile(repos, owner);
    const receiver = await startOtlpReceiver();
    try {
      const run = promisify(execFile);
      const cli = path.resolve(__dirname, "../../bin/nps.js");
      const env = { ...process.env, DATABASE_URL: t.url, ORACLE_GRPC_HOST: "127.0.0.1", ORACLE_GRPC_PORT: "1", LOG_LEVEL: "error", NPS_MIGRATE_ON_START: "false", NPS_METRICS_PUSH_URL: receiver.url, ...ENCRYPTION };
      const before = Date.now() / 1000;
      const { stdout } = await run(process.execPath, [cli, "daily-readings", "--date", "2026-05-01"], { env });
      const after = Date.now() / 1000;
      const summary = JSON.parse(stdout) as { generated: number; existing: number; failed: number };
      expect(summary.failed).to.equal(0);
      // The process has exited: what it measured is at the receiver.
      expect(receiver.received).to.have.length(1);
      const points = receiver.points();
      expect(points.every((p) => p.service === "scheduler" && p.name.startsWith("nps_scheduler_")), "only the scheduler's own metrics").to.equal(true);
      const value = (name: string, labels: Record<string, string> = {}) => points.find((p) => p.name === name && Object.entries(labels).every(([k, v]) => p.labels[k] === v))?.value;
      expect(value(METRICS.scheduler.dailyReadings, { outcome: "generated" })).to.equal(summary.generated).and.be.at.least(1);
      expect(value(METRICS.scheduler.runs, { outcome: "success" })).to.equal(1);
      const last = value(METRICS.scheduler.lastSuccess);
      expect(last).to.be.within(Math.floor(before), Math.ceil(after));

      // A receiver that refuses: told on stderr, the run's outcome unchanged.
      receiver.status = 500;
      const refused = await run(process.execPath, [cli, "daily-readings", "--date", "2026-05-01"], { env });
      expect(JSON.parse(refused.stdout)).to.include({ generated: 0, failed: 0 });
      expect(refused.stderr).to.contain("metrics not pushed");
    } finally {
      await receiver.close();
    }
  });
});

describe("daily-reading scheduler: beside the API in one `nps start`", function () {
  this.timeout(120_000);
  it("shares the process's embedded database with the API, and the last to close releases it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-shared-"));
    const config = loadConfig({ NPS_DATA_DIR: dir }, { cwd: dir, service: "scheduler" });
    try {
      const api = await openDatabase(config, silentLogger, { shareEmbedded: true });
      const scheduler = await openDatabase(config, silentLogger, { shareEmbedded: true, migrate: false });
      await api.query("CREATE TABLE IF NOT EXISTS shared_probe (n int)");
      await scheduler.query("INSERT INTO shared_probe VALUES (1)");
      expect((await api.query("SELECT count(*)::int AS n FROM shared_probe")).rows[0].n).to.equal(1);
      await api.close();
      expect((await scheduler.query("SELECT 1 AS one")).rows[0].one).to.equal(1);
      await scheduler.close();
      expect(fs.existsSync(path.join(dir, "pgdata.lock"))).to.equal(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
