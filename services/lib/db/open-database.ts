import type { Config } from "../config/load-config";
import type { Logger } from "../logger";
import { createPool, poolDatabase, postgresDatabase, type Database } from "./database";
import { startEmbeddedServer, type EmbeddedServer } from "./embedded";
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
  /**
   * Share this process's embedded server with the other services of one `nps start` (the API and
   * the scheduler) instead of refusing a second opener; the services pass it, nothing else does.
   */
  readonly shareEmbedded?: boolean;
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
    const server = options.shareEmbedded ? await sharedEmbeddedServer(config.database.dataDir, logger) : await startEmbeddedServer(config.database.dataDir, logger);
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

/**
 * Services sharing one process (`nps start`: the API and the scheduler) share its embedded server:
 * the data directory is locked per process, and a second PGlite on the same files would corrupt
 * them. The server closes when the last of them closes its database.
 */
const embedded = new Map<string, { server: Promise<EmbeddedServer>; users: number }>();

async function sharedEmbeddedServer(dataDir: string, logger: Logger): Promise<EmbeddedServer> {
  let entry = embedded.get(dataDir);
  if (!entry) {
    entry = { server: startEmbeddedServer(dataDir, logger), users: 0 };
    embedded.set(dataDir, entry);
  }
  const held = entry;
  held.users++;
  let server: EmbeddedServer;
  try {
    server = await held.server;
  } catch (err) {
    if (--held.users === 0) embedded.delete(dataDir);
    throw err;
  }
  let closed = false;
  return {
    url: server.url,
    socketPath: server.socketPath,
    async close() {
      if (closed) return;
      closed = true;
      if (--held.users > 0) return;
      embedded.delete(dataDir);
      await server.close();
    },
  };
}
