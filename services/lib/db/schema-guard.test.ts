import { randomBytes } from "node:crypto";
import { expect } from "chai";
import pino from "pino";
import { ensureAppRole, scramVerifier } from "./app-role";
import { postgresDatabase } from "./database";
import { migrateUp, MIGRATIONS_TABLE, SchemaNewerError } from "./migrator";
import { openDatabase } from "./open-database";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";

const silent = pino({ level: "silent" });

describe("schema guard and the services' own role (real PostgreSQL)", function () {
  this.timeout(60_000);
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => {
    await t.drop();
  });

  const config = (migrateOnStart: boolean) => ({ database: { kind: "postgres" as const, url: t.url, source: "DATABASE_URL" as const }, migrateOnStart });
  const recordFutureMigration = () =>
    t.db.query(`INSERT INTO ${MIGRATIONS_TABLE} (name, run_on) VALUES ('9999_from_a_newer_release', now())`);

  it("refuses to start on a schema a newer release migrated, naming the migration, and says what to do", async () => {
    await recordFutureMigration();
    for (const migrate of [false, true]) {
      const err = await openDatabase(config(migrate), silent).then(
        (db) => db.close().then(() => null),
        (e: unknown) => e,
      );
      expect(err, `migrate on start: ${migrate}`).to.be.instanceOf(SchemaNewerError);
      expect((err as Error).message).to.include("9999_from_a_newer_release").and.include("nps migrate down");
    }
    // `nps migrate up` of the older release refuses too, before touching anything.
    const before = await t.db.query(`SELECT count(*)::int AS n FROM ${MIGRATIONS_TABLE}`);
    await migrateUp(t.db).then(
      () => expect.fail("migrated a newer schema"),
      (e: unknown) => expect(e).to.be.instanceOf(SchemaNewerError),
    );
    expect((await t.db.query(`SELECT count(*)::int AS n FROM ${MIGRATIONS_TABLE}`)).rows).to.deep.equal(before.rows);
    // The migrate commands still look at it (status, down with the newer release).
    const db = await openDatabase(config(false), silent, { knownSchemaOnly: false });
    await db.close();
  });

  it("starts on the schema it knows", async () => {
    const db = await openDatabase(config(false), silent);
    expect((await db.query("SELECT 1 AS one")).rows).to.deep.equal([{ one: 1 }]);
    await db.close();
  });

  it("writes a SCRAM-SHA-256 verifier exactly as PostgreSQL computes it", async () => {
    const role = `nps_scram_${randomBytes(4).toString("hex")}`;
    try {
      await t.db.query("SET password_encryption = 'scram-sha-256'");
      await t.db.query(`CREATE ROLE ${role} PASSWORD 'correct horse battery staple'`);
      const stored = (await t.db.query<{ p: string }>("SELECT rolpassword AS p FROM pg_authid WHERE rolname = $1", [role])).rows[0].p;
      const salt = Buffer.from(stored.split("$")[1].split(":")[1], "base64");
      expect(scramVerifier("correct horse battery staple", salt)).to.equal(stored);
      expect(scramVerifier("another password", salt)).to.not.equal(stored);
    } finally {
      await t.db.query(`DROP ROLE IF EXISTS ${role}`);
    }
  });

  it("gives the services' role the rows of every table (and later ones), never the schema or the migrations' record", async () => {
    const role = `nps_app_${randomBytes(4).toString("hex")}`;
    const password = randomBytes(18).toString("hex");
    const asRole = postgresDatabase(t.url.replace(/\/\/[^@/]*@/, `//${role}:${password}@`), { max: 1 });
    try {
      await t.db.query("CREATE TABLE role_probe (id int PRIMARY KEY, v text)");
      await ensureAppRole(t.db, { user: role, password });
      await ensureAppRole(t.db, { user: role, password }); // idempotent: every migration run calls it
      const stored = (await t.db.query<{ p: string; login: boolean; su: boolean }>("SELECT rolpassword AS p, rolcanlogin AS login, rolsuper AS su FROM pg_authid WHERE rolname = $1", [role])).rows[0];
      expect(stored.p).to.match(/^SCRAM-SHA-256\$4096:/);
      expect([stored.login, stored.su]).to.deep.equal([true, false]);

      expect((await asRole.query("SELECT current_user AS u")).rows[0].u).to.equal(role);
      await asRole.query("INSERT INTO role_probe VALUES (1, 'a')");
      await asRole.query("UPDATE role_probe SET v = 'b' WHERE id = 1");
      expect((await asRole.query("SELECT v FROM role_probe")).rows).to.deep.equal([{ v: "b" }]);
      await asRole.query("DELETE FROM role_probe");
      expect((await asRole.query("SELECT count(*)::int AS n FROM users")).rows[0].n).to.be.a("number");
      expect((await asRole.query(`SELECT count(*)::int AS n FROM ${MIGRATIONS_TABLE}`)).rows[0].n).to.be.greaterThan(0);

      const refused = async (sql: string) =>
        asRole.query(sql).then(
          () => expect.fail(`${role} was allowed: ${sql}`),
          (e: { code?: string }) => expect(e.code, sql).to.equal("42501"),
        );
      await refused("CREATE TABLE sneaky (id int)");
      await refused("DROP TABLE users");
      await refused(`DELETE FROM ${MIGRATIONS_TABLE}`);
      await refused(`INSERT INTO ${MIGRATIONS_TABLE} (name, run_on) VALUES ('x', now())`);

      // A table a later migration creates (as the owner) is the role's to use at once.
      await t.db.query("CREATE TABLE later_table (id int)");
      await asRole.query("INSERT INTO later_table VALUES (1)");
    } finally {
      await asRole.close();
      await t.db.query(`DROP OWNED BY ${role}`).catch(() => undefined);
      await t.db.query(`DROP ROLE IF EXISTS ${role}`);
    }
  });
});
