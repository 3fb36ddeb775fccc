import { expect } from "chai";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { loadConfig, type Config } from "../config/load-config";
import { silentLogger } from "../logger";
import { makeProfile, makeUser, viewerOf } from "../testing/fixtures";
import { testCipher } from "../testing/test-cipher";
import type { Database } from "./database";
import { EmbeddedDatabaseBusyError } from "./embedded";
import { ConflictError } from "./errors";
import { migrationFiles, migrationStatus } from "./migrator";
import { openDatabase } from "./open-database";
import { createRepositories } from "./repositories";

describe("the embedded default (PGlite)", function () {
  // PGlite's first start runs initdb in WebAssembly: seconds, once for the whole suite.
  this.timeout(180_000);
  let dir: string;
  let config: Config;
  let db: Database | undefined;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nps-embedded-"));
    // The database commands' view of the configuration: no signing key needed.
    config = loadConfig({}, { cwd: dir, service: "backup" });
    db = await openDatabase(config, silentLogger);
  });

  after(async () => {
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("starts from nothing under ./.nps when no database server is configured, and migrates itself", async () => {
    expect(config.database).to.deep.equal({ kind: "embedded", dataDir: path.join(dir, ".nps", "pgdata") });
    expect(db!.kind).to.equal("embedded");
    expect(fs.existsSync(path.join(dir, ".nps", "pgdata", "PG_VERSION"))).to.equal(true);
    const status = await migrationStatus(db!);
    expect(status.map((s) => s.appliedAt !== null)).to.deep.equal(migrationFiles().map(() => true));
  });

  it("listens on no TCP port: a unix socket in a folder only this account can enter", async () => {
    const url = new URL(db!.url);
    const folder = path.join(dir, ".nps", "run");
    expect(url.hostname).to.equal("");
    expect(url.searchParams.get("host")).to.equal(folder);
    const mode = (p: string) => fs.statSync(p).mode & 0o777;
    expect(mode(path.join(dir, ".nps"))).to.equal(0o700);
    expect(mode(folder)).to.equal(0o700);
    const socket = path.join(folder, ".s.PGSQL.5432");
    expect(fs.statSync(socket).isSocket()).to.equal(true);
    expect(mode(socket)).to.equal(0o600);
    // The same socket serves a second client of this account, as psql -h <folder> would.
    const other = new pg.Client({ connectionString: db!.url });
    await other.connect();
    expect((await other.query("SELECT count(*)::int AS n FROM schema_migrations")).rows[0].n).to.be.above(0);
    await other.end();
  });

  it("runs the same repositories, encryption, search and constraint errors", async () => {
    const repos = createRepositories(db!, await testCipher());
    const user = await makeUser(repos, { username: "embedded_user" });
    const profile = await makeProfile(repos, user, { name: "Anahita Rostami" });
    const reading = await repos.readings.create({ ownerId: user.id, profileId: profile.id, readingType: "question", question: "Does the river remember?", result: { question: "Does the river remember?" }, searchTerms: [profile.name] });
    expect((await repos.readings.get(reading.id, viewerOf(user)))?.question).to.equal("Does the river remember?");
    expect((await repos.readings.list(viewerOf(user), { search: "river" })).total).to.equal(1);
    expect((await repos.readings.list(viewerOf(user), { search: "anah" })).total).to.equal(1);
    const raw = await db!.query(`SELECT question FROM oracle_readings WHERE id = $1`, [reading.id]);
    expect(raw.rows[0].question).to.match(/^nps1:/);
    let err: unknown;
    try {
      await makeProfile(repos, user, { name: "Anahita Rostami" });
    } catch (e) {
      err = e;
    }
    expect(err).to.be.instanceOf(ConflictError);
    expect((err as ConflictError).field).to.equal("name");
  });

  it("serves many pooled queries and transactions at once through the one session", async () => {
    const repos = createRepositories(db!, await testCipher());
    const owner = await repos.users.findByUsername("embedded_user");
    const results = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => db!.query<{ n: number }>("SELECT $1::int * 2 AS n", [i]).then((r) => r.rows[0]!.n)),
      ...Array.from({ length: 5 }, (_, i) =>
        db!.transaction(async (tx) => {
          const t = createRepositories(tx, await testCipher());
          const r = await t.readings.create({ ownerId: owner!.id, readingType: "time", result: { i } });
          return (await t.readings.get(r.id, viewerOf(owner!)))!.result.i as number;
        }),
      ),
    ]);
    expect(results).to.deep.equal([...Array.from({ length: 20 }, (_, i) => i * 2), 0, 1, 2, 3, 4]);
    // A failed transaction leaves nothing behind.
    let err: unknown;
    try {
      await db!.transaction(async (tx) => {
        await createRepositories(tx, await testCipher()).readings.create({ ownerId: owner!.id, readingType: "time", result: { doomed: true } });
        throw new Error("changed my mind");
      });
    } catch (e) {
      err = e;
    }
    expect((err as Error).message).to.equal("changed my mind");
    const doomed = await db!.query(`SELECT count(*) AS n FROM oracle_readings WHERE result ? 'doomed'`);
    expect(doomed.rows[0].n).to.equal(0);
  });

  it("refuses a second process (or opener) on the same data directory", async () => {
    let err: unknown;
    try {
      await openDatabase(config, silentLogger);
    } catch (e) {
      err = e;
    }
    expect(err).to.be.instanceOf(EmbeddedDatabaseBusyError);
    expect((err as Error).message).to.contain(String(process.pid));
  });

  it("keeps its data across a restart, and takes over a lock left by a dead process", async () => {
    await db!.close();
    db = undefined;
    const lockFile = path.join(dir, ".nps", "pgdata.lock");
    expect(fs.existsSync(lockFile)).to.equal(false);
    fs.writeFileSync(lockFile, "2147483646"); // no such process
    db = await openDatabase(config, silentLogger);
    const repos = createRepositories(db, await testCipher());
    const user = await repos.users.findByUsername("embedded_user");
    expect(user).to.not.equal(null);
    const readings = await repos.readings.list(viewerOf(user!), { search: "river" });
    expect(readings.items.map((r) => r.question)).to.deep.equal(["Does the river remember?"]);
    expect((await migrationStatus(db)).every((s) => s.appliedAt !== null)).to.equal(true);
  });
});
