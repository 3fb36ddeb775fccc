import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { migrationFiles } from "../lib/db/migrator";
import { baseEnv, runNps, runNpsOnTerminal } from "../lib/testing/nps-process";
import { useTestDatabase } from "../lib/testing/test-database";
import { client, createProfile, createReading } from "../api/oracle/testing/feature-client";
import { startTestApi, type SignedInUser, type TestApi } from "../api/testing/api-harness";
import { totalRows } from "./backup-files";
import { sidecarOnDisk } from "./testing/sidecar-file";
import { fillDatabase } from "./testing/fill-database";
import { tableChecksums } from "./testing/table-checksums";

/** The schema this build migrates to: what a fresh backup records. */
const LATEST = migrationFiles().at(-1)!.name;
/** A restore adds its own audit row (and a cancelled one its own): the sums leave those out, the test counts them. */
const BUT_RESTORES = { where: { oracle_audit_log: "action <> 'backup.restore'" } };
const REFUSED_OFF_A_TERMINAL = "nps: restore asks for confirmation on a terminal; pass --non-interactive to restore without asking\n";
const PROMPT = "Continue? [y/N] ";


/**
 * The "done when", as an operator does it: a database filled through the API (sign-ins,
 * profiles, readings, and the audit rows they write), then the real `nps` program, each command a
 * child process with its output in pipes: backup of both kinds, list (text and JSON), verify
 * latest, damage, a restore off a terminal without --non-interactive (refused), a restore on a
 * terminal answered no (cancelled), and the restore that puts every table back.
 */
describe("nps backup, list, verify and restore round-trip a database filled through the API", function () {
  this.timeout(180_000);
  const t = useTestDatabase();
  let work: string;
  let dir: string;
  let api: TestApi;
  let alice: SignedInUser;
  let profile: string;
  let oracleFile: string;
  let fullFile: string;
  let original: Record<string, string>;
  let damaged: Record<string, string>;
  const env = () => baseEnv({ DATABASE_URL: t.url });
  // A working directory of its own: no checkout's .env reaches the commands.
  const nps = (args: string[], input?: string) => runNps(args, env(), { cwd: work, ...(input !== undefined ? { input } : {}) });
  const restoreRows = async () =>
    (await t.db.query<{ success: boolean; resource_id: string; error: string | null }>("SELECT success, resource_id, details->>'error' AS error FROM oracle_audit_log WHERE action = 'backup.restore' ORDER BY id")).rows;

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "nps-backup-cli-"));
    dir = path.join(work, "backups");
    api = await startTestApi(t.db);
    const admin = await api.signIn("admin");
    alice = await api.signIn("user");
    profile = await createProfile(api, alice, { name: "Alice Original" });
    const partner = await createProfile(api, alice, { name: "Bob Partner", gender: "male" });
    await createProfile(api, admin, { name: "Admin Own" });
    await createReading(api, alice, { reading_type: "time", profile_id: profile, date: "2026-02-09", time: "14:30" });
    await createReading(api, alice, { reading_type: "name", name: "Ada Lovelace", profile_id: profile });
    await createReading(api, alice, { reading_type: "question", question: "Will the orchard bear fruit?", profile_id: profile });
    const multi = await createReading(api, alice, { reading_type: "multi", profile_ids: [profile, partner] });
    expect((await client(api, alice).put(`/api/oracle/readings/${multi.id}/favorite`, { is_favorite: true })).status).to.be.oneOf([200, 204]);
    await createReading(api, admin, { reading_type: "stamp", stamp: "VE-OX-OXWU-RAWU-DRMT" });
    const counts = await t.db.query<{ users: number; profiles: number; readings: number; audit: number }>(
      "SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM oracle_users) AS profiles, (SELECT count(*)::int FROM oracle_readings) AS readings, (SELECT count(*)::int FROM oracle_audit_log) AS audit",
    );
    expect(counts.rows[0]).to.include({ users: 2, profiles: 3, readings: 5 });
    expect(counts.rows[0].audit, "the API's audit rows").to.be.greaterThan(0);
  });
  after(async () => {
    await api?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it("backup --type oracle, then --type full, each print their file; list shows both, newest first, as text and as JSON", async () => {
    const oracle = await nps(["backup", "--type", "oracle", "--dir", dir, "--non-interactive"]);
    expect(oracle.code, oracle.stderr).to.equal(0);
    const o = /^(\S+\/oracle\/oracle_full_\d{8}_\d{6}\.sql\.gz) \((\d+(?:\.\d)? (?:B|KiB|MiB)), 7 tables, (\d+) rows\)\n$/.exec(oracle.stdout);
    expect(o, oracle.stdout).to.not.equal(null);
    oracleFile = o![1]!;
    expect(path.dirname(path.dirname(oracleFile))).to.equal(dir);
    expect(Number(o![3])).to.equal(totalRows(sidecarOnDisk(oracleFile)));

    // Names carry whole seconds: the full backup starts in a later second, so "newest first" has one answer.
    const oracleSecond = Math.floor(Date.parse(sidecarOnDisk(oracleFile).timestamp) / 1000);
    while (Math.floor(Date.now() / 1000) <= oracleSecond) await new Promise((r) => setTimeout(r, 50));
    original = await tableChecksums(t.db, BUT_RESTORES);
    const full = await nps(["backup", "--type", "full", "--dir", dir, "--non-interactive"]);
    expect(full.code, full.stderr).to.equal(0);
    const f = /^(\S+\/nps_backup_\d{8}_\d{6}\.sql\.gz) \((\d+(?:\.\d)? (?:B|KiB|MiB)), (\d+) tables, (\d+) rows\)\n$/.exec(full.stdout);
    expect(f, full.stdout).to.not.equal(null);
    fullFile = f![1]!;
    expect(path.dirname(fullFile)).to.equal(dir);
    const s = sidecarOnDisk(fullFile);
    expect(s).to.include({ type: "full", database: t.name, schema_version: LATEST, size_bytes: fs.statSync(fullFile).size });
    expect(Number(f![3])).to.equal(s.tables.length);
    expect(Number(f![4])).to.equal(totalRows(s));
    // The sidecar's counts are the database's as it was dumped, table by table.
    for (const [table, n] of Object.entries(s.row_counts)) expect(`${n}`, table).to.equal(original[table]!.split(":")[0]);
    expect(s.row_counts).to.include({ users: 2, oracle_users: 3, oracle_readings: 5 });

    const text = await nps(["backup", "list", "--dir", dir]);
    expect(text.code, text.stderr).to.equal(0);
    const lines = text.stdout.trimEnd().split("\n");
    expect(lines, text.stdout).to.have.length(2);
    expect(lines[0]).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z {2}full {6}\s*\d+(\.\d)? (B|KiB|MiB) {2} {8} {2}(\S+)$/).and.to.match(new RegExp(`  ${fullFile.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    expect(lines[1]).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z {2}oracle {2}\s*\d+(\.\d)? (B|KiB|MiB) {2} {8} {2}(\S+)$/).and.to.include(`  ${oracleFile}`);

    const json = await nps(["backup", "list", "--dir", dir, "--json"]);
    expect(json.code, json.stderr).to.equal(0);
    const views = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    expect(views.map((v) => [v.type, v.location, v.where])).to.deep.equal([
      ["full", "local", fullFile],
      ["oracle", "local", oracleFile],
    ]);
    expect(Date.parse(views[0]!.timestamp as string)).to.be.greaterThan(Date.parse(views[1]!.timestamp as string));
    expect(views[0]).to.include({ name: path.basename(fullFile), size_bytes: s.size_bytes, sha256: s.sha256, schema_version: LATEST, rows: totalRows(s), verified: null });
    expect(lines[0]).to.include(views[0]!.timestamp as string);
  });

  it("verify latest checks the newest backup (the full one): exit 0, its one-line summary, and list shows it verified", async () => {
    const v = await nps(["backup", "verify", "latest", "--dir", dir]);
    expect(v.code, v.stderr).to.equal(0);
    expect(v.stdout).to.equal(`${fullFile}: verified (restored into a scratch database; ${sidecarOnDisk(fullFile).tables.length} tables, every row count and the sha256 match)\n`);
    const views = JSON.parse((await nps(["backup", "list", "--dir", dir, "--json"])).stdout) as Array<{ type: string; verified: { ok: boolean } | null }>;
    expect(views.map((x) => [x.type, x.verified?.ok ?? null])).to.deep.equal([
      ["full", true],
      ["oracle", null],
    ]);
    expect((await nps(["backup", "list", "--dir", dir])).stdout.split("\n")[0]).to.match(/  verified  /);
  });

  it("off a terminal, restore without --non-interactive refuses at once, even with yes on its stdin, and changes nothing", async () => {
    // The damage the backup is for: readings gone, a profile changed (through the API).
    await t.db.query("DELETE FROM oracle_readings WHERE reading_type IN ('time', 'name', 'multi')");
    expect((await client(api, alice).patch(`/api/oracle/profiles/${profile}`, { name: "Alice Changed", city: "Elsewhere" })).status).to.equal(200);
    damaged = await tableChecksums(t.db, BUT_RESTORES);
    expect(damaged.oracle_readings).to.not.equal(original.oracle_readings);
    expect(damaged.oracle_users).to.not.equal(original.oracle_users);

    for (const input of ["y\n", undefined]) {
      const r = await nps(["restore", fullFile], input);
      expect(r.code, `stdin ${JSON.stringify(input ?? "/dev/null")}`).to.equal(2);
      expect(r.stderr).to.equal(REFUSED_OFF_A_TERMINAL);
      expect(r.stdout).to.equal("");
    }
    expect(await tableChecksums(t.db, BUT_RESTORES)).to.deep.equal(damaged);
    expect(await restoreRows(), "refused before anything, so not even a failed restore").to.deep.equal([]);
  });

  it("on a terminal, restore asks; no, Enter, Ctrl+D or Ctrl+C cancels and changes nothing", async () => {
    for (const answer of ["n\r", "\r", "\x04", "\x03"]) {
      const r = await runNpsOnTerminal(["restore", fullFile], env(), { cwd: work, prompt: PROMPT, answer });
      expect(r.code, `${JSON.stringify(answer)}: ${r.output}`).to.equal(1);
      expect(r.output).to.include(`This will REPLACE the whole database ${t.name} with ${path.basename(fullFile)} (taken ${sidecarOnDisk(fullFile).timestamp}). ${PROMPT}`);
      expect(r.output, JSON.stringify(answer)).to.match(/\r\nnps: restore cancelled; nothing was changed\r\n$/);
    }
    expect(await tableChecksums(t.db, BUT_RESTORES)).to.deep.equal(damaged);
    expect(await restoreRows()).to.deep.equal(Array.from({ length: 4 }, () => ({ success: false, resource_id: path.basename(fullFile), error: "restore cancelled; nothing was changed" })));
  });

  it("restore --non-interactive prints its JSON summary and gives every table back identical", async () => {
    const r = await nps(["restore", fullFile, "--non-interactive"]);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stderr).to.equal("");
    const summary = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(summary).to.have.keys(["status", "backup", "type", "database", "schema_version", "pending_migrations", "rows", "duration_seconds"]);
    expect(summary).to.deep.include({ status: "success", backup: path.basename(fullFile), type: "full", database: t.name, schema_version: LATEST, pending_migrations: [] });
    expect(summary.rows).to.deep.equal(sidecarOnDisk(fullFile).row_counts);
    expect(summary.duration_seconds).to.be.a("number").and.to.be.greaterThan(0);

    expect(await tableChecksums(t.db, BUT_RESTORES)).to.deep.equal(original);
    // The cancelled restores' rows went with the old schema; the restore's own row is the one left.
    expect(await restoreRows()).to.deep.equal([{ success: true, resource_id: path.basename(fullFile), error: null }]);
    // And the API reads the restored data: the profile's name is back, every reading is there.
    const back = await client(api, alice).get(`/api/oracle/profiles/${profile}`);
    expect(back.status).to.equal(200);
    expect(back.body).to.include({ name: "Alice Original", city: "New York" });
    const listed = await client(api, alice).get("/api/oracle/readings");
    expect(listed.status).to.equal(200);
    expect(listed.body.total).to.equal(4);
  });
});

describe("nps backup's progress line: on a terminal, never in a pipe", function () {
  this.timeout(180_000);
  const t = useTestDatabase();
  let work: string;
  const env = () => baseEnv({ DATABASE_URL: t.url });
  /** The line progressReporter redraws: carriage return, erase to the end of the line, the words. */
  const PROGRESS = /\r\x1b\[Kbackup full: \d+(\.\d)? (B|KiB|MiB) written, \d+ s/g;

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "nps-backup-progress-"));
    // Enough rows for the dump to arrive in many pieces, each a chance to draw the line.
    await fillDatabase(t.db, { readings: 2000 });
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it("in a pipe, without --non-interactive, stderr stays empty and stdout is the result line alone", async () => {
    const r = await runNps(["backup", "--type", "full", "--dir", path.join(work, "piped")], env(), { cwd: work });
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stderr).to.equal("");
    expect(r.stdout).to.match(/^\S+\/nps_backup_\d{8}_\d{6}\.sql\.gz \([^)]+\)\n$/);
  });

  it("on a terminal, the line is redrawn as the dump grows and erased before the result; --non-interactive turns it off", async () => {
    const r = await runNpsOnTerminal(["backup", "--type", "full", "--dir", path.join(work, "terminal")], env(), { cwd: work });
    expect(r.code, r.output).to.equal(0);
    const drawn = r.output.match(PROGRESS) ?? [];
    expect(drawn.length, JSON.stringify(r.output)).to.be.greaterThan(1);
    // Just before the result the line is erased, so the result starts on a clean line (the erase
    // the command repeats on its way out, after it, leaves nothing to see either).
    expect(r.output).to.match(/backup full: [^\r]+\r\x1b\[K\S+\/nps_backup_\d{8}_\d{6}\.sql\.gz \([^)]+\)\r\n(\r\x1b\[K)?$/);

    const quiet = await runNpsOnTerminal(["backup", "--type", "full", "--dir", path.join(work, "quiet"), "--non-interactive"], env(), { cwd: work });
    expect(quiet.code, quiet.output).to.equal(0);
    expect(quiet.output).to.not.include("\x1b[K").and.not.include("written");
    expect(quiet.output).to.match(/^\S+\/nps_backup_\d{8}_\d{6}\.sql\.gz \([^)]+\)\r\n$/);
  });
});
