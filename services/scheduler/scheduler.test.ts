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
import { useTestDatabase } from "../lib/testing/test-database";
import { loadConfig } from "../lib/config/load-config";
import { openDatabase } from "../lib/db/open-database";
import { createOracleClient } from "../oracle/client";
import { runDailyReadings, type DailyRunDeps } from "./daily-run";
import { dailyPattern, latestRunDate } from "./schedule";

const ENCRYPTION = { NPS_ENCRYPTION_KEY: "e".repeat(64), NPS_ENCRYPTION_SALT: "f".repeat(32) };

describe("daily-reading scheduler: when it runs", () => {
  it("catches up the latest scheduled day: today once the hour has passed, else yesterday", () => {
    expect(latestRunDate(new Date("2026-02-09T00:04:59Z"), 0, 5)).to.equal("2026-02-08");
    expect(latestRunDate(new Date("2026-02-09T00:05:00Z"), 0, 5)).to.equal("2026-02-09");
    expect(latestRunDate(new Date("2026-03-01T23:00:00Z"), 23, 30)).to.equal("2026-02-28");
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
