import { expect } from "chai";
import fs from "node:fs";
import path from "node:path";
import { postgresDatabase } from "./database";
import { migrateDown, migrateUp, migrationFiles, migrationStatus, MIGRATIONS_DIR, MIGRATIONS_TABLE } from "./migrator";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { schemaDump } from "../testing/pg-dump";

describe("migrations (real PostgreSQL)", function () {
  this.timeout(120_000);
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase({ migrated: false });
  });
  afterEach(async () => {
    await t.drop();
  });

  const tables = async () =>
    (await t.db.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows.map((r) => r.tablename);

  it("are numbered files, each with an up and a down part", () => {
    const files = migrationFiles();
    expect(files.length).to.be.greaterThan(0);
    expect(files.map((f) => f.id)).to.deep.equal(files.map((_, i) => i + 1));
    for (const f of files) {
      const text = fs.readFileSync(path.join(MIGRATIONS_DIR, `${f.name}.sql`), "utf8");
      const up = text.indexOf("-- Up Migration");
      const down = text.indexOf("-- Down Migration");
      expect(up, f.name).to.be.greaterThan(-1);
      expect(down, f.name).to.be.greaterThan(up);
      expect(text.slice(down).replace(/--.*$/gm, "").trim(), f.name).not.to.equal("");
    }
  });

  it("up -> down -> up leaves a schema identical to up (pg_dump --schema-only)", async () => {
    expect(await migrateUp(t.db)).to.deep.equal(migrationFiles().map((f) => f.name));
    const first = await schemaDump(t.url);
    expect(first).to.contain("CREATE TABLE public.oracle_readings");

    const rolledBack = await migrateDown(t.db, { to: 0 });
    expect(rolledBack).to.deep.equal(migrationFiles().map((f) => f.name).reverse());
    expect(await tables()).to.deep.equal([MIGRATIONS_TABLE]);
    const extensions = await t.db.query(`SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'`);
    expect(extensions.rows).to.deep.equal([]);

    await migrateUp(t.db);
    expect(await schemaDump(t.url)).to.equal(first);
  });

  it("undoes each migration exactly: down one step and up again gives the same schema", async () => {
    await migrateUp(t.db);
    const full = await schemaDump(t.url);
    for (const file of [...migrationFiles()].reverse()) {
      expect(await migrateDown(t.db, { to: file.id - 1 })).to.deep.equal([file.name]);
    }
    for (const file of migrationFiles()) {
      expect(await migrateUp(t.db, { to: file.id })).to.deep.equal([file.name]);
    }
    expect(await schemaDump(t.url)).to.equal(full);
    expect(await migrateUp(t.db)).to.deep.equal([]);
  });

  it("two migrators starting together apply each migration once", async () => {
    const other = postgresDatabase(t.url, { max: 2 });
    try {
      const [a, b] = await Promise.all([migrateUp(t.db), migrateUp(other)]);
      expect([...a, ...b].sort()).to.deep.equal(migrationFiles().map((f) => f.name).sort());
      expect(a.length === 0 || b.length === 0).to.equal(true);
      const recorded = await t.db.query<{ name: string; n: number }>(`SELECT name, count(*) AS n FROM ${MIGRATIONS_TABLE} GROUP BY name`);
      expect(recorded.rows.length).to.equal(migrationFiles().length);
      expect(recorded.rows.every((r) => r.n === 1)).to.equal(true);
    } finally {
      await other.close();
    }
  });

  it("reports status, and rolls back one migration by default", async () => {
    await migrateUp(t.db, { to: 2 });
    let status = await migrationStatus(t.db);
    expect(status.map((s) => s.appliedAt !== null)).to.deep.equal(migrationFiles().map((f) => f.id <= 2));
    expect(await migrateDown(t.db)).to.deep.equal([migrationFiles()[1]!.name]);
    status = await migrationStatus(t.db);
    expect(status.filter((s) => s.appliedAt !== null).map((s) => s.id)).to.deep.equal([1]);
    await migrateDown(t.db);
    expect(await migrateDown(t.db)).to.deep.equal([]);
  });

  it("refuses a negative or fractional target", async () => {
    expect(() => migrateUp(t.db, { to: -1 })).to.throw(/to: must be a migration number/);
    expect(() => migrateDown(t.db, { to: 1.5 })).to.throw(/to:/);
  });
});
