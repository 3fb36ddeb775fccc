import type { Config } from "../config/load-config";
import type { Logger } from "../logger";
import { createPool, poolDatabase, postgresDatabase, type Database } from "./database";
import { startEmbeddedServer } from "./embedded";
import { assertKnownSchema, migrateUp } from "./migrator";

/**
 * Opens the database the configuration names: PostgreSQL when DATABASE_URL or POSTGRES_HOST is
 * set, otherwise the embedded PGlite under NPS_DATA_DIR. Applies pending migrations first when
 * config.migrateOnStart (or options.migrate) says so. The caller closes it (lifecycle).
 *
 *   const db = await openDatabase(config, logger, { applicationName: "nps-api" });
 */

export interface OpenDatabaseOptions {
  /** Overrides config.migrateOnStart. */
  readonly migrate?: boolean;
  readonly applicationName?: string;
  /** Pool size on PostgreSQL (default 10). The embedded server always gets a small pool. */
  readonly poolMax?: number;
  /** Refuse a schema newer than this code (default true; the migrate commands look at any schema). */
  readonly knownSchemaOnly?: boolean;
}

// PGlite runs one statement at a time; a few connections let requests queue without
// holding one open transaction hostage.
const EMBEDDED_POOL_MAX = 4;

export async function openDatabase(
  config: Pick<Config, "database" | "migrateOnStart">,
  logger: Logger,
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  const poolOptions = { applicationName: options.applicationName, logger };
  let db: Database;
  if (config.database.kind === "postgres") {
    db = postgresDatabase(config.database.url, { ...poolOptions, max: options.poolMax });
  } else {
    const server = await startEmbeddedServer(config.database.dataDir, logger);
    db = poolDatabase(createPool(server.url, { ...poolOptions, max: EMBEDDED_POOL_MAX }), "embedded", server.url, () => server.close());
  }
  try {
    // Checked first: migrating a newer schema with older files would fail less clearly.
    if (options.knownSchemaOnly ?? true) await assertKnownSchema(db);
    if (options.migrate ?? config.migrateOnStart) await migrateUp(db, { logger });
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
