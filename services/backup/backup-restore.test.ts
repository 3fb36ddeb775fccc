import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { expect } from "chai";
import { CliError } from "../cli-error";
import { createTestDatabase, useTestDatabase } from "../lib/testing/test-database";
import { sidecarNameOf } from "./backup-files";
import { checkBackup } from "./backup-check";
import { createBackup } from "./dump";
import { restoreBackup } from "./restore";
import { verifyBackup } from "./verify";
import { fillDatabase } from "./testing/fill-database";
import { tableChecksums } from "./testing/table-checksums";
import { ORACLE_TABLES } from "./oracle-tables";
import { migrationFiles } from "../lib/db/migrator";

/** The schema this build migrates to: what a fresh backup records. */
const LATEST = migrationFiles().at(-1)!.name;
import { sidecarPathOf, writeSidecar } from "./sidecar-io";
import { sidecarOnDisk } from "./testing/sidecar-file";

async function refused(p: Promise<unknown>, pattern: RegExp): Promise<void> {
  try {
    await p;
  } catch (err) {
    expect(err).to.be.instanceOf(CliError);
    expect((err as Error).message).to.match(pattern);
    return;
  }
  expect.fail(`expected a refusal matching ${pattern}`);
}

/** A copy of a backup (and its sidecar) under another directory, for damaging. */
function copyBackup(file: string, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const to = path.join(dir, path.basename(file));
  fs.copyFileSync(file, to);
  fs.copyFileSync(sidecarPathOf(file), sidecarPathOf(to));
  return to;
}


describe("backup and restore (real PostgreSQL, pg_dump, psql)", function () {
  this.timeout(120_000);
  const t = useTestDatabase();
  let dir: string;
  let full: string;
  let oracle: string;
  let original: Record<string, string>;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-backup-test-"));
    await fillDatabase(t.db, { readings: 1500 });
    original = await tableChecksums(t.db);
    full = (await createBackup({ url: t.url, kind: "full", backupDir: dir, now: () => new Date("2026-02-14T03:00:00Z") })).file;
    oracle = (await createBackup({ url: t.url, kind: "oracle", backupDir: dir, now: () => new Date("2026-02-14T00:00:00Z") })).file;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes the seed's names and a sidecar whose row counts and sha256 describe the file", async () => {
    expect(path.relative(dir, full)).to.equal("nps_backup_20260214_030000.sql.gz");
    expect(path.relative(dir, oracle)).to.equal(path.join("oracle", "oracle_full_20260214_000000.sql.gz"));
    const s = sidecarOnDisk(full);
    expect(s).to.include({ filename: "nps_backup_20260214_030000.sql.gz", type: "full", timestamp: "2026-02-14T03:00:00.000Z", schema_version: LATEST, database: t.name });
    expect(s.size_bytes).to.equal(fs.statSync(full).size);
    expect(s.row_counts.oracle_readings).to.equal(1500);
    expect(s.tables).to.include.members(["users", "oracle_readings", "telegram_links", "schema_migrations"]);
    for (const [table, n] of Object.entries(s.row_counts)) expect(original[table].split(":")[0], table).to.equal(String(n));
    const o = sidecarOnDisk(oracle);
    expect(o.tables).to.deep.equal([...ORACLE_TABLES]);
    expect(await checkBackup(full)).to.deep.include({ sha256: s.sha256 });
    // Plain SQL under one header line of ours: any psql could read it.
    const text = zlib.gunzipSync(fs.readFileSync(full)).toString("utf8");
    expect(text.split("\n")[0]).to.match(/^-- nps-backup \{"format":"nps-backup\/1","type":"full"/);
    expect(text).to.include("COPY public.oracle_readings");
  });

  it("verify restores into a scratch database, checks every count and drops it", async () => {
    for (const file of [full, oracle]) {
      const { verification, scratch } = await verifyBackup(file, t.url);
      expect(verification.ok, verification.error).to.equal(true);
      expect(verification.row_counts).to.deep.equal(sidecarOnDisk(file).row_counts);
      expect(sidecarOnDisk(file).verification?.ok).to.equal(true);
      const left = await t.db.query("SELECT 1 FROM pg_database WHERE datname = $1", [scratch]);
      expect(left.rowCount, `${scratch} dropped`).to.equal(0);
    }
  });

  it("full: backup, damage, restore gives every table back identical", async () => {
    await t.db.query("DELETE FROM oracle_readings WHERE reading_type IN ('time', 'name')");
    await t.db.query("UPDATE users SET is_active = false");
    await t.db.query("DELETE FROM telegram_links");
    await t.db.query("CREATE TABLE stray (x int)");
    expect(await tableChecksums(t.db)).to.not.deep.equal(original);
    const summary = await restoreBackup(full, t.url);
    expect(summary).to.include({ status: "success", type: "full", database: t.name, schema_version: LATEST });
    expect(summary.pending_migrations).to.deep.equal([]);
    expect(summary.rows.oracle_readings).to.equal(1500);
    expect(await tableChecksums(t.db)).to.deep.equal(original);
  });

  it("oracle: restores the Oracle tables, leaves every other table untouched, merges the audit log", async () => {
    await t.db.query("DELETE FROM oracle_readings WHERE reading_type = 'daily'");
    await t.db.query("UPDATE oracle_users SET city = 'Elsewhere'");
    await t.db.query("UPDATE users SET failed_attempts = 2");
    await t.db.query("UPDATE telegram_links SET telegram_username = 'changed'");
    await t.db.query("INSERT INTO oracle_audit_log (action, success) VALUES ('auth.login', true)");
    const damaged = await tableChecksums(t.db);
    const summary = await restoreBackup(oracle, t.url);
    expect(summary.type).to.equal("oracle");
    const after = await tableChecksums(t.db);
    for (const table of Object.keys(original)) {
      if (table === "oracle_audit_log") continue;
      const expected = (ORACLE_TABLES as readonly string[]).includes(table) ? original[table] : damaged[table];
      expect(after[table], table).to.equal(expected);
    }
    // The row written after the backup is kept; every row of the backup is back.
    expect(summary.rows.oracle_audit_log).to.equal(Number(original.oracle_audit_log.split(":")[0]) + 1);
    const kept = await t.db.query("SELECT count(*)::int AS n FROM oracle_audit_log WHERE action = 'auth.login'");
    expect(kept.rows[0].n).to.equal(1);
    // Still append-only afterwards.
    let refusedDelete = false;
    await t.db.query("DELETE FROM oracle_audit_log").catch(() => (refusedDelete = true));
    expect(refusedDelete).to.equal(true);
    // The daily preferences still point at their profiles (the key was dropped and added back).
    const prefs = await t.db.query("SELECT count(*)::int AS n FROM telegram_daily_preferences WHERE profile_id IS NOT NULL");
    expect(prefs.rows[0].n).to.equal(20);
  });

  describe("refuses bad files and leaves the database exactly as it was", () => {
    let before: Record<string, string>;
    let bad: string;
    beforeEach(async () => {
      before = await tableChecksums(t.db);
      bad = path.join(dir, `bad-${Math.random().toString(36).slice(2)}`);
    });
    afterEach(async () => expect(await tableChecksums(t.db)).to.deep.equal(before));

    it("corrupt (a flipped byte)", async () => {
      const file = copyBackup(full, bad);
      const bytes = fs.readFileSync(file);
      bytes[Math.floor(bytes.length / 2)] ^= 0xff;
      fs.writeFileSync(file, bytes);
      await refused(restoreBackup(file, t.url), /sha256 .* does not match .* damaged/);
      await refused(verifyBackup(file, t.url), /damaged/);
    });

    it("truncated", async () => {
      const file = copyBackup(full, bad);
      fs.truncateSync(file, Math.floor(fs.statSync(file).size / 3));
      await refused(restoreBackup(file, t.url), /truncated or damaged/);
    });

    it("truncated, with a sidecar rewritten to match it: psql never commits", async () => {
      const file = copyBackup(full, bad);
      fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
      const { createHash } = await import("node:crypto");
      const data = fs.readFileSync(file);
      await writeSidecar(sidecarPathOf(file), { ...sidecarOnDisk(file), size_bytes: data.length, sha256: createHash("sha256").update(data).digest("hex") });
      await refused(restoreBackup(file, t.url), /nothing was changed/);
    });

    it("foreign: a plain pg_dump | gzip with no sidecar, then with a forged one", async () => {
      fs.mkdirSync(bad, { recursive: true });
      const file = path.join(bad, "nps_backup_20260101_000000.sql.gz");
      const { execFileSync } = await import("node:child_process");
      fs.writeFileSync(file, zlib.gzipSync(execFileSync("pg_dump", ["--no-owner", t.url], { maxBuffer: 1 << 28 })));
      await refused(restoreBackup(file, t.url), /no nps_backup_20260101_000000\.meta\.json beside it/);
      const { createHash } = await import("node:crypto");
      const data = fs.readFileSync(file);
      await writeSidecar(sidecarPathOf(file), { ...sidecarOnDisk(full), filename: path.basename(file), size_bytes: data.length, sha256: createHash("sha256").update(data).digest("hex") });
      await refused(restoreBackup(file, t.url), /foreign dump/);
      fs.writeFileSync(sidecarPathOf(file), JSON.stringify({ filename: path.basename(file), backup_type: "full" }));
      await refused(restoreBackup(file, t.url), /not an NPS backup sidecar/);
    });

    it("newer schema", async () => {
      // As a later NPS would write it: header and sidecar both at a schema this build lacks.
      const file = copyBackup(full, bad);
      const lines = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8").split("\n");
      lines[0] = lines[0].replace(LATEST, "0999_from_the_future");
      const data = zlib.gzipSync(lines.join("\n"));
      fs.writeFileSync(file, data);
      const { createHash } = await import("node:crypto");
      await writeSidecar(sidecarPathOf(file), { ...sidecarOnDisk(file), schema_version: "0999_from_the_future", size_bytes: data.length, sha256: createHash("sha256").update(data).digest("hex") });
      await refused(restoreBackup(file, t.url), new RegExp(`schema 0999_from_the_future is newer than this NPS knows \\(${LATEST}\\)`));
    });

    it("an oracle backup into a database at another schema", async () => {
      const file = copyBackup(oracle, bad);
      await t.db.query("UPDATE schema_migrations SET name = '0999_later' WHERE name = $1", [LATEST]);
      try {
        await refused(restoreBackup(file, t.url), /restores only into a database at its own schema/);
      } finally {
        await t.db.query("UPDATE schema_migrations SET name = $1 WHERE name = '0999_later'", [LATEST]);
      }
    });

    it("a file whose name its sidecar does not describe", async () => {
      const file = copyBackup(full, bad);
      const renamed = path.join(bad, "nps_backup_20250101_000000.sql.gz");
      fs.renameSync(file, renamed);
      fs.renameSync(sidecarPathOf(file), path.join(bad, sidecarNameOf(path.basename(renamed))));
      await refused(restoreBackup(renamed, t.url), /describes nps_backup_20260214_030000\.sql\.gz/);
    });
  });

  it("a backup of a database that is not NPS's is refused before anything is written", async () => {
    const empty = await createTestDatabase({ migrated: false });
    try {
      await refused(createBackup({ url: empty.url, kind: "full", backupDir: path.join(dir, "empty") }), /not an NPS database/);
      expect(fs.existsSync(path.join(dir, "empty"))).to.equal(false);
    } finally {
      await empty.drop();
    }
  });
});
