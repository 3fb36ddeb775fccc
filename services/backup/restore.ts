import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import pg from "pg";
import { CliError } from "../cli-error";
import { migrationFiles } from "../lib/db/migrator";
import type { Sidecar } from "./backup-files";
import { checkBackup } from "./backup-check";
import { startTool, toolMessage } from "./child";
import { migrationNumber, rowCounts, schemaVersion, serverVersion } from "./database-facts";
import { findPgTools, toolConnection, type FindOptions } from "./pg-tools";
import { restorePostlude, restorePrelude } from "./restore-sql";

/**
 * Restores a checked backup into a database with psql, in one transaction (./restore-sql.ts):
 * prelude, the gunzipped dump, then the row-count check and COMMIT, streamed into psql's stdin.
 * If the file fails to decompress, psql is killed before COMMIT; if psql or this process dies,
 * the server rolls the transaction back. Either way the database keeps its old data.
 */

export interface RestoreRunOptions {
  readonly tools?: FindOptions;
  readonly scratch?: boolean;
  readonly signal?: AbortSignal;
  /** application_name of psql's session (tests find it in pg_stat_activity). */
  readonly applicationName?: string;
}

/** Streams one restore through psql; throws a CliError with psql's reason when it does not commit. */
export async function runRestoreSql(file: string, url: string, sidecar: Sidecar, o: RestoreRunOptions = {}): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: "nps-restore-check" });
  await client.connect();
  let major: number;
  try {
    major = (await serverVersion(client)).major;
  } finally {
    await client.end();
  }
  const tools = await findPgTools(major, o.tools);
  const conn = toolConnection(url, o.applicationName ?? "nps-restore");
  const psql = startTool(tools.psql, ["-X", "-q", "-v", "ON_ERROR_STOP=1", `--dbname=${conn.dbArg}`], conn.env, "pipe", o.signal);
  psql.child.stdout?.resume();
  const sql = { type: sidecar.type, rowCounts: sidecar.row_counts, scratch: o.scratch };
  async function* input() {
    yield Buffer.from(restorePrelude(sql));
    yield* fs.createReadStream(file, { highWaterMark: 256 * 1024 }).pipe(zlib.createGunzip({ chunkSize: 64 * 1024 }));
    yield Buffer.from(restorePostlude(sql));
  }
  let streamError: unknown;
  const fed = pipeline(input(), psql.child.stdin!).catch((err: unknown) => {
    // Never let psql see an orderly end of input after a broken stream: kill it, so no COMMIT.
    streamError = err;
    psql.kill();
  });
  const [exit] = await Promise.all([psql.exited, fed]);
  if (exit.code === 0 && streamError === undefined) return;
  const stderr = psql.stderrText();
  if (streamError !== undefined && !/EPIPE/.test(String(streamError)) && !stderr) {
    throw new CliError(`restore of ${path.basename(file)} failed reading the file (${(streamError as Error).message}); nothing was changed`, 1);
  }
  throw new CliError(`restore of ${path.basename(file)} failed, nothing was changed: ${toolMessage("psql", stderr, exit)}`, 1);
}

export interface RestoreSummary {
  readonly status: "success";
  readonly backup: string;
  readonly type: Sidecar["type"];
  readonly database: string;
  readonly schema_version: string;
  /** Migrations of this build newer than the restored schema: services apply them at start (or nps migrate up). */
  readonly pending_migrations: string[];
  readonly rows: Record<string, number>;
  readonly duration_seconds: number;
}


/**
 * Whether a checked backup may go into this database: a full one of any schema this build knows
 * (services migrate it forward at start); an oracle one only at the database's own schema, since
 * it refills tables the database already has.
 */
export async function checkTarget(sidecar: Sidecar, url: string): Promise<{ database: string; schema: string | undefined }> {
  const client = new pg.Client({ connectionString: url, application_name: "nps-restore-check" });
  await client.connect();
  try {
    const database = (await client.query<{ d: string }>("SELECT current_database() AS d")).rows[0].d;
    const schema = await schemaVersion(client);
    if (sidecar.type === "oracle" && schema !== sidecar.schema_version) {
      throw new CliError(
        `an oracle backup restores only into a database at its own schema: the backup is at ${sidecar.schema_version}, ${database} is at ${schema ?? "no schema"}; restore a full backup, or migrate to ${sidecar.schema_version} first`,
        1,
      );
    }
    return { database, schema };
  } finally {
    await client.end();
  }
}

/** Checks the file and the target, restores, and counts what is there afterwards. */
export async function restoreBackup(file: string, url: string, o: RestoreRunOptions & { confirm?: (s: Sidecar, database: string) => Promise<boolean> } = {}): Promise<RestoreSummary> {
  const started = process.hrtime.bigint();
  const sidecar = await checkBackup(file);
  const { database } = await checkTarget(sidecar, url);
  if (o.confirm && !(await o.confirm(sidecar, database))) throw new CliError("restore cancelled; nothing was changed", 1);
  await runRestoreSql(file, url, sidecar, o);
  const client = new pg.Client({ connectionString: url, application_name: "nps-restore-check" });
  await client.connect();
  try {
    const rows = await rowCounts(client, sidecar.tables);
    const restored = migrationNumber(sidecar.schema_version);
    return {
      status: "success",
      backup: path.basename(file),
      type: sidecar.type,
      database,
      schema_version: sidecar.schema_version,
      pending_migrations: migrationFiles().filter((m) => m.id > restored).map((m) => m.name),
      rows,
      duration_seconds: Number(process.hrtime.bigint() - started) / 1e9,
    };
  } finally {
    await client.end();
  }
}
