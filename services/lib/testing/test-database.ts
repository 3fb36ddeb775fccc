import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { envSpec } from "../config/env-spec";
import { postgresDatabase, type Database } from "../db/database";
import { isProcessAlive } from "../db/embedded";
import { MIGRATIONS_DIR, migrateUp, migrationFiles } from "../db/migrator";

/**
 * A fresh, migrated database per test suite, on the local PostgreSQL named by
 * NPS_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres; the role must be
 * allowed to CREATE DATABASE).
 *
 * Fast because migrations run once: a template database named after a hash of the migration
 * files is built (under an advisory lock, so parallel runs build it once) and kept between runs
 * until a migration changes; each test database is a `CREATE DATABASE ... TEMPLATE` copy.
 * Databases left behind by a killed run are dropped the next time a template is checked.
 *
 *   describe("my store", () => {
 *     const t = useTestDatabase();            // before(): create; after(): drop
 *     it("...", async () => { await t.db.query("SELECT 1"); });
 *   });
 *
 * Or by hand: `const tdb = await createTestDatabase(); ... await tdb.drop();`.
 * `{ migrated: false }` gives an empty database (for migration tests).
 */

export interface TestDatabase {
  readonly name: string;
  /** Connection string of this database (for pg_dump, a second pool, a child process). */
  readonly url: string;
  readonly db: Database;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  readonly migrated?: boolean;
}

const PREFIX = "nps_test_";
const TEMPLATE_PREFIX = `${PREFIX}tpl_`;
const TEMPLATE_LOCK = 7_431_002;

export function testServerUrl(): string {
  return process.env.NPS_TEST_DATABASE_URL || envSpec("NPS_TEST_DATABASE_URL").default!;
}

/** The same server URL pointing at another database. */
export function databaseUrl(name: string, base = testServerUrl()): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

function migrationsHash(): string {
  const h = createHash("sha256");
  for (const m of migrationFiles()) h.update(m.name).update(fs.readFileSync(path.join(MIGRATIONS_DIR, `${m.name}.sql`)));
  return h.digest("hex").slice(0, 16);
}

function isLocalServer(): boolean {
  return ["127.0.0.1", "localhost", "::1", "[::1]"].includes(new URL(testServerUrl()).hostname);
}

/**
 * Templates of other migration sets stay while a run may still use them: checkouts of different
 * branches test side by side on one server. Each use stamps the template's comment with the time;
 * one unused for TEMPLATE_IDLE_MS is dropped.
 */
const TEMPLATE_IDLE_MS = 6 * 3600_000;

async function staleTemplates(admin: pg.Client): Promise<Set<string>> {
  const { rows } = await admin.query<{ datname: string; used: string | null }>(
    "SELECT datname, shobj_description(oid, 'pg_database') AS used FROM pg_database WHERE datname LIKE 'nps\\_test\\_tpl\\_%'",
  );
  const now = Date.now();
  return new Set(rows.filter((r) => !(Number(r.used) > now - TEMPLATE_IDLE_MS)).map((r) => r.datname));
}

async function dropOrphans(admin: pg.Client, keepTemplate: string): Promise<void> {
  const stale = await staleTemplates(admin);
  const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'nps\\_test\\_%'");
  for (const { datname } of rows) {
    const pid = /^nps_test_(\d+)_/.exec(datname)?.[1];
    const orphan = pid !== undefined && isLocalServer() && !isProcessAlive(Number(pid));
    const oldTemplate = datname.startsWith(TEMPLATE_PREFIX) && datname !== keepTemplate && stale.has(datname);
    if (!orphan && !oldTemplate) continue;
    // Another run may still be cloning an old template; then it stays until next time.
    await admin.query(`DROP DATABASE IF EXISTS ${ident(datname)} WITH (FORCE)`).catch(() => undefined);
  }
}

let templateReady: Promise<string> | undefined;

/** Builds (once per migration set) and returns the name of the migrated template database. */
export function migratedTemplate(): Promise<string> {
  templateReady ??= withAdmin(async (admin) => {
    const template = `${TEMPLATE_PREFIX}${migrationsHash()}`;
    await admin.query("SELECT pg_advisory_lock($1)", [TEMPLATE_LOCK]);
    try {
      await dropOrphans(admin, template);
      const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
      if (exists.rowCount === 0) {
        // Built under another name and renamed when complete, so a killed build is never used.
        const building = `${template}_build`;
        await admin.query(`DROP DATABASE IF EXISTS ${ident(building)} WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${ident(building)}`);
        const db = postgresDatabase(databaseUrl(building), { max: 2 });
        try {
          await migrateUp(db);
        } finally {
          await db.close();
        }
        await admin.query(`ALTER DATABASE ${ident(building)} RENAME TO ${ident(template)}`);
      }
      await admin.query(`COMMENT ON DATABASE ${ident(template)} IS '${Date.now()}'`);
      return template;
    } finally {
      await admin.query("SELECT pg_advisory_unlock($1)", [TEMPLATE_LOCK]);
    }
  });
  templateReady.catch(() => {
    templateReady = undefined;
  });
  return templateReady;
}

let counter = 0;

async function createDatabase(name: string, template: string | undefined): Promise<void> {
  await withAdmin(async (admin) => {
    const sql = template ? `CREATE DATABASE ${ident(name)} TEMPLATE ${ident(template)}` : `CREATE DATABASE ${ident(name)}`;
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(sql);
        return;
      } catch (err) {
        // 55006: another session is copying the same template at this instant.
        if ((err as { code?: string }).code !== "55006" || attempt >= 20) throw err;
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  });
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const name = `${PREFIX}${process.pid}_${++counter}_${randomBytes(3).toString("hex")}`;
  for (let attempt = 1; ; attempt++) {
    const template = options.migrated === false ? undefined : await migratedTemplate();
    try {
      await createDatabase(name, template);
      break;
    } catch (err) {
      // 3D000: the template was dropped by a run with other migrations; build ours again. Two
      // runs with different migration sets can keep dropping each other's: try a while.
      if ((err as { code?: string }).code !== "3D000" || attempt >= 12) throw err;
      templateReady = undefined;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 400 * attempt));
    }
  }
  const url = databaseUrl(name);
  const db = postgresDatabase(url, { max: 5, applicationName: "nps-test" });
  let dropped: Promise<void> | undefined;
  return {
    name,
    url,
    db,
    drop() {
      dropped ??= db.close().then(() => withAdmin(async (admin) => void (await admin.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`))));
      return dropped;
    },
  };
}

/** Mocha hooks: a database created before the suite and dropped after it. */
export function useTestDatabase(options: TestDatabaseOptions = {}): { readonly db: Database; readonly url: string; readonly name: string } {
  let current: TestDatabase | undefined;
  before(async function () {
    this.timeout(120_000);
    current = await createTestDatabase(options);
  });
  after(async () => {
    await current?.drop();
  });
  const get = (): TestDatabase => {
    if (!current) throw new Error("useTestDatabase: the database exists only inside the suite's tests and hooks");
    return current;
  };
  return {
    get db() {
      return get().db;
    },
    get url() {
      return get().url;
    },
    get name() {
      return get().name;
    },
  };
}
