import fs from "node:fs";
import path from "node:path";
import { runner } from "node-pg-migrate";
import type { Logger } from "../logger";
import { InvalidInputError } from "../errors";
import type { Database } from "./database";

/**
 * Applies and rolls back the SQL migrations in database/migrations (node-pg-migrate, plain .sql
 * files with `-- Up Migration` / `-- Down Migration` parts), recording them in
 * schema_migrations. Each run holds node-pg-migrate's Postgres advisory lock on its own
 * connection and waits for it, so replicas starting together apply each migration once: the
 * later ones find nothing left to do. All pending migrations of a run share one transaction.
 *
 *   migrateUp(db, { to? })         apply pending migrations (up to number `to`)
 *   migrateDown(db, { to? })       roll back one migration, or every one numbered above `to`
 *   migrationStatus(db)            every migration file with when it was applied (or null)
 *   assertKnownSchema(db)          throws SchemaNewerError when the database holds migrations
 *                                  this code does not have (a rollback put old code on a new schema)
 */

/** database/migrations of the checkout, found upward from here (so compiled code under dist/ finds it too). */
function findMigrationsDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "database", "migrations");
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`database/migrations not found above ${__dirname}`);
  }
}

export const MIGRATIONS_DIR = findMigrationsDir();
export const MIGRATIONS_TABLE = "schema_migrations";

export interface MigrationFile {
  /** The number the file name starts with (0001_accounts.sql -> 1). */
  readonly id: number;
  /** The file name without .sql, as recorded in schema_migrations. */
  readonly name: string;
}

export interface MigrationState extends MigrationFile {
  readonly appliedAt: Date | null;
}

export interface MigrateOptions {
  /** up: apply pending migrations numbered <= to; down: roll back every applied migration numbered > to. */
  readonly to?: number;
  readonly logger?: Logger;
}

export function migrationFiles(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d+_[\w-]+\.sql$/.test(f))
    .map((f) => ({ id: Number.parseInt(f, 10), name: f.slice(0, -".sql".length) }))
    .sort((a, b) => a.id - b.id);
}

export async function migrationStatus(db: Database): Promise<MigrationState[]> {
  const exists = await db.query<{ present: boolean }>("SELECT to_regclass($1) IS NOT NULL AS present", [MIGRATIONS_TABLE]);
  const applied = new Map<string, Date>();
  if (exists.rows[0]?.present) {
    const rows = await db.query<{ name: string; run_on: Date }>(`SELECT name, run_on AT TIME ZONE current_setting('TimeZone') AS run_on FROM ${MIGRATIONS_TABLE}`);
    for (const row of rows.rows) applied.set(row.name, row.run_on);
  }
  return migrationFiles().map((m) => ({ ...m, appliedAt: applied.get(m.name) ?? null }));
}

/** The database was migrated by a newer release than this code: starting would misread its schema. */
export class SchemaNewerError extends Error {
  override readonly name = "SchemaNewerError";
  constructor(readonly unknown: readonly string[]) {
    super(
      `the database schema is newer than this release: it holds migration${unknown.length === 1 ? "" : "s"} ${unknown.join(", ")}, which this code does not know. ` +
        "Run the release that added them, or roll them back first with that release's `nps migrate down`.",
    );
  }
}

export async function assertKnownSchema(db: Database): Promise<void> {
  const known = new Set(migrationFiles().map((m) => m.name));
  const exists = await db.query<{ present: boolean }>("SELECT to_regclass($1) IS NOT NULL AS present", [MIGRATIONS_TABLE]);
  if (!exists.rows[0]?.present) return;
  const applied = await db.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY run_on, id`);
  const unknown = applied.rows.map((r) => r.name).filter((n) => !known.has(n));
  if (unknown.length > 0) throw new SchemaNewerError(unknown);
}

// One migration run at a time per Database in this process: on PGlite every connection is the
// same session, where the advisory lock is re-entrant and so cannot keep two runs apart.
const running = new WeakMap<Database, Promise<unknown>>();

function exclusive<T>(db: Database, work: () => Promise<T>): Promise<T> {
  const before = running.get(db) ?? Promise.resolve();
  const next = before.catch(() => undefined).then(work);
  running.set(db, next);
  return next;
}

function checkTarget(to: number | undefined): void {
  if (to !== undefined && (!Number.isInteger(to) || to < 0)) throw new InvalidInputError("to", "must be a migration number (0 or more)");
}

/**
 * `bound` undefined: up applies everything pending, down rolls back one. A number: up applies
 * pending migrations numbered <= bound, down rolls back applied ones numbered >= bound. The
 * bound is checked after the lock is held, so a replica migrating at the same time cannot make
 * this run go past it.
 */
async function run(db: Database, direction: "up" | "down", bound: number | undefined, logger?: Logger): Promise<string[]> {
  const client = await db.connect();
  try {
    const done = await runner({
      dbClient: client,
      dir: MIGRATIONS_DIR,
      migrationsTable: MIGRATIONS_TABLE,
      direction,
      ...(bound === undefined ? { count: direction === "up" ? Number.POSITIVE_INFINITY : 1 } : { count: bound, timestamp: true }),
      singleTransaction: true,
      advisoryLockMode: "wait",
      checkOrder: true,
      logger: {
        debug: (msg: string) => logger?.debug(msg),
        info: (msg: string) => logger?.debug(msg),
        warn: (msg: string) => logger?.warn(msg),
        error: (msg: string) => logger?.error(msg),
      },
    });
    const names = done.map((m) => m.name);
    if (names.length > 0) logger?.info({ direction, migrations: names }, direction === "up" ? "applied migrations" : "rolled back migrations");
    return names;
  } finally {
    client.release();
  }
}

/** Applies pending migrations; resolves to the names applied (empty when up to date). */
export function migrateUp(db: Database, options: MigrateOptions = {}): Promise<string[]> {
  checkTarget(options.to);
  return exclusive(db, async () => {
    await assertKnownSchema(db);
    return run(db, "up", options.to, options.logger);
  });
}

/** Rolls back the last migration, or with `to`, every applied migration numbered above it. */
export function migrateDown(db: Database, options: MigrateOptions = {}): Promise<string[]> {
  checkTarget(options.to);
  return exclusive(db, () => run(db, "down", options.to === undefined ? undefined : options.to + 1, options.logger));
}
