import pg from "pg";
import type { Logger } from "../logger";
import { translateDbError } from "./errors";

/**
 * The one way NPS talks to its database: parameterised SQL through a pg Pool, whether the
 * server is a real PostgreSQL or the embedded PGlite served on a local socket (./embedded.ts).
 *
 *   db.query(sql, params)               one statement on any pooled connection
 *   db.transaction(async (tx) => ...)   BEGIN/COMMIT on one connection, ROLLBACK on a throw
 *   db.connect()                        a dedicated client for session work (release it)
 *
 * Rules that keep both servers happy:
 * - Never name prepared statements, never rely on SET or temp tables: on PGlite every
 *   connection shares one session.
 * - Inside a transaction use only `tx`, never `db`: PGlite serialises transactions, so a query
 *   on another connection waits for the transaction that is waiting for it.
 * - Prefer one statement (CTEs) to a transaction where it can do the job.
 * Errors come out translated (./errors.ts): ConflictError, InvalidInputError, DatabaseUnavailableError.
 */

export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: readonly unknown[]): Promise<pg.QueryResult<R>>;
}

export interface PoolStats {
  readonly total: number;
  readonly idle: number;
  readonly waiting: number;
}

export interface Database extends Queryable {
  readonly kind: "postgres" | "embedded";
  /** Connection string for tools that open their own connection (pg_dump, psql). Contains the password: never log it. */
  readonly url: string;
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  connect(): Promise<pg.PoolClient>;
  poolStats(): PoolStats;
  /** true when a trivial query answers within the pool's connection timeout. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface PoolOptions {
  readonly max?: number;
  readonly applicationName?: string;
  readonly connectionTimeoutMs?: number;
  readonly logger?: Logger;
}

// int8 (counts, identities, chat ids) and numeric (averages) as numbers; date as 'YYYY-MM-DD'
// text, since a JS Date would shift it by the local time zone.
const PARSERS: Record<number, (value: string) => unknown> = {
  20: Number,
  1700: Number,
  1082: (value) => value,
};

const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    PARSERS[oid] ?? pg.types.getTypeParser(oid, format ?? "text")) as pg.CustomTypesConfig["getTypeParser"],
};

const SERIALIZATION_RETRIES = 3;
const RETRYABLE = new Set(["40001", "40P01"]);

export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? "nps",
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    // No statement_timeout here: PgBouncer refuses it as a startup parameter. Migration 0008
    // sets it on the database instead.
    types: TYPES,
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on("error", (err) => options.logger?.warn({ err: err.message }, "idle database connection lost"));
  return pool;
}

async function run<R extends pg.QueryResultRow>(client: pg.Pool | pg.PoolClient, text: string, params?: readonly unknown[]): Promise<pg.QueryResult<R>> {
  try {
    return await client.query<R>(text, params as unknown[] | undefined);
  } catch (err) {
    throw translateDbError(err);
  }
}

/** Wraps a pool as a Database. `onClose` runs after the pool has ended (the embedded server stops there). */
export function poolDatabase(
  pool: pg.Pool,
  kind: Database["kind"],
  url: string,
  onClose: () => Promise<void> = async () => {},
): Database {
  let closed: Promise<void> | undefined;
  return {
    kind,
    url,
    query: (text, params) => run(pool, text, params),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        let client: pg.PoolClient;
        try {
          client = await pool.connect();
        } catch (err) {
          throw translateDbError(err);
        }
        let broken = false;
        try {
          await run(client, "BEGIN");
          const tx: Queryable = { query: (text, params) => run(client, text, params) };
          const result = await fn(tx);
          await run(client, "COMMIT");
          return result;
        } catch (err) {
          try {
            await client.query("ROLLBACK");
          } catch {
            broken = true;
          }
          const code = (err as { code?: string }).code;
          if (code && RETRYABLE.has(code) && attempt < SERIALIZATION_RETRIES) continue;
          throw err;
        } finally {
          client.release(broken);
        }
      }
    },
    async connect() {
      try {
        return await pool.connect();
      } catch (err) {
        throw translateDbError(err);
      }
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async ping() {
      try {
        await pool.query("SELECT 1");
        return true;
      } catch {
        return false;
      }
    },
    close() {
      closed ??= pool.end().then(onClose);
      return closed;
    },
  };
}

/** A Database on a real PostgreSQL server. */
export function postgresDatabase(url: string, options: PoolOptions = {}): Database {
  return poolDatabase(createPool(url, options), "postgres", url);
}
